package io.invokeai.client.types;

import static io.invokeai.client.types.Jsons.json;
import static io.invokeai.client.types.Jsons.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.invokeai.client.Cardinality;
import io.invokeai.client.FieldSpec;
import io.invokeai.client.ImageCategory;
import io.invokeai.client.ImageUpload;
import io.invokeai.client.InvalidInputException;
import io.invokeai.client.InvokeAIField;
import io.invokeai.client.InvokeAIImage;
import io.invokeai.client.spi.FieldContext;
import io.invokeai.client.types.InvokeAIImageField.LocalFile;
import io.invokeai.client.types.InvokeAIImageField.LocalImage;
import io.invokeai.client.types.InvokeAIImageField.ServerImage;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InvokeAIImageFieldTest {
    private static final FieldSpec IMAGE = Specs.single("ImageField", "Image");

    @TempDir
    Path dir;

    static byte[] png() throws IOException {
        var out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }

    private static InvokeAIImageField set(Object value) {
        return (InvokeAIImageField) InvokeAIImageField.TYPE.fromJava(IMAGE, "Image", value);
    }

    @Test
    void aStringIsAServerImageName() {
        InvokeAIImageField field = set("abc-123.png");
        assertThat(field.source()).contains(new ServerImage("abc-123.png"));
        assertThat(field.isOnServer()).isTrue();
        assertThat(field.imageName()).isEqualTo("abc-123.png");
        assertThat(field.needsPreparation()).isFalse();
        assertThat(field.toJson()).isEqualTo(json("{\"image_name\": \"abc-123.png\"}"));
        assertThat(field.displayValue()).isEqualTo("abc-123.png");
    }

    @Test
    void aPathLikeStringIsRejected() {
        assertThatThrownBy(() -> set("photos/cat.png"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Input 'Image' expects image (server image name, Path, byte[], BufferedImage or"
                        + " ImageUpload), but was given \"photos/cat.png\" (String) (text is a server image name,"
                        + " not a path; pass a Path to upload a local file)");
        assertThatThrownBy(() -> set(" ")).hasMessageEndingWith("(the image name is empty)");
    }

    @Test
    void aLocalFileIsCheckedAtOnceAndUploadedAtPrepare() throws IOException {
        Path file = Files.write(dir.resolve("cat.png"), png());
        InvokeAIImageField field = set(file);
        assertThat(field.source()).contains(new LocalFile(file));
        assertThat(field.needsPreparation()).isTrue();
        assertThat(field.toJson()).isEqualTo(json("{\"image_name\": \"<upload:cat.png>\"}"));
        assertThatThrownBy(field::imageName).isInstanceOf(IllegalStateException.class);
        assertThat(set(file.toFile()).source()).contains(new LocalFile(file));

        FieldContext context = mock(FieldContext.class);
        when(context.uploadImage(any())).thenReturn(CompletableFuture.completedFuture("server-1.png"));
        InvokeAIImageField prepared = field.prepare(context).join();

        ImageUpload expected = ImageUpload.of(file).category(ImageCategory.USER).intermediate(false);
        verify(context, times(1)).uploadImage(expected);
        assertThat(prepared.imageName()).isEqualTo("server-1.png");
        assertThat(prepared.needsPreparation()).isFalse();
        assertThat(prepared.toJson()).isEqualTo(json("{\"image_name\": \"server-1.png\"}"));
        assertThat(prepared.spec()).isEqualTo(IMAGE);
    }

    @Test
    void missingFilesAndDirectoriesAreRejected() {
        assertThatThrownBy(() -> set(dir.resolve("missing.png")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageEndingWith(" (the file does not exist)")
                .hasMessageContaining("missing.png");
        assertThatThrownBy(() -> set(dir)).hasMessageEndingWith("(it is not a regular file)");
    }

    @Test
    void aFileGoneBeforeSubmitFailsNamingTheInput() throws IOException {
        Path file = Files.write(dir.resolve("gone.png"), png());
        InvokeAIImageField field = set(file);
        Files.delete(file);
        FieldContext context = mock(FieldContext.class);
        assertThatThrownBy(() -> field.prepare(context).join())
                .isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(InvalidInputException.class)
                .cause()
                .hasMessageContaining("Input 'Image'")
                .hasMessageContaining("cannot read it");
        verify(context, never()).uploadImage(any());
    }

    @Test
    void bytesAreUploadedUnderANameMatchingTheirFormat() throws IOException {
        byte[] png = png();
        InvokeAIImageField field = set(png);
        assertThat(field.source()).containsInstanceOf(LocalImage.class);
        assertThat(((LocalImage) field.source().orElseThrow()).upload().fileName())
                .isEqualTo("image.png");
        assertThat(field.toJson()).isEqualTo(json("{\"image_name\": \"<upload:image.png>\"}"));
        assertThat(InvokeAIImageField.sniffFileName(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, 0}))
                .isEqualTo("image.jpg");
        assertThat(InvokeAIImageField.sniffFileName(
                        "RIFF0000WEBPVP8 ".getBytes(java.nio.charset.StandardCharsets.US_ASCII)))
                .isEqualTo("image.webp");
        assertThat(InvokeAIImageField.of(IMAGE, png, "mask.png").toJson())
                .isEqualTo(json("{\"image_name\": \"<upload:mask.png>\"}"));
        assertThatThrownBy(() -> set(new byte[0])).hasMessageEndingWith("(the image is empty)");
        // local bytes can be read back before upload
        assertThat(field.bytes()).isEqualTo(png);
    }

    @Test
    void bufferedImagesAndUploadsArePreparedOnce() {
        BufferedImage image = new BufferedImage(3, 3, BufferedImage.TYPE_INT_ARGB);
        InvokeAIImageField field = set(image);
        ImageUpload expected = ImageUpload.of(image);
        assertThat(field.source()).contains(new LocalImage(expected));

        FieldContext context = mock(FieldContext.class);
        when(context.uploadImage(any())).thenReturn(CompletableFuture.completedFuture("up.png"));
        assertThat(field.prepare(context).join().imageName()).isEqualTo("up.png");
        verify(context, times(1)).uploadImage(expected);

        // an ImageUpload is uploaded as configured
        ImageUpload mask = ImageUpload.of(expected.bytes(), "m.png").category(ImageCategory.MASK);
        set(mask).prepare(context).join();
        verify(context).uploadImage(mask);
    }

    @Test
    void aServerImageNeedsNoPreparation() {
        FieldContext context = mock(FieldContext.class);
        InvokeAIImageField field = set("x.png");
        assertThat(field.prepare(context).join()).isSameAs(field);
        verify(context, never()).uploadImage(any());
    }

    @Test
    void outputsDownloadThroughTheirContext() {
        FieldContext context = mock(FieldContext.class);
        when(context.downloadImage("out.png")).thenReturn(CompletableFuture.completedFuture(new byte[] {1, 2}));
        when(context.downloadImage("out.png", dir))
                .thenReturn(CompletableFuture.completedFuture(dir.resolve("out.png")));

        InvokeAIField<?> read = InvokeAIImageField.TYPE.fromJson(IMAGE, json("{\"image_name\": \"out.png\"}"), context);
        assertThat(read).isInstanceOf(InvokeAIImage.class);
        InvokeAIImage image = (InvokeAIImage) read;
        assertThat(image.imageName()).isEqualTo("out.png");
        assertThat(image.bytes()).containsExactly(1, 2);
        assertThat(image.saveTo(dir)).isEqualTo(dir.resolve("out.png"));

        // an output feeds another input by name, keeping its connection
        InvokeAIImageField fed = set(read);
        assertThat(fed.imageName()).isEqualTo("out.png");
        assertThat(fed.bytes()).containsExactly(1, 2);
    }

    @Test
    void withoutAContextDownloadsFailClearly() {
        InvokeAIImageField field = set("x.png");
        assertThatThrownBy(field::bytes)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot be downloaded");
        assertThat(field.saveToAsync(dir)).isCompletedExceptionally();
    }

    @Test
    void readsWhatTheGuiStores() {
        assertThat(value(InvokeAIImageField.TYPE.fromJson(IMAGE, json("{\"image_name\": \"a.png\"}"), null)))
                .isEqualTo(new ServerImage("a.png"));
        assertThat(InvokeAIImageField.TYPE.fromJson(IMAGE, json("null"), null).isSet())
                .isFalse();
        assertThatThrownBy(() -> InvokeAIImageField.TYPE.fromJson(IMAGE, json("{\"name\": \"a.png\"}"), null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("Input 'Image' expects image");
        InvokeAIField<?> field = set("a.png");
        assertThat(InvokeAIImageField.TYPE.fromJson(IMAGE, field.toJson(), null))
                .isEqualTo(field);
    }

    @Test
    void rejectsOtherValues() {
        assertThatThrownBy(() -> set(42)).hasMessageEndingWith("but was given 42 (Integer)");
        assertThat(set(null).isSet()).isFalse();
        assertThat(set(json("{\"image_name\": \"j.png\"}")).imageName()).isEqualTo("j.png");
    }

    @Test
    void singleOrCollectionTakesAList() throws IOException {
        FieldSpec either = Specs.spec("ImageField", Cardinality.SINGLE_OR_COLLECTION, "Image");
        assertThat(InvokeAIImageField.TYPE.supports(either)).isTrue();
        assertThat(InvokeAIImageField.TYPE.fromJava(either, "Image", "a.png")).isInstanceOf(InvokeAIImageField.class);
        byte[] png = png();
        assertThat(InvokeAIImageField.TYPE.fromJava(either, "Image", png)).isInstanceOf(InvokeAIImageField.class);
        InvokeAIField<?> list = InvokeAIImageField.TYPE.fromJava(either, "Image", List.of("a.png", "b.png"));
        assertThat(list).isInstanceOf(InvokeAIImageCollectionField.class);
        assertThat(list.toJson()).isEqualTo(json("[{\"image_name\": \"a.png\"}, {\"image_name\": \"b.png\"}]"));
        assertThat(InvokeAIImageField.TYPE.describe(either))
                .isEqualTo("image (server image name, Path, byte[], BufferedImage or ImageUpload) or a list of them");
    }
}
