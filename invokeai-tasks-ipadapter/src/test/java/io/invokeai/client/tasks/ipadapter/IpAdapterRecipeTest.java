package io.invokeai.client.tasks.ipadapter;

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
import io.invokeai.client.spi.TaskRecipe;
import jakarta.json.JsonObject;
import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class IpAdapterRecipeTest {
    static final InvokeAIClient OFFLINE = InvokeAIClient.offline();
    static final BufferedImage IMAGE = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);

    @AfterAll
    static void close() {
        OFFLINE.close();
    }

    static Map<String, Object> values(String model, Object... pairs) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("model", model);
        v.put("prompt", "a cat");
        v.put(IpAdapter.REFERENCE_IMAGES, IMAGE);
        v.put(IpAdapter.MODEL, model.equals("tiny-sdxl") ? "tiny-sdxl-ip-adapter" : "tiny-sd1-ip-adapter");
        for (int i = 0; i < pairs.length; i += 2) {
            v.put((String) pairs[i], pairs[i + 1]);
        }
        return v;
    }

    @Test
    void theRecipeIsFoundByCapability() {
        assertThat(OFFLINE.tasks().withCapability(IpAdapter.CAPABILITY))
                .extracting(TaskRecipe::name)
                .containsExactly(IpAdapter.RECIPE);
    }

    @Test
    void oneReferenceImage() {
        ClientWorkflow wf =
                workflow(IpAdapter.RECIPE, values("tiny-sd1", "ipAdapterWeight", 0.7, "ipAdapterMethod", "style"));
        JsonObject graph = graph(wf);
        assertThat(nodeTypes(graph))
                .containsEntry("ip_adapter", "ip_adapter")
                .containsEntry("ip_adapter_collect", "collect");
        assertThat(edges(graph))
                .contains(
                        "ip_adapter.ip_adapter -> ip_adapter_collect.item",
                        "ip_adapter_collect.collection -> denoise.ip_adapter");
        JsonObject adapter = node(graph, "ip_adapter");
        assertThat(adapter.getJsonNumber("weight").doubleValue()).isEqualTo(0.7);
        assertThat(adapter.getString("method")).isEqualTo("style");
        assertThat(adapter.getString("clip_vision_model")).isEqualTo("ViT-H");
        assertThat(adapter.getJsonObject("ip_adapter_model").getString("key")).isEqualTo("key-tiny-sd1-ip-adapter");
        assertThat(graph.getJsonArray("edges"))
                .hasSameSizeAs(wf.toWorkflowJson().getJsonArray("edges"));
    }

    @Test
    void severalReferenceImagesGoToOneAdapter() {
        ClientWorkflow wf = workflow(IpAdapter.RECIPE, values("tiny-sdxl", "referenceImages", List.of(IMAGE, IMAGE)));
        JsonObject graph = graph(wf);
        assertThat(nodeTypes(graph)).containsEntry("model_loader", "sdxl_model_loader");
        assertThat(wf.get(IpAdapter.REFERENCE_IMAGES).toJson().asJsonArray()).hasSize(2);
    }

    @Test
    void wrongFamilyAndBadValuesAreRejected() {
        assertThatThrownBy(
                        () -> workflow(IpAdapter.RECIPE, values("tiny-sdxl", "ipAdapterModel", "tiny-sd1-ip-adapter")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'ipAdapterModel'")
                .hasMessageContaining("its base is sd-1");
        assertThatThrownBy(() -> workflow(IpAdapter.RECIPE, values("tiny-sd1", "ipAdapterBeginStep", 1)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'ipAdapterEndStep'");
        assertThatThrownBy(() -> workflow(IpAdapter.RECIPE, values("tiny-flux")))
                .hasMessageContaining("its base is flux");
        var task = OFFLINE.tasks().task(IpAdapter.RECIPE);
        assertThatThrownBy(() -> task.set("ipAdapterWeight", 3)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> task.set("referenceImages", List.of())).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> task.set("ipAdapterMethod", "everything")).isInstanceOf(InvalidInputException.class);
    }
}
