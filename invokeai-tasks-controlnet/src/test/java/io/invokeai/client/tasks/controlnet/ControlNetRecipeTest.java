package io.invokeai.client.tasks.controlnet;

import static io.invokeai.client.tasks.testing.RecipeTests.edges;
import static io.invokeai.client.tasks.testing.RecipeTests.graph;
import static io.invokeai.client.tasks.testing.RecipeTests.node;
import static io.invokeai.client.tasks.testing.RecipeTests.nodeTypes;
import static io.invokeai.client.tasks.testing.RecipeTests.workflow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.invokeai.client.ClientWorkflow;
import io.invokeai.client.InvalidInputException;
import io.invokeai.client.InvokeAIClient;
import io.invokeai.client.TaskParameter;
import io.invokeai.client.WorkflowInput;
import io.invokeai.client.spi.TaskRecipe;
import jakarta.json.JsonObject;
import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class ControlNetRecipeTest {
    static final InvokeAIClient OFFLINE = InvokeAIClient.offline();
    static final BufferedImage IMAGE = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);

    @AfterAll
    static void close() {
        OFFLINE.close();
    }

    static Map<String, Object> values(String model, Object... pairs) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("model", model);
        v.put("prompt", "a house");
        v.put(ControlNet.CONTROL_IMAGE, IMAGE);
        v.put(ControlNet.CONTROL_MODEL, model.equals("tiny-sdxl") ? "tiny-sdxl-controlnet" : "tiny-sd1-controlnet");
        for (int i = 0; i < pairs.length; i += 2) {
            v.put((String) pairs[i], pairs[i + 1]);
        }
        return v;
    }

    @Test
    void theRecipeIsFoundByCapabilityAndListsThreeUnits() {
        assertThat(OFFLINE.tasks().withCapability(ControlNet.CAPABILITY))
                .extracting(TaskRecipe::name)
                .containsExactly(ControlNet.RECIPE);
        var names = OFFLINE.tasks().task(ControlNet.RECIPE).parameters().stream()
                .map(TaskParameter::name)
                .toList();
        assertThat(names)
                .contains("model", "prompt", "initImage", "strength", "controlImage", "controlModel3", "preprocessor2")
                .doesNotContain("guidance", "t5Encoder");
        TaskParameter weight = OFFLINE.tasks().task(ControlNet.RECIPE).parameters().stream()
                .filter(p -> p.name().equals("controlWeight"))
                .findFirst()
                .orElseThrow();
        assertThat(weight.spec().constraints().describeRange()).isEqualTo("in [-1, 2]");
        assertThat(ControlNet.unit(ControlNet.CONTROL_IMAGE, 2)).isEqualTo("controlImage2");
    }

    @Test
    void oneControlNetWithCanny() {
        ClientWorkflow wf = workflow(
                ControlNet.RECIPE,
                values("tiny-sd1", "preprocessor", "canny", "controlWeight", 0.8, "cannyLowThreshold", 50));
        JsonObject graph = graph(wf);
        assertThat(nodeTypes(graph))
                .containsEntry("preprocessor_1", "canny_edge_detection")
                .containsEntry("controlnet_1", "controlnet")
                .containsEntry("control_collect", "collect");
        assertThat(edges(graph))
                .contains(
                        "preprocessor_1.image -> controlnet_1.image",
                        "controlnet_1.control -> control_collect.item",
                        "control_collect.collection -> denoise.control");
        assertThat(node(graph, "preprocessor_1").getInt("low_threshold")).isEqualTo(50);
        assertThat(node(graph, "preprocessor_1").getInt("high_threshold")).isEqualTo(200);
        assertThat(node(graph, "controlnet_1").getJsonNumber("control_weight").doubleValue())
                .isEqualTo(0.8);
        assertThat(node(graph, "controlnet_1").getString("control_mode")).isEqualTo("balanced");
        assertThat(node(graph, "controlnet_1").getJsonObject("control_model").getString("key"))
                .isEqualTo("key-tiny-sd1-controlnet");
        assertThat(wf.inputs()).extracting(WorkflowInput::name).contains("controlImage", "controlEndStep");
        assertThat(graph.getJsonArray("edges"))
                .hasSameSizeAs(wf.toWorkflowJson().getJsonArray("edges"));
    }

    @Test
    void severalControlNetsAreCollected() {
        ClientWorkflow wf = workflow(
                ControlNet.RECIPE,
                values(
                        "tiny-sdxl",
                        "controlImage2",
                        IMAGE,
                        "controlModel2",
                        "tiny-sdxl-controlnet",
                        "preprocessor2",
                        "content_shuffle",
                        "controlMode2",
                        "more_control",
                        "controlEndStep2",
                        0.5));
        JsonObject graph = graph(wf);
        assertThat(nodeTypes(graph))
                .containsEntry("model_loader", "sdxl_model_loader")
                .containsEntry("controlnet_1", "controlnet")
                .containsEntry("controlnet_2", "controlnet")
                .containsEntry("preprocessor_2", "content_shuffle")
                .doesNotContainKeys("preprocessor_1", "controlnet_3");
        assertThat(edges(graph))
                .contains(
                        "controlnet_1.control -> control_collect.item", "controlnet_2.control -> control_collect.item");
        assertThat(node(graph, "controlnet_2").getString("control_mode")).isEqualTo("more_control");
        assertThat(node(graph, "controlnet_2").getJsonNumber("end_step_percent").doubleValue())
                .isEqualTo(0.5);
        assertThat(graph.getJsonArray("edges"))
                .hasSameSizeAs(wf.toWorkflowJson().getJsonArray("edges"));
    }

    @Test
    void controlNetWithAnInitImage() {
        ClientWorkflow wf = workflow(ControlNet.RECIPE, values("tiny-sd1", "initImage", IMAGE, "strength", 0.5));
        assertThat(nodeTypes(graph(wf)))
                .containsEntry("init_image_encode", "i2l")
                .containsKey("controlnet_1");
    }

    @Test
    void wrongFamilyAndBadCombinationsAreRejected() {
        assertThatThrownBy(
                        () -> workflow(ControlNet.RECIPE, values("tiny-sd1", "controlModel", "tiny-sdxl-controlnet")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'controlModel'")
                .hasMessageContaining("its base is sdxl");
        assertThatThrownBy(
                        () -> workflow(ControlNet.RECIPE, values("tiny-flux", "controlModel", "tiny-sd1-controlnet")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("base sd-1, sdxl")
                .hasMessageContaining("its base is flux");
        assertThatThrownBy(() -> workflow(ControlNet.RECIPE, values("tiny-sd1", "controlWeight2", 0.5)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'controlImage2'");
        assertThatThrownBy(() ->
                        workflow(ControlNet.RECIPE, values("tiny-sd1", "controlBeginStep", 0.6, "controlEndStep", 0.4)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'controlEndStep'");
        assertThatThrownBy(() -> workflow(ControlNet.RECIPE, values("tiny-sd1", "controlModel", "tiny-sd1-lora")))
                .hasMessageContaining("no such model");
        var task = OFFLINE.tasks().task(ControlNet.RECIPE);
        assertThatThrownBy(() -> task.set("controlWeight", 2.5)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> task.set("preprocessor", "depth")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> task.set("controlImage4", IMAGE)).hasMessageContaining("No input named");
    }
}
