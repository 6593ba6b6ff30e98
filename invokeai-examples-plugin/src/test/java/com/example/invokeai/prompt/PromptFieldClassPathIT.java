package com.example.invokeai.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.invokeai.client.ClientWorkflow;
import io.invokeai.client.InvalidInputException;
import io.invokeai.client.InvokeAIClient;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * The same plugin jar on the class path (Failsafe runs this with {@code useModulePath=false}, against the packaged
 * jar): found through {@code META-INF/services} alone.
 */
class PromptFieldClassPathIT {

    @Test
    void runsOnTheClassPath() {
        assertThat(PromptField.class.getModule().isNamed()).isFalse();
        assertThat(InvokeAIClient.class.getModule().isNamed()).isFalse();
    }

    @Test
    void theEngineFindsThePluginThroughMetaInfServices() throws IOException {
        try (InvokeAIClient client = InvokeAIClient.offline()) {
            ClientWorkflow workflow =
                    client.workflowFromJson(PromptFieldPluginTest.resource("sdxl-text-to-image.json"));
            workflow.set("positive prompt", " two   words ");
            assertThat(workflow.get("positive prompt")).isInstanceOf(PromptField.class);
            assertThat(workflow.get("positive prompt").value().map(Object::toString))
                    .contains("two words");
            assertThatThrownBy(() -> workflow.set("negative prompt", ""))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("the prompt is blank");
        }
    }
}
