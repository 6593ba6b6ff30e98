package io.invokeai.client.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.invokeai.client.AmbiguousInputException;
import io.invokeai.client.Batch;
import io.invokeai.client.Board;
import io.invokeai.client.ClientWorkflow;
import io.invokeai.client.InvalidInputException;
import io.invokeai.client.InvokeAIClient;
import io.invokeai.client.InvokeAIImage;
import io.invokeai.client.JobResult;
import io.invokeai.client.NodeOutput;
import io.invokeai.client.UnknownInputException;
import io.invokeai.client.WorkflowInput;
import io.invokeai.client.testkit.InvokeAIServer;
import io.invokeai.client.testkit.InvokeAITest;
import io.invokeai.client.testkit.TinyModel;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workflow engine end to end on a real server: uploads, several outputs, batch nodes, LoRA, image-to-image. */
@InvokeAITest
class WorkflowEngineIT {
    static final Duration WAIT = Duration.ofMinutes(5);
    static InvokeAIClient client;

    @BeforeAll
    static void connect(InvokeAIServer server) {
        server.tinyModels().install(TinyModel.SD1);
        server.tinyModels().install(TinyModel.SD1_LORA);
        client = InvokeAIClient.builder().baseUrl(server.baseUrl()).build();
    }

    @AfterAll
    static void close() {
        if (client != null) {
            client.close();
        }
    }

    static ClientWorkflow load(String name) {
        return client.workflowFromJson(Resources.text("workflows/" + name));
    }

    static BufferedImage gradient(int w, int h) {
        var img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < w; x++) {
            for (int y = 0; y < h; y++) {
                img.setRGB(x, y, new Color((x * 255) / w, (y * 255) / h, 128).getRGB());
            }
        }
        return img;
    }

    @Test
    void uploadsALocalImageAndReturnsEveryOutputNode(@TempDir Path dir) throws Exception {
        Path input = dir.resolve("input.png");
        ImageIO.write(gradient(100, 80), "png", input.toFile());
        Board board = client.boards().create("filters-" + UUID.randomUUID());

        ClientWorkflow workflow = load("image-filters.json")
                .set("Input Image", input)
                .set("Width", 48)
                .set("Height", 32)
                .set("Blur Radius", 1.5)
                .set("Board", board.id());
        JobResult result = workflow.submit().await(WAIT);

        assertThat(result.images()).hasSize(2);
        for (InvokeAIImage image : result.images()) {
            BufferedImage decoded = image.toBufferedImage();
            assertThat(decoded.getWidth()).isEqualTo(48);
            assertThat(decoded.getHeight()).isEqualTo(32);
        }
        NodeOutput blurred = result.output("Blurred").orElseThrow();
        NodeOutput edges = result.output("Edges").orElseThrow();
        assertThat(blurred.image()).isPresent();
        assertThat(edges.image()).isPresent();
        assertThat(blurred.image().get().imageName())
                .isNotEqualTo(edges.image().get().imageName());
        assertThat(client.boards().imageNames(board.id()))
                .contains(blurred.image().get().imageName());
        // intermediate nodes are reported too, typed: the resize output carries its width
        NodeOutput resize = result.output("resize").orElseThrow();
        assertThat(resize.field("width").orElseThrow().value().map(Object::toString))
                .contains("48");
    }

    @Test
    void theSameLocalImageIsUploadedOnceAcrossSubmissions(@TempDir Path dir) throws Exception {
        Path input = dir.resolve("same.png");
        ImageIO.write(gradient(20, 20), "png", input.toFile());
        int before = countUserImages();
        load("image-filters.json").set("Input Image", input).submit().await(WAIT);
        load("image-filters.json").set("Input Image", input).submit().await(WAIT);
        assertThat(countUserImages()).isEqualTo(before + 1);
    }

    private static int countUserImages() {
        return (int) client.boards().imageNames("none").stream()
                .filter(name -> client.images().info(name).category() == io.invokeai.client.ImageCategory.USER)
                .count();
    }

    @Test
    void aBatchNodeYieldsOneItemPerValueFromOneSubmit() {
        ClientWorkflow workflow =
                load("blank-widths.json").set("Widths", List.of(16L, 24L, 40L)).set("Height", 8);
        assertThatThrownBy(workflow::submit)
                .hasMessageContaining("yields 3 queue items")
                .hasMessageContaining("submitBatch");

        Batch batch = workflow.submitBatch();
        assertThat(batch.jobs()).hasSize(3);
        assertThat(batch.jobs().stream().map(j -> j.batchId()).distinct()).containsExactly(batch.batchId());
        List<Integer> widths = batch.awaitAll(WAIT).stream()
                .map(r -> r.images().get(0).toBufferedImage().getWidth())
                .sorted()
                .toList();
        assertThat(widths).containsExactly(16, 24, 40);
    }

    @Test
    void aLoRAChangesTheImageAndTheSameSeedGivesTheSameImage() {
        byte[] withLora = pixels(load("sd1-lora.json")
                .set("Model", TinyModel.SD1.modelName())
                .set("LoRA", TinyModel.SD1_LORA.modelName())
                .set("LoRA Weight", 1.0)
                .set("Seed", 123));
        byte[] again = pixels(load("sd1-lora.json")
                .set("Model", TinyModel.SD1.modelName())
                .set("LoRA", TinyModel.SD1_LORA.modelName())
                .set("LoRA Weight", 1.0)
                .set("Seed", 123));
        byte[] weightZero = pixels(load("sd1-lora.json")
                .set("Model", TinyModel.SD1.modelName())
                .set("LoRA", TinyModel.SD1_LORA.modelName())
                .set("LoRA Weight", 0.0)
                .set("Seed", 123));
        assertThat(again).isEqualTo(withLora);
        assertThat(weightZero).isNotEqualTo(withLora);
    }

    private static byte[] pixels(ClientWorkflow workflow) {
        BufferedImage image = workflow.submit().await(WAIT).images().get(0).toBufferedImage();
        int[] rgb = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        byte[] out = new byte[rgb.length * 4];
        for (int i = 0; i < rgb.length; i++) {
            out[4 * i] = (byte) (rgb[i] >> 24);
            out[4 * i + 1] = (byte) (rgb[i] >> 16);
            out[4 * i + 2] = (byte) (rgb[i] >> 8);
            out[4 * i + 3] = (byte) rgb[i];
        }
        return out;
    }

    @Test
    void imageToImageEncodesAnUploadedImageAtItsSize() {
        JobResult result = load("sd1-image-to-image.json")
                .set("Model", TinyModel.SD1.modelName())
                .set("Initial Image", gradient(72, 56))
                .set("Strength Start", 0.4)
                .set("Prompt", "a blue sphere")
                .submit()
                .await(WAIT);
        BufferedImage out = result.images().get(0).toBufferedImage();
        assertThat(out.getWidth()).isEqualTo(72);
        assertThat(out.getHeight()).isEqualTo(56);
    }

    @Test
    void everySharedWorkflowLoadsAgainstTheLiveSchemaWithTypedInputs() throws Exception {
        List<String> files;
        try (Stream<String> names = Stream.of(
                "FLUX Image to Image.json",
                "Prompt from File.json",
                "Text to Image - SD1.5.json",
                "Text to Image - SDXL.json",
                "Text to Video - Wan 2.2 Lightning.json",
                "sdxl-text-to-image.json")) {
            files = names.toList();
        }
        for (String file : files) {
            ClientWorkflow workflow = load(file);
            assertThat(workflow.inputs()).as(file).isNotEmpty();
            for (WorkflowInput input : workflow.inputs()) {
                assertThat(input.spec().typeName())
                        .as(file + ": " + input.name())
                        .isNotBlank();
                assertThat(input.field().getClass().getSimpleName())
                        .as(file + ": " + input.name() + " has a specific client type")
                        .isNotEqualTo("InvokeAIJsonField");
            }
        }
        ClientWorkflow wan = load("Text to Video - Wan 2.2 Lightning.json");
        assertThatThrownBy(() -> wan.set("Weight", 0.5))
                .isInstanceOf(AmbiguousInputException.class)
                .hasMessageContaining("291abec8-b996-4c7b-959c-360f56a3ed60.weight")
                .hasMessageContaining("ae8f115d-a3b8-4f76-b280-7313366a94ad.weight");
        wan.set("291abec8-b996-4c7b-959c-360f56a3ed60.weight", 0.5);
        assertThat(wan.get("291abec8-b996-4c7b-959c-360f56a3ed60.weight").value())
                .hasValueSatisfying(v -> assertThat(v.toString()).isEqualTo("0.5"));
    }

    @Test
    void badValuesFailClearlyBeforeAnythingIsEnqueued() {
        int itemsBefore = client.queue().items().size();
        ClientWorkflow workflow = load("sdxl-text-to-image.json");
        assertThatThrownBy(() -> workflow.set("Width", "wide"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'Width'")
                .hasMessageContaining("integer")
                .hasMessageContaining("\"wide\"");
        assertThatThrownBy(() -> workflow.set("Width", 65))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("multiple of 8")
                .hasMessageContaining("65");
        assertThatThrownBy(() -> workflow.set("Steps", 0))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'Steps'")
                .hasMessageContaining("(0, +inf)");
        assertThatThrownBy(() -> workflow.set("Scheduler", "warp-drive"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("euler")
                .hasMessageContaining("warp-drive");
        assertThatThrownBy(() -> workflow.set("Widht", 64))
                .isInstanceOf(UnknownInputException.class)
                .hasMessageContaining("Width");
        workflow.set("Model", "no-such-model").set("Width", 64).set("Height", 64);
        assertThatThrownBy(workflow::submit)
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'Model'")
                .hasMessageContaining("no-such-model")
                .hasMessageContaining("no such model");
        ClientWorkflow boardless = load("image-filters.json")
                .set("Input Image", gradient(8, 8))
                .set("Board", "no such board " + UUID.randomUUID());
        assertThatThrownBy(boardless::submit)
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'Board'")
                .hasMessageContaining("no such board");
        assertThat(client.queue().items()).hasSize(itemsBefore);
    }

    @Test
    void submitAsyncFailuresArriveAsTheSameTypedExceptions() {
        var future =
                load("sdxl-text-to-image.json").set("Model", "no-such-model").submitAsync();
        assertThatThrownBy(future::join)
                .isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(InvalidInputException.class);
    }
}
