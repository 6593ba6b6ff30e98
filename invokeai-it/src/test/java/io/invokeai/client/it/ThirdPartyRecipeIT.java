package io.invokeai.client.it;

import static io.invokeai.client.it.TaskSupport.gradient;
import static io.invokeai.client.it.TaskSupport.pixels;
import static io.invokeai.client.it.TaskSupport.same;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.invokeai.client.InvalidInputException;
import io.invokeai.client.InvokeAIClient;
import io.invokeai.client.JobResult;
import io.invokeai.client.TaskParameter;
import io.invokeai.client.it.recipes.BlurRecipeProvider;
import io.invokeai.client.spi.TaskRecipe;
import io.invokeai.client.testkit.InvokeAIServer;
import io.invokeai.client.testkit.InvokeAITest;
import java.awt.image.BufferedImage;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A recipe from outside the library (this module's test {@code META-INF/services}) is discovered and run. */
@InvokeAITest
class ThirdPartyRecipeIT {
    static InvokeAIClient client;

    @BeforeAll
    static void connect(InvokeAIServer server) {
        client = InvokeAIClient.builder().baseUrl(server.baseUrl()).build();
    }

    @AfterAll
    static void close() {
        if (client != null) {
            client.close();
        }
    }

    @Test
    void itIsListedBesideTheBuiltInRecipes() {
        assertThat(client.tasks().list())
                .extracting(TaskRecipe::name)
                .contains(BlurRecipeProvider.NAME, "text-to-image", "image-to-image", "controlnet", "ip-adapter");
        assertThat(client.tasks().withCapability("image-filter"))
                .extracting(TaskRecipe::name)
                .containsExactly(BlurRecipeProvider.NAME);
        assertThat(client.tasks().task(BlurRecipeProvider.NAME).parameters())
                .extracting(TaskParameter::name)
                .containsExactly("image", "radius");
    }

    @Test
    void itRunsOnTheServer() {
        BufferedImage input = gradient(32, 48);
        JobResult result = client.tasks()
                .task(BlurRecipeProvider.NAME)
                .set("image", input)
                .set("radius", 6)
                .submit()
                .await(Duration.ofMinutes(2));

        assertThat(result.images()).hasSize(1);
        BufferedImage blurred = result.images().get(0).toBufferedImage();
        assertThat(blurred.getWidth()).isEqualTo(32);
        assertThat(blurred.getHeight()).isEqualTo(48);
        assertThat(same(pixels(blurred), pixels(input))).as("blurred").isFalse();
    }

    @Test
    void itsParametersAreCheckedLikeTheBuiltInOnes() {
        assertThatThrownBy(() -> client.tasks().task(BlurRecipeProvider.NAME).set("radius", 100))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("radius");
    }
}
