package io.invokeai.client.types.internal;

import io.invokeai.client.FieldSpec;

/**
 * Converts and checks one value of a type: the value of a single field, or one item of a list. A type's single and
 * list forms share it, so an item is checked the same way in both.
 *
 * @param <T> the Java type of a checked value
 */
@FunctionalInterface
public interface ItemCheck<T> {
    /**
     * @param strict whether the value was set from Java, and so is checked against the spec's limits; a value read
     *     from JSON (workflows, job outputs) is checked for its shape only
     * @throws Rejection when the value does not fit
     */
    T check(FieldSpec spec, Object given, boolean strict);
}
