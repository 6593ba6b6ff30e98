package io.invokeai.client.it;

import static io.invokeai.client.it.TaskSupport.gradient;
import static io.invokeai.client.it.TaskSupport.pixels;
import static io.invokeai.client.it.TaskSupport.same;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.invokeai.client.Board;
import io.invokeai.client.ClientWorkflow;
import io.invokeai.client.InvalidInputException;
import io.invokeai.client.InvokeAIClient;
import io.invokeai.client.Task;
import io.invokeai.client.tasks.txt2img.GenerationResult;
import io.invokeai.client.tasks.txt2img.TextToImage;
import io.invokeai.client.testkit.InvokeAIServer;
import io.invokeai.client.testkit.InvokeAITest;
import io.invokeai.client.testkit.TinyModel;
import io.invokeai.client.types.LoRA;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The text-to-image and image-to-image recipes on a real server, with the tiny SD1 and SDXL models. */
@InvokeAITest
class TextToImageTaskIT {
    static final Duration TIMEOUT = Duration.ofMinutes(5);
    static InvokeAIServer server;
    static InvokeAIClient client;

    /** A main model and a LoRA of the same family. */
    enum Family {
        SD1(TinyModel.SD1, TinyModel.SD1_LORA),
        SDXL(TinyModel.SDXL, TinyModel.SDXL_LORA);

        final TinyModel model;
        final TinyModel lora;

        Family(TinyModel model, TinyModel lora) {
            this.model = model;
            this.lora = lora;
        }
    }

    @BeforeAll
    static void connect(InvokeAIServer s) {
        server = s;
        for (Family f : Family.values()) {
            server.tinyModels().install(f.model);
            server.tinyModels().install(f.lora);
        }
        client = InvokeAIClient.builder().baseUrl(server.baseUrl()).build();
    }

    @AfterAll
    static void close() {
        if (client != null) {
            client.close();
        }
    }

    static Task textToImage(Family family, long seed) {
        return client.tasks()
                .task(TextToImage.RECIPE)
                .set(TextToImage.MODEL, family.model.modelName())
                .set(TextToImage.PROMPT, "a red cube on a table")
                .set(TextToImage.NEGATIVE_PROMPT, "blurry")
                .set(TextToImage.WIDTH, 64)
                .set(TextToImage.HEIGHT, 96)
                .set(TextToImage.STEPS, 3)
                .set(TextToImage.CFG_SCALE, 5)
                .set(TextToImage.SEED, seed);
    }

    static GenerationResult run(Task task) {
        return GenerationResult.of(task.submit().await(TIMEOUT));
    }

    @ParameterizedTest
    @EnumSource(Family.class)
    void textToImageGivesAnImageOfTheRequestedSizeOnTheBoard(Family family) {
        Board board = client.boards().create("t2i-it-" + UUID.randomUUID());
        GenerationResult result = run(textToImage(family, 1234).set(TextToImage.BOARD, board.name()));

        BufferedImage image = result.image().toBufferedImage();
        assertThat(image.getWidth()).isEqualTo(64);
        assertThat(image.getHeight()).isEqualTo(96);
        assertThat(result.seed()).isEqualTo(1234);
        assertThat(client.boards().imageNames(board.id()))
                .containsExactly(result.image().imageName());
    }

    @ParameterizedTest
    @EnumSource(Family.class)
    void theSameSeedGivesTheSameImageAndALoRAChangesIt(Family family) throws Exception {
        int[] first = pixels(run(textToImage(family, 99)));
        clearInvocationCache(); // so the second run computes the image again rather than reusing cached latents
        int[] again = pixels(run(textToImage(family, 99)));
        int[] otherSeed = pixels(run(textToImage(family, 100)));
        int[] withLora =
                pixels(run(textToImage(family, 99).set(TextToImage.LORAS, new LoRA(family.lora.modelName(), 1.0))));

        assertThat(same(again, first)).as("same seed, same image").isTrue();
        assertThat(same(otherSeed, first)).as("another seed").isFalse();
        assertThat(same(withLora, first)).as("a LoRA changes the image").isFalse();
    }

    @Test
    void aRandomSeedIsChosenBeforeSubmissionAndReported() {
        Task task = client.tasks()
                .task(TextToImage.RECIPE)
                .set(TextToImage.MODEL, TinyModel.SD1.modelName())
                .set(TextToImage.PROMPT, "a lighthouse")
                .set(TextToImage.WIDTH, 64)
                .set(TextToImage.HEIGHT, 64)
                .set(TextToImage.STEPS, 2);
        ClientWorkflow workflow = task.workflow();
        long chosen = Long.parseLong(workflow.get(TextToImage.SEED).toJson().toString());

        GenerationResult result = GenerationResult.of(workflow.submit().await(TIMEOUT));

        assertThat(result.seed()).isEqualTo(chosen);
        assertThat(result.image().toBufferedImage().getWidth()).isEqualTo(64);
    }

    @ParameterizedTest
    @EnumSource(Family.class)
    void imageToImageResizesTheInitImageToTheRequestedSize(Family family) {
        Task task = imageToImage(family, gradient(80, 48), 5)
                .set(TextToImage.WIDTH, 64)
                .set(TextToImage.HEIGHT, 64);
        GenerationResult result = run(task);
        BufferedImage image = result.image().toBufferedImage();
        assertThat(image.getWidth()).isEqualTo(64);
        assertThat(image.getHeight()).isEqualTo(64);
        assertThat(result.seed()).isEqualTo(5);
    }

    /**
     * Image-to-image keeps the init image's size; the seed decides the noise. InvokeAI's {@code i2l} samples the VAE's
     * latent distribution with an unseeded {@code torch.randn} ({@code image_to_latents.py}: "FIXME: uses
     * torch.randn. make reproducible!"), so the encoded init image itself is only reproducible while the server's
     * invocation cache holds it (the default); the cache is therefore kept here, and only the seed changes.
     */
    @ParameterizedTest
    @EnumSource(Family.class)
    void imageToImageKeepsTheInitImageSizeAndTheSeedDecides(Family family) {
        BufferedImage init = gradient(64, 96);
        GenerationResult first = run(imageToImage(family, init, 7));
        GenerationResult otherSeed = run(imageToImage(family, init, 8));
        GenerationResult again = run(imageToImage(family, init, 7));
        GenerationResult stronger = run(imageToImage(family, init, 7).set(TextToImage.STRENGTH, 0.3));

        BufferedImage image = first.image().toBufferedImage();
        assertThat(image.getWidth()).isEqualTo(64);
        assertThat(image.getHeight()).isEqualTo(96);
        assertThat(again.image().imageName())
                .as("a new image each run")
                .isNotEqualTo(first.image().imageName());
        assertThat(same(pixels(again), pixels(first)))
                .as("same seed, same image")
                .isTrue();
        assertThat(same(pixels(otherSeed), pixels(first))).as("another seed").isFalse();
        assertThat(same(pixels(stronger), pixels(first))).as("another strength").isFalse();
    }

    static Task imageToImage(Family family, BufferedImage init, long seed) {
        return client.tasks()
                .task(TextToImage.IMAGE_TO_IMAGE_RECIPE)
                .set(TextToImage.MODEL, family.model.modelName())
                .set(TextToImage.PROMPT, "a watercolor")
                .set(TextToImage.INIT_IMAGE, init)
                .set(TextToImage.STRENGTH, 0.8)
                .set(TextToImage.STEPS, 3)
                .set(TextToImage.SEED, seed);
    }

    @Test
    void valuesOutOfRangeOrForAnotherFamilyFailBeforeAnythingIsEnqueued() {
        int before = client.queue().status().total();

        Task task = client.tasks().task(TextToImage.RECIPE);
        assertThatThrownBy(() -> task.set(TextToImage.STEPS, 0))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'steps'");
        assertThatThrownBy(() -> task.set(TextToImage.WIDTH, 100))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("multiple of 8");
        assertThatThrownBy(() -> task.set(TextToImage.SEED, -3)).isInstanceOf(InvalidInputException.class);

        Task sdxlWithSd1Lora =
                textToImage(Family.SDXL, 1).set(TextToImage.LORAS, new LoRA(TinyModel.SD1_LORA.modelName(), 0.7));
        assertThatThrownBy(sdxlWithSd1Lora::submit)
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'loras'")
                .hasMessageContaining("its base is sd-1");
        Task fluxOnly = textToImage(Family.SD1, 1).set(TextToImage.GUIDANCE, 3.5);
        assertThatThrownBy(fluxOnly::submit)
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'guidance'")
                .hasMessageContaining("FLUX models only");
        Task loraAsModel = textToImage(Family.SD1, 1).set(TextToImage.MODEL, TinyModel.SD1_LORA.modelName());
        assertThatThrownBy(loraAsModel::submit)
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'model'")
                .hasMessageContaining("no such model");
        Task i2iHalfSize = imageToImage(Family.SD1, gradient(64, 64), 1).set(TextToImage.WIDTH, 64);
        assertThatThrownBy(i2iHalfSize::submit)
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'height'");

        assertThat(client.queue().status().total()).as("nothing was enqueued").isEqualTo(before);
    }

    static void clearInvocationCache() throws Exception {
        TaskSupport.clearInvocationCache(server);
    }
}
