package io.invokeai.client.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.invokeai.client.Board;
import io.invokeai.client.ClientWorkflow;
import io.invokeai.client.InvalidInputException;
import io.invokeai.client.InvokeAIClient;
import io.invokeai.client.InvokeAIImage;
import io.invokeai.client.JobStatus;
import io.invokeai.client.QueueItem;
import io.invokeai.client.Subscription;
import io.invokeai.client.SweepResult;
import io.invokeai.client.SweepRun;
import io.invokeai.client.SweepStatus;
import io.invokeai.client.UnknownInputException;
import io.invokeai.client.testkit.InvokeAIServer;
import io.invokeai.client.testkit.InvokeAITest;
import io.invokeai.client.testkit.TinyModel;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sweeps on a real server: many jobs as one enqueue, results with the inputs that produced them. */
@InvokeAITest
class SweepIT {
    private static final Duration WAIT = Duration.ofMinutes(3);

    static InvokeAIClient client;

    @BeforeAll
    static void connect(InvokeAIServer server) {
        server.tinyModels().install(TinyModel.SDXL);
        client = InvokeAIClient.builder().baseUrl(server.baseUrl()).build();
    }

    @AfterAll
    static void close() {
        if (client != null) {
            client.close();
        }
    }

    @BeforeEach
    void clean(InvokeAIServer server) {
        server.cleanState();
    }

    private static List<SweepResult> all(SweepRun run) {
        List<SweepResult> results = new ArrayList<>();
        try (Subscription<SweepResult> stream = run.results()) {
            stream.forEachRemaining(results::add);
        }
        return results;
    }

    /** An integer input's value (integer fields hold a {@code Long}). */
    private static int number(SweepResult r, String input) {
        return ((Number) r.value(input)).intValue();
    }

    private static JsonObject fieldValues(SweepResult r) {
        var values = Json.createObjectBuilder();
        for (QueueItem.FieldValue v : r.orElseThrow().fieldValues()) {
            values.add(v.nodePath() + "." + v.fieldName(), v.value());
        }
        return values.build();
    }

    @Test
    void threePromptsByTwoStepCountsAreOneEnqueueOfSixResults() {
        ClientWorkflow workflow = client.workflowFromJson(Resources.text("workflows/sdxl-text-to-image.json"))
                .set("Model", TinyModel.SDXL.modelName())
                .set("negative prompt", "")
                .set("Width", 64)
                .set("Height", 64)
                .set("Scheduler", "euler");
        List<String> prompts = List.of("a red cube", "a green sphere", "a blue cone");

        var sweep = workflow.sweep().vary("positive prompt", prompts).vary("Steps", 2, 3);
        assertThat(sweep.size()).isEqualTo(6);
        SweepRun run = sweep.submit();

        assertThat(run.batchIds()).as("one enqueue").hasSize(1);
        assertThat(run.requested()).isEqualTo(6);
        assertThat(run.enqueued()).isEqualTo(6);
        List<SweepResult> results = all(run);

        assertThat(results).hasSize(6).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(JobStatus.COMPLETED);
            assertThat(r.orElseThrow().images()).hasSize(1);
            // the values the client reports are the ones the server substituted into this item
            JsonObject substituted = fieldValues(r);
            assertThat(substituted.getString("positive_prompt:kjUMdcg0zO.value"))
                    .isEqualTo(r.value("positive prompt"));
            assertThat(substituted.getInt("denoise_latents:TRC0Y88EWe.steps")).isEqualTo(number(r, "Steps"));
        });
        assertThat(results)
                .extracting(r -> r.value("positive prompt"), r -> number(r, "Steps"))
                .containsExactlyInAnyOrder(
                        tuple("a red cube", 2), tuple("a red cube", 3),
                        tuple("a green sphere", 2), tuple("a green sphere", 3),
                        tuple("a blue cone", 2), tuple("a blue cone", 3));
        assertThat(results).extracting(SweepResult::index).containsExactlyInAnyOrder(0L, 1L, 2L, 3L, 4L, 5L);
        assertThat(results)
                .extracting(r -> client.queue().item(r.itemId()).batchId())
                .containsOnly(run.batchIds().get(0));
        SweepStatus status = run.await(Duration.ofSeconds(5));
        assertThat(status.completed()).isEqualTo(6);
        assertThat(run.status().completed())
                .as("batch-level status from the server")
                .isEqualTo(6);
    }

    @Test
    void zippedGroupsAndRunsMapToTheServersBatchData() {
        ClientWorkflow workflow = client.workflowFromJson(Resources.text("workflows/sweep-blank.json"));
        Map<String, List<?>> sizes = new LinkedHashMap<>();
        sizes.put("Width", List.of(16, 24, 32));
        sizes.put("Height", List.of(8, 16, 24));
        var sweep = workflow.sweep().zip(sizes).runs(2);
        assertThat(sweep.size()).isEqualTo(6);
        JsonObject request = sweep.dryRun().getJsonArray("requests").getJsonObject(0);
        assertThat(request.getJsonObject("batch").getInt("runs")).isEqualTo(2);
        assertThat(request.getJsonObject("batch").getJsonArray("data").toString())
                .isEqualTo("[[{\"node_path\":\"blank\",\"field_name\":\"width\",\"items\":[16,24,32]},"
                        + "{\"node_path\":\"blank\",\"field_name\":\"height\",\"items\":[8,16,24]}]]");

        List<SweepResult> results = all(sweep.submit());

        assertThat(results).hasSize(6).allSatisfy(r -> {
            BufferedImage image = r.orElseThrow().images().get(0).toBufferedImage();
            assertThat(image.getWidth()).isEqualTo(number(r, "Width"));
            assertThat(image.getHeight()).isEqualTo(number(r, "Height"));
            assertThat(r.run()).isEqualTo(r.index() < 3 ? 0 : 1);
        });
        assertThat(results)
                .extracting(SweepResult::run, r -> number(r, "Width"), r -> number(r, "Height"))
                .containsExactlyInAnyOrder(
                        tuple(0, 16, 8),
                        tuple(0, 24, 16),
                        tuple(0, 32, 24),
                        tuple(1, 16, 8),
                        tuple(1, 24, 16),
                        tuple(1, 32, 24));
    }

    @Test
    void imagesInASweepAreUploadedOnceEach(InvokeAIServer server, @TempDir Path dir) throws Exception {
        Path red = png(dir.resolve("red.png"), Color.RED);
        Path blue = png(dir.resolve("blue.png"), Color.BLUE);
        ClientWorkflow workflow = client.workflowFromJson(Resources.text("workflows/sweep-image.json"));

        SweepRun run = workflow.sweep()
                .vary("Input Image", red, blue)
                .vary("Blur Radius", 0.5, 1.0, 2.0)
                .submit();
        List<SweepResult> results = all(run);

        assertThat(results).hasSize(6).allMatch(SweepResult::succeeded);
        assertThat(uploadedImages(server)).as("two uploads for six items").isEqualTo(2);
        assertThat(results.stream()
                        .map(r -> fieldValues(r).getJsonObject("blur.image").getString("image_name"))
                        .distinct())
                .as("each item used one of the two uploads")
                .hasSize(2);
        for (SweepResult r : results) {
            boolean isRed = r.inputs().get("Input Image").displayValue().contains("red");
            Color center =
                    new Color(r.orElseThrow().images().get(0).toBufferedImage().getRGB(8, 8));
            assertThat(isRed ? center.getRed() : center.getBlue()).isGreaterThan(200);
            assertThat(isRed ? center.getBlue() : center.getRed()).isLessThan(50);
        }
    }

    @Test
    void inputsTheServerCannotBatchBecomeOneEnqueuePerValue() {
        Board a = client.boards().create("sweep-a-" + UUID.randomUUID());
        Board b = client.boards().create("sweep-b-" + UUID.randomUUID());
        ClientWorkflow workflow = client.workflowFromJson(Resources.text("workflows/sweep-blank.json"));

        SweepRun run = workflow.sweep()
                .vary("Board", a.name(), b.name())
                .vary("Width", 16, 24)
                .submit();
        List<SweepResult> results = all(run);

        assertThat(run.batchIds())
                .as("a board cannot be batch data: one enqueue per board")
                .hasSize(2);
        assertThat(results).hasSize(4).allMatch(SweepResult::succeeded);
        for (SweepResult r : results) {
            InvokeAIImage image = r.orElseThrow().images().get(0);
            Board expected = r.inputs().get("Board").displayValue().contains(a.name()) ? a : b;
            assertThat(client.boards().imageNames(expected.id())).contains(image.imageName());
            assertThat(image.toBufferedImage().getWidth()).isEqualTo(number(r, "Width"));
        }
    }

    @Test
    void badValuesFailBeforeAnythingIsSent() {
        ClientWorkflow workflow = client.workflowFromJson(Resources.text("workflows/sweep-blank.json"));
        var sweep = workflow.sweep();

        assertThatThrownBy(() -> sweep.vary("Width", 16, "wide"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.input()).isEqualTo("Width");
                    assertThat(e.getMessage()).contains("wide").contains("integer");
                });
        assertThatThrownBy(() -> sweep.vary("Blur Radius", 1.0, -3.0))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Blur Radius")
                .hasMessageContaining("-3");
        assertThatThrownBy(() -> sweep.vary("Widht", 16)).isInstanceOf(UnknownInputException.class);
        Map<String, List<?>> uneven = new LinkedHashMap<>();
        uneven.put("Width", List.of(16, 24));
        uneven.put("Height", List.of(8));
        assertThatThrownBy(() -> sweep.zip(uneven))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'Width' has 2")
                .hasMessageContaining("'Height' has 1");
        sweep.vary("Width", 16, 24);
        assertThatThrownBy(() -> sweep.vary("Width", 32))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("already swept");
        assertThatThrownBy(() -> sweep.vary("Height", List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no values");

        assertThat(client.queue().status().total()).as("nothing was enqueued").isZero();
    }

    private static Path png(Path file, Color color) throws Exception {
        BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, 16, 16);
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    /** Images the client uploaded: category {@code user}, not intermediate. */
    private static int uploadedImages(InvokeAIServer server) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(server.baseUrl()
                                        + "/api/v1/images/?categories=user&is_intermediate=false&limit=100"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        return Json.createReader(new StringReader(response.body())).readObject().getInt("total");
    }
}
