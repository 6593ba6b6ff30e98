package io.invokeai.client.core;

import io.invokeai.client.InvokeAIException;
import io.invokeai.client.InvokeAIField;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The points of a sweep and how they become enqueue requests. Pure: no I/O.
 *
 * <p>A plan is a list of groups (each a list of columns of equal length that change together) and a run count. The
 * points are numbered by a mixed radix: the run is the most significant digit, then the groups in order, the last
 * changing fastest. That is exactly the order in which the server creates sessions from a batch's {@code data}
 * ({@code create_session_nfv_tuples}: runs, then the cartesian product of the groups), so the i-th item id of an
 * enqueue (ascending) is the i-th point.
 *
 * <p>A group is batchable when every item of every column is something the server's batch data accepts (a string, a
 * number, an image or video reference, or a list of those). Other groups (models, boards, colors, booleans, unset
 * values) become <em>segments</em>: one enqueue per combination of their values, with those values set in the graph,
 * and the batchable groups as {@code data}.
 */
final class SweepPlan {

    /**
     * One column: a swept input, or a target of one of the workflow's own batch nodes.
     *
     * @param name the name the user swept it by ({@code nodeId.field} for a workflow batch target)
     * @param items the (prepared) JSON values, one per point of the group
     * @param fields the typed values, or {@code null} for a workflow batch target
     */
    record Column(String name, String nodeId, String fieldName, List<JsonValue> items, List<InvokeAIField<?>> fields) {
        Column {
            Objects.requireNonNull(name, "name");
            items = List.copyOf(items);
            fields = fields == null ? null : Collections.unmodifiableList(new ArrayList<>(fields));
        }

        boolean swept() {
            return fields != null;
        }

        boolean batchable() {
            return items.stream().allMatch(SweepPlan::batchable) && sameKind(items);
        }
    }

    /** Columns that change together; all have the same length. */
    record Group(List<Column> columns) {
        Group {
            columns = List.copyOf(columns);
            if (columns.isEmpty()) {
                throw new IllegalArgumentException("a group needs at least one column");
            }
            int size = columns.get(0).items().size();
            if (size == 0) {
                throw new IllegalArgumentException(
                        "'" + columns.get(0).name() + "' has no values; a sweep needs at least one per input");
            }
            for (Column c : columns) {
                if (c.items().size() != size) {
                    List<String> sizes = columns.stream()
                            .map(x -> "'" + x.name() + "' has " + x.items().size())
                            .toList();
                    throw new IllegalArgumentException(
                            "Zipped inputs change together, so they need the same number of values, but "
                                    + String.join(", ", sizes));
                }
            }
        }

        int size() {
            return columns.get(0).items().size();
        }

        boolean batchable() {
            return columns.stream().allMatch(Column::batchable);
        }
    }

    private final List<Group> groups;
    private final int runs;
    private final long[] sizes;
    private final long[] strides;
    private final long perRun;
    private final long total;
    private final int[] segmentGroups;
    private final int[] batchGroups;
    private final long segments;
    private final long perSegmentRun;

    SweepPlan(List<Group> groups, int runs) {
        if (runs < 1) {
            throw new IllegalArgumentException("runs must be at least 1, was " + runs);
        }
        this.groups = List.copyOf(groups);
        this.runs = runs;
        int m = this.groups.size();
        this.sizes = new long[m];
        this.strides = new long[m];
        long product = 1;
        for (int i = m - 1; i >= 0; i--) {
            sizes[i] = this.groups.get(i).size();
            strides[i] = product;
            product = multiply(product, sizes[i]);
        }
        this.perRun = product;
        this.total = multiply(product, runs);
        List<Integer> seg = new ArrayList<>();
        List<Integer> bat = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            (this.groups.get(i).batchable() ? bat : seg).add(i);
        }
        this.segmentGroups = seg.stream().mapToInt(Integer::intValue).toArray();
        this.batchGroups = bat.stream().mapToInt(Integer::intValue).toArray();
        long s = 1;
        for (int g : segmentGroups) {
            s = multiply(s, sizes[g]);
        }
        this.segments = s;
        long b = 1;
        for (int g : batchGroups) {
            b = multiply(b, sizes[g]);
        }
        this.perSegmentRun = b;
    }

    private static long multiply(long a, long b) {
        try {
            return Math.multiplyExact(a, b);
        } catch (ArithmeticException e) {
            throw new InvokeAIException("The sweep has more points than a long can count");
        }
    }

    List<Group> groups() {
        return groups;
    }

    int runs() {
        return runs;
    }

    /** How many points (queue items) the plan has. */
    long total() {
        return total;
    }

    /** How many enqueues a fresh run needs: one per combination of the non-batchable groups' values. */
    long segments() {
        return segments;
    }

    /** How many items one segment's enqueue yields. */
    long segmentSize() {
        return perSegmentRun * runs;
    }

    // ---------------------------------------------------------------------------------------------------------
    // index arithmetic

    int run(long index) {
        check(index);
        return (int) (index / perRun);
    }

    /** The position of the point in each group. */
    int[] coordinates(long index) {
        check(index);
        long rem = index % perRun;
        int[] c = new int[groups.size()];
        for (int i = 0; i < c.length; i++) {
            c[i] = (int) (rem / strides[i]);
            rem %= strides[i];
        }
        return c;
    }

    private void check(long index) {
        if (index < 0 || index >= total) {
            throw new IndexOutOfBoundsException("point " + index + " of " + total);
        }
    }

    /** The segment (combination of non-batchable values) a point belongs to. */
    long segmentOf(long index) {
        int[] c = coordinates(index);
        long s = 0;
        for (int g : segmentGroups) {
            s = s * sizes[g] + c[g];
        }
        return s;
    }

    /** The point that a fresh enqueue of {@code segment} creates at {@code position} (ascending item ids). */
    long indexInSegment(long segment, long position) {
        if (segment < 0 || segment >= segments || position < 0 || position >= segmentSize()) {
            throw new IndexOutOfBoundsException("segment " + segment + " position " + position);
        }
        long run = position / perSegmentRun;
        long rem = position % perSegmentRun;
        long index = run * perRun;
        // batchable coordinates: last fastest
        for (int j = batchGroups.length - 1; j >= 0; j--) {
            int g = batchGroups[j];
            index += (rem % sizes[g]) * strides[g];
            rem /= sizes[g];
        }
        long seg = segment;
        for (int j = segmentGroups.length - 1; j >= 0; j--) {
            int g = segmentGroups[j];
            index += (seg % sizes[g]) * strides[g];
            seg /= sizes[g];
        }
        return index;
    }

    /** The points of a segment in the order a fresh enqueue creates them. */
    Ranges segmentIndices(long segment) {
        Ranges r = new Ranges();
        for (long p = 0; p < segmentSize(); p++) {
            r.add(indexInSegment(segment, p));
        }
        return r;
    }

    /** The swept inputs' values at a point, by the names they were swept by. */
    Map<String, InvokeAIField<?>> inputs(long index) {
        int[] c = coordinates(index);
        Map<String, InvokeAIField<?>> values = new LinkedHashMap<>();
        for (int g = 0; g < groups.size(); g++) {
            for (Column col : groups.get(g).columns()) {
                if (col.swept()) {
                    values.put(col.name(), col.fields().get(c[g]));
                }
            }
        }
        return values;
    }

    /** The values a segment sets in the graph: {@code nodeId -> field -> JSON} of its non-batchable columns. */
    Map<String, Map<String, JsonValue>> segmentValues(long segment) {
        Map<String, Map<String, JsonValue>> values = new LinkedHashMap<>();
        long seg = segment;
        int[] c = new int[groups.size()];
        for (int j = segmentGroups.length - 1; j >= 0; j--) {
            int g = segmentGroups[j];
            c[g] = (int) (seg % sizes[g]);
            seg /= sizes[g];
        }
        for (int g : segmentGroups) {
            for (Column col : groups.get(g).columns()) {
                values.computeIfAbsent(col.nodeId(), k -> new LinkedHashMap<>())
                        .put(col.fieldName(), col.items().get(c[g]));
            }
        }
        return values;
    }

    // ---------------------------------------------------------------------------------------------------------
    // batch data

    /** The {@code data} of a fresh segment enqueue: one entry per batchable group (the server takes the product). */
    JsonArray freshData() {
        JsonArrayBuilder data = Json.createArrayBuilder();
        for (int g : batchGroups) {
            JsonArrayBuilder zip = Json.createArrayBuilder();
            for (Column col : groups.get(g).columns()) {
                zip.add(datum(col, Json.createArrayBuilder(col.items()).build()));
            }
            data.add(zip);
        }
        return data.build();
    }

    /**
     * The {@code data} that enqueues exactly these points (all of one segment), in this order, with {@code runs = 1}:
     * one zipped group listing every batchable column's value at each point. Empty when nothing is batchable (then
     * the points differ only by run, and {@code runs} = their count does it).
     */
    JsonArray explicitData(Ranges indices) {
        if (batchGroups.length == 0) {
            return JsonValue.EMPTY_JSON_ARRAY;
        }
        List<JsonArrayBuilder> columns = new ArrayList<>();
        List<Column> cols = new ArrayList<>();
        List<Integer> groupOf = new ArrayList<>();
        for (int g : batchGroups) {
            for (Column col : groups.get(g).columns()) {
                cols.add(col);
                groupOf.add(g);
                columns.add(Json.createArrayBuilder());
            }
        }
        indices.forEach(index -> {
            int[] c = coordinates(index);
            for (int i = 0; i < cols.size(); i++) {
                columns.get(i).add(cols.get(i).items().get(c[groupOf.get(i)]));
            }
        });
        JsonArrayBuilder zip = Json.createArrayBuilder();
        for (int i = 0; i < cols.size(); i++) {
            zip.add(datum(cols.get(i), columns.get(i).build()));
        }
        return Json.createArrayBuilder().add(zip).build();
    }

    private static JsonObject datum(Column col, JsonArray items) {
        return Json.createObjectBuilder()
                .add("node_path", col.nodeId())
                .add("field_name", col.fieldName())
                .add("items", items)
                .build();
    }

    /**
     * A segment's enqueue body: {@code base} (built with the segment's values) with this sweep's {@code data},
     * {@code runs} and a batch id of our choosing (so that a crash right after sending can still find the items).
     */
    static JsonObject withData(JsonObject base, JsonArray data, int runs, String batchId) {
        JsonObjectBuilder batch = Json.createObjectBuilder(base.getJsonObject("batch"));
        batch.remove("data");
        if (!data.isEmpty()) {
            batch.add("data", data);
        }
        batch.add("runs", runs);
        batch.add("batch_id", batchId);
        return Json.createObjectBuilder(base).add("batch", batch).build();
    }

    /** The workflow's own batch groups, read from the {@code data} of a request built by the graph builder. */
    static List<Group> workflowGroups(JsonObject body) {
        List<Group> groups = new ArrayList<>();
        JsonValue data = body.getJsonObject("batch").get("data");
        if (!(data instanceof JsonArray outer)) {
            return groups;
        }
        for (JsonValue zip : outer) {
            List<Column> columns = new ArrayList<>();
            for (JsonValue d : zip.asJsonArray()) {
                JsonObject datum = d.asJsonObject();
                String node = datum.getString("node_path");
                String field = datum.getString("field_name");
                columns.add(new Column(node + "." + field, node, field, datum.getJsonArray("items"), null));
            }
            if (!columns.isEmpty()) {
                groups.add(new Group(columns));
            }
        }
        return groups;
    }

    // ---------------------------------------------------------------------------------------------------------
    // what the server's batch data accepts

    /**
     * Whether the server's {@code BatchDataType} takes a value: a string, a number, {@code {"image_name"}},
     * {@code {"video_name"}}, or a list of those. Not booleans, nulls or other objects (models, boards, colors).
     */
    static boolean batchable(JsonValue v) {
        if (v instanceof JsonArray a) {
            return a.stream().allMatch(SweepPlan::scalar);
        }
        return scalar(v);
    }

    private static boolean scalar(JsonValue v) {
        return switch (v.getValueType()) {
            case STRING, NUMBER -> true;
            case OBJECT -> {
                JsonObject o = v.asJsonObject();
                yield o.size() == 1
                        && (o.get("image_name") instanceof JsonString || o.get("video_name") instanceof JsonString);
            }
            default -> false;
        };
    }

    /** The server wants the items of one datum to share a type (numbers may mix). */
    private static boolean sameKind(List<JsonValue> items) {
        return items.stream().map(SweepPlan::kind).distinct().count() <= 1;
    }

    private static String kind(JsonValue v) {
        return switch (v.getValueType()) {
            case OBJECT -> v.asJsonObject().containsKey("image_name") ? "image" : "video";
            default -> v.getValueType().name();
        };
    }
}
