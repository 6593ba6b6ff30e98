package io.invokeai.client.tasks.txt2img.graph;

import io.invokeai.client.Cardinality;
import io.invokeai.client.FieldSpec;
import io.invokeai.client.InvokeAIField;
import io.invokeai.client.TaskParameter;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds task parameters typed like workflow inputs (a {@link FieldSpec} with the InvokeAI field type, default, range,
 * options or model filter), and reads the checked values a recipe receives.
 */
public final class Parameters {
    private Parameters() {}

    private static FieldSpec spec(
            String recipe,
            String name,
            String typeName,
            Cardinality cardinality,
            String title,
            String description,
            Optional<JsonValue> defaultValue,
            FieldSpec.Constraints constraints,
            List<String> options,
            List<String> bases,
            List<String> types,
            boolean required) {
        return new FieldSpec(
                recipe,
                name,
                typeName,
                cardinality,
                title,
                description,
                defaultValue,
                constraints,
                options,
                Map.of(),
                bases,
                types,
                required,
                "any");
    }

    private static FieldSpec.Constraints range(BigDecimal min, BigDecimal max, BigDecimal multipleOf) {
        return new FieldSpec.Constraints(
                Optional.ofNullable(min),
                Optional.ofNullable(max),
                Optional.empty(),
                Optional.empty(),
                Optional.ofNullable(multipleOf),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    /** An integer parameter in {@code [min, max]}, optionally a multiple of {@code multipleOf}. */
    public static TaskParameter integer(
            String recipe,
            String name,
            String title,
            String description,
            Long defaultValue,
            long min,
            long max,
            Long multipleOf) {
        return new TaskParameter(
                name,
                spec(
                        recipe,
                        name,
                        "IntegerField",
                        Cardinality.SINGLE,
                        title,
                        description,
                        Optional.ofNullable(defaultValue).map(Json::createValue),
                        range(
                                BigDecimal.valueOf(min),
                                BigDecimal.valueOf(max),
                                multipleOf == null ? null : BigDecimal.valueOf(multipleOf)),
                        List.of(),
                        List.of(),
                        List.of(),
                        false),
                description);
    }

    /** A number parameter in {@code [min, max]}. */
    public static TaskParameter number(
            String recipe, String name, String title, String description, String defaultValue, String min, String max) {
        return new TaskParameter(
                name,
                spec(
                        recipe,
                        name,
                        "FloatField",
                        Cardinality.SINGLE,
                        title,
                        description,
                        Optional.ofNullable(defaultValue).map(d -> Json.createValue(new BigDecimal(d))),
                        range(new BigDecimal(min), new BigDecimal(max), null),
                        List.of(),
                        List.of(),
                        List.of(),
                        false),
                description);
    }

    /** A text parameter. */
    public static TaskParameter string(
            String recipe, String name, String title, String description, String defaultValue, boolean required) {
        return new TaskParameter(
                name,
                spec(
                        recipe,
                        name,
                        "StringField",
                        Cardinality.SINGLE,
                        title,
                        description,
                        Optional.ofNullable(defaultValue).map(Json::createValue),
                        FieldSpec.Constraints.NONE,
                        List.of(),
                        List.of(),
                        List.of(),
                        required),
                description);
    }

    /** One of fixed options. */
    public static TaskParameter options(
            String recipe, String name, String title, String description, String defaultValue, List<String> options) {
        return new TaskParameter(
                name,
                spec(
                        recipe,
                        name,
                        "EnumField",
                        Cardinality.SINGLE,
                        title,
                        description,
                        Optional.ofNullable(defaultValue).map(Json::createValue),
                        FieldSpec.Constraints.NONE,
                        options,
                        List.of(),
                        List.of(),
                        false),
                description);
    }

    /** A sampling scheduler ({@code SchedulerField}); the options are the field type's (InvokeAI's schedulers). */
    public static TaskParameter scheduler(
            String recipe, String name, String title, String description, String defaultValue) {
        return new TaskParameter(
                name,
                spec(
                        recipe,
                        name,
                        "SchedulerField",
                        Cardinality.SINGLE,
                        title,
                        description,
                        Optional.ofNullable(defaultValue).map(Json::createValue),
                        FieldSpec.Constraints.NONE,
                        List.of(),
                        List.of(),
                        List.of(),
                        false),
                description);
    }

    /** A model by name, key or {@code ModelInfo}, of the given bases (empty: any) and type. */
    public static TaskParameter model(
            String recipe,
            String name,
            String title,
            String description,
            List<String> bases,
            String type,
            boolean required) {
        return new TaskParameter(
                name,
                spec(
                        recipe,
                        name,
                        "ModelIdentifierField",
                        Cardinality.SINGLE,
                        title,
                        description,
                        Optional.empty(),
                        FieldSpec.Constraints.NONE,
                        List.of(),
                        bases,
                        List.of(type),
                        required),
                description);
    }

    /** LoRAs with weights ({@code LoRA(name, weight)} or a list of them). */
    public static TaskParameter loras(
            String recipe, String name, String title, String description, List<String> bases) {
        return new TaskParameter(
                name,
                spec(
                        recipe,
                        name,
                        "LoRAField",
                        Cardinality.COLLECTION,
                        title,
                        description,
                        Optional.empty(),
                        FieldSpec.Constraints.NONE,
                        List.of(),
                        bases,
                        List.of("lora"),
                        false),
                description);
    }

    /** An image: a {@code Path}, bytes, a {@code BufferedImage}, or the name of an image on the server. */
    public static TaskParameter image(String recipe, String name, String title, String description, boolean required) {
        return new TaskParameter(
                name,
                spec(
                        recipe,
                        name,
                        "ImageField",
                        Cardinality.SINGLE,
                        title,
                        description,
                        Optional.empty(),
                        FieldSpec.Constraints.NONE,
                        List.of(),
                        List.of(),
                        List.of(),
                        required),
                description);
    }

    /** One image or a list of them. */
    public static TaskParameter images(String recipe, String name, String title, String description, boolean required) {
        return new TaskParameter(
                name,
                spec(
                        recipe,
                        name,
                        "ImageField",
                        Cardinality.SINGLE_OR_COLLECTION,
                        title,
                        description,
                        Optional.empty(),
                        new FieldSpec.Constraints(
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.of(1),
                                Optional.empty()),
                        List.of(),
                        List.of(),
                        List.of(),
                        required),
                description);
    }

    /** A board by name or id (or {@code "none"} for uncategorized). */
    public static TaskParameter board(String recipe, String name, String title, String description) {
        return new TaskParameter(
                name,
                spec(
                        recipe,
                        name,
                        "BoardField",
                        Cardinality.SINGLE,
                        title,
                        description,
                        Optional.empty(),
                        FieldSpec.Constraints.NONE,
                        List.of(),
                        List.of(),
                        List.of(),
                        false),
                description);
    }

    // -------------------------------------------------------------------------------------------------------------
    // reading values

    /** Whether the parameter was set (to something other than null). */
    public static boolean isSet(Map<String, InvokeAIField<?>> values, String name) {
        InvokeAIField<?> field = values.get(name);
        return field != null && field.isSet();
    }

    /** The value as the server would receive it. */
    public static Optional<JsonValue> json(Map<String, InvokeAIField<?>> values, String name) {
        return isSet(values, name) ? Optional.of(values.get(name).toJson()) : Optional.empty();
    }

    public static Optional<String> string(Map<String, InvokeAIField<?>> values, String name) {
        return json(values, name).filter(JsonString.class::isInstance).map(j -> ((JsonString) j).getString());
    }

    public static Optional<BigDecimal> number(Map<String, InvokeAIField<?>> values, String name) {
        return json(values, name).filter(JsonNumber.class::isInstance).map(j -> ((JsonNumber) j).bigDecimalValue());
    }

    public static Optional<Long> integer(Map<String, InvokeAIField<?>> values, String name) {
        return json(values, name).filter(JsonNumber.class::isInstance).map(j -> ((JsonNumber) j).longValueExact());
    }

    /** The spec's default as a number, or the fallback. */
    public static BigDecimal defaultNumber(TaskParameter parameter) {
        return parameter
                .spec()
                .defaultValue()
                .filter(JsonNumber.class::isInstance)
                .map(j -> ((JsonNumber) j).bigDecimalValue())
                .orElseThrow(() -> new IllegalStateException(parameter.name() + " has no numeric default"));
    }

    /** The spec's default as text. */
    public static String defaultString(TaskParameter parameter) {
        return parameter
                .spec()
                .defaultValue()
                .filter(JsonString.class::isInstance)
                .map(j -> ((JsonString) j).getString())
                .orElseThrow(() -> new IllegalStateException(parameter.name() + " has no text default"));
    }
}
