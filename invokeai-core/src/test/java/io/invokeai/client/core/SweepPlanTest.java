package io.invokeai.client.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.invokeai.client.Cardinality;
import io.invokeai.client.FieldSpec;
import io.invokeai.client.InvokeAIField;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SweepPlanTest {

    /** A minimal typed value for the swept columns. */
    static final class Value extends InvokeAIField<Object> {
        private final JsonValue json;

        Value(JsonValue json) {
            super(FieldSpec.of("AnyField", Cardinality.SINGLE), json.toString());
            this.json = json;
        }

        @Override
        public JsonValue toJson() {
            return json;
        }
    }

    static SweepPlan.Column column(String name, String node, String field, JsonValue... items) {
        List<InvokeAIField<?>> fields = new ArrayList<>();
        for (JsonValue v : items) {
            fields.add(new Value(v));
        }
        return new SweepPlan.Column(name, node, field, List.of(items), fields);
    }

    static JsonValue n(int i) {
        return Json.createValue(i);
    }

    static JsonValue s(String text) {
        return Json.createValue(text);
    }

    static SweepPlan.Group group(SweepPlan.Column... columns) {
        return new SweepPlan.Group(List.of(columns));
    }

    /** The server's create_session_nfv_tuples: runs, then the product of the zipped groups (last fastest). */
    static List<Map<String, JsonValue>> serverOrder(List<SweepPlan.Group> groups, int runs) {
        List<Map<String, JsonValue>> sessions = new ArrayList<>();
        for (int r = 0; r < runs; r++) {
            product(groups, 0, new LinkedHashMap<>(), sessions);
        }
        return sessions;
    }

    private static void product(
            List<SweepPlan.Group> groups, int g, Map<String, JsonValue> acc, List<Map<String, JsonValue>> out) {
        if (g == groups.size()) {
            out.add(new LinkedHashMap<>(acc));
            return;
        }
        SweepPlan.Group group = groups.get(g);
        for (int i = 0; i < group.size(); i++) {
            for (SweepPlan.Column c : group.columns()) {
                acc.put(c.nodeId() + "." + c.fieldName(), c.items().get(i));
            }
            product(groups, g + 1, acc, out);
        }
    }

    static Map<String, JsonValue> valuesAt(SweepPlan plan, long index) {
        int[] c = plan.coordinates(index);
        Map<String, JsonValue> values = new LinkedHashMap<>();
        for (int g = 0; g < plan.groups().size(); g++) {
            for (SweepPlan.Column col : plan.groups().get(g).columns()) {
                values.put(col.nodeId() + "." + col.fieldName(), col.items().get(c[g]));
            }
        }
        return values;
    }

    @Test
    void pointsAreNumberedInTheOrderTheServerCreatesSessions() {
        List<SweepPlan.Group> groups = List.of(
                group(column("prompt", "p", "value", s("a"), s("b"), s("c"))),
                group(column("w", "noise", "width", n(64), n(96)), column("h", "noise", "height", n(32), n(48))),
                group(column("steps", "d", "steps", n(2), n(3))));
        SweepPlan plan = new SweepPlan(groups, 2);

        assertThat(plan.total()).isEqualTo(3 * 2 * 2 * 2);
        assertThat(plan.segments()).isEqualTo(1);
        List<Map<String, JsonValue>> server = serverOrder(groups, 2);
        for (long k = 0; k < plan.total(); k++) {
            assertThat(valuesAt(plan, k)).as("point " + k).isEqualTo(server.get((int) k));
            assertThat(plan.indexInSegment(0, k)).isEqualTo(k);
            assertThat(plan.run(k)).isEqualTo(k < 12 ? 0 : 1);
        }
        assertThat(plan.inputs(5)).containsOnlyKeys("prompt", "w", "h", "steps");
        assertThat(plan.inputs(5).get("prompt").toJson()).isEqualTo(s("b"));
    }

    @Test
    void freshDataIsOneEntryPerGroupWithZippedColumns() {
        SweepPlan plan = new SweepPlan(
                List.of(
                        group(column("w", "noise", "width", n(64), n(96)), column("h", "noise", "height", n(1), n(2))),
                        group(column("p", "p", "value", s("x")))),
                1);

        assertThat(plan.freshData().toString())
                .isEqualTo("[[{\"node_path\":\"noise\",\"field_name\":\"width\",\"items\":[64,96]},"
                        + "{\"node_path\":\"noise\",\"field_name\":\"height\",\"items\":[1,2]}],"
                        + "[{\"node_path\":\"p\",\"field_name\":\"value\",\"items\":[\"x\"]}]]");
    }

    @Test
    void valuesTheServerCannotBatchBecomeSegments() {
        JsonObject modelA =
                Json.createObjectBuilder().add("key", "a").add("name", "A").build();
        JsonObject modelB =
                Json.createObjectBuilder().add("key", "b").add("name", "B").build();
        List<SweepPlan.Group> groups = List.of(
                group(column("steps", "d", "steps", n(2), n(3), n(4))),
                group(column("model", "loader", "model", modelA, modelB)),
                group(column("prompt", "p", "value", s("x"), s("y"))));
        SweepPlan plan = new SweepPlan(groups, 2);

        assertThat(plan.total()).isEqualTo(24);
        assertThat(plan.segments()).isEqualTo(2);
        assertThat(plan.segmentSize()).isEqualTo(12);
        // each segment's fresh enqueue creates its points in the server's order over the batchable groups
        for (long segment = 0; segment < 2; segment++) {
            assertThat(plan.segmentValues(segment))
                    .isEqualTo(Map.of("loader", Map.of("model", segment == 0 ? modelA : modelB)));
            List<Map<String, JsonValue>> server = serverOrder(List.of(groups.get(0), groups.get(2)), 2);
            for (long p = 0; p < plan.segmentSize(); p++) {
                long index = plan.indexInSegment(segment, p);
                assertThat(plan.segmentOf(index)).isEqualTo(segment);
                Map<String, JsonValue> values = valuesAt(plan, index);
                assertThat(values.get("loader.model")).isEqualTo(segment == 0 ? modelA : modelB);
                values.remove("loader.model");
                assertThat(values).isEqualTo(server.get((int) p));
            }
        }
        assertThat(plan.freshData().toString()).doesNotContain("loader");
        // every point is in exactly one segment
        assertThat(plan.segmentIndices(0).size() + plan.segmentIndices(1).size())
                .isEqualTo(24);
    }

    @Test
    void explicitDataZipsEveryBatchableColumnAtTheGivenPoints() {
        SweepPlan plan = new SweepPlan(
                List.of(
                        group(column("prompt", "p", "value", s("a"), s("b"))),
                        group(column("steps", "d", "steps", n(2), n(3), n(4)))),
                1);

        JsonArray data = plan.explicitData(Ranges.of(1, 4, 5));

        assertThat(data.toString())
                .isEqualTo("[[{\"node_path\":\"p\",\"field_name\":\"value\",\"items\":[\"a\",\"b\",\"b\"]},"
                        + "{\"node_path\":\"d\",\"field_name\":\"steps\",\"items\":[3,3,4]}]]");
    }

    @Test
    void withoutBatchableColumnsExplicitPointsAreRuns() {
        JsonObject board = Json.createObjectBuilder().add("board_id", "x").build();
        SweepPlan plan = new SweepPlan(List.of(group(column("board", "save", "board", board))), 3);

        assertThat(plan.explicitData(Ranges.of(0, 2))).isEmpty();
        JsonObject base = Json.createObjectBuilder()
                .add(
                        "batch",
                        Json.createObjectBuilder()
                                .add("graph", JsonValue.EMPTY_JSON_OBJECT)
                                .add("runs", 1))
                .add("prepend", false)
                .build();
        JsonObject body = SweepPlan.withData(base, plan.explicitData(Ranges.of(0, 2)), 2, "batch-1");
        assertThat(body.getJsonObject("batch").getInt("runs")).isEqualTo(2);
        assertThat(body.getJsonObject("batch").getString("batch_id")).isEqualTo("batch-1");
        assertThat(body.getJsonObject("batch").containsKey("data")).isFalse();
    }

    @Test
    void whatTheServersBatchDataAccepts() {
        assertThat(SweepPlan.batchable(s("text"))).isTrue();
        assertThat(SweepPlan.batchable(n(3))).isTrue();
        assertThat(SweepPlan.batchable(Json.createValue(0.5))).isTrue();
        assertThat(SweepPlan.batchable(
                        Json.createObjectBuilder().add("image_name", "x.png").build()))
                .isTrue();
        assertThat(SweepPlan.batchable(Json.createArrayBuilder().add(1).add(2).build()))
                .isTrue();
        assertThat(SweepPlan.batchable(JsonValue.TRUE)).isFalse();
        assertThat(SweepPlan.batchable(JsonValue.NULL)).isFalse();
        assertThat(SweepPlan.batchable(
                        Json.createObjectBuilder().add("board_id", "b").build()))
                .isFalse();
        assertThat(SweepPlan.batchable(Json.createArrayBuilder()
                        .add(Json.createArrayBuilder().add(1))
                        .build()))
                .isFalse();
        assertThat(column("mixed", "n", "f", s("a"), JsonValue.NULL).batchable())
                .isFalse();
    }

    @Test
    void zippedColumnsMustHaveTheSameLength() {
        assertThatThrownBy(() -> group(column("w", "n", "width", n(1), n(2)), column("h", "n", "height", n(1))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'w' has 2")
                .hasMessageContaining("'h' has 1");
        assertThatThrownBy(() -> group(column("w", "n", "width")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no values");
    }

    @Test
    void theWorkflowsOwnBatchGroupsAreReadFromTheRequest() {
        JsonObject body = Json.createObjectBuilder()
                .add(
                        "batch",
                        Json.createObjectBuilder()
                                .add(
                                        "data",
                                        Json.createArrayBuilder()
                                                .add(Json.createArrayBuilder()
                                                        .add(Json.createObjectBuilder()
                                                                .add("node_path", "blank")
                                                                .add("field_name", "width")
                                                                .add(
                                                                        "items",
                                                                        Json.createArrayBuilder()
                                                                                .add(16)
                                                                                .add(24))))))
                .build();

        List<SweepPlan.Group> groups = SweepPlan.workflowGroups(body);

        assertThat(groups).singleElement().satisfies(g -> {
            assertThat(g.size()).isEqualTo(2);
            assertThat(g.columns().get(0).name()).isEqualTo("blank.width");
            assertThat(g.columns().get(0).swept()).isFalse();
        });
        SweepPlan plan = new SweepPlan(groups, 1);
        assertThat(plan.inputs(1))
                .as("workflow batch targets are not swept inputs")
                .isEmpty();
        assertThat(Optional.ofNullable(plan.segmentValues(0).get("blank"))).isEmpty();
    }
}
