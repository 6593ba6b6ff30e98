package io.invokeai.client.core.workflow;

import io.invokeai.client.AmbiguousInputException;
import io.invokeai.client.Cardinality;
import io.invokeai.client.FieldSpec;
import io.invokeai.client.InvokeAIField;
import io.invokeai.client.UnknownInputException;
import io.invokeai.client.WorkflowInput;
import io.invokeai.client.core.fields.FieldTypeRegistry;
import io.invokeai.client.spi.FieldContext;
import io.invokeai.client.spi.FieldType;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A workflow bound to a server's templates and the field types: its public inputs (the form's fields), typed and
 * settable by name. Mutable and not thread-safe; {@link #snapshot()} freezes it for submission.
 *
 * <p>An input's name is the label the GUI shows: the field's custom label, else its title from the schema. Lookup
 * tries the exact name, then the name ignoring case, then the qualified names {@code "<node label or title>.<field>"}
 * and {@code "<node id>.<field>"} (exact, then ignoring case). Several inputs may share a name; using a shared name
 * raises {@link AmbiguousInputException} listing the qualified names that tell them apart.
 */
public final class BoundWorkflow {
    private static final Logger LOG = LoggerFactory.getLogger(BoundWorkflow.class);

    private final WorkflowDocument document;
    private final NodeTemplates templates;
    private final FieldTypeRegistry registry;
    private final List<Slot> slots;
    private final List<String> warnings;
    private int runs = 1;

    /** One public input and its current field. */
    private static final class Slot {
        final String name;
        final String qualifiedName;
        final String nodeId;
        final String fieldName;
        final FieldSpec spec;
        InvokeAIField<?> field;

        Slot(String name, String qualifiedName, String nodeId, String fieldName, FieldSpec spec, InvokeAIField<?> f) {
            this.name = name;
            this.qualifiedName = qualifiedName;
            this.nodeId = nodeId;
            this.fieldName = fieldName;
            this.spec = spec;
            this.field = f;
        }

        String idName() {
            return nodeId + "." + fieldName;
        }

        WorkflowInput toInput() {
            return new WorkflowInput(name, qualifiedName, nodeId, fieldName, field);
        }
    }

    private BoundWorkflow(
            WorkflowDocument document,
            NodeTemplates templates,
            FieldTypeRegistry registry,
            List<Slot> slots,
            List<String> warnings) {
        this.document = document;
        this.templates = templates;
        this.registry = registry;
        this.slots = slots;
        this.warnings = List.copyOf(warnings);
    }

    /** Binds a workflow; stored values are read without a field context (nothing is downloaded). */
    public static BoundWorkflow bind(WorkflowDocument document, NodeTemplates templates, FieldTypeRegistry registry) {
        return bind(document, templates, registry, null);
    }

    /**
     * Binds a workflow: validates it against the templates (if not done yet), discovers its public inputs and reads
     * their stored values through the field types.
     *
     * @param context passed to {@link FieldType#fromJson}; may be {@code null}
     */
    public static BoundWorkflow bind(
            WorkflowDocument document, NodeTemplates templates, FieldTypeRegistry registry, FieldContext context) {
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(templates, "templates");
        Objects.requireNonNull(registry, "registry");
        WorkflowDocument doc = document.validate(templates);
        List<String> warnings = new ArrayList<>(doc.warnings());
        record Found(WorkflowDocument.FormField ref, JsonObject node, NodeTemplate template, FieldSpec spec) {}
        List<Found> found = new ArrayList<>();
        for (WorkflowDocument.FormField ref : doc.formFields()) {
            Optional<JsonObject> node =
                    doc.node(ref.nodeId()).filter(n -> "invocation".equals(Jsons.strOr(n, "type", "")));
            if (node.isEmpty()) {
                warnings.add("form field " + ref.nodeId() + "." + ref.fieldName() + ": no such invocation node");
                continue;
            }
            String type = Jsons.strOr(Jsons.objOrEmpty(node.get(), "data"), "type", "");
            Optional<NodeTemplate> template = templates.get(type);
            if (template.isEmpty()) {
                warnings.add("form field " + ref.nodeId() + "." + ref.fieldName() + ": node type '" + type
                        + "' is unknown to the server");
                continue;
            }
            Optional<FieldSpec> spec = WorkflowDocument.inputSpec(node.get(), template.get(), ref.fieldName());
            if (spec.isEmpty()) {
                warnings.add("form field " + ref.nodeId() + "." + ref.fieldName() + ": " + type + " has no input '"
                        + ref.fieldName() + "'");
                continue;
            }
            found.add(new Found(ref, node.get(), template.get(), narrow(spec.get(), ref.settings())));
        }

        List<Slot> slots = new ArrayList<>();
        for (Found f : found) {
            JsonObject data = Jsons.objOrEmpty(f.node(), "data");
            JsonObject input =
                    Jsons.objOrEmpty(Jsons.objOrEmpty(data, "inputs"), f.ref().fieldName());
            String label = Jsons.strOr(input, "label", "").trim();
            String name = label.isEmpty() ? f.spec().title() : label;
            String nodeLabel = Jsons.strOr(data, "label", "").trim();
            String qualified = (nodeLabel.isEmpty() ? f.template().title() : nodeLabel) + "."
                    + f.ref().fieldName();
            FieldType type = registry.typeFor(f.spec());
            JsonValue stored = input.get("value");
            InvokeAIField<?> field;
            try {
                field = type.fromJson(f.spec(), stored == null ? JsonValue.NULL : stored, context);
            } catch (RuntimeException e) {
                warnings.add("input '" + name + "': the stored value " + stored + " is not valid (" + e.getMessage()
                        + "); it starts unset");
                field = type.fromJson(f.spec(), JsonValue.NULL, context);
            }
            slots.add(new Slot(name, qualified, f.ref().nodeId(), f.ref().fieldName(), f.spec(), field));
        }
        warnings.stream().skip(doc.warnings().size()).forEach(w -> LOG.debug("Workflow '{}': {}", doc.name(), w));
        return new BoundWorkflow(doc, templates, registry, slots, warnings);
    }

    /** Narrows the spec by the form's settings: a slider's min/max, a string dropdown's options. */
    static FieldSpec narrow(FieldSpec spec, Optional<JsonObject> settings) {
        if (settings.isEmpty()) {
            return spec;
        }
        JsonObject s = settings.get();
        String type = Jsons.strOr(s, "type", "");
        if (type.equals("integer-field-config") || type.equals("float-field-config")) {
            Optional<BigDecimal> min = Jsons.num(s, "min");
            Optional<BigDecimal> max = Jsons.num(s, "max");
            if (min.isPresent() || max.isPresent()) {
                return spec.withConstraints(spec.constraints().narrowRange(min, max));
            }
        } else if (type.equals("string-field-config") && "dropdown".equals(Jsons.strOr(s, "component", ""))) {
            List<String> values = new ArrayList<>();
            Map<String, String> labels = new LinkedHashMap<>();
            for (JsonValue option : Jsons.arrOrEmpty(s, "options")) {
                Optional<String> value = Jsons.str(option, "value");
                if (value.isPresent() && !values.contains(value.get())) {
                    values.add(value.get());
                    Jsons.str(option, "label").filter(l -> !l.isEmpty()).ifPresent(l -> labels.put(value.get(), l));
                }
            }
            return new FieldSpec(
                    spec.nodeType(),
                    spec.fieldName(),
                    spec.typeName(),
                    spec.cardinality(),
                    spec.title(),
                    spec.description(),
                    spec.defaultValue(),
                    spec.constraints(),
                    values,
                    labels,
                    spec.modelBases(),
                    spec.modelTypes(),
                    spec.required(),
                    spec.input());
        }
        return spec;
    }

    // ---------------------------------------------------------------------------------------------------------

    public String name() {
        return document.name();
    }

    /** The validated document this workflow was bound from (its stored values, not the current ones). */
    public WorkflowDocument document() {
        return document;
    }

    public NodeTemplates templates() {
        return templates;
    }

    public FieldTypeRegistry registry() {
        return registry;
    }

    /** What loading changed or could not bind (edges dropped, nodes updated, form fields without a node). */
    public List<String> warnings() {
        return warnings;
    }

    /** The public inputs in form order, with their current values. */
    public List<WorkflowInput> inputs() {
        return slots.stream().map(Slot::toInput).toList();
    }

    /**
     * The input with this name.
     *
     * @throws UnknownInputException listing the names there are
     * @throws AmbiguousInputException listing the qualified names of the inputs sharing the name
     */
    public WorkflowInput input(String name) {
        return slot(name).toInput();
    }

    /** The current value of an input. */
    public InvokeAIField<?> get(String name) {
        return slot(name).field;
    }

    /**
     * Sets an input, converting and checking the value with its field type at once.
     *
     * @throws io.invokeai.client.InvalidInputException naming the input, what it expects and what was given
     */
    public BoundWorkflow set(String name, Object value) {
        Slot slot = slot(name);
        slot.field = registry.typeFor(slot.spec).fromJava(slot.spec, slot.name, value);
        return this;
    }

    /** How many times the whole batch runs (the GUI's "iterations"). */
    public BoundWorkflow runs(int runs) {
        if (runs < 1) {
            throw new IllegalArgumentException("runs must be at least 1, was " + runs);
        }
        this.runs = runs;
        return this;
    }

    public int runs() {
        return runs;
    }

    /** An immutable copy of the current state, for submission. */
    public WorkflowSnapshot snapshot() {
        return new WorkflowSnapshot(document, templates, inputs(), runs);
    }

    private Slot slot(String name) {
        Objects.requireNonNull(name, "name");
        List<Predicate<Slot>> steps = List.of(
                s -> s.name.equals(name),
                s -> s.name.equalsIgnoreCase(name),
                s -> s.qualifiedName.equals(name) || s.idName().equals(name),
                s -> s.qualifiedName.equalsIgnoreCase(name) || s.idName().equalsIgnoreCase(name));
        for (Predicate<Slot> step : steps) {
            List<Slot> matches = slots.stream().filter(step).toList();
            if (matches.size() == 1) {
                return matches.get(0);
            }
            if (matches.size() > 1) {
                List<String> candidates = new ArrayList<>();
                for (Slot m : matches) {
                    if (isUniqueQualifiedName(m)) {
                        candidates.add(m.qualifiedName);
                    }
                    candidates.add(m.idName());
                }
                throw new AmbiguousInputException(name, candidates);
            }
        }
        throw new UnknownInputException(name, availableNames());
    }

    private boolean isUniqueQualifiedName(Slot slot) {
        return slots.stream()
                        .filter(s -> s.qualifiedName.equalsIgnoreCase(slot.qualifiedName))
                        .count()
                == 1;
    }

    /** Each input's name, or its qualified name where several inputs share the name. */
    private List<String> availableNames() {
        List<String> names = new ArrayList<>();
        for (Slot s : slots) {
            boolean shared =
                    slots.stream().filter(o -> o.name.equalsIgnoreCase(s.name)).count() > 1;
            names.add(shared ? (isUniqueQualifiedName(s) ? s.qualifiedName : s.idName()) : s.name);
        }
        return names;
    }

    /** An aligned table of the inputs: name, type, current value, what is accepted, description. */
    public String describeInputs() {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"NAME", "TYPE", "VALUE", "ACCEPTS", "DESCRIPTION"});
        List<String> names = availableNames();
        for (int i = 0; i < slots.size(); i++) {
            Slot s = slots.get(i);
            rows.add(new String[] {
                names.get(i),
                typeLabel(s.spec),
                clip(s.field.displayValue(), 40),
                clip(accepts(s.spec), 60),
                clip(s.spec.description().replaceAll("\\s+", " ").trim(), 80)
            });
        }
        int[] widths = new int[5];
        for (String[] row : rows) {
            for (int c = 0; c < 4; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        StringBuilder out = new StringBuilder();
        out.append(document.name().isEmpty() ? "(unnamed workflow)" : document.name())
                .append(": ")
                .append(slots.size())
                .append(slots.size() == 1 ? " input" : " inputs")
                .append(runs > 1 ? ", " + runs + " runs" : "")
                .append('\n');
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < 5; c++) {
                line.append(c < 4 ? String.format(Locale.ROOT, "%-" + widths[c] + "s  ", row[c]) : row[c]);
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }

    static String typeLabel(FieldSpec spec) {
        return spec.typeName()
                + switch (spec.cardinality()) {
                    case SINGLE -> "";
                    case COLLECTION -> "[]";
                    case SINGLE_OR_COLLECTION -> " or list";
                };
    }

    /** Constraints, options and model filters in words, e.g. {@code "in (0, +inf), a multiple of 8"}. */
    static String accepts(FieldSpec spec) {
        List<String> parts = new ArrayList<>();
        FieldSpec.Constraints c = spec.constraints();
        String range = c.describeRange();
        if (!range.isEmpty()) {
            parts.add(range);
        }
        if (c.minLength().isPresent() || c.maxLength().isPresent()) {
            parts.add("length " + c.minLength().map(String::valueOf).orElse("0") + ".."
                    + c.maxLength().map(String::valueOf).orElse(""));
        }
        if (c.minItems().isPresent() || c.maxItems().isPresent()) {
            parts.add(c.minItems().map(String::valueOf).orElse("0") + ".."
                    + c.maxItems().map(String::valueOf).orElse("") + " items");
        }
        if (!spec.options().isEmpty()) {
            List<String> shown = spec.options().stream().limit(8).toList();
            parts.add("one of " + String.join(", ", shown) + (spec.options().size() > shown.size() ? ", ..." : ""));
        }
        if (!spec.modelTypes().isEmpty() || !spec.modelBases().isEmpty()) {
            parts.add("model" + (spec.modelTypes().isEmpty() ? "" : " type " + String.join("/", spec.modelTypes()))
                    + (spec.modelBases().isEmpty() ? "" : " base " + String.join("/", spec.modelBases())));
        }
        if (spec.required()
                && spec.cardinality() == Cardinality.SINGLE
                && spec.defaultValue().isEmpty()) {
            parts.add("required");
        }
        return String.join("; ", parts);
    }

    private static String clip(String s, int max) {
        String oneLine = s.replace('\n', ' ');
        return oneLine.length() <= max ? oneLine : oneLine.substring(0, max - 3) + "...";
    }

    @Override
    public String toString() {
        return "BoundWorkflow[" + name() + ", " + slots.size() + " inputs]";
    }
}
