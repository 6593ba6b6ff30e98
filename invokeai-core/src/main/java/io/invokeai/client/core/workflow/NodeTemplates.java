package io.invokeai.client.core.workflow;

import static io.invokeai.client.core.workflow.Jsons.arrOrEmpty;
import static io.invokeai.client.core.workflow.Jsons.bool;
import static io.invokeai.client.core.workflow.Jsons.isNull;
import static io.invokeai.client.core.workflow.Jsons.obj;
import static io.invokeai.client.core.workflow.Jsons.objOrEmpty;
import static io.invokeai.client.core.workflow.Jsons.str;
import static io.invokeai.client.core.workflow.Jsons.strings;

import io.invokeai.client.Cardinality;
import io.invokeai.client.FieldSpec;
import io.invokeai.client.FieldSpec.Constraints;
import io.invokeai.client.InvokeAIException;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node templates of a server, parsed from its OpenAPI schema exactly like the GUI ({@code parseSchema.ts},
 * {@code parseFieldType.ts}, {@code buildFieldInputTemplate.ts}), so a workflow is typed, validated and turned into a
 * graph the way the GUI would do it against the same server. Immutable and thread-safe.
 *
 * <p>Inputs whose type the GUI cannot parse (e.g. a plain {@code dict}) are left out, as the GUI leaves them out;
 * {@link #warnings()} lists them.
 */
public final class NodeTemplates {
    private static final Logger LOG = LoggerFactory.getLogger(NodeTemplates.class);
    private static final String BUNDLED = "/io/invokeai/client/core/schema/openapi-6.14.json.gz";
    private static final List<String> DENYLIST = List.of("graph", "linear_ui_output");
    private static final Set<String> RESERVED_INPUTS = Set.of("id", "type", "use_cache");
    private static final Map<String, String> PRIMITIVES = Map.of(
            "integer", "IntegerField", "number", "FloatField", "string", "StringField", "boolean", "BooleanField");

    /** The GUI's stateful field types: they hold a value; all other types are connection-only. */
    static final Set<String> STATEFUL = Set.of(
            "IntegerField",
            "FloatField",
            "StringField",
            "BooleanField",
            "EnumField",
            "ImageField",
            "VideoField",
            "BoardField",
            "StylePresetField",
            "SystemPromptField",
            "ModelIdentifierField",
            "LoRAField",
            "ColorField",
            "SchedulerField",
            "SavedWorkflowField",
            "FloatGeneratorField",
            "IntegerGeneratorField",
            "StringGeneratorField",
            "ImageGeneratorField",
            "LoRAMetadataField",
            "ControlNetMetadataField",
            "IPAdapterMetadataField",
            "T2IAdapterMetadataField",
            "MetadataExtraField");

    private static volatile NodeTemplates bundled;

    private final Map<String, NodeTemplate> templates;
    private final Map<String, Map<String, FieldSpec>> outputsByType;
    private final List<String> warnings;
    private final Optional<String> serverVersion;

    private NodeTemplates(
            Map<String, NodeTemplate> templates,
            Map<String, Map<String, FieldSpec>> outputsByType,
            List<String> warnings,
            Optional<String> serverVersion) {
        this.templates = Collections.unmodifiableMap(templates);
        this.outputsByType = Collections.unmodifiableMap(outputsByType);
        this.warnings = List.copyOf(warnings);
        this.serverVersion = serverVersion;
    }

    /** Parses the templates from a server's {@code /openapi.json}. */
    public static NodeTemplates fromOpenApi(JsonObject openApi) {
        JsonObject schemas = objOrEmpty(objOrEmpty(openApi, "components"), "schemas");
        if (schemas.isEmpty()) {
            throw new InvokeAIException(
                    "The OpenAPI document has no components.schemas; is it InvokeAI's /openapi.json?");
        }
        List<String> warnings = new ArrayList<>();
        Map<String, NodeTemplate> templates = new LinkedHashMap<>();
        Map<String, Map<String, FieldSpec>> outputsByType = new LinkedHashMap<>();
        for (JsonValue value : schemas.values()) {
            if (!(value instanceof JsonObject schema)
                    || !"invocation".equals(str(schema, "class").orElse(null))) {
                continue;
            }
            Optional<String> type = str(objOrEmpty(schema, "properties").get("type"), "default");
            if (type.isEmpty() || DENYLIST.contains(type.get())) {
                continue;
            }
            NodeTemplate template = parseInvocation(type.get(), schema, schemas, warnings);
            if (template != null) {
                templates.put(template.type(), template);
                template.outputs().forEach(outputsByType::putIfAbsent);
            }
        }
        if (!warnings.isEmpty()) {
            LOG.debug("Parsed {} node templates with {} warnings", templates.size(), warnings.size());
        }
        Optional<String> version = str(objOrEmpty(openApi, "info"), "version");
        return new NodeTemplates(templates, outputsByType, warnings, version);
    }

    /**
     * The templates of the InvokeAI version this library was built against (6.14), bundled for offline use (dry
     * runs, tests). A client connected to a server uses that server's own schema.
     */
    public static NodeTemplates bundled() {
        NodeTemplates b = bundled;
        if (b == null) {
            synchronized (NodeTemplates.class) {
                b = bundled;
                if (b == null) {
                    b = loadBundled();
                    bundled = b;
                }
            }
        }
        return b;
    }

    private static NodeTemplates loadBundled() {
        try (InputStream raw = NodeTemplates.class.getResourceAsStream(BUNDLED)) {
            if (raw == null) {
                throw new InvokeAIException("The bundled InvokeAI schema is missing from the invokeai-core jar");
            }
            try (InputStream in = new GZIPInputStream(raw)) {
                return fromOpenApi(
                        Jsons.parse(in, "The bundled InvokeAI schema").asJsonObject());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Reading the bundled InvokeAI schema failed", e);
        }
    }

    public Optional<NodeTemplate> get(String invocationType) {
        return Optional.ofNullable(templates.get(invocationType));
    }

    public Set<String> types() {
        return templates.keySet();
    }

    public Collection<NodeTemplate> all() {
        return templates.values();
    }

    /** The fields of an output type, e.g. {@code image_output}, whichever node declares it. */
    public Optional<Map<String, FieldSpec>> outputFields(String outputType) {
        return Optional.ofNullable(outputsByType.get(outputType));
    }

    /** What the parser left out and why (unparseable field types, missing output schemas). */
    public List<String> warnings() {
        return warnings;
    }

    /** The server version from the schema's {@code info.version}, if present. */
    public Optional<String> serverVersion() {
        return serverVersion;
    }

    @Override
    public String toString() {
        return "NodeTemplates[" + templates.size() + " types"
                + serverVersion.map(v -> ", server " + v).orElse("") + "]";
    }

    // ---------------------------------------------------------------------------------------------------------
    // parsing

    private static NodeTemplate parseInvocation(
            String type, JsonObject schema, JsonObject schemas, List<String> warnings) {
        JsonObject properties = objOrEmpty(schema, "properties");
        Map<String, FieldSpec> inputs = new LinkedHashMap<>();
        Map<String, JsonValue> initial = new LinkedHashMap<>();
        for (Map.Entry<String, JsonValue> e : properties.entrySet()) {
            String name = e.getKey();
            if (RESERVED_INPUTS.contains(name) || ("iterate".equals(type) && "index".equals(name))) {
                continue;
            }
            if (!(e.getValue() instanceof JsonObject property) || !property.containsKey("field_kind")) {
                continue;
            }
            FieldSpec spec;
            try {
                spec = inputSpec(type, name, property);
            } catch (FieldParseException ex) {
                warnings.add(type + "." + name + ": " + ex.getMessage() + " (left out, like the GUI does)");
                continue;
            }
            if ("IsIntermediate".equals(spec.typeName())) {
                continue;
            }
            inputs.put(name, spec);
            initialValue(spec, property).ifPresent(v -> initial.put(name, v));
        }

        Map<String, Map<String, FieldSpec>> outputs = new LinkedHashMap<>();
        JsonObject output = objOrEmpty(schema, "output");
        List<String> refs = new ArrayList<>();
        str(output, "$ref").ifPresent(refs::add);
        for (String key : List.of("oneOf", "anyOf")) {
            arrOrEmpty(output, key).forEach(v -> str(v, "$ref").ifPresent(refs::add));
        }
        if (refs.isEmpty()) {
            warnings.add(type + ": no output schema reference (node left out)");
            return null;
        }
        for (String ref : refs) {
            String outputSchemaName = refName(ref);
            Optional<JsonObject> outputSchema = obj(schemas, outputSchemaName);
            if (outputSchema.isEmpty()
                    || !"output".equals(str(outputSchema.get(), "class").orElse(null))) {
                warnings.add(type + ": output schema " + outputSchemaName + " not found (node left out)");
                return null;
            }
            JsonObject outputProperties = objOrEmpty(outputSchema.get(), "properties");
            String outputType = str(outputProperties.get("type"), "default").orElse(outputSchemaName);
            Map<String, FieldSpec> fields = new LinkedHashMap<>();
            for (Map.Entry<String, JsonValue> e : outputProperties.entrySet()) {
                if ("type".equals(e.getKey())
                        || !(e.getValue() instanceof JsonObject property)
                        || !property.containsKey("field_kind")) {
                    continue;
                }
                try {
                    fields.put(e.getKey(), outputSpec(type, e.getKey(), property));
                } catch (FieldParseException ex) {
                    warnings.add(type + " output " + e.getKey() + ": " + ex.getMessage());
                }
            }
            outputs.put(outputType, fields);
        }
        String outputType = outputs.keySet().iterator().next();

        String title =
                str(schema, "title").map(t -> t.replaceFirst("Invocation", "")).orElse(type);
        return new NodeTemplate(
                type,
                title,
                str(schema, "description").orElse(""),
                str(schema, "version").orElse("1.0.0"),
                str(schema, "classification").orElse("stable"),
                str(schema, "node_pack").orElse("invokeai"),
                str(schema, "category").orElse("other"),
                strings(schema, "tags"),
                bool(properties.get("use_cache"), "default").orElse(true),
                inputs,
                initial,
                outputType,
                outputs);
    }

    private record ParsedType(String name, Cardinality cardinality) {}

    /** A field type the GUI cannot parse; the GUI then leaves the field out of the template. */
    static final class FieldParseException extends Exception {
        private static final long serialVersionUID = 1L;

        FieldParseException(String message) {
            super(message);
        }
    }

    private static ParsedType fieldType(JsonObject property) throws FieldParseException {
        Optional<String> uiType = str(property, "ui_type");
        ParsedType original;
        try {
            original = parseFieldType(property);
        } catch (FieldParseException e) {
            if (uiType.isEmpty()) {
                throw e;
            }
            original = null;
        }
        if (uiType.isPresent()) {
            return new ParsedType(
                    uiType.get(), "CollectionField".equals(uiType.get()) ? Cardinality.COLLECTION : Cardinality.SINGLE);
        }
        return original;
    }

    /** The GUI's {@code parseFieldType}, case for case. */
    static ParsedType parseFieldType(JsonObject s) throws FieldParseException {
        if (s.containsKey("$ref")) {
            return new ParsedType(refName(str(s, "$ref").orElse("")), Cardinality.SINGLE);
        }
        if (truthy(s.get("const"))) {
            return new ParsedType("EnumField", Cardinality.SINGLE);
        }
        JsonValue type = s.get("type");
        if (type == null) {
            if (s.containsKey("allOf")) {
                JsonArray allOf = arrOrEmpty(s, "allOf");
                if (!allOf.isEmpty() && isRef(allOf.get(0))) {
                    return new ParsedType(refName(str(allOf.get(0), "$ref").orElse("")), Cardinality.SINGLE);
                }
            } else if (s.containsKey("anyOf")) {
                List<JsonValue> filtered = arrOrEmpty(s, "anyOf").stream()
                        .filter(i -> !(i instanceof JsonObject o
                                && !o.containsKey("$ref")
                                && "null".equals(str(o, "type").orElse(null))))
                        .toList();
                if (filtered.size() == 1) {
                    if (isRef(filtered.get(0))) {
                        return new ParsedType(
                                refName(str(filtered.get(0), "$ref").orElse("")), Cardinality.SINGLE);
                    }
                    if (filtered.get(0) instanceof JsonObject only) {
                        return parseFieldType(only);
                    }
                }
                if (filtered.size() != 2) {
                    throw new FieldParseException("unsupported union of " + filtered.size() + " types");
                }
                String firstType = null;
                String secondType = null;
                JsonValue a = filtered.get(0);
                JsonValue b = filtered.get(1);
                if (isArraySchema(a)) {
                    JsonValue first = Jsons.get(a, "items");
                    if (isRef(first) && isRef(b)) {
                        firstType = refName(str(first, "$ref").orElse(""));
                        secondType = refName(str(b, "$ref").orElse(""));
                    } else if (isNonArraySchema(first) && isNonArraySchema(b)) {
                        firstType = str(first, "type").orElse(null);
                        secondType = str(b, "type").orElse(null);
                    }
                } else if (isArraySchema(b)) {
                    JsonValue second = Jsons.get(b, "items");
                    if (isRef(a) && isRef(second)) {
                        firstType = refName(str(a, "$ref").orElse(""));
                        secondType = refName(str(second, "$ref").orElse(""));
                    } else if (isNonArraySchema(a) && isNonArraySchema(second)) {
                        firstType = str(a, "type").orElse(null);
                        secondType = str(second, "type").orElse(null);
                    }
                }
                if (firstType != null && !firstType.isEmpty() && firstType.equals(secondType)) {
                    return new ParsedType(
                            PRIMITIVES.getOrDefault(firstType, firstType), Cardinality.SINGLE_OR_COLLECTION);
                }
                throw new FieldParseException("unsupported union of " + firstType + " and " + secondType);
            }
        } else if (s.containsKey("enum")) {
            return new ParsedType("EnumField", Cardinality.SINGLE);
        } else if (type instanceof JsonString typeName) {
            if ("array".equals(typeName.getString())) {
                JsonValue items = s.get("items");
                if (items instanceof JsonObject itemSchema && !itemSchema.containsKey("$ref")) {
                    Optional<String> itemType = str(itemSchema, "type");
                    String name = itemType.map(PRIMITIVES::get).orElse(null);
                    if (name == null) {
                        throw new FieldParseException("unsupported array item type " + itemType.orElse("(none)"));
                    }
                    return new ParsedType(name, Cardinality.COLLECTION);
                }
                if (isRef(items)) {
                    return new ParsedType(refName(str(items, "$ref").orElse("")), Cardinality.COLLECTION);
                }
                throw new FieldParseException("array without items");
            }
            String name = PRIMITIVES.get(typeName.getString());
            if (name == null) {
                throw new FieldParseException("unsupported type " + typeName.getString());
            }
            return new ParsedType(name, Cardinality.SINGLE);
        }
        throw new FieldParseException("unable to parse the field type");
    }

    private static boolean truthy(JsonValue v) {
        if (v == null) {
            return false;
        }
        return switch (v.getValueType()) {
            case NULL, FALSE -> false;
            case STRING -> !((JsonString) v).getString().isEmpty();
            case NUMBER -> ((JsonNumber) v).bigDecimalValue().signum() != 0;
            default -> true;
        };
    }

    private static boolean isRef(JsonValue v) {
        return v instanceof JsonObject o && o.containsKey("$ref");
    }

    private static boolean isArraySchema(JsonValue v) {
        return v instanceof JsonObject o
                && !o.containsKey("$ref")
                && "array".equals(str(o, "type").orElse(null));
    }

    private static boolean isNonArraySchema(JsonValue v) {
        return v instanceof JsonObject o
                && !o.containsKey("$ref")
                && !"array".equals(str(o, "type").orElse(null));
    }

    private static String refName(String ref) {
        return ref.substring(ref.lastIndexOf('/') + 1);
    }

    private static FieldSpec inputSpec(String nodeType, String name, JsonObject p) throws FieldParseException {
        ParsedType t = fieldType(p);
        List<String> options = new ArrayList<>();
        Map<String, String> labels = new LinkedHashMap<>();
        if ("EnumField".equals(t.name()) || p.containsKey("enum") || p.containsKey("anyOf") || p.containsKey("const")) {
            options.addAll(enumOptions(p));
            if ("EnumField".equals(t.name()) && options.isEmpty()) {
                throw new FieldParseException("enum without options");
            }
            if (!"EnumField".equals(t.name()) && !"SchedulerField".equals(t.name())) {
                options.clear();
            }
        }
        objOrEmpty(p, "ui_choice_labels").forEach((k, v) -> {
            if (v instanceof JsonString s) {
                labels.put(k, s.getString());
            }
        });
        String input = STATEFUL.contains(t.name()) ? str(p, "input").orElse("any") : "connection";
        return new FieldSpec(
                nodeType,
                name,
                t.name(),
                t.cardinality(),
                title(p, name),
                str(p, "description").orElse(""),
                schemaDefault(p),
                constraints(p),
                options,
                labels,
                strings(p, "ui_model_base"),
                strings(p, "ui_model_type"),
                bool(p, "orig_required").orElse(false),
                input);
    }

    private static FieldSpec outputSpec(String nodeType, String name, JsonObject p) throws FieldParseException {
        ParsedType t = fieldType(p);
        return new FieldSpec(
                nodeType,
                name,
                t.name(),
                t.cardinality(),
                title(p, name),
                str(p, "description").orElse(""),
                Optional.empty(),
                Constraints.NONE,
                List.of(),
                Map.of(),
                List.of(),
                List.of(),
                false,
                "any");
    }

    /** The property title, else the GUI's fallback {@code startCase(fieldName)} (model fields have no title). */
    private static String title(JsonObject p, String name) {
        return str(p, "title").orElseGet(() -> startCase(name));
    }

    /** The GUI's enum options ({@code buildEnumFieldInputTemplate}). */
    private static List<String> enumOptions(JsonObject p) {
        JsonArray values;
        if (p.containsKey("anyOf")) {
            List<JsonValue> filtered = arrOrEmpty(p, "anyOf").stream()
                    .filter(i -> !(i instanceof JsonObject o
                            && "null".equals(str(o, "type").orElse(null))))
                    .toList();
            if (filtered.size() != 1 || !(filtered.get(0) instanceof JsonObject first) || first.containsKey("$ref")) {
                return List.of();
            }
            if (truthy(first.get("const"))) {
                return List.of(text(first.get("const")));
            }
            values = arrOrEmpty(first, "enum");
        } else if (truthy(p.get("const"))) {
            return List.of(text(p.get("const")));
        } else {
            values = arrOrEmpty(p, "enum");
        }
        return values.stream().map(NodeTemplates::text).toList();
    }

    private static String text(JsonValue v) {
        return v instanceof JsonString s ? s.getString() : v.toString();
    }

    /** The server's default: {@code orig_default} (the declared default), else a non-null {@code default}. */
    private static Optional<JsonValue> schemaDefault(JsonObject p) {
        JsonValue orig = p.get("orig_default");
        if (orig != null) {
            return isNull(orig) ? Optional.empty() : Optional.of(orig);
        }
        JsonValue def = p.get("default");
        return isNull(def) ? Optional.empty() : Optional.of(def);
    }

    /** Limits from the property, then from its non-null {@code anyOf} branches and array items. */
    private static Constraints constraints(JsonObject p) {
        Map<String, BigDecimal> found = new LinkedHashMap<>();
        collectConstraints(p, found, 0);
        return new Constraints(
                Optional.ofNullable(found.get("minimum")),
                Optional.ofNullable(found.get("maximum")),
                Optional.ofNullable(found.get("exclusiveMinimum")),
                Optional.ofNullable(found.get("exclusiveMaximum")),
                Optional.ofNullable(found.get("multipleOf")),
                intOf(found.get("minLength")),
                intOf(found.get("maxLength")),
                intOf(found.get("minItems")),
                intOf(found.get("maxItems")));
    }

    private static final Map<String, String> CONSTRAINT_KEYS = Map.ofEntries(
            Map.entry("minimum", "minimum"),
            Map.entry("maximum", "maximum"),
            Map.entry("exclusiveMinimum", "exclusiveMinimum"),
            Map.entry("exclusiveMaximum", "exclusiveMaximum"),
            Map.entry("multipleOf", "multipleOf"),
            Map.entry("minLength", "minLength"),
            Map.entry("maxLength", "maxLength"),
            Map.entry("minItems", "minItems"),
            Map.entry("maxItems", "maxItems"),
            // pydantic leaves these on unions it cannot express in JSON Schema; the server still enforces them
            Map.entry("ge", "minimum"),
            Map.entry("le", "maximum"),
            Map.entry("gt", "exclusiveMinimum"),
            Map.entry("lt", "exclusiveMaximum"));

    private static void collectConstraints(JsonValue schema, Map<String, BigDecimal> found, int depth) {
        if (!(schema instanceof JsonObject o) || depth > 4) {
            return;
        }
        CONSTRAINT_KEYS.forEach((key, canonical) -> {
            if (o.get(key) instanceof JsonNumber n) {
                found.putIfAbsent(canonical, n.bigDecimalValue());
            }
        });
        for (JsonValue branch : arrOrEmpty(o, "anyOf")) {
            collectConstraints(branch, found, depth + 1);
        }
        collectConstraints(o.get("items"), found, depth + 1);
    }

    private static Optional<Integer> intOf(BigDecimal d) {
        return d == null ? Optional.empty() : Optional.of(d.intValue());
    }

    /** The GUI's initial value of a new node's input ({@code buildFieldInputTemplate} + {@code buildFieldInputInstance}). */
    private static Optional<JsonValue> initialValue(FieldSpec spec, JsonObject p) {
        String name = spec.typeName();
        if (!STATEFUL.contains(name)) {
            return Optional.empty();
        }
        JsonValue def = p.get("default");
        Optional<JsonValue> schemaDefault = isNull(def) ? Optional.empty() : Optional.of(def);
        boolean collection = spec.cardinality() == Cardinality.COLLECTION;
        boolean required = bool(p, "orig_required").orElse(false);
        Optional<JsonValue> templateDefault = switch (name) {
            case "IntegerField", "FloatField" ->
                collection
                        ? schemaDefault.or(() -> required ? Optional.of(JsonValue.EMPTY_JSON_ARRAY) : Optional.empty())
                        : schemaDefault.or(() -> Optional.of(Jsons.number(0)));
            case "StringField" ->
                collection
                        ? schemaDefault.or(() -> required ? Optional.of(JsonValue.EMPTY_JSON_ARRAY) : Optional.empty())
                        : schemaDefault.or(() -> Optional.of(Jsons.string("")));
            case "ImageField" ->
                collection
                        ? schemaDefault.or(() -> required ? Optional.of(JsonValue.EMPTY_JSON_ARRAY) : Optional.empty())
                        : schemaDefault;
            case "BooleanField" -> schemaDefault.or(() -> Optional.of(JsonValue.FALSE));
            case "LoRAField" -> schemaDefault.or(() -> Optional.of(JsonValue.EMPTY_JSON_ARRAY));
            case "BoardField" -> schemaDefault.or(() -> Optional.of(Jsons.string("auto")));
            case "EnumField" ->
                schemaDefault.or(() -> spec.options().isEmpty()
                        ? Optional.empty()
                        : Optional.of(Jsons.string(spec.options().get(0))));
            case "ColorField" ->
                schemaDefault.or(() -> Optional.of(Jsons.JSON
                        .createObjectBuilder()
                        .add("r", 127)
                        .add("g", 127)
                        .add("b", 127)
                        .add("a", 255)
                        .build()));
            case "SchedulerField" -> schemaDefault.or(() -> Optional.of(Jsons.string("dpmpp_3m_k")));
            case "SavedWorkflowField" -> schemaDefault.or(() -> Optional.of(Jsons.string("")));
            case "FloatGeneratorField" ->
                Optional.of(Jsons.JSON
                        .createObjectBuilder()
                        .add("type", "float_generator_arithmetic_sequence")
                        .add("start", 0)
                        .add("step", 0.1)
                        .add("count", 10)
                        .build());
            case "IntegerGeneratorField" ->
                Optional.of(Jsons.JSON
                        .createObjectBuilder()
                        .add("type", "integer_generator_arithmetic_sequence")
                        .add("start", 0)
                        .add("step", 1)
                        .add("count", 10)
                        .build());
            case "StringGeneratorField" ->
                Optional.of(Jsons.JSON
                        .createObjectBuilder()
                        .add("type", "string_generator_parse_string")
                        .add("input", "foo,bar,baz,qux")
                        .add("splitOn", ",")
                        .build());
            case "ImageGeneratorField" ->
                Optional.of(Jsons.JSON
                        .createObjectBuilder()
                        .add("type", "image_generator_images_from_board")
                        .add("category", "images")
                        .build());
            default -> schemaDefault;
        };
        // buildFieldInputInstance: template.default ?? FIELD_VALUE_FALLBACK_MAP[type.name]
        return templateDefault.or(() -> switch (name) {
            case "IntegerField", "FloatField" -> Optional.of(Jsons.number(0));
            case "StringField", "EnumField", "SavedWorkflowField" -> Optional.of(Jsons.string(""));
            case "BooleanField" -> Optional.of(JsonValue.FALSE);
            case "LoRAField" -> Optional.of(JsonValue.EMPTY_JSON_ARRAY);
            case "SchedulerField" -> Optional.of(Jsons.string("dpmpp_3m_k"));
            default -> Optional.empty();
        });
    }

    // ---------------------------------------------------------------------------------------------------------
    // helpers shared with the workflow code

    private static final Pattern WORDS = Pattern.compile("\\p{Lu}?\\p{Ll}+|[0-9]+|\\p{Lu}+(?!\\p{Ll})|\\p{L}+");

    /**
     * es-toolkit's {@code startCase}, which the GUI uses to title fields without a schema title: words split at case
     * changes, digits and separators; each word capitalised unless it is all upper case ({@code vae_model} becomes
     * {@code Vae Model}, {@code t5_encoder} becomes {@code T 5 Encoder}).
     */
    static String startCase(String s) {
        Matcher m = WORDS.matcher(s.trim());
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String word = m.group();
            if (out.length() > 0) {
                out.append(' ');
            }
            if (word.equals(word.toUpperCase(java.util.Locale.ROOT))) {
                out.append(word);
            } else {
                out.append(word.substring(0, 1).toUpperCase(java.util.Locale.ROOT))
                        .append(word.substring(1).toLowerCase(java.util.Locale.ROOT));
            }
        }
        return out.toString();
    }

    /** The major version of a semver string; -1 if it has none. */
    static int major(String version) {
        if (version == null) {
            return -1;
        }
        int dot = version.indexOf('.');
        try {
            return Integer.parseInt(dot < 0 ? version : version.substring(0, dot));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
