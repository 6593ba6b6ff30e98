package io.invokeai.client.core.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.invokeai.client.FieldSpec;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The graph built offline for {@code sdxl-text-to-image.json} against the recorded queue item, whose
 * {@code session.graph} is the graph the GUI sent, as parsed by the server (fields the GUI left out appear there with
 * their schema defaults).
 *
 * <p>The recording was made with an older server; against the 6.14 templates the GUI updates the nodes whose version
 * changed ({@code noise}, {@code denoise_latents}, {@code collect}, {@code core_metadata}) and so sends their new
 * inputs with the template's initial values. Those fields are the only ones allowed to be missing from the recording.
 */
class RecordedGraphTest {
    private final NodeTemplates templates = Fixtures.templates();
    private final JsonObject item = Fixtures.recordedItem();
    private final JsonObject recorded = item.getJsonObject("session").getJsonObject("graph");
    private final WorkflowDocument original = WorkflowDocument.parse(Fixtures.workflow("sdxl-text-to-image.json"));
    private final BoundWorkflow workflow = BoundWorkflow.bind(original, templates, Fixtures.registry());

    private JsonObject build() {
        return GraphBuilder.enqueueBody(
                workflow.snapshot(),
                Fixtures.registry(),
                workflow.snapshot().values(),
                GraphBuilder.Options.of("graph-1").withOrigin("workflows", "gallery"));
    }

    @Test
    void sameNodesAndTypes() {
        JsonObject graph = build().getJsonObject("batch").getJsonObject("graph");
        JsonObject nodes = graph.getJsonObject("nodes");

        assertThat(graph.getString("id")).isEqualTo("graph-1");
        assertThat(nodes.keySet())
                .containsExactlyInAnyOrderElementsOf(
                        recorded.getJsonObject("nodes").keySet());
        for (String id : nodes.keySet()) {
            assertThat(nodes.getJsonObject(id).getString("type"))
                    .as(id)
                    .isEqualTo(recorded.getJsonObject("nodes").getJsonObject(id).getString("type"));
            assertThat(nodes.getJsonObject(id).getString("id")).isEqualTo(id);
        }
    }

    @Test
    void everyFieldMatchesTheRecordingOrItsDefault() {
        JsonObject nodes = build().getJsonObject("batch").getJsonObject("graph").getJsonObject("nodes");
        Set<String> updated = Set.of(
                "noise:f4Bv4UWa22",
                "denoise_latents:TRC0Y88EWe",
                "pos_cond_collect:sles8A43dq",
                "neg_cond_collect:XpoW9rXd61",
                "core_metadata:gSiDdR3ubW");
        for (String id : nodes.keySet()) {
            JsonObject mine = nodes.getJsonObject(id);
            JsonObject theirs = recorded.getJsonObject("nodes").getJsonObject(id);
            NodeTemplate template = templates.get(mine.getString("type")).orElseThrow();
            for (Map.Entry<String, JsonValue> field : mine.entrySet()) {
                String name = field.getKey();
                if (theirs.containsKey(name)) {
                    assertThat(field.getValue()).as(id + "." + name).isEqualTo(theirs.get(name));
                } else {
                    // only inputs that the node update added (with the GUI's initial value) may be new
                    assertThat(updated)
                            .as(id + "." + name + " is not in the recording")
                            .contains(id);
                    JsonObject originalInput = original.node(id)
                            .orElseThrow()
                            .getJsonObject("data")
                            .getJsonObject("inputs")
                            .getJsonObject(name);
                    assertThat(originalInput == null || !originalInput.containsKey("value"))
                            .as(id + "." + name + " had no value in the file")
                            .isTrue();
                    assertThat(template.initialValue(name)).as(id + "." + name).contains(field.getValue());
                }
            }
            for (Map.Entry<String, JsonValue> field : theirs.entrySet()) {
                if (mine.containsKey(field.getKey())) {
                    continue;
                }
                // a field the GUI left out: the server filled in its schema default
                Optional<FieldSpec> spec = template.input(field.getKey());
                assertThat(spec)
                        .as(id + "." + field.getKey() + " has a template")
                        .isPresent();
                JsonValue expected = spec.get().defaultValue().orElse(JsonValue.NULL);
                assertThat(field.getValue()).as(id + "." + field.getKey()).isEqualTo(expected);
            }
        }
    }

    @Test
    void connectedInputsCarryNoValue() {
        JsonObject graph = build().getJsonObject("batch").getJsonObject("graph");
        JsonObject nodes = graph.getJsonObject("nodes");
        for (JsonValue e : graph.getJsonArray("edges")) {
            JsonObject destination = e.asJsonObject().getJsonObject("destination");
            assertThat(nodes.getJsonObject(destination.getString("node_id")))
                    .as(destination.toString())
                    .doesNotContainKey(destination.getString("field"));
        }
        // e.g. the seed comes from rand_int, the prompts from the string nodes
        assertThat(nodes.getJsonObject("noise:f4Bv4UWa22")).doesNotContainKey("seed");
        assertThat(nodes.getJsonObject("pos_cond:o9T4cKV8xt")).doesNotContainKey("prompt");
        assertThat(nodes.getJsonObject("neg_cond:5ZtbrHJgrO")).containsEntry("original_width", Jsons.number(1024));
    }

    @Test
    void sameEdges() {
        JsonObject graph = build().getJsonObject("batch").getJsonObject("graph");
        assertThat(edgeSet(graph)).isEqualTo(edgeSet(recorded)).hasSize(24);
        assertThat(graph.getJsonArray("edges"))
                .hasSize(recorded.getJsonArray("edges").size());
    }

    private static Set<String> edgeSet(JsonObject graph) {
        return graph.getJsonArray("edges").stream()
                .map(JsonValue::asJsonObject)
                .map(e -> e.getJsonObject("source").getString("node_id") + "."
                        + e.getJsonObject("source").getString("field")
                        + " -> " + e.getJsonObject("destination").getString("node_id") + "."
                        + e.getJsonObject("destination").getString("field"))
                .collect(Collectors.toSet());
    }

    @Test
    void batchMatchesTheRecordedItem() {
        JsonObject body = build();
        JsonObject batch = body.getJsonObject("batch");
        assertThat(batch.getString("origin")).isEqualTo(item.getString("origin"));
        assertThat(batch.getString("destination")).isEqualTo(item.getString("destination"));
        assertThat(batch.getInt("runs")).isEqualTo(1);
        assertThat(batch).doesNotContainKey("data"); // no batch nodes; the item's field_values is empty
        assertThat(item.getJsonArray("field_values")).isEmpty();
        assertThat(body.getBoolean("prepend")).isFalse();
        assertThat(GraphBuilder.itemCount(original, templates, Fixtures.registry(), Map.of(), 1, Map.of()))
                .isEqualTo(1);
    }

    @Test
    void embeddedWorkflowMatchesTheRecordedOneAsFarAsMeaningful() {
        JsonObject mine = build().getJsonObject("batch").getJsonObject("workflow");
        JsonObject theirs = item.getJsonObject("workflow");

        assertThat(mine).doesNotContainKey("id");
        assertThat(mine.getJsonObject("meta").getString("version")).isEqualTo("4.0.0"); // migrated from 3.0.0
        for (String key : new String[] {"name", "author", "description", "version", "contact", "tags", "notes"}) {
            assertThat(mine.get(key)).as(key).isEqualTo(theirs.get(key));
        }
        assertThat(mine.get("form")).isEqualTo(theirs.get("form"));
        assertThat(mine.get("edges")).isEqualTo(theirs.get("edges"));
        assertThat(ids(mine)).isEqualTo(ids(theirs));
        // every stored value is still there, unchanged
        for (JsonValue n : theirs.getJsonArray("nodes")) {
            String id = n.asJsonObject().getString("id");
            JsonObject myInputs = mine.getJsonArray("nodes").stream()
                    .map(JsonValue::asJsonObject)
                    .filter(m -> m.getString("id").equals(id))
                    .findFirst()
                    .orElseThrow()
                    .getJsonObject("data")
                    .getJsonObject("inputs");
            n.asJsonObject().getJsonObject("data").getJsonObject("inputs").forEach((name, input) -> {
                if (input.asJsonObject().containsKey("value")) {
                    assertThat(myInputs.getJsonObject(name).get("value"))
                            .as(id + "." + name)
                            .isEqualTo(input.asJsonObject().get("value"));
                }
                assertThat(myInputs.getJsonObject(name).get("label"))
                        .isEqualTo(input.asJsonObject().get("label"));
            });
        }
    }

    private static Set<String> ids(JsonObject workflow) {
        Set<String> ids = new HashSet<>();
        workflow.getJsonArray("nodes").forEach(n -> ids.add(n.asJsonObject().getString("id")));
        return ids;
    }

    @Test
    void currentValuesReplaceTheStoredOnes() {
        workflow.set("Width", 1024).set("positive prompt", "a lighthouse");
        JsonObject batch = build().getJsonObject("batch");
        JsonObject nodes = batch.getJsonObject("graph").getJsonObject("nodes");

        assertThat(nodes.getJsonObject("noise:f4Bv4UWa22").getInt("width")).isEqualTo(1024);
        assertThat(nodes.getJsonObject("positive_prompt:kjUMdcg0zO").getString("value"))
                .isEqualTo("a lighthouse");
        JsonObject noiseInWorkflow = batch.getJsonObject("workflow").getJsonArray("nodes").stream()
                .map(JsonValue::asJsonObject)
                .filter(n -> n.getString("id").equals("noise:f4Bv4UWa22"))
                .findFirst()
                .orElseThrow();
        assertThat(noiseInWorkflow
                        .getJsonObject("data")
                        .getJsonObject("inputs")
                        .getJsonObject("width")
                        .getInt("value"))
                .isEqualTo(1024);
        // the document itself is unchanged
        assertThat(original.node("noise:f4Bv4UWa22").orElseThrow().toString()).contains("768");
    }
}
