package io.invokeai.client;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import javax.imageio.ImageIO;

/**
 * An image to upload, with where it should go. The bytes are read once, up front, so that an upload can be hashed
 * (uploads are deduplicated by content) and repeated safely.
 */
public final class ImageUpload {
    private final byte[] bytes;
    private final String fileName;
    private final String contentType;
    private final ImageCategory category;
    private final boolean intermediate;
    private final Optional<String> boardId;

    private ImageUpload(
            byte[] bytes,
            String fileName,
            String contentType,
            ImageCategory category,
            boolean intermediate,
            Optional<String> boardId) {
        this.bytes = bytes;
        this.fileName = fileName;
        this.contentType = contentType;
        this.category = category;
        this.intermediate = intermediate;
        this.boardId = boardId;
    }

    /** Reads an image file; the content type follows the file name (png, jpg, webp). */
    public static ImageUpload of(Path file) {
        Objects.requireNonNull(file, "file");
        try {
            return of(Files.readAllBytes(file), file.getFileName().toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read image file " + file, e);
        }
    }

    public static ImageUpload of(byte[] encodedImage, String fileName) {
        Objects.requireNonNull(encodedImage, "encodedImage");
        Objects.requireNonNull(fileName, "fileName");
        if (encodedImage.length == 0) {
            throw new IllegalArgumentException("image '" + fileName + "' is empty");
        }
        return new ImageUpload(
                encodedImage.clone(), fileName, contentTypeOf(fileName), ImageCategory.USER, false, Optional.empty());
    }

    /** Reads the stream to its end (it is not closed). */
    public static ImageUpload of(InputStream in, String fileName) {
        try {
            return of(in.readAllBytes(), fileName);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read image stream " + fileName, e);
        }
    }

    /** Encodes the image as PNG. */
    public static ImageUpload of(BufferedImage image) {
        Objects.requireNonNull(image, "image");
        var out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", out)) {
                throw new IllegalArgumentException("image cannot be encoded as PNG");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return of(out.toByteArray(), "image.png");
    }

    public ImageUpload category(ImageCategory newCategory) {
        return new ImageUpload(
                bytes, fileName, contentType, Objects.requireNonNull(newCategory), intermediate, boardId);
    }

    public ImageUpload intermediate(boolean newIntermediate) {
        return new ImageUpload(bytes, fileName, contentType, category, newIntermediate, boardId);
    }

    public ImageUpload board(String newBoardId) {
        return new ImageUpload(bytes, fileName, contentType, category, intermediate, Optional.of(newBoardId));
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    public int size() {
        return bytes.length;
    }

    public String fileName() {
        return fileName;
    }

    public String contentType() {
        return contentType;
    }

    public ImageCategory category() {
        return category;
    }

    public boolean intermediate() {
        return intermediate;
    }

    public Optional<String> boardId() {
        return boardId;
    }

    /** Same content and destination: such uploads are deduplicated. */
    @Override
    public boolean equals(Object o) {
        return o instanceof ImageUpload u
                && Arrays.equals(u.bytes, bytes)
                && u.category == category
                && u.intermediate == intermediate
                && u.boardId.equals(boardId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(bytes), category, intermediate, boardId);
    }

    @Override
    public String toString() {
        return "ImageUpload[" + fileName + ", " + bytes.length + " bytes, " + category.wireName() + "]";
    }

    private static String contentTypeOf(String fileName) {
        String lower = fileName.toLowerCase(java.util.Locale.ROOT);
        if (lower.endsWith(".jpg") || lower.endsWith(".jpeg")) {
            return "image/jpeg";
        }
        if (lower.endsWith(".webp")) {
            return "image/webp";
        }
        return "image/png";
    }
}
