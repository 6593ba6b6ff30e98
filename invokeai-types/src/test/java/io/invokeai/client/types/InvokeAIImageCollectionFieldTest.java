package io.invokeai.client.types;

import static io.invokeai.client.types.Jsons.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.invokeai.client.Cardinality;
import io.invokeai.client.FieldSpec;
import io.invokeai.client.ImageUpload;
import io.invokeai.client.InvalidInputException;
import io.invokeai.client.InvokeAIField;
import io.invokeai.client.spi.FieldContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InvokeAIImageCollectionFieldTest {
    private static final FieldSpec IMAGES = Specs.spec("ImageField", Cardinality.COLLECTION, "Images")
            .withConstraints(Specs.items(FieldSpec.Constraints.NONE, 1, 3));

    @TempDir
    Path dir;

    private static InvokeAIImageCollectionField set(Object value) {
        return (InvokeAIImageCollectionField) InvokeAIImageCollectionField.TYPE.fromJava(IMAGES, "Images", value);
    }

    @Test
    void uploadsEachDistinctLocalImageOnce() throws Exception {
        byte[] png = InvokeAIImageFieldTest.png();
        Path file = Files.write(dir.resolve("a.png"), png);
        InvokeAIImageCollectionField field = set(List.of("server.png", file, file));
        assertThat(field.needsPreparation()).isTrue();
        assertThat(field.toJson())
                .isEqualTo(json("[{\"image_name\": \"server.png\"}, {\"image_name\": \"<upload:a.png>\"},"
                        + " {\"image_name\": \"<upload:a.png>\"}]"));

        FieldContext context = mock(FieldContext.class);
        AtomicInteger n = new AtomicInteger();
        when(context.uploadImage(any()))
                .thenAnswer(i -> CompletableFuture.completedFuture("up-" + n.incrementAndGet() + ".png"));
        InvokeAIImageCollectionField prepared = field.prepare(context).join();

        verify(context, times(1)).uploadImage(ImageUpload.of(file));
        assertThat(prepared.needsPreparation()).isFalse();
        assertThat(prepared.toJson())
                .isEqualTo(json("[{\"image_name\": \"server.png\"}, {\"image_name\": \"up-1.png\"},"
                        + " {\"image_name\": \"up-1.png\"}]"));
        assertThat(prepared.images())
                .extracting(InvokeAIImageField::imageName)
                .containsExactly("server.png", "up-1.png", "up-1.png");
    }

    @Test
    void checksSizeAndItems() {
        assertThatThrownBy(() -> set(new ArrayList<>()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Input 'Images' expects list of image (server image name, Path, byte[], BufferedImage or"
                        + " ImageUpload) (1 to 3 items), but was given [] (ArrayList) (it has 0 items)");
        assertThatThrownBy(() -> set(new ArrayList<>(List.of("a.png", 5))))
                .hasMessageEndingWith("(item 1 is 5 (Integer))");
        assertThatThrownBy(() -> set(List.of("a.png", dir.resolve("nope.png"))))
                .hasMessageEndingWith(": the file does not exist)");
        assertThatThrownBy(() -> set("a.png")).hasMessageEndingWith("(not a list)");
    }

    @Test
    void outputsDownloadEachImageThroughTheContext() {
        FieldContext context = mock(FieldContext.class);
        when(context.downloadImage("b.png")).thenReturn(CompletableFuture.completedFuture(new byte[] {7}));
        InvokeAIField<?> read = InvokeAIImageCollectionField.TYPE.fromJson(
                IMAGES, json("[{\"image_name\": \"a.png\"}, {\"image_name\": \"b.png\"}]"), context);
        List<InvokeAIImageField> images = ((InvokeAIImageCollectionField) read).images();
        assertThat(images).hasSize(2);
        assertThat(images.get(1).bytes()).containsExactly(7);
        assertThat(images.get(0).spec().cardinality()).isEqualTo(Cardinality.SINGLE);
        assertThat(InvokeAIImageCollectionField.TYPE.fromJson(IMAGES, read.toJson(), null))
                .isEqualTo(read);
        assertThat(InvokeAIImageCollectionField.of(IMAGES, List.of("a.png")).toJson())
                .isEqualTo(json("[{\"image_name\": \"a.png\"}]"));
    }
}
