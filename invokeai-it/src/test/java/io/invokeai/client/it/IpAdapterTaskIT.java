package io.invokeai.client.it;

import static io.invokeai.client.it.TaskSupport.gradient;
import static io.invokeai.client.it.TaskSupport.pixels;
import static io.invokeai.client.it.TaskSupport.same;
import static io.invokeai.client.it.TaskSupport.square;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.invokeai.client.InvalidInputException;
import io.invokeai.client.InvokeAIClient;
import io.invokeai.client.Task;
import io.invokeai.client.tasks.ipadapter.IpAdapter;
import io.invokeai.client.tasks.txt2img.GenerationResult;
import io.invokeai.client.tasks.txt2img.TextToImage;
import io.invokeai.client.testkit.InvokeAIServer;
import io.invokeai.client.testkit.InvokeAITest;
import io.invokeai.client.testkit.TinyModel;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The IP-Adapter recipe end to end on a real server: the tiny SD1 model, the tiny SD1 IP-Adapter (checkpoint format)
 * and its tiny image encoder.
 */
@InvokeAITest
class IpAdapterTaskIT {
    static final Duration TIMEOUT = Duration.ofMinutes(5);
    static InvokeAIClient client;

    @BeforeAll
    static void connect(InvokeAIServer server) {
        server.tinyModels().install(TinyModel.SD1);
        server.tinyModels().install(TinyModel.SDXL);
        server.tinyModels().install(TinyModel.SD1_IP_ADAPTER);
        server.tinyModels().install(TinyModel.IP_ADAPTER_IMAGE_ENCODER);
        client = InvokeAIClient.builder().baseUrl(server.baseUrl()).build();
    }

    @AfterAll
    static void close() {
        if (client != null) {
            client.close();
        }
    }

    static Task task(String recipe, long seed) {
        return client.tasks()
                .task(recipe)
                .set(TextToImage.MODEL, TinyModel.SD1.modelName())
                .set(TextToImage.PROMPT, "a cat")
                .set(TextToImage.WIDTH, 64)
                .set(TextToImage.HEIGHT, 64)
                .set(TextToImage.STEPS, 3)
                .set(TextToImage.SEED, seed);
    }

    static Task imagePrompt(long seed, Object referenceImages) {
        return task(IpAdapter.RECIPE, seed)
                .set(IpAdapter.REFERENCE_IMAGES, referenceImages)
                .set(IpAdapter.MODEL, TinyModel.SD1_IP_ADAPTER.modelName())
                .set(IpAdapter.WEIGHT, 1.5);
    }

    @Test
    void aReferenceImageGuidesTheImage() {
        GenerationResult guided =
                GenerationResult.of(imagePrompt(11, square(64)).submit().await(TIMEOUT));
        GenerationResult plain =
                GenerationResult.of(task(TextToImage.RECIPE, 11).submit().await(TIMEOUT));

        BufferedImage image = guided.image().toBufferedImage();
        assertThat(image.getWidth()).isEqualTo(64);
        assertThat(image.getHeight()).isEqualTo(64);
        assertThat(guided.seed()).isEqualTo(11);
        assertThat(same(pixels(guided), pixels(plain)))
                .as("the image prompt changes the image")
                .isFalse();
    }

    @Test
    void severalReferenceImagesAndAnotherMethod() {
        GenerationResult one =
                GenerationResult.of(imagePrompt(3, square(64)).submit().await(TIMEOUT));
        GenerationResult two = GenerationResult.of(
                imagePrompt(3, List.of(square(64), gradient(48, 80))).submit().await(TIMEOUT));
        GenerationResult style = GenerationResult.of(imagePrompt(3, square(64))
                .set(IpAdapter.METHOD, "style_strong")
                .set(IpAdapter.END_STEP, 0.7)
                .submit()
                .await(TIMEOUT));

        assertThat(two.image().toBufferedImage().getHeight()).isEqualTo(64);
        assertThat(same(pixels(two), pixels(one)))
                .as("a second reference image changes the image")
                .isFalse();
        assertThat(same(pixels(style), pixels(one)))
                .as("another method changes the image")
                .isFalse();
    }

    @Test
    void anIpAdapterOfAnotherFamilyFailsBeforeAnythingIsEnqueued() {
        int before = client.queue().status().total();
        Task sdxl = imagePrompt(1, square(64)).set(TextToImage.MODEL, TinyModel.SDXL.modelName());
        assertThatThrownBy(sdxl::submit)
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'ipAdapterModel'")
                .hasMessageContaining("its base is sd-1");
        assertThatThrownBy(() -> imagePrompt(1, square(64)).set(IpAdapter.WEIGHT, -2))
                .isInstanceOf(InvalidInputException.class);
        assertThat(client.queue().status().total()).as("nothing was enqueued").isEqualTo(before);
    }
}
