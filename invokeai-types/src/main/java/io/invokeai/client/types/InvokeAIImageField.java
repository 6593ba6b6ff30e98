package io.invokeai.client.types;

import io.invokeai.client.FieldSpec;
import io.invokeai.client.ImageCategory;
import io.invokeai.client.ImageUpload;
import io.invokeai.client.InvalidInputException;
import io.invokeai.client.InvokeAIField;
import io.invokeai.client.InvokeAIImage;
import io.invokeai.client.spi.FieldContext;
import io.invokeai.client.spi.FieldType;
import io.invokeai.client.types.internal.Checks;
import io.invokeai.client.types.internal.Rejection;
import io.invokeai.client.types.internal.SingleType;
import io.invokeai.client.types.internal.Values;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * An image ({@code ImageField}, JSON {@code {"image_name": ...}}): either an image already on the server, or a local
 * image that is uploaded when the job is submitted ({@link #prepare}), never when it is set.
 *
 * <p>Accepted values:
 *
 * <ul>
 *   <li>a {@code String}: the <em>name of an image on the server</em> (e.g. from a previous job). It is never read
 *       as a file path; text containing {@code /} or {@code \} is rejected to catch that mistake. Pass a
 *       {@link Path} to upload a local file.
 *   <li>a {@link Path} or {@link File}: a local file, checked to be a readable regular file at once and read when
 *       uploaded;
 *   <li>{@code byte[]}: an encoded image (PNG, JPEG or WebP, recognised by its signature for the upload's file
 *       name); {@link #of(FieldSpec, byte[], String)} names it explicitly;
 *   <li>a {@link BufferedImage}: encoded as PNG at once (a later change to the image does not leak in);
 *   <li>an {@link ImageUpload}: uploaded as configured (category, board, intermediate);
 *   <li>another {@link InvokeAIImage}, e.g. a job's output, by its server name.
 * </ul>
 *
 * <p>Local images are uploaded as {@code user} images, not intermediate, like the GUI's uploads. As an output
 * (read with a {@link FieldContext}) the field downloads through that context; {@link #bytesAsync()} also works for
 * a local image, returning its local bytes.
 *
 * <p>For a {@code SINGLE_OR_COLLECTION} input (e.g. {@code ip_adapter.image}) a list yields an
 * {@link InvokeAIImageCollectionField}.
 */
public final class InvokeAIImageField extends InvokeAIField<InvokeAIImageField.Source> implements InvokeAIImage {
    /** The field type for {@code ImageField} inputs and outputs, single or single-or-list. */
    public static final FieldType TYPE = SingleType.singleOrList(
                    "ImageField",
                    InvokeAIImageField::check,
                    spec -> describeItem(),
                    (spec, inputName, source, context) -> new InvokeAIImageField(spec, source, context, inputName),
                    InvokeAIImageCollectionField.TYPE)
            // an image output given as an input can still download through the context it was read with
            .withContextOf(given -> given instanceof InvokeAIImageField f ? f.context : null);

    /** Where the image is: on the server, or still local. */
    public sealed interface Source permits ServerImage, LocalFile, LocalImage {}

    /** An image on the server, by name. */
    public record ServerImage(String imageName) implements Source {
        public ServerImage {
            if (imageName == null || imageName.isBlank()) {
                throw new IllegalArgumentException("image name is empty");
            }
        }
    }

    /** A local file, read and uploaded at submit. */
    public record LocalFile(Path path) implements Source {
        public LocalFile {
            Objects.requireNonNull(path, "path");
        }
    }

    /** Local image bytes, uploaded at submit. */
    public record LocalImage(ImageUpload upload) implements Source {
        public LocalImage {
            Objects.requireNonNull(upload, "upload");
        }
    }

    private final FieldContext context;
    private final String inputName;

    private InvokeAIImageField(FieldSpec spec, Source value, FieldContext context, String inputName) {
        super(spec, value);
        this.context = context;
        this.inputName = inputName;
    }

    /**
     * A field for any accepted value (see the class comment).
     *
     * @throws InvalidInputException for other values, or a missing or unreadable file
     */
    public static InvokeAIImageField of(FieldSpec spec, Object image) {
        return (InvokeAIImageField) TYPE.fromJava(spec, Checks.inputName(spec), image);
    }

    /** Encoded image bytes with the file name to upload them under (its extension sets the content type). */
    public static InvokeAIImageField of(FieldSpec spec, byte[] encodedImage, String fileName) {
        return of(spec, ImageUpload.of(encodedImage, fileName));
    }

    /** An unset field. */
    public static InvokeAIImageField unset(FieldSpec spec) {
        return new InvokeAIImageField(spec, null, null, Checks.inputName(spec));
    }

    /** The source, when set. */
    public Optional<Source> source() {
        return value();
    }

    /** Whether the image is on the server (so {@link #imageName()} is known). */
    public boolean isOnServer() {
        return value().orElse(null) instanceof ServerImage;
    }

    /**
     * The server name.
     *
     * @throws IllegalStateException when unset or still local (it gets a name when the job is submitted)
     */
    @Override
    public String imageName() {
        Source source = value().orElseThrow(() -> new IllegalStateException("The image field is unset"));
        if (source instanceof ServerImage s) {
            return s.imageName();
        }
        throw new IllegalStateException(
                "The image " + placeholder(source) + " is local; it gets a server name when the job is submitted");
    }

    @Override
    public CompletableFuture<byte[]> bytesAsync() {
        Source source = value().orElse(null);
        if (source instanceof LocalImage l) {
            return CompletableFuture.completedFuture(l.upload().bytes());
        }
        if (source instanceof LocalFile f) {
            try {
                return CompletableFuture.completedFuture(Files.readAllBytes(f.path()));
            } catch (IOException e) {
                return CompletableFuture.failedFuture(new UncheckedIOException("Cannot read " + f.path(), e));
            }
        }
        try {
            return connection().downloadImage(imageName());
        } catch (IllegalStateException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Saves a server image into {@code directory}; a local image fails, as it has no server name yet. */
    @Override
    public CompletableFuture<Path> saveToAsync(Path directory) {
        try {
            return connection().downloadImage(imageName(), directory);
        } catch (IllegalStateException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private FieldContext connection() {
        if (context == null) {
            throw new IllegalStateException("The image " + displayValue()
                    + " was not read from a server, so it cannot be downloaded; use the field of a job output");
        }
        return context;
    }

    @Override
    public JsonValue toJson() {
        return value().map(InvokeAIImageField::json).orElse(JsonValue.NULL);
    }

    @Override
    public String displayValue() {
        return value().map(s -> s instanceof ServerImage i ? i.imageName() : placeholder(s))
                .orElse("<unset>");
    }

    @Override
    public boolean needsPreparation() {
        return value().map(s -> !(s instanceof ServerImage)).orElse(false);
    }

    /** Uploads a local image and returns the field with its server name; a server image is returned as is. */
    @Override
    public CompletableFuture<InvokeAIImageField> prepare(FieldContext context) {
        if (!needsPreparation()) {
            return CompletableFuture.completedFuture(this);
        }
        return upload(context, inputName, spec(), value().orElseThrow())
                .thenApply(name -> new InvokeAIImageField(spec(), new ServerImage(name), context, inputName));
    }

    /** A field for one item of an image list. */
    static InvokeAIImageField item(FieldSpec spec, Source source, FieldContext context, String inputName) {
        return new InvokeAIImageField(spec, source, context, inputName);
    }

    static JsonValue json(Source source) {
        String name = source instanceof ServerImage s ? s.imageName() : placeholder(source);
        return Json.createObjectBuilder().add("image_name", name).build();
    }

    /** Dry runs show a local image as {@code <upload:file.png>}. */
    static String placeholder(Source source) {
        if (source instanceof LocalFile f) {
            return "<upload:" + f.path().getFileName() + ">";
        }
        if (source instanceof LocalImage l) {
            return "<upload:" + l.upload().fileName() + ">";
        }
        return ((ServerImage) source).imageName();
    }

    /** Reads (for a file) and uploads a local image; fails naming the input when the file cannot be read. */
    static CompletableFuture<String> upload(FieldContext context, String inputName, FieldSpec spec, Source source) {
        if (source instanceof ServerImage s) {
            return CompletableFuture.completedFuture(s.imageName());
        }
        ImageUpload upload;
        if (source instanceof LocalFile f) {
            try {
                upload = ImageUpload.of(f.path()).category(ImageCategory.USER).intermediate(false);
            } catch (UncheckedIOException | IllegalArgumentException e) {
                return CompletableFuture.failedFuture(new InvalidInputException(
                        inputName, TYPE.describe(spec), f.path(), "cannot read it: " + e.getMessage()));
            }
        } else {
            upload = ((LocalImage) source).upload();
        }
        return context.uploadImage(upload);
    }

    /**
     * Checks a value or a list item: a given value ({@link #source}) or one read from JSON ({@link #fromJsonItem});
     * shared with {@link InvokeAIImageCollectionField}.
     */
    static Source check(FieldSpec spec, Object given, boolean strict) {
        return strict ? source(given) : fromJsonItem(given);
    }

    /** Converts one given value to a source. */
    private static Source source(Object given) {
        if (given instanceof InvokeAIImageField field) {
            return field.value().orElseThrow(() -> new Rejection("the image field is unset"));
        }
        if (given instanceof InvokeAIImage image) {
            try {
                return new ServerImage(image.imageName());
            } catch (IllegalStateException | IllegalArgumentException e) {
                throw new Rejection(e.getMessage());
            }
        }
        Object v = Values.unwrap(given);
        if (v instanceof Source s) {
            return s;
        }
        if (v instanceof CharSequence cs) {
            return serverImage(cs.toString());
        }
        if (v instanceof File f) {
            return localFile(f.toPath());
        }
        if (v instanceof Path p) {
            return localFile(p);
        }
        if (v instanceof byte[] bytes) {
            if (bytes.length == 0) {
                throw new Rejection("the image is empty");
            }
            return new LocalImage(upload(ImageUpload.of(bytes, sniffFileName(bytes))));
        }
        if (v instanceof BufferedImage image) {
            try {
                return new LocalImage(upload(ImageUpload.of(image)));
            } catch (UncheckedIOException | IllegalArgumentException e) {
                throw new Rejection("it cannot be encoded as PNG: " + e.getMessage());
            }
        }
        if (v instanceof ImageUpload upload) {
            return new LocalImage(upload);
        }
        if (v instanceof Map<?, ?> map && map.containsKey("image_name")) {
            String name = Values.string(map, "image_name");
            if (name == null) {
                throw new Rejection("\"image_name\" must be text");
            }
            return serverImage(name);
        }
        throw new Rejection(null);
    }

    /** A source read from stored JSON: {@code {"image_name": ...}} (or a bare name). */
    private static Source fromJsonItem(Object json) {
        Object v = Values.unwrap(json);
        if (v instanceof CharSequence cs && !cs.toString().isBlank()) {
            return new ServerImage(cs.toString());
        }
        if (v instanceof Map<?, ?> map && Values.string(map, "image_name") != null) {
            String name = Values.string(map, "image_name");
            if (!name.isBlank()) {
                return new ServerImage(name);
            }
        }
        throw new Rejection(null);
    }

    private static ImageUpload upload(ImageUpload upload) {
        return upload.category(ImageCategory.USER).intermediate(false);
    }

    private static ServerImage serverImage(String name) {
        if (name.isBlank()) {
            throw new Rejection("the image name is empty");
        }
        if (name.contains("/") || name.contains("\\")) {
            throw new Rejection("text is a server image name, not a path; pass a Path to upload a local file");
        }
        return new ServerImage(name);
    }

    private static LocalFile localFile(Path path) {
        if (!Files.isRegularFile(path)) {
            throw new Rejection(Files.exists(path) ? "it is not a regular file" : "the file does not exist");
        }
        if (!Files.isReadable(path)) {
            throw new Rejection("the file is not readable");
        }
        return new LocalFile(path);
    }

    /** An upload file name whose extension matches the bytes' format, so the content type is right. */
    static String sniffFileName(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) {
            return "image.jpg";
        }
        if (b.length >= 12
                && b[0] == 'R'
                && b[1] == 'I'
                && b[2] == 'F'
                && b[3] == 'F'
                && b[8] == 'W'
                && b[9] == 'E'
                && b[10] == 'B'
                && b[11] == 'P') {
            return "image.webp";
        }
        return "image.png";
    }

    static String describeItem() {
        return "image (server image name, Path, byte[], BufferedImage or ImageUpload)";
    }
}
