package io.invokeai.client.it;

import static io.invokeai.client.it.TaskSupport.pixels;
import static io.invokeai.client.it.TaskSupport.same;
import static io.invokeai.client.it.TaskSupport.square;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.invokeai.client.InvalidInputException;
import io.invokeai.client.InvokeAIClient;
import io.invokeai.client.InvokeAIImage;
import io.invokeai.client.NodeOutput;
import io.invokeai.client.Task;
import io.invokeai.client.tasks.controlnet.ControlNet;
import io.invokeai.client.tasks.txt2img.GenerationResult;
import io.invokeai.client.tasks.txt2img.TextToImage;
import io.invokeai.client.testkit.InvokeAIServer;
import io.invokeai.client.testkit.InvokeAITest;
import io.invokeai.client.testkit.TinyModel;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The ControlNet recipe end to end on a real server, with the tiny SD1 model and the tiny SD1 ControlNet. */
@InvokeAITest
class ControlNetTaskIT {
    static final Duration TIMEOUT = Duration.ofMinutes(5);
    static InvokeAIClient client;

    @BeforeAll
    static void connect(InvokeAIServer server) {
        server.tinyModels().install(TinyModel.SD1);
        server.tinyModels().install(TinyModel.SDXL);
        server.tinyModels().install(TinyModel.SD1_CONTROLNET);
        client = InvokeAIClient.builder().baseUrl(server.baseUrl()).build();
    }

    @AfterAll
    static void close() {
        if (client != null) {
            client.close();
        }
    }

    static Task textToImage(String recipe, long seed) {
        return client.tasks()
                .task(recipe)
                .set(TextToImage.MODEL, TinyModel.SD1.modelName())
                .set(TextToImage.PROMPT, "a glass house")
                .set(TextToImage.WIDTH, 64)
                .set(TextToImage.HEIGHT, 64)
                .set(TextToImage.STEPS, 3)
                .set(TextToImage.SEED, seed);
    }

    static Task controlNet(long seed) {
        return textToImage(ControlNet.RECIPE, seed)
                .set(ControlNet.CONTROL_IMAGE, square(64))
                .set(ControlNet.PREPROCESSOR, ControlNet.CANNY)
                .set(ControlNet.CONTROL_MODEL, TinyModel.SD1_CONTROLNET.modelName())
                .set(ControlNet.CONTROL_WEIGHT, 1.5);
    }

    @Test
    void aCannyPreprocessedControlImageGuidesTheImage() {
        GenerationResult guided = GenerationResult.of(controlNet(42).submit().await(TIMEOUT));
        GenerationResult plain =
                GenerationResult.of(textToImage(TextToImage.RECIPE, 42).submit().await(TIMEOUT));

        BufferedImage image = guided.image().toBufferedImage();
        assertThat(image.getWidth()).isEqualTo(64);
        assertThat(image.getHeight()).isEqualTo(64);
        assertThat(guided.seed()).isEqualTo(42);
        assertThat(same(pixels(guided), pixels(plain)))
                .as("the ControlNet changes the image of the same seed")
                .isFalse();

        // the server ran canny on the control image: an intermediate image of black and white edges only
        NodeOutput edges = guided.job().output("preprocessor_1").orElseThrow();
        InvokeAIImage edgeImage = edges.image().orElseThrow();
        Set<Integer> colours = new HashSet<>();
        for (int rgb : pixels(edgeImage.toBufferedImage())) {
            colours.add(rgb & 0xFFFFFF);
        }
        assertThat(colours).containsExactlyInAnyOrder(0x000000, 0xFFFFFF);
        assertThat(guided.images()).extracting(InvokeAIImage::imageName).doesNotContain(edgeImage.imageName());
    }

    @Test
    void severalControlNetsAtOnce() {
        GenerationResult one = GenerationResult.of(controlNet(5).submit().await(TIMEOUT));
        GenerationResult two = GenerationResult.of(controlNet(5)
                .set(ControlNet.unit(ControlNet.CONTROL_IMAGE, 2), TaskSupport.gradient(64, 64))
                .set(ControlNet.unit(ControlNet.CONTROL_MODEL, 2), TinyModel.SD1_CONTROLNET.modelName())
                .set(ControlNet.unit(ControlNet.CONTROL_WEIGHT, 2), 0.7)
                .set(ControlNet.unit(ControlNet.END_STEP, 2), 0.5)
                .set(ControlNet.unit(ControlNet.CONTROL_MODE, 2), "more_control")
                .submit()
                .await(TIMEOUT));

        assertThat(two.image().toBufferedImage().getWidth()).isEqualTo(64);
        assertThat(two.job().output("controlnet_2")).isPresent();
        assertThat(same(pixels(two), pixels(one)))
                .as("the second ControlNet changes the image")
                .isFalse();
    }

    @Test
    void aControlNetOfAnotherFamilyFailsBeforeAnythingIsEnqueued() {
        int before = client.queue().status().total();
        Task sdxl = controlNet(1).set(TextToImage.MODEL, TinyModel.SDXL.modelName());
        assertThatThrownBy(sdxl::submit)
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'controlModel'")
                .hasMessageContaining("its base is sd-1");
        assertThatThrownBy(() -> controlNet(1).set(ControlNet.CONTROL_WEIGHT, 3))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("[-1, 2]");
        Task endBeforeBegin = controlNet(1).set(ControlNet.BEGIN_STEP, 0.8).set(ControlNet.END_STEP, 0.2);
        assertThatThrownBy(endBeforeBegin::submit)
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'controlEndStep'");
        assertThat(client.queue().status().total()).as("nothing was enqueued").isEqualTo(before);
    }
}
