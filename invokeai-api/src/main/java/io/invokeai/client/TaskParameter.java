package io.invokeai.client;

/**
 * A documented, typed parameter of a task recipe. Typed with the same {@link FieldSpec} as workflow inputs, so
 * the same field types check it.
 */
public record TaskParameter(String name, FieldSpec spec, String description) {}
