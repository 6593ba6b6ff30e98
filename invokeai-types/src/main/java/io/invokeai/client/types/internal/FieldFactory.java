package io.invokeai.client.types.internal;

import io.invokeai.client.FieldSpec;
import io.invokeai.client.InvokeAIField;
import io.invokeai.client.spi.FieldContext;

/**
 * Creates a field of a type from a checked value.
 *
 * @param <V> the Java type of the field's value
 */
@FunctionalInterface
public interface FieldFactory<V> {
    /**
     * @param inputName the name to use in messages: the one given with a Java value, else {@link Checks#inputName}
     * @param value the checked value, or {@code null} for an unset field
     * @param context the context the value came with (it serves downloads): the one given with a JSON value, else
     *     usually {@code null}
     */
    InvokeAIField<?> create(FieldSpec spec, String inputName, V value, FieldContext context);
}
