package io.invokeai.client.core.workflow;

import static io.invokeai.client.core.workflow.Fixtures.q;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.invokeai.client.InvokeAIException;
import io.invokeai.client.core.fields.FieldTypeRegistry;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class GraphBuilderTest {
    private final NodeTemplates templates = Fixtures.templates();
    private final FieldTypeRegistry fieldTypes = Fixtures.registry();

    private JsonObject body(WorkflowDocument doc, int runs, GraphBuilder.Options options) {
        return GraphBuilder.enqueueBody(doc, templates, fieldTypes, Map.of(), runs, options);
    }

    private JsonObject graph(WorkflowDocument doc) {
        return body(doc, 1, GraphBuilder.Options.of("g")).getJsonObject("batch").getJsonObject("graph");
    }

    private static Set<String> edges(JsonObject graph) {
        return graph.getJsonArray("edges").stream()
                .map(JsonValue::asJsonObject)
                .map(e -> e.getJsonObject("source").getString("node_id") + "."
                        + e.getJsonObject("source").getString("field")
                        + ">" + e.getJsonObject("destination").getString("node_id") + "."
                        + e.getJsonObject("destination").getString("field"))
                .collect(Collectors.toSet());
    }

    /** S (strings, ungrouped), I (integers, ungrouped), F1 + F2 (floats, Group 1; F2 fed by a generator). */
    private static TestWorkflow batchWorkflow(List<Double> f1) {
        return TestWorkflow.create()
                .node("S", "string_batch", "Subjects", Map.of("strings", List.of("a cat", "a dog", "a fox")))
                .node("I", "integer_batch", Map.of("integers", List.of(1, 2)))
                .node("F1", "float_batch", "Strength", Map.of("batch_group_id", "Group 1", "floats", f1))
                .node(
                        "G",
                        "float_generator",
                        Map.of(
                                "generator",
                                q("{'type':'float_generator_arithmetic_sequence','start':0,'step':0.25,'count':2}")))
                .connector("C1")
                .node("F2", "float_batch", Map.of("batch_group_id", "Group 1"))
                .node("J", "string_join", Map.of("string_left", "x", "string_right", "!"))
                .node("A", "add", Map.of("a", 0, "b", 10))
                .node("M", "float_math", Map.of("operation", "MUL"))
                .edge("S", "value", "J", "string_left")
                .edge("I", "value", "A", "a")
                .edge("F1", "value", "M", "a")
                .edge("G", "floats", "C1", "in")
                .edge("C1", "out", "F2", "floats")
                .edge("F2", "value", "M", "b");
    }

    @Test
    void batchNodesBecomeProductAndZippedData() {
        WorkflowDocument doc = batchWorkflow(List.of(0.5, 1.5)).document();
        JsonObject batch = body(doc, 2, GraphBuilder.Options.of("g")).getJsonObject("batch");

        assertThat(batch.getJsonArray("data"))
                .isEqualTo(q("{'d':["
                                + "[{'node_path':'J','field_name':'string_left','items':['a cat','a dog','a fox']}],"
                                + "[{'node_path':'A','field_name':'a','items':[1,2]}],"
                                + "[{'node_path':'M','field_name':'a','items':[0.5,1.5]},"
                                + " {'node_path':'M','field_name':'b','items':[0,0.25]}]]}")
                        .getJsonArray("d"));
        assertThat(GraphBuilder.itemCount(doc, templates, fieldTypes, Map.of(), 2, Map.of()))
                .isEqualTo(2 * 3 * 2 * 2);

        JsonObject graph = batch.getJsonObject("graph");
        // batch, generator and connector nodes never reach the server
        assertThat(graph.getJsonObject("nodes").keySet()).containsExactlyInAnyOrder("J", "A", "M");
        assertThat(graph.getJsonArray("edges")).isEmpty();
        assertThat(graph.getJsonObject("nodes").getJsonObject("J").getString("string_left"))
                .isEqualTo("x");
    }

    @Test
    void zippedGroupsMustHaveEqualSizes() {
        WorkflowDocument doc = batchWorkflow(List.of(0.5, 1.5, 2.5)).document();

        assertThatThrownBy(() -> body(doc, 1, GraphBuilder.Options.of("g")))
                .isInstanceOf(InvokeAIException.class)
                .hasMessageContaining("Group 1")
                .hasMessageContaining("'Strength' (F1) has 3")
                .hasMessageContaining("(F2) has 2");
        assertThatThrownBy(() -> GraphBuilder.itemCount(doc, templates, fieldTypes, Map.of(), 1, Map.of()))
                .isInstanceOf(InvokeAIException.class);
    }

    @Test
    void emptyBatchNodesAreRejected() {
        WorkflowDocument doc = TestWorkflow.create()
                .node("S", "string_batch", Map.of("strings", List.of()))
                .node("J", "string_join", Map.of())
                .edge("S", "value", "J", "string_left")
                .document();

        assertThatThrownBy(() -> body(doc, 1, GraphBuilder.Options.of("g")))
                .isInstanceOf(InvokeAIException.class)
                .hasMessageContaining("(S) has no items");
    }

    @Test
    void batchValuesCanBeSetAsInputs() {
        WorkflowDocument doc = TestWorkflow.create()
                .node("S", "string_batch", Map.of("strings", List.of("one")))
                .node("J", "string_join", Map.of())
                .edge("S", "value", "J", "string_right")
                .document();
        var values = Map.of(
                "S",
                Map.<String, JsonValue>of(
                        "strings", Json.createArrayBuilder().add("p").add("q").build()));

        JsonObject batch = GraphBuilder.enqueueBody(doc, templates, fieldTypes, values, 1, GraphBuilder.Options.of("g"))
                .getJsonObject("batch");
        assertThat(batch.getJsonArray("data").getJsonArray(0).getJsonObject(0).getJsonArray("items"))
                .containsExactly(Json.createValue("p"), Json.createValue("q"));
        assertThat(GraphBuilder.itemCount(doc, templates, fieldTypes, values, 3, Map.of()))
                .isEqualTo(6);
    }

    @Test
    void generatorsThatNeedTheServerMustBeSupplied() {
        WorkflowDocument doc = TestWorkflow.create()
                .node(
                        "G",
                        "string_generator",
                        Map.of(
                                "generator",
                                q(
                                        "{'type':'string_generator_dynamic_prompts_combinatorial','input':'a {b|c}','maxPrompts':10}")))
                .node("S", "string_batch", Map.of())
                .node("J", "string_join", Map.of())
                .edge("G", "strings", "S", "strings")
                .edge("S", "value", "J", "string_left")
                .document();

        assertThat(GraphBuilder.generatorsNeedingServer(doc, templates, Map.of()))
                .containsOnlyKeys("G");
        assertThatThrownBy(() -> body(doc, 1, GraphBuilder.Options.of("g")))
                .isInstanceOf(InvokeAIException.class)
                .hasMessageContaining("needs the server");
        var supplied = GraphBuilder.Options.of("g")
                .withGeneratorValues(Map.of("G", List.of(Json.createValue("a b"), Json.createValue("a c"))));
        assertThat(body(doc, 1, supplied)
                        .getJsonObject("batch")
                        .getJsonArray("data")
                        .toString())
                .contains("\"items\":[\"a b\",\"a c\"]");
    }

    @Test
    void connectorsAreResolvedAndNotesDropped() {
        WorkflowDocument doc = TestWorkflow.create()
                .node("P", "integer", Map.of("value", 5))
                .connector("C1")
                .connector("C2")
                .connector("dangling")
                .notes("N", "a note")
                .node("A", "add", Map.of("a", 1, "b", 2))
                .node("B", "add", Map.of("a", 3, "b", 4))
                .edge("P", "value", "C1", "in")
                .edge("C1", "out", "C2", "in")
                .edge("C2", "out", "A", "a")
                .edge("C1", "out", "A", "b")
                .edge("P", "value", "A", "b") // the same connection twice: sent once
                .edge("dangling", "out", "B", "a") // a connector without input: dropped
                .collapsed("P", "B") // UI only
                .document();
        JsonObject graph = graph(doc);

        assertThat(graph.getJsonObject("nodes").keySet()).containsExactlyInAnyOrder("P", "A", "B");
        assertThat(edges(graph)).containsExactlyInAnyOrder("P.value>A.a", "P.value>A.b");
        assertThat(graph.getJsonArray("edges")).hasSize(2);
        // connected inputs lose their values; unconnected ones keep them
        assertThat(graph.getJsonObject("nodes").getJsonObject("A")).doesNotContainKeys("a", "b");
        assertThat(graph.getJsonObject("nodes").getJsonObject("B").getInt("a")).isEqualTo(3);
        assertThat(graph.getJsonObject("nodes").getJsonObject("P").getInt("value"))
                .isEqualTo(5);
    }

    @Test
    void batchTargetsBehindAConnectorAreFollowed() {
        WorkflowDocument doc = TestWorkflow.create()
                .node("I", "integer_batch", Map.of("integers", List.of(7, 8)))
                .connector("C")
                .node("A", "add", Map.of())
                .node("B", "add", Map.of())
                .edge("I", "value", "C", "in")
                .edge("C", "out", "A", "a")
                .edge("C", "out", "B", "b")
                .document();

        JsonArray data = body(doc, 1, GraphBuilder.Options.of("g"))
                .getJsonObject("batch")
                .getJsonArray("data");
        assertThat(data.getJsonArray(0).stream()
                        .map(d -> d.asJsonObject().getString("node_path") + "."
                                + d.asJsonObject().getString("field_name"))
                        .toList())
                .containsExactly("A.a", "B.b");
    }

    @Test
    void edgesToMissingNodesOrFieldsAreDroppedOnLoad() {
        WorkflowDocument doc = TestWorkflow.create()
                .node("P", "integer", Map.of("value", 5))
                .node("A", "add", Map.of())
                .edge("P", "value", "A", "a")
                .edge("P", "value", "gone", "a")
                .edge("P", "nope", "A", "b")
                .edge("P", "value", "A", "nope")
                .document();

        assertThat(doc.edges()).hasSize(1);
        assertThat(doc.warnings())
                .filteredOn(w -> w.startsWith("deleted invalid edge"))
                .hasSize(3);
        assertThat(edges(graph(doc))).containsExactly("P.value>A.a");
    }

    @Test
    void boardsAreTranslatedLikeTheGui() {
        WorkflowDocument doc = TestWorkflow.create()
                .node("auto", "blank_image", Map.of("board", "auto"))
                .node("unset", "blank_image", Map.of())
                .node("none", "blank_image", Map.of("board", "none"))
                .node("explicit", "blank_image", Map.of("board", q("{'board_id':'b-1'}")))
                .document();

        JsonObject nodes = graph(doc).getJsonObject("nodes");
        assertThat(nodes.getJsonObject("auto")).doesNotContainKey("board");
        assertThat(nodes.getJsonObject("none")).doesNotContainKey("board");
        assertThat(nodes.getJsonObject("explicit").getJsonObject("board")).isEqualTo(q("{'board_id':'b-1'}"));

        JsonObject withAuto = body(doc, 1, GraphBuilder.Options.of("g").withAutoAddBoard(Optional.of("b-auto")))
                .getJsonObject("batch")
                .getJsonObject("graph")
                .getJsonObject("nodes");
        assertThat(withAuto.getJsonObject("auto").getJsonObject("board")).isEqualTo(q("{'board_id':'b-auto'}"));
        assertThat(withAuto.getJsonObject("unset").getJsonObject("board")).isEqualTo(q("{'board_id':'b-auto'}"));
        assertThat(withAuto.getJsonObject("none")).doesNotContainKey("board");
        assertThat(withAuto.getJsonObject("explicit").getJsonObject("board")).isEqualTo(q("{'board_id':'b-1'}"));
    }

    @Test
    void nodeAttributesAndUnsetValues() {
        WorkflowDocument doc = TestWorkflow.create()
                .node("A", "add", Map.of("a", 1, "b", JsonValue.NULL))
                .node("S", "save_image", Map.of())
                .document();
        JsonObject nodes = graph(doc).getJsonObject("nodes");

        assertThat(nodes.getJsonObject("A"))
                .containsEntry("type", Json.createValue("add"))
                .containsEntry("id", Json.createValue("A"))
                .containsEntry("a", Json.createValue(1))
                .containsEntry("use_cache", JsonValue.TRUE)
                .containsEntry("is_intermediate", JsonValue.TRUE)
                .doesNotContainKey("b"); // null is not sent: the server default applies
        assertThat(nodes.getJsonObject("S"))
                .containsEntry("is_intermediate", JsonValue.FALSE)
                .containsEntry("use_cache", JsonValue.FALSE)
                .doesNotContainKeys("image", "metadata", "board");
    }

    @Test
    void nodesWithoutTemplateAndInputsWithoutTemplateAreLeftOut() {
        JsonObject wf = TestWorkflow.create()
                .node("A", "add", Map.of("a", 1, "bogus", 3))
                .build();
        JsonObject custom = q("{'id':'X','type':'invocation','data':{'id':'X','type':'custom_thing','version':'1.0.0',"
                + "'label':'','notes':'','isOpen':true,'isIntermediate':true,'useCache':true,'inputs':{}}}");
        WorkflowDocument doc = WorkflowDocument.parse(Json.createObjectBuilder(wf)
                .add("nodes", Json.createArrayBuilder(wf.getJsonArray("nodes")).add(custom))
                .build());
        WorkflowDocument validated = doc.validate(templates);
        JsonObject graph = GraphBuilder.graph(validated, templates, "g", Optional.empty());

        assertThat(graph.getJsonObject("nodes").keySet()).containsExactly("A");
        assertThat(graph.getJsonObject("nodes").getJsonObject("A")).doesNotContainKey("bogus");
        assertThat(validated.warnings()).anySatisfy(w -> assertThat(w).contains("custom_thing"));
    }

    @Test
    void coreMetadataKeepsUndeclaredExtras() {
        WorkflowDocument doc = TestWorkflow.create()
                .node("M", "core_metadata", Map.of("z_image_seed_variance_enabled", true))
                .document();

        assertThat(graph(doc).getJsonObject("nodes").getJsonObject("M"))
                .containsEntry("z_image_seed_variance_enabled", JsonValue.TRUE);
    }

    @Test
    void enqueueBodyCarriesTheOptionsAndAWorkflowWithoutId() {
        WorkflowDocument doc = TestWorkflow.create()
                .node("A", "add", Map.of("a", 1))
                .notes("N", "hello")
                .document();
        var options = GraphBuilder.Options.of("graph-7")
                .withOrigin("my-app", "my-dest")
                .withPrepend(true);
        JsonObject body = body(doc, 3, options);
        JsonObject batch = body.getJsonObject("batch");

        assertThat(body.getBoolean("prepend")).isTrue();
        assertThat(batch.getString("origin")).isEqualTo("my-app");
        assertThat(batch.getString("destination")).isEqualTo("my-dest");
        assertThat(batch.getInt("runs")).isEqualTo(3);
        assertThat(batch).doesNotContainKey("data");
        assertThat(batch.getJsonObject("graph").getString("id")).isEqualTo("graph-7");
        JsonObject workflow = batch.getJsonObject("workflow");
        assertThat(doc.id()).contains("library-id");
        assertThat(workflow)
                .doesNotContainKey("id")
                .containsKeys("name", "nodes", "edges", "exposedFields", "meta", "form");
        assertThat(workflow.getJsonArray("nodes")).hasSize(2); // the notes node stays in the workflow

        JsonObject bare = body(doc, 1, GraphBuilder.Options.of("g")).getJsonObject("batch");
        assertThat(bare).doesNotContainKeys("origin", "destination");
    }

    @Test
    void callSavedWorkflowFoldsItsDynamicInputs() {
        JsonObject wf = TestWorkflow.create()
                .node(
                        "W",
                        "call_saved_workflow",
                        Map.of(
                                "workflow_id", "wf-1",
                                "saved_workflow_input::n1::width", 640,
                                "saved_workflow_input::n1::prompt", "hello"))
                .node("P", "string", Map.of("value", "from edge"))
                .edge("P", "value", "W", "saved_workflow_input::n1::prompt")
                .build();
        // the GUI stores the dynamic inputs' templates on the node
        String dynamic = "{\"saved_workflow_input::n1::width\":{\"name\":\"saved_workflow_input::n1::width\","
                + "\"title\":\"Width\",\"type\":{\"name\":\"IntegerField\",\"cardinality\":\"SINGLE\",\"batch\":false},"
                + "\"input\":\"any\",\"required\":false,\"default\":512},"
                + "\"saved_workflow_input::n1::prompt\":{\"name\":\"saved_workflow_input::n1::prompt\","
                + "\"title\":\"Prompt\",\"type\":{\"name\":\"StringField\",\"cardinality\":\"SINGLE\",\"batch\":false},"
                + "\"input\":\"any\",\"required\":false,\"default\":\"\"}}";
        WorkflowDocument doc = WorkflowDocument.parse(
                Fixtures.parse(
                        wf.toString().replace("\"dynamicInputTemplates\":{}", "\"dynamicInputTemplates\":" + dynamic)),
                templates);
        JsonObject node = graph(doc).getJsonObject("nodes").getJsonObject("W");

        assertThat(node.getString("workflow_id")).isEqualTo("wf-1");
        assertThat(node.getJsonObject("workflow_inputs"))
                .isEqualTo(q("{'saved_workflow_input::n1::width':640}")); // the connected one is removed
        assertThat(node).doesNotContainKey("saved_workflow_input::n1::width");
    }
}
