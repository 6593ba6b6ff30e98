package com.example.invokeai.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.invokeai.client.ClientWorkflow;
import io.invokeai.client.InvalidInputException;
import io.invokeai.client.InvokeAIClient;
import io.invokeai.client.spi.FieldTypeProvider;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The plugin on the module path (this module has a module-info, so Surefire runs it as a named module): found by the
 * core's ServiceLoader and used by the real workflow engine, with the core untouched.
 */
class PromptFieldPluginTest {

    @Test
    void runsAsANamedModule() {
        assertThat(PromptField.class.getModule().isNamed()).isTrue();
        assertThat(PromptField.class.getModule().getName()).isEqualTo("com.example.invokeai.prompt");
    }

    @Test
    void theModuleDescriptorProvidesTheService() {
        var provides = PromptField.class.getModule().getDescriptor().provides();
        assertThat(provides).anySatisfy(p -> {
            assertThat(p.service()).isEqualTo(FieldTypeProvider.class.getName());
            assertThat(p.providers()).containsExactly("com.example.invokeai.prompt.internal.PromptFieldTypeProvider");
        });
    }

    @Test
    void theEngineUsesThePluginForPromptsAndTheBuiltinsForTheRest() throws IOException {
        try (InvokeAIClient client = InvokeAIClient.offline()) {
            ClientWorkflow workflow = client.workflowFromJson(resource("sdxl-text-to-image.json"));
            workflow.set("positive prompt", "  a   red\tcube ");
            assertThat(workflow.get("positive prompt")).isInstanceOf(PromptField.class);
            assertThat(workflow.get("positive prompt").value().map(Object::toString))
                    .contains("a red cube");
            assertThatThrownBy(() -> workflow.set("negative prompt", "   "))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("'negative prompt'")
                    .hasMessageContaining("a non-blank prompt")
                    .hasMessageContaining("the prompt is blank");
            workflow.set("Width", 64);
            assertThat(workflow.get("Width").getClass().getSimpleName()).isEqualTo("InvokeAIIntegerField");
            assertThat(workflow.dryRun().toString()).contains("\"value\":\"a red cube\"");
        }
    }

    static String resource(String name) throws IOException {
        try (InputStream in = PromptFieldPluginTest.class.getResourceAsStream("/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
