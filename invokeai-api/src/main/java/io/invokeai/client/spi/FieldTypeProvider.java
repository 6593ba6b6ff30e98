package io.invokeai.client.spi;

import java.util.List;

/**
 * A ServiceLoader provider of field types. Declare it with {@code provides} in {@code module-info.java} and in
 * {@code META-INF/services/io.invokeai.client.spi.FieldTypeProvider}, so it is found on the module path and on the
 * class path. Where two providers support the same field, the higher {@link #priority()} wins; ties fail loudly.
 */
public interface FieldTypeProvider {
    /** Priority of the built-in types; a plugin overriding one declares more. */
    int BUILTIN_PRIORITY = 0;

    List<FieldType> fieldTypes();

    default int priority() {
        return BUILTIN_PRIORITY;
    }
}
