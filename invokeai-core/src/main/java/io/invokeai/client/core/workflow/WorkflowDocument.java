package io.invokeai.client.core.workflow;

import static io.invokeai.client.core.workflow.Mutable.list;
import static io.invokeai.client.core.workflow.Mutable.listAt;
import static io.invokeai.client.core.workflow.Mutable.map;
import static io.invokeai.client.core.workflow.Mutable.mapAt;
import static io.invokeai.client.core.workflow.Mutable.string;
import static io.invokeai.client.core.workflow.Mutable.stringAt;

import io.invokeai.client.Cardinality;
import io.invokeai.client.FieldSpec;
import io.invokeai.client.InvokeAIException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A GUI-exported workflow, migrated to the current schema (4.0.0) the way the GUI migrates it on load
 * ({@code migrations.ts}, {@code validateWorkflow.ts}). The JSON stays JSON: unknown members and the exact text of
 * numbers survive, so what is submitted and embedded in images is the workflow the user wrote. Immutable.
 *
 * <p>Two stages: {@link #parse} migrates the schema version (1.0.0 → 2.0.0 → 3.0.0 → 4.0.0, default form when the form
 * is missing or malformed); {@link #validate} then checks it against a server's node templates like the GUI does on
 * load: drops edges to missing nodes or fields, updates nodes whose version differs from the template (same major:
 * template defaults merged in, unknown inputs dropped), and builds a form from {@code exposedFields} when the form is
 * empty. The second stage needs templates, so a client runs it when it binds the workflow.
 *
 * <p>Differences from the GUI, all lenient: nodes of unknown kinds and malformed edges are dropped with a warning
 * instead of rejecting the file; the edge type-compatibility check ({@code validateConnection}) is not repeated;
 * form elements built from {@code exposedFields} get deterministic ids.
 */
public final class WorkflowDocument {
    private static final Logger LOG = LoggerFactory.getLogger(WorkflowDocument.class);
    /** The workflow schema version the GUI writes and this library produces. */
    public static final String CURRENT_VERSION = "4.0.0";
    /** The PNG text chunk InvokeAI stores the workflow in. */
    public static final String PNG_KEYWORD = "invokeai_workflow";

    private static final Pattern SEMVER = Pattern.compile("\\d+\\.\\d+\\.\\d+");
    private static final Set<String> BATCH_TYPES =
            Set.of("image_batch", "string_batch", "integer_batch", "float_batch");
    private static final Set<String> GENERATOR_TYPES =
            Set.of("image_generator", "string_generator", "integer_generator", "float_generator");
    /** Node types that accept inputs their schema does not declare (pydantic {@code extra='allow'}). */
    static final Set<String> EXTRA_INPUT_TYPES = Set.of("core_metadata");

    private static final Set<String> V1_FIELD_TYPES = Set.of(
            "Any",
            "BoardField",
            "boolean",
            "BooleanCollection",
            "BooleanPolymorphic",
            "ClipField",
            "Collection",
            "CollectionItem",
            "ColorCollection",
            "ColorField",
            "ColorPolymorphic",
            "ConditioningCollection",
            "ConditioningField",
            "ConditioningPolymorphic",
            "ControlCollection",
            "ControlField",
            "ControlNetModelField",
            "ControlPolymorphic",
            "DenoiseMaskField",
            "enum",
            "float",
            "FloatCollection",
            "FloatPolymorphic",
            "ImageCollection",
            "ImageField",
            "ImagePolymorphic",
            "integer",
            "IntegerCollection",
            "IntegerPolymorphic",
            "IPAdapterCollection",
            "IPAdapterField",
            "IPAdapterModelField",
            "IPAdapterPolymorphic",
            "LatentsCollection",
            "LatentsField",
            "LatentsPolymorphic",
            "LoRAModelField",
            "MainModelField",
            "MetadataField",
            "MetadataCollection",
            "MetadataItemField",
            "MetadataItemCollection",
            "MetadataItemPolymorphic",
            "ONNXModelField",
            "Scheduler",
            "SDXLMainModelField",
            "SDXLRefinerModelField",
            "string",
            "StringCollection",
            "StringPolymorphic",
            "T2IAdapterCollection",
            "T2IAdapterField",
            "T2IAdapterModelField",
            "T2IAdapterPolymorphic",
            "UNetField",
            "VaeField",
            "VaeModelField");

    private final JsonObject json;
    private final String sourceVersion;
    private final List<String> warnings;
    private final NodeTemplates validatedWith;
    private final Map<String, JsonObject> nodesById;

    private WorkflowDocument(
            JsonObject json, String sourceVersion, List<String> warnings, NodeTemplates validatedWith) {
        this.json = json;
        this.sourceVersion = sourceVersion;
        this.warnings = List.copyOf(warnings);
        this.validatedWith = validatedWith;
        Map<String, JsonObject> byId = new LinkedHashMap<>();
        for (JsonValue node : Jsons.arrOrEmpty(json, "nodes")) {
            Jsons.str(node, "id").ifPresent(id -> byId.putIfAbsent(id, node.asJsonObject()));
        }
        this.nodesById = Collections.unmodifiableMap(byId);
    }

    // ---------------------------------------------------------------------------------------------------------
    // entry points

    /** Parses and migrates a workflow JSON text (a GUI export, a library record's {@code workflow}, a PNG chunk). */
    public static WorkflowDocument parse(String workflowJson) {
        Objects.requireNonNull(workflowJson, "workflowJson");
        JsonValue v = Jsons.parse(workflowJson, "The workflow");
        if (!(v instanceof JsonObject o)) {
            throw new InvokeAIException("The workflow must be a JSON object, but is a " + v.getValueType());
        }
        return parse(o);
    }

    /** Parses and migrates a workflow. */
    public static WorkflowDocument parse(JsonObject workflow) {
        return migrate(workflow, null);
    }

    /** Parses, migrates and {@linkplain #validate validates} a workflow against a server's templates. */
    public static WorkflowDocument parse(JsonObject workflow, NodeTemplates templates) {
        return migrate(workflow, templates).validate(templates);
    }

    /**
     * The workflow JSON text stored in an InvokeAI image ({@code invokeai_workflow} PNG text chunk), if any. Pure
     * byte parsing: no image decoding.
     */
    public static Optional<String> fromPng(byte[] png) {
        return PngText.read(png, PNG_KEYWORD).filter(s -> !s.isBlank());
    }

    // ---------------------------------------------------------------------------------------------------------
    // accessors

    /** The migrated workflow JSON (with its library {@code id}, if it had one). */
    public JsonObject json() {
        return json;
    }

    public String name() {
        return Jsons.strOr(json, "name", "");
    }

    /** The library id, if the workflow came from the library. */
    public Optional<String> id() {
        return Jsons.str(json, "id").filter(s -> !s.isEmpty());
    }

    /** The schema version of the file before migration, e.g. {@code 3.0.0}. */
    public String sourceVersion() {
        return sourceVersion;
    }

    /** What migration and validation changed or dropped, for logs. */
    public List<String> warnings() {
        return warnings;
    }

    /** Whether {@link #validate} ran against exactly these templates. */
    public boolean isValidatedAgainst(NodeTemplates templates) {
        return validatedWith != null && validatedWith == templates;
    }

    public List<JsonObject> nodes() {
        return List.copyOf(nodesById.values());
    }

    public Optional<JsonObject> node(String nodeId) {
        return Optional.ofNullable(nodesById.get(nodeId));
    }

    public List<JsonObject> edges() {
        return Jsons.arrOrEmpty(json, "edges").stream()
                .filter(JsonObject.class::isInstance)
                .map(JsonValue::asJsonObject)
                .toList();
    }

    public JsonObject form() {
        return Jsons.objOrEmpty(json, "form");
    }

    /** One node input that the form (or, in older files, {@code exposedFields}) shows. */
    public record FormField(String nodeId, String fieldName, Optional<JsonObject> settings) {}

    /**
     * The public inputs: the form's node-field elements depth-first in display order; if the form has none, the
     * {@code exposedFields}. A field listed twice is listed once.
     */
    public List<FormField> formFields() {
        List<FormField> result = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        JsonObject form = form();
        JsonObject elements = Jsons.objOrEmpty(form, "elements");
        Jsons.str(form, "rootElementId").ifPresent(root -> walk(elements, root, new HashSet<>(), result, seen));
        if (result.isEmpty()) {
            for (JsonValue f : Jsons.arrOrEmpty(json, "exposedFields")) {
                Optional<String> nodeId = Jsons.str(f, "nodeId");
                Optional<String> fieldName = Jsons.str(f, "fieldName");
                if (nodeId.isPresent()
                        && fieldName.isPresent()
                        && seen.add(nodeId.get() + "\u0000" + fieldName.get())) {
                    result.add(new FormField(nodeId.get(), fieldName.get(), Optional.empty()));
                }
            }
        }
        return List.copyOf(result);
    }

    private static void walk(
            JsonObject elements, String id, Set<String> visited, List<FormField> out, Set<String> seen) {
        if (!visited.add(id)) {
            return;
        }
        JsonValue element = elements.get(id);
        String type = Jsons.strOr(element, "type", "");
        JsonObject data = Jsons.objOrEmpty(element, "data");
        if ("container".equals(type)) {
            for (String child : Jsons.strings(data, "children")) {
                walk(elements, child, visited, out, seen);
            }
        } else if ("node-field".equals(type)) {
            JsonObject fid = Jsons.objOrEmpty(data, "fieldIdentifier");
            Optional<String> nodeId = Jsons.str(fid, "nodeId");
            Optional<String> fieldName = Jsons.str(fid, "fieldName");
            if (nodeId.isPresent() && fieldName.isPresent() && seen.add(nodeId.get() + "\u0000" + fieldName.get())) {
                out.add(new FormField(nodeId.get(), fieldName.get(), Jsons.obj(data, "settings")));
            }
        }
    }

    /**
     * A copy with these input values: {@code values.get(nodeId).get(fieldName)} replaces that input's {@code value};
     * {@link JsonValue#NULL} removes it (unset, the server uses its default).
     */
    public WorkflowDocument withInputValues(Map<String, Map<String, JsonValue>> values) {
        if (values.isEmpty()) {
            return this;
        }
        Map<String, Object> wf = Mutable.object(json);
        for (Object n : listAt(wf, "nodes")) {
            Map<String, Object> node = map(n);
            Map<String, JsonValue> nodeValues = node == null ? null : values.get(stringAt(node, "id"));
            Map<String, Object> inputs = mapAt(mapAt(node, "data"), "inputs");
            if (nodeValues == null || inputs == null) {
                continue;
            }
            nodeValues.forEach((field, value) -> {
                Map<String, Object> input = mapAt(inputs, field);
                if (input == null) {
                    input = new LinkedHashMap<>();
                    input.put("name", field);
                    input.put("label", "");
                    input.put("description", "");
                    inputs.put(field, input);
                }
                if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
                    input.remove("value");
                } else {
                    input.put("value", value);
                }
            });
        }
        return new WorkflowDocument(Mutable.jsonObject(wf), sourceVersion, warnings, validatedWith);
    }

    static boolean isBatchType(String type) {
        return BATCH_TYPES.contains(type);
    }

    static boolean isGeneratorType(String type) {
        return GENERATOR_TYPES.contains(type);
    }

    /**
     * The spec of a node input: the node's own dynamic template ({@code call_saved_workflow} inputs), else the
     * server's template.
     */
    static Optional<FieldSpec> inputSpec(JsonObject node, NodeTemplate template, String fieldName) {
        JsonObject data = Jsons.objOrEmpty(node, "data");
        Optional<JsonObject> dynamic = Jsons.obj(Jsons.objOrEmpty(data, "dynamicInputTemplates"), fieldName);
        if (dynamic.isPresent()) {
            return Optional.of(guiTemplateSpec(template.type(), fieldName, dynamic.get()));
        }
        return template.input(fieldName);
    }

    /** A FieldSpec from a field template in the GUI's own format (as stored in {@code dynamicInputTemplates}). */
    static FieldSpec guiTemplateSpec(String nodeType, String fieldName, JsonObject t) {
        JsonObject type = Jsons.objOrEmpty(t, "type");
        Cardinality cardinality;
        try {
            cardinality = Cardinality.valueOf(Jsons.strOr(type, "cardinality", "SINGLE"));
        } catch (IllegalArgumentException e) {
            cardinality = Cardinality.SINGLE;
        }
        Map<String, String> labels = new LinkedHashMap<>();
        Jsons.objOrEmpty(t, "ui_choice_labels").forEach((k, v) -> {
            if (v instanceof jakarta.json.JsonString s) {
                labels.put(k, s.getString());
            }
        });
        JsonValue def = t.get("default");
        return new FieldSpec(
                nodeType,
                fieldName,
                Jsons.strOr(type, "name", "AnyField"),
                cardinality,
                Jsons.str(t, "title").orElseGet(() -> NodeTemplates.startCase(fieldName)),
                Jsons.strOr(t, "description", ""),
                Jsons.isNull(def) ? Optional.empty() : Optional.of(def),
                new FieldSpec.Constraints(
                        Jsons.num(t, "minimum"),
                        Jsons.num(t, "maximum"),
                        Jsons.num(t, "exclusiveMinimum"),
                        Jsons.num(t, "exclusiveMaximum"),
                        Jsons.num(t, "multipleOf"),
                        Jsons.num(t, "minLength").map(java.math.BigDecimal::intValue),
                        Jsons.num(t, "maxLength").map(java.math.BigDecimal::intValue),
                        Jsons.num(t, "minItems").map(java.math.BigDecimal::intValue),
                        Jsons.num(t, "maxItems").map(java.math.BigDecimal::intValue)),
                Jsons.strings(t, "options"),
                labels,
                Jsons.strings(t, "ui_model_base"),
                Jsons.strings(t, "ui_model_type"),
                Jsons.bool(t, "required").orElse(false),
                Jsons.strOr(t, "input", "any"));
    }

    @Override
    public String toString() {
        return "WorkflowDocument[" + name() + ", " + nodesById.size() + " nodes, from " + sourceVersion + "]";
    }

    // ---------------------------------------------------------------------------------------------------------
    // stage 1: schema migration (migrations.ts)

    private static WorkflowDocument migrate(JsonObject raw, NodeTemplates templates) {
        Objects.requireNonNull(raw, "workflow");
        Map<String, Object> wf = Mutable.object(raw);
        Map<String, Object> meta = mapAt(wf, "meta");
        String version = stringAt(meta, "version");
        if (version == null || !SEMVER.matcher(version).matches()) {
            throw new InvokeAIException("Unable to get the workflow version: meta.version is "
                    + (version == null ? "missing" : "'" + version + "'") + "; is this an InvokeAI workflow?");
        }
        List<String> warnings = new ArrayList<>();
        boolean legacy = false;
        if ("1.0.0".equals(version)) {
            migrateV1toV2(wf, templates);
            legacy = true;
        }
        if ("2.0.0".equals(stringAt(meta, "version"))) {
            legacy = true;
            meta.put("version", CURRENT_VERSION);
        }
        if ("3.0.0".equals(stringAt(meta, "version"))) {
            meta.put("version", CURRENT_VERSION);
        }
        if (!CURRENT_VERSION.equals(stringAt(meta, "version"))) {
            throw new InvokeAIException("Unsupported workflow schema version " + version + " (this library reads"
                    + " 1.0.0 to " + CURRENT_VERSION + "); a newer InvokeAI wrote it?");
        }
        normalize(wf, legacy, warnings);
        warnings.forEach(w -> LOG.debug("Workflow '{}': {}", stringAt(wf, "name"), w));
        return new WorkflowDocument(Mutable.jsonObject(wf), version, warnings, null);
    }

    /** v1 stored field types inline as strings; v2 structured them and added the node pack. */
    private static void migrateV1toV2(Map<String, Object> wf, NodeTemplates templates) {
        for (String key : List.of("name", "author", "description", "version", "contact", "tags", "notes")) {
            wf.putIfAbsent(key, "");
        }
        wf.putIfAbsent("nodes", new ArrayList<>());
        wf.putIfAbsent("edges", new ArrayList<>());
        wf.putIfAbsent("exposedFields", new ArrayList<>());
        for (Object n : listAt(wf, "nodes")) {
            Map<String, Object> node = map(n);
            if (node == null || !"invocation".equals(stringAt(node, "type"))) {
                continue;
            }
            Map<String, Object> data = mapAt(node, "data");
            if (data == null) {
                continue;
            }
            for (String kind : List.of("inputs", "outputs")) {
                Map<String, Object> fields = mapAt(data, kind);
                if (fields == null) {
                    continue;
                }
                fields.forEach((name, f) -> {
                    String type = stringAt(map(f), "type");
                    if (type == null || !V1_FIELD_TYPES.contains(type)) {
                        throw new InvokeAIException("Cannot migrate the v1 workflow: node " + stringAt(node, "id")
                                + " field " + name + " has the unknown field type '" + type + "'");
                    }
                });
            }
            String type = stringAt(data, "type");
            String nodePack = templates == null
                    ? "invokeai"
                    : templates.get(type).map(NodeTemplate::nodePack).orElse("Unknown");
            data.put("nodePack", nodePack);
            String nodeVersion = stringAt(data, "version");
            if (nodeVersion == null || nodeVersion.isEmpty()) {
                data.put("version", "1.0.0");
            }
            data.putIfAbsent("useCache", JsonValue.TRUE);
        }
        Map<String, Object> meta = mapAt(wf, "meta");
        meta.put("version", "2.0.0");
        meta.put("category", "user");
    }

    /** What parsing with the GUI's v3 schema does: defaults filled, v1/v2-only members dropped, bad forms reset. */
    private static void normalize(Map<String, Object> wf, boolean legacy, List<String> warnings) {
        for (String key : List.of("name", "author", "description", "version", "contact", "tags", "notes")) {
            if (string(wf.get(key)) == null) {
                wf.put(key, "");
            }
        }
        String id = stringAt(wf, "id");
        if (wf.containsKey("id") && (id == null || id.isEmpty())) {
            wf.remove("id");
        }
        Map<String, Object> meta = mapAt(wf, "meta");
        String category = stringAt(meta, "category");
        if (!"user".equals(category) && !"default".equals(category)) {
            meta.put("category", "user");
        }

        List<Object> exposed = new ArrayList<>();
        List<Object> rawExposed = listAt(wf, "exposedFields");
        if (rawExposed != null) {
            for (Object f : rawExposed) {
                if (nonEmpty(stringAt(map(f), "nodeId")) && nonEmpty(stringAt(map(f), "fieldName"))) {
                    exposed.add(f);
                }
            }
        }
        wf.put("exposedFields", exposed);

        List<Object> nodes = new ArrayList<>();
        List<Object> rawNodes = listAt(wf, "nodes");
        for (Object n : rawNodes == null ? List.of() : rawNodes) {
            Map<String, Object> node = map(n);
            String nodeId = stringAt(node, "id");
            String kind = stringAt(node, "type");
            Map<String, Object> data = mapAt(node, "data");
            if (!nonEmpty(nodeId)
                    || data == null
                    || !Set.of("invocation", "notes", "connector").contains(kind)) {
                warnings.add(
                        "dropped node " + nodeId + " of kind " + kind + " (not an invocation, notes or connector)");
                continue;
            }
            if (legacy) {
                node.remove("width");
                node.remove("height");
            }
            if (mapAt(node, "position") == null) {
                Map<String, Object> position = new LinkedHashMap<>();
                position.put("x", Jsons.number(0));
                position.put("y", Jsons.number(0));
                node.put("position", position);
            }
            if (!nonEmpty(stringAt(data, "id"))) {
                data.put("id", nodeId);
            }
            putIfNotString(data, "label", "");
            data.putIfAbsent("isOpen", JsonValue.TRUE);
            if ("invocation".equals(kind)) {
                if (!nonEmpty(stringAt(data, "type"))) {
                    warnings.add("dropped invocation node " + nodeId + " without a type");
                    continue;
                }
                normalizeInvocation(data, legacy);
            } else {
                data.put("type", kind);
                if ("notes".equals(kind)) {
                    putIfNotString(data, "notes", "");
                }
            }
            nodes.add(node);
        }
        wf.put("nodes", nodes);

        List<Object> edges = new ArrayList<>();
        List<Object> rawEdges = listAt(wf, "edges");
        for (Object e : rawEdges == null ? List.of() : rawEdges) {
            Map<String, Object> edge = map(e);
            String type = stringAt(edge, "type");
            boolean ok = nonEmpty(stringAt(edge, "id"))
                    && nonEmpty(stringAt(edge, "source"))
                    && nonEmpty(stringAt(edge, "target"))
                    && ("collapsed".equals(type)
                            || ("default".equals(type)
                                    && nonEmpty(stringAt(edge, "sourceHandle"))
                                    && nonEmpty(stringAt(edge, "targetHandle"))));
            if (ok) {
                edges.add(edge);
            } else {
                warnings.add("dropped a malformed edge " + (edge == null ? e : Mutable.json(edge)));
            }
        }
        wf.put("edges", edges);

        Map<String, Object> form = mapAt(wf, "form");
        if (!isWellFormedForm(form)) {
            if (wf.containsKey("form")) {
                warnings.add("the form is malformed; replaced by the default (empty) form");
            }
            wf.put("form", defaultForm());
        } else if (!isValidFormStructure(form)) {
            throw new InvokeAIException("The workflow's form structure is invalid (unreachable elements, a missing"
                    + " root container or children that do not point back to their parent)");
        }
    }

    private static void normalizeInvocation(Map<String, Object> data, boolean legacy) {
        String version = stringAt(data, "version");
        if (version == null || !SEMVER.matcher(version).matches()) {
            data.put("version", "1.0.0");
        }
        if (!nonEmpty(stringAt(data, "nodePack"))) {
            data.put("nodePack", "invokeai");
        }
        putIfNotString(data, "notes", "");
        data.putIfAbsent("isIntermediate", JsonValue.TRUE);
        data.putIfAbsent("useCache", JsonValue.TRUE);
        if (mapAt(data, "dynamicInputTemplates") == null) {
            data.put("dynamicInputTemplates", new LinkedHashMap<String, Object>());
        }
        if (legacy) {
            data.remove("outputs");
            data.remove("embedWorkflow");
        }
        Map<String, Object> inputs = mapAt(data, "inputs");
        if (inputs == null) {
            inputs = new LinkedHashMap<>();
            data.put("inputs", inputs);
        }
        inputs.entrySet().removeIf(e -> map(e.getValue()) == null);
        inputs.forEach((name, i) -> {
            Map<String, Object> input = map(i);
            if (!nonEmpty(stringAt(input, "name"))) {
                input.put("name", name);
            }
            putIfNotString(input, "label", "");
            putIfNotString(input, "description", "");
            if (legacy) {
                input.remove("id");
                input.remove("type");
                input.remove("fieldKind");
            }
        });
    }

    private static void putIfNotString(Map<String, Object> m, String key, String value) {
        if (string(m.get(key)) == null) {
            m.put(key, value);
        }
    }

    private static boolean nonEmpty(String s) {
        return s != null && !s.isBlank();
    }

    static Map<String, Object> defaultForm() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("layout", "column");
        data.put("children", new ArrayList<>());
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("id", "root");
        root.put("type", "container");
        root.put("data", data);
        Map<String, Object> elements = new LinkedHashMap<>();
        elements.put("root", root);
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("elements", elements);
        form.put("rootElementId", "root");
        return form;
    }

    /** The shape check of the GUI's form schema; a form failing it is replaced by the default form. */
    private static boolean isWellFormedForm(Map<String, Object> form) {
        Map<String, Object> elements = mapAt(form, "elements");
        if (elements == null || !nonEmpty(stringAt(form, "rootElementId"))) {
            return false;
        }
        for (Object e : elements.values()) {
            Map<String, Object> el = map(e);
            if (el == null || !nonEmpty(stringAt(el, "id"))) {
                return false;
            }
            if (el.containsKey("parentId") && !nonEmpty(stringAt(el, "parentId"))) {
                return false;
            }
            Map<String, Object> data = mapAt(el, "data");
            String type = stringAt(el, "type");
            boolean ok = type != null
                    && switch (type) {
                        case "container" ->
                            data != null
                                    && Set.of("row", "column").contains(stringAt(data, "layout"))
                                    && listAt(data, "children") != null
                                    && listAt(data, "children").stream().allMatch(c -> nonEmpty(string(c)));
                        case "node-field" ->
                            data != null
                                    && nonEmpty(stringAt(mapAt(data, "fieldIdentifier"), "nodeId"))
                                    && nonEmpty(stringAt(mapAt(data, "fieldIdentifier"), "fieldName"))
                                    && isValidSettings(data.get("settings"));
                        case "heading", "text" -> data != null && stringAt(data, "content") != null;
                        case "divider" -> data == null;
                        default -> false;
                    };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean isValidSettings(Object settings) {
        if (settings == null) {
            return true;
        }
        Map<String, Object> s = map(settings);
        if (s == null) {
            return false;
        }
        String type = stringAt(s, "type");
        String component = stringAt(s, "component");
        if (type == null) {
            return false; // the union cannot tell which config it is
        }
        return switch (type) {
            case "integer-field-config", "float-field-config" ->
                component == null
                        || Set.of("number-input", "slider", "number-input-and-slider")
                                .contains(component);
            case "string-field-config" ->
                component == null
                        || Set.of("input", "textarea").contains(component)
                        || ("dropdown".equals(component) && listAt(s, "options") != null);
            default -> false;
        };
    }

    /** The GUI's {@code validateFormStructure}: a root container; every element reachable and its parent's child. */
    private static boolean isValidFormStructure(Map<String, Object> form) {
        Map<String, Object> elements = mapAt(form, "elements");
        String rootId = stringAt(form, "rootElementId");
        Map<String, Object> root = mapAt(elements, rootId);
        if (root == null || !"container".equals(stringAt(root, "type"))) {
            return false;
        }
        Set<String> found = new HashSet<>();
        if (!reach(elements, rootId, rootId, found)) {
            return false;
        }
        return found.size() == elements.size();
    }

    private static boolean reach(Map<String, Object> elements, String rootId, String id, Set<String> found) {
        Map<String, Object> element = mapAt(elements, id);
        if (element == null || !found.add(id)) {
            return false;
        }
        String parentId = stringAt(element, "parentId");
        if (id.equals(rootId)) {
            if (parentId != null) {
                return false;
            }
        } else {
            Map<String, Object> parent = mapAt(elements, parentId);
            if (parent == null
                    || !"container".equals(stringAt(parent, "type"))
                    || listAt(mapAt(parent, "data"), "children").stream().noneMatch(c -> id.equals(string(c)))) {
                return false;
            }
        }
        if ("container".equals(stringAt(element, "type"))) {
            for (Object child : listAt(mapAt(element, "data"), "children")) {
                if (!reach(elements, rootId, string(child), found)) {
                    return false;
                }
            }
        }
        return true;
    }

    // ---------------------------------------------------------------------------------------------------------
    // stage 2: validation against templates (validateWorkflow.ts)

    /**
     * Checks the workflow against a server's templates like the GUI does on load, returning the result (this
     * document is unchanged): drops edges whose nodes or fields do not exist, updates nodes whose version differs
     * from their template (same major version only), builds the form from {@code exposedFields} if it is empty, and
     * removes form fields whose node input is gone. Nodes without a template are kept (they are left out of the
     * graph, as in the GUI) and reported in {@link #warnings()}.
     */
    public WorkflowDocument validate(NodeTemplates templates) {
        Objects.requireNonNull(templates, "templates");
        if (isValidatedAgainst(templates)) {
            return this;
        }
        Map<String, Object> wf = Mutable.object(json);
        List<String> newWarnings = new ArrayList<>(warnings);
        Map<String, Map<String, Object>> nodes = new LinkedHashMap<>();
        for (Object n : listAt(wf, "nodes")) {
            nodes.putIfAbsent(stringAt(map(n), "id"), map(n));
        }

        List<Object> validEdges = new ArrayList<>();
        for (Object e : listAt(wf, "edges")) {
            Map<String, Object> edge = map(e);
            List<String> issues = edgeIssues(edge, nodes, templates);
            if (issues.isEmpty()) {
                validEdges.add(edge);
            } else {
                newWarnings.add(
                        "deleted invalid edge " + stringAt(edge, "source") + "." + stringAt(edge, "sourceHandle")
                                + " -> " + stringAt(edge, "target") + "." + stringAt(edge, "targetHandle") + ": "
                                + String.join("; ", issues));
            }
        }
        wf.put("edges", validEdges);

        for (Map<String, Object> node : nodes.values()) {
            if (!"invocation".equals(stringAt(node, "type"))) {
                continue;
            }
            Map<String, Object> data = mapAt(node, "data");
            String type = stringAt(data, "type");
            Optional<NodeTemplate> template = templates.get(type);
            if (template.isEmpty()) {
                newWarnings.add("node " + stringAt(node, "id") + " has type '" + type + "', which the server does not"
                        + " know; it is left out of the graph");
                continue;
            }
            if (!Objects.equals(stringAt(data, "version"), template.get().version())) {
                updateNode(node, template.get(), validEdges, newWarnings);
            }
        }

        // image_collection.collection became images
        for (Object f : listAt(wf, "exposedFields")) {
            Map<String, Object> fid = map(f);
            fid.put("fieldName", updatedFieldName(nodes.get(stringAt(fid, "nodeId")), stringAt(fid, "fieldName")));
        }
        Map<String, Object> form = mapAt(wf, "form");
        Map<String, Object> elements = mapAt(form, "elements");
        for (Object e : elements.values()) {
            Map<String, Object> fid = mapAt(mapAt(map(e), "data"), "fieldIdentifier");
            if ("node-field".equals(stringAt(map(e), "type")) && fid != null) {
                fid.put("fieldName", updatedFieldName(nodes.get(stringAt(fid, "nodeId")), stringAt(fid, "fieldName")));
            }
        }

        if (!listAt(wf, "exposedFields").isEmpty() && isFormEmpty(form)) {
            form = buildFormFromExposedFields(listAt(wf, "exposedFields"), nodes, templates);
            wf.put("form", form);
            elements = mapAt(form, "elements");
        }

        for (String elementId : new ArrayList<>(elements.keySet())) {
            Map<String, Object> element = mapAt(elements, elementId);
            if (!"node-field".equals(stringAt(element, "type"))) {
                continue;
            }
            Map<String, Object> fid = mapAt(mapAt(element, "data"), "fieldIdentifier");
            Map<String, Object> node = nodes.get(stringAt(fid, "nodeId"));
            boolean exists = node != null
                    && "invocation".equals(stringAt(node, "type"))
                    && mapAt(mapAt(mapAt(node, "data"), "inputs"), stringAt(fid, "fieldName")) != null;
            if (!exists) {
                elements.remove(elementId);
                Map<String, Object> parent = mapAt(elements, stringAt(element, "parentId"));
                List<Object> children = listAt(mapAt(parent, "data"), "children");
                if (children != null) {
                    children.removeIf(c -> elementId.equals(string(c)));
                }
                newWarnings.add("removed the form field " + stringAt(fid, "nodeId") + "." + stringAt(fid, "fieldName")
                        + ": the node field no longer exists");
            }
        }
        return new WorkflowDocument(Mutable.jsonObject(wf), sourceVersion, newWarnings, templates);
    }

    private static List<String> edgeIssues(
            Map<String, Object> edge, Map<String, Map<String, Object>> nodes, NodeTemplates templates) {
        List<String> issues = new ArrayList<>();
        boolean isDefault = "default".equals(stringAt(edge, "type"));
        Map<String, Object> source = nodes.get(stringAt(edge, "source"));
        Map<String, Object> target = nodes.get(stringAt(edge, "target"));
        Optional<NodeTemplate> sourceTemplate =
                source == null ? Optional.empty() : templates.get(stringAt(mapAt(source, "data"), "type"));
        Optional<NodeTemplate> targetTemplate =
                target == null ? Optional.empty() : templates.get(stringAt(mapAt(target, "data"), "type"));
        if (source == null) {
            issues.add("source node " + stringAt(edge, "source") + " does not exist");
        } else if ("invocation".equals(stringAt(source, "type")) && sourceTemplate.isEmpty()) {
            issues.add("source node type " + stringAt(mapAt(source, "data"), "type") + " is unknown");
        } else if (sourceTemplate.isPresent()
                && isDefault
                && !sourceTemplate.get().outputFields().containsKey(stringAt(edge, "sourceHandle"))) {
            issues.add("source field " + stringAt(edge, "sourceHandle") + " does not exist");
        }
        if (target == null) {
            issues.add("target node " + stringAt(edge, "target") + " does not exist");
        } else if ("invocation".equals(stringAt(target, "type")) && targetTemplate.isEmpty()) {
            issues.add("target node type " + stringAt(mapAt(target, "data"), "type") + " is unknown");
        } else if ("invocation".equals(stringAt(target, "type")) && targetTemplate.isPresent() && isDefault) {
            String handle = stringAt(edge, "targetHandle");
            boolean dynamic = mapAt(mapAt(mapAt(target, "data"), "dynamicInputTemplates"), handle) != null;
            if (!dynamic && targetTemplate.get().input(handle).isEmpty()) {
                issues.add("target field " + handle + " does not exist");
            }
        }
        return issues;
    }

    /** The GUI's {@code updateNode}: same major version → template defaults merged in, unknown inputs dropped. */
    private static void updateNode(
            Map<String, Object> node, NodeTemplate template, List<Object> edges, List<String> warnings) {
        Map<String, Object> data = mapAt(node, "data");
        String sourceVersion = stringAt(data, "version");
        int major = NodeTemplates.major(sourceVersion);
        if (major < 0 || major != template.major()) {
            warnings.add("node " + stringAt(node, "id") + " (" + template.type() + " " + sourceVersion + ") cannot be"
                    + " updated to " + template.version() + " (different major version); it is used as it is");
            return;
        }
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("id", stringAt(node, "id"));
        defaults.put("type", template.type());
        defaults.put("version", template.version());
        defaults.put("label", "");
        defaults.put("notes", "");
        defaults.put("isOpen", JsonValue.TRUE);
        defaults.put("isIntermediate", "save_image".equals(template.type()) ? JsonValue.FALSE : JsonValue.TRUE);
        defaults.put("useCache", template.useCache() ? JsonValue.TRUE : JsonValue.FALSE);
        defaults.put("nodePack", template.nodePack());
        Map<String, Object> defaultInputs = new LinkedHashMap<>();
        template.inputs().forEach((name, spec) -> {
            Map<String, Object> input = new LinkedHashMap<>();
            input.put("name", name);
            input.put("label", "");
            input.put("description", "");
            template.initialValue(name).ifPresent(v -> input.put("value", Mutable.of(v)));
            defaultInputs.put(name, input);
        });
        defaults.put("inputs", defaultInputs);
        defaults.put("dynamicInputTemplates", new LinkedHashMap<String, Object>());

        data.put("version", template.version());
        defaultsDeep(data, defaults);
        migrateImageCollection(node, sourceVersion, edges);
        Map<String, Object> inputs = mapAt(data, "inputs");
        boolean extras = EXTRA_INPUT_TYPES.contains(template.type());
        inputs.keySet().removeIf(k -> !defaultInputs.containsKey(k) && !extras);
        warnings.add("node " + stringAt(node, "id") + " (" + template.type() + ") updated from " + sourceVersion
                + " to " + template.version());
    }

    /** lodash {@code defaultsDeep} for objects: fills in missing members, recursing into objects present on both. */
    private static void defaultsDeep(Map<String, Object> target, Map<String, Object> defaults) {
        defaults.forEach((key, def) -> {
            Object existing = target.get(key);
            if (existing == null) {
                target.put(key, Mutable.copy(def)); // JS undefined; an explicit null is kept
            } else if (map(existing) != null && map(def) != null) {
                defaultsDeep(map(existing), map(def));
            }
        });
    }

    private static void migrateImageCollection(Map<String, Object> node, String sourceVersion, List<Object> edges) {
        Map<String, Object> data = mapAt(node, "data");
        if (!"image_collection".equals(stringAt(data, "type")) || compareVersions(sourceVersion, "1.0.2") >= 0) {
            return;
        }
        Map<String, Object> inputs = mapAt(data, "inputs");
        Map<String, Object> collection = mapAt(inputs, "collection");
        Map<String, Object> images = mapAt(inputs, "images");
        if (collection == null || images == null || list(collection.get("value")) == null) {
            return;
        }
        List<Object> imagesValue = list(images.get("value"));
        if (imagesValue != null && !imagesValue.isEmpty()) {
            return;
        }
        String nodeId = stringAt(node, "id");
        boolean connected = edges.stream()
                .map(Mutable::map)
                .anyMatch(e -> "default".equals(stringAt(e, "type"))
                        && nodeId.equals(stringAt(e, "target"))
                        && "collection".equals(stringAt(e, "targetHandle")));
        if (connected) {
            return;
        }
        images.put("value", collection.get("value"));
        collection.put("value", new ArrayList<>());
    }

    private static int compareVersions(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < 3; i++) {
            int xi = i < x.length ? parseOr(x[i]) : 0;
            int yi = i < y.length ? parseOr(y[i]) : 0;
            if (xi != yi) {
                return Integer.compare(xi, yi);
            }
        }
        return 0;
    }

    private static int parseOr(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String updatedFieldName(Map<String, Object> node, String fieldName) {
        Map<String, Object> data = mapAt(node, "data");
        if ("image_collection".equals(stringAt(data, "type"))
                && "collection".equals(fieldName)
                && mapAt(mapAt(data, "inputs"), "images") != null) {
            return "images";
        }
        return fieldName;
    }

    private static boolean isFormEmpty(Map<String, Object> form) {
        Map<String, Object> elements = mapAt(form, "elements");
        Map<String, Object> root = mapAt(elements, stringAt(form, "rootElementId"));
        if (root == null || !"container".equals(stringAt(root, "type"))) {
            return true;
        }
        return elements.size() == 1 && listAt(mapAt(root, "data"), "children").isEmpty();
    }

    private static Map<String, Object> buildFormFromExposedFields(
            List<Object> exposedFields, Map<String, Map<String, Object>> nodes, NodeTemplates templates) {
        Map<String, Object> form = defaultForm();
        Map<String, Object> elements = mapAt(form, "elements");
        List<Object> rootChildren = listAt(mapAt(mapAt(elements, "root"), "data"), "children");
        List<Object> reversed = new ArrayList<>(exposedFields);
        Collections.reverse(reversed);
        for (Object f : reversed) {
            String nodeId = stringAt(map(f), "nodeId");
            String fieldName = stringAt(map(f), "fieldName");
            Map<String, Object> node = nodes.get(nodeId);
            if (node == null || !"invocation".equals(stringAt(node, "type"))) {
                continue;
            }
            Optional<NodeTemplate> template = templates.get(stringAt(mapAt(node, "data"), "type"));
            if (template.isEmpty()) {
                continue;
            }
            Optional<FieldSpec> spec = inputSpec(Mutable.jsonObject(node), template.get(), fieldName);
            if (spec.isEmpty()) {
                continue;
            }
            String elementId = elementId(nodeId, fieldName, elements);
            Map<String, Object> identifier = new LinkedHashMap<>();
            identifier.put("nodeId", nodeId);
            identifier.put("fieldName", fieldName);
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("fieldIdentifier", identifier);
            defaultSettings(spec.get()).ifPresent(s -> data.put("settings", s));
            data.put("showDescription", JsonValue.FALSE);
            Map<String, Object> element = new LinkedHashMap<>();
            element.put("id", elementId);
            element.put("type", "node-field");
            element.put("parentId", "root");
            element.put("data", data);
            elements.put(elementId, element);
            rootChildren.add(0, elementId);
        }
        return form;
    }

    /** {@code buildNodeFieldElement}'s default settings for single integer, float and string fields. */
    private static Optional<Map<String, Object>> defaultSettings(FieldSpec spec) {
        if (spec.cardinality() != Cardinality.SINGLE) {
            return Optional.empty();
        }
        Map<String, Object> s = new LinkedHashMap<>();
        switch (spec.typeName()) {
            case "IntegerField", "FloatField" -> {
                s.put("type", "IntegerField".equals(spec.typeName()) ? "integer-field-config" : "float-field-config");
                s.put("showShuffle", JsonValue.FALSE);
                s.put("component", "number-input");
            }
            case "StringField" -> {
                s.put("type", "string-field-config");
                s.put("component", "input");
            }
            default -> {
                return Optional.empty();
            }
        }
        return Optional.of(s);
    }

    /** A stable element id ({@code node-field-} + 10 characters), unique in the form. */
    private static String elementId(String nodeId, String fieldName, Map<String, Object> elements) {
        String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        byte[] bytes = (nodeId + "." + fieldName).getBytes(StandardCharsets.UTF_8);
        long h = 0xcbf29ce484222325L;
        for (int salt = 0; ; salt++) {
            long x = h ^ salt;
            for (byte b : bytes) {
                x ^= b & 0xff;
                x *= 0x100000001b3L;
            }
            StringBuilder id = new StringBuilder("node-field-");
            for (int i = 0; i < 10; i++) {
                id.append(alphabet.charAt((int) Long.remainderUnsigned(x, 62)));
                x = Long.divideUnsigned(x, 62) ^ (x << 7);
            }
            if (!elements.containsKey(id.toString())) {
                return id.toString();
            }
        }
    }
}
