package io.invokeai.client.it.recipes;

import io.invokeai.client.Cardinality;
import io.invokeai.client.ClientWorkflow;
import io.invokeai.client.FieldSpec;
import io.invokeai.client.InvokeAIClient;
import io.invokeai.client.InvokeAIField;
import io.invokeai.client.TaskParameter;
import io.invokeai.client.spi.TaskRecipe;
import io.invokeai.client.spi.TaskRecipeProvider;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * A third-party task recipe, as an application or plugin would write one against the SPI alone (no help from the
 * built-in recipes): {@code test-blur} blurs an image with InvokeAI's model-free {@code img_blur} node. Registered in
 * this module's test {@code META-INF/services}.
 */
public final class BlurRecipeProvider implements TaskRecipeProvider {
    public static final String NAME = "test-blur";

    @Override
    public List<TaskRecipe> recipes() {
        return List.of(new BlurRecipe());
    }

    static final class BlurRecipe implements TaskRecipe {
        static final TaskParameter IMAGE = new TaskParameter(
                "image",
                new FieldSpec(
                        NAME,
                        "image",
                        "ImageField",
                        Cardinality.SINGLE,
                        "Image",
                        "The image to blur.",
                        Optional.empty(),
                        FieldSpec.Constraints.NONE,
                        List.of(),
                        Map.of(),
                        List.of(),
                        List.of(),
                        true,
                        "any"),
                "The image to blur.");
        static final TaskParameter RADIUS = new TaskParameter(
                "radius",
                new FieldSpec(
                        NAME,
                        "radius",
                        "FloatField",
                        Cardinality.SINGLE,
                        "Radius",
                        "The blur radius.",
                        Optional.of(Json.createValue(4)),
                        FieldSpec.Constraints.NONE.narrowRange(
                                Optional.of(BigDecimal.ZERO), Optional.of(BigDecimal.valueOf(64))),
                        List.of(),
                        Map.of(),
                        List.of(),
                        List.of(),
                        false,
                        "any"),
                "The blur radius in pixels, 0 to 64.");

        @Override
        public String name() {
            return NAME;
        }

        @Override
        public String description() {
            return "Blurs an image (a test recipe).";
        }

        @Override
        public Set<String> capabilities() {
            return Set.of("image-filter");
        }

        @Override
        public List<TaskParameter> parameters() {
            return List.of(IMAGE, RADIUS);
        }

        @Override
        public CompletableFuture<ClientWorkflow> workflowAsync(
                InvokeAIClient client, Map<String, InvokeAIField<?>> values) {
            if (!values.containsKey("image")) {
                return CompletableFuture.failedFuture(new IllegalArgumentException("image is required"));
            }
            JsonObject input = Json.createObjectBuilder()
                    .add("name", "image")
                    .add("label", "image")
                    .add("description", "")
                    .build();
            JsonObject radius = Json.createObjectBuilder()
                    .add("name", "radius")
                    .add("label", "radius")
                    .add("description", "")
                    .build();
            JsonObject blur = Json.createObjectBuilder()
                    .add("id", "blur")
                    .add("type", "invocation")
                    .add("position", Json.createObjectBuilder().add("x", 0).add("y", 0))
                    .add(
                            "data",
                            Json.createObjectBuilder()
                                    .add("id", "blur")
                                    .add("type", "img_blur")
                                    .add("version", "1.2.2")
                                    .add("label", "Blur")
                                    .add("isIntermediate", false)
                                    .add("useCache", false)
                                    .add(
                                            "inputs",
                                            Json.createObjectBuilder()
                                                    .add("image", input)
                                                    .add("radius", radius)))
                    .build();
            JsonObject form = Json.createObjectBuilder()
                    .add("rootElementId", "root")
                    .add(
                            "elements",
                            Json.createObjectBuilder()
                                    .add(
                                            "root",
                                            Json.createObjectBuilder()
                                                    .add("id", "root")
                                                    .add("type", "container")
                                                    .add(
                                                            "data",
                                                            Json.createObjectBuilder()
                                                                    .add("layout", "column")
                                                                    .add(
                                                                            "children",
                                                                            Json.createArrayBuilder()
                                                                                    .add("f-image")
                                                                                    .add("f-radius"))))
                                    .add("f-image", field("f-image", "image"))
                                    .add("f-radius", field("f-radius", "radius")))
                    .build();
            JsonObject workflow = Json.createObjectBuilder()
                    .add("name", NAME)
                    .add(
                            "meta",
                            Json.createObjectBuilder().add("version", "4.0.0").add("category", "user"))
                    .add("nodes", Json.createArrayBuilder().add(blur))
                    .add("edges", Json.createArrayBuilder())
                    .add("form", form)
                    .build();
            return client.workflowAsync(workflow.toString()).thenApply(wf -> {
                wf.set("image", values.get("image"));
                wf.set(
                        "radius",
                        values.containsKey("radius")
                                ? values.get("radius")
                                : RADIUS.spec().defaultValue().orElseThrow());
                return wf;
            });
        }

        private static JsonObject field(String id, String fieldName) {
            return Json.createObjectBuilder()
                    .add("id", id)
                    .add("type", "node-field")
                    .add("parentId", "root")
                    .add(
                            "data",
                            Json.createObjectBuilder()
                                    .add(
                                            "fieldIdentifier",
                                            Json.createObjectBuilder()
                                                    .add("nodeId", "blur")
                                                    .add("fieldName", fieldName)))
                    .build();
        }
    }
}
