package io.invokeai.client;

import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the server's schema says about one node input: its type, constraints, options and default. Field types
 * validate against it, so checks follow the server (and custom nodes) rather than a hard-coded copy.
 *
 * @param nodeType the invocation type, e.g. {@code noise}
 * @param fieldName the input's name on the node, e.g. {@code width}
 * @param typeName the InvokeAI field type name, e.g. {@code IntegerField}, {@code ImageField}, {@code EnumField}
 * @param title the title the GUI shows for the field
 * @param defaultValue the schema default, or empty
 * @param options allowed values of enum-like fields (enum options, or a string dropdown of the workflow form)
 * @param modelBases allowed model bases for model fields (e.g. {@code sdxl}); empty means any
 * @param modelTypes allowed model types for model fields (e.g. {@code main}); empty means any
 * @param input how the field may be fed: {@code any}, {@code direct} or {@code connection}
 */
public record FieldSpec(
        String nodeType,
        String fieldName,
        String typeName,
        Cardinality cardinality,
        String title,
        String description,
        Optional<JsonValue> defaultValue,
        Constraints constraints,
        List<String> options,
        Map<String, String> optionLabels,
        List<String> modelBases,
        List<String> modelTypes,
        boolean required,
        String input) {

    public FieldSpec {
        Objects.requireNonNull(nodeType, "nodeType");
        Objects.requireNonNull(fieldName, "fieldName");
        Objects.requireNonNull(typeName, "typeName");
        Objects.requireNonNull(cardinality, "cardinality");
        title = title == null ? "" : title;
        description = description == null ? "" : description;
        Objects.requireNonNull(defaultValue, "defaultValue");
        constraints = constraints == null ? Constraints.NONE : constraints;
        options = List.copyOf(options);
        optionLabels = Map.copyOf(optionLabels);
        modelBases = List.copyOf(modelBases);
        modelTypes = List.copyOf(modelTypes);
        input = input == null ? "any" : input;
    }

    /** A minimal spec, for tests and for values that have no schema entry. */
    public static FieldSpec of(String typeName, Cardinality cardinality) {
        return new FieldSpec(
                "",
                "",
                typeName,
                cardinality,
                "",
                "",
                Optional.empty(),
                Constraints.NONE,
                List.of(),
                Map.of(),
                List.of(),
                List.of(),
                false,
                "any");
    }

    /**
     * The same input with another cardinality, e.g. the spec of one item of a list input. The default value is
     * dropped: it has the shape of the other cardinality.
     */
    public FieldSpec withCardinality(Cardinality newCardinality) {
        return copy(newCardinality, Optional.empty(), constraints, options, modelBases, modelTypes);
    }

    public FieldSpec withConstraints(Constraints newConstraints) {
        return copy(cardinality, defaultValue, newConstraints, options, modelBases, modelTypes);
    }

    public FieldSpec withOptions(List<String> newOptions) {
        return copy(cardinality, defaultValue, constraints, newOptions, modelBases, modelTypes);
    }

    public FieldSpec withModelFilter(List<String> bases, List<String> types) {
        return copy(cardinality, defaultValue, constraints, options, bases, types);
    }

    /** This spec with the components the {@code with} methods change replaced. */
    private FieldSpec copy(
            Cardinality newCardinality,
            Optional<JsonValue> newDefaultValue,
            Constraints newConstraints,
            List<String> newOptions,
            List<String> bases,
            List<String> types) {
        return new FieldSpec(
                nodeType,
                fieldName,
                typeName,
                newCardinality,
                title,
                description,
                newDefaultValue,
                newConstraints,
                newOptions,
                optionLabels,
                bases,
                types,
                required,
                input);
    }

    /**
     * Numeric, length and size limits from the schema (JSON Schema keywords), each empty when absent.
     */
    public record Constraints(
            Optional<BigDecimal> minimum,
            Optional<BigDecimal> maximum,
            Optional<BigDecimal> exclusiveMinimum,
            Optional<BigDecimal> exclusiveMaximum,
            Optional<BigDecimal> multipleOf,
            Optional<Integer> minLength,
            Optional<Integer> maxLength,
            Optional<Integer> minItems,
            Optional<Integer> maxItems) {

        public static final Constraints NONE = new Constraints(
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());

        /** Narrows the numeric range, e.g. with the min/max a workflow form sets on a slider. */
        public Constraints narrowRange(Optional<BigDecimal> min, Optional<BigDecimal> max) {
            return new Constraints(
                    max(minimum, min),
                    min(maximum, max),
                    exclusiveMinimum,
                    exclusiveMaximum,
                    multipleOf,
                    minLength,
                    maxLength,
                    minItems,
                    maxItems);
        }

        private static Optional<BigDecimal> max(Optional<BigDecimal> a, Optional<BigDecimal> b) {
            if (a.isEmpty()) return b;
            if (b.isEmpty()) return a;
            return Optional.of(a.get().max(b.get()));
        }

        private static Optional<BigDecimal> min(Optional<BigDecimal> a, Optional<BigDecimal> b) {
            if (a.isEmpty()) return b;
            if (b.isEmpty()) return a;
            return Optional.of(a.get().min(b.get()));
        }

        /** Whether a number satisfies the numeric constraints. */
        public boolean accepts(BigDecimal n) {
            return minimum.map(m -> n.compareTo(m) >= 0).orElse(true)
                    && maximum.map(m -> n.compareTo(m) <= 0).orElse(true)
                    && exclusiveMinimum.map(m -> n.compareTo(m) > 0).orElse(true)
                    && exclusiveMaximum.map(m -> n.compareTo(m) < 0).orElse(true)
                    && multipleOf
                            .map(m -> m.signum() == 0 || n.remainder(m).signum() == 0)
                            .orElse(true);
        }

        /** Human-readable numeric range, e.g. {@code "in (0, 4294967295], a multiple of 8"}; empty if unconstrained. */
        public String describeRange() {
            var sb = new StringBuilder();
            boolean hasLow = minimum.isPresent() || exclusiveMinimum.isPresent();
            boolean hasHigh = maximum.isPresent() || exclusiveMaximum.isPresent();
            if (hasLow || hasHigh) {
                sb.append("in ")
                        .append(minimum.isPresent() ? "[" : "(")
                        .append(minimum.or(() -> exclusiveMinimum)
                                .map(BigDecimal::toPlainString)
                                .orElse("-inf"))
                        .append(", ")
                        .append(maximum.or(() -> exclusiveMaximum)
                                .map(BigDecimal::toPlainString)
                                .orElse("+inf"))
                        .append(maximum.isPresent() ? "]" : ")");
            }
            multipleOf.ifPresent(m -> sb.append(sb.length() == 0 ? "" : ", ")
                    .append("a multiple of ")
                    .append(m.toPlainString()));
            return sb.toString();
        }
    }
}
