package io.invokeai.client.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.invokeai.client.Board;
import io.invokeai.client.ClientWorkflow;
import io.invokeai.client.InvokeAIClient;
import io.invokeai.client.InvokeAIImage;
import io.invokeai.client.JobResult;
import io.invokeai.client.testkit.InvokeAIServer;
import io.invokeai.client.testkit.InvokeAITest;
import io.invokeai.client.testkit.TinyModel;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The GUI's SDXL text-to-image workflow, run by input names on a real server with the tiny SDXL model. */
@InvokeAITest
class SdxlWorkflowIT {
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

    @Test
    void runsTheGuiWorkflowWithInputsSetByName(@TempDir Path out) throws Exception {
        Board board = client.boards().create("sdxl-it-" + UUID.randomUUID());
        ClientWorkflow workflow = client.workflowFromJson(Resources.text("workflows/sdxl-text-to-image.json"));
        System.out.println(workflow.describeInputs());
        workflow.set("Model", TinyModel.SDXL.modelName())
                .set("positive prompt", "a red cube on a table")
                .set("negative prompt", "")
                .set("Width", 64)
                .set("Height", 96)
                .set("Steps", 3)
                .set("Scheduler", "euler")
                .set("Board", board.name());

        JobResult result = workflow.submit().await(Duration.ofMinutes(5));

        assertThat(result.images()).hasSize(1);
        InvokeAIImage image = result.images().get(0);
        BufferedImage decoded = image.toBufferedImage();
        assertThat(decoded.getWidth()).isEqualTo(64);
        assertThat(decoded.getHeight()).isEqualTo(96);
        assertThat(client.boards().imageNames(board.id())).contains(image.imageName());
        Path saved = image.saveTo(out);
        assertThat(saved.getParent()).isEqualTo(out.toAbsolutePath().normalize());
        assertThat(Files.size(saved)).isPositive();
        assertThat(client.images().info(image.imageName()).hasWorkflow()).isTrue();

        // the workflow travels with the batch: the output PNG carries it, with the values that were set
        ClientWorkflow reloaded = client.workflowFromImage(saved);
        assertThat(reloaded.get("Width").value().map(Object::toString)).contains("64");
        assertThat(reloaded.get("Height").value().map(Object::toString)).contains("96");
        assertThat(reloaded.get("positive prompt").value().map(Object::toString))
                .contains("a red cube on a table");
    }
}
