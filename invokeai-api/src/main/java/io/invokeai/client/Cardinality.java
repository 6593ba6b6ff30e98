package io.invokeai.client;

/** Whether a field holds one value, a list, or either (the server's {@code T | list[T]}). */
public enum Cardinality {
    SINGLE,
    COLLECTION,
    SINGLE_OR_COLLECTION
}
