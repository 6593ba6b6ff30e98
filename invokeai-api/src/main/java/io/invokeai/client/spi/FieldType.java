package io.invokeai.client.spi;

import io.invokeai.client.FieldSpec;
import io.invokeai.client.InvokeAIField;
import jakarta.json.JsonValue;

/**
 * One InvokeAI value type (e.g. {@code IntegerField}) as a client type: converts and checks Java values and reads
 * JSON values (workflow defaults, job outputs). Implementations are stateless and thread-safe.
 */
public interface FieldType {
    /** The InvokeAI field type name this type handles, e.g. {@code IntegerField}. */
    String typeName();

    /** Whether this type handles the spec; the default matches the type name with single cardinality. */
    default boolean supports(FieldSpec spec) {
        return spec.typeName().equals(typeName()) && spec.cardinality() == io.invokeai.client.Cardinality.SINGLE;
    }

    /**
     * Converts a Java value for the input named {@code inputName}, checking it against the spec.
     *
     * @throws io.invokeai.client.InvalidInputException naming the input, the expected type and range and the value
     */
    InvokeAIField<?> fromJava(FieldSpec spec, String inputName, Object value);

    /** Reads a JSON value (a stored workflow value or a job output). {@code context} serves downloads. */
    InvokeAIField<?> fromJson(FieldSpec spec, JsonValue json, FieldContext context);

    /** What the type accepts, for listings and error messages, e.g. {@code "integer in (0, +inf), a multiple of 8"}. */
    String describe(FieldSpec spec);
}
