package io.invokeai.client.types.internal;

import io.invokeai.client.spi.FieldType;
import io.invokeai.client.spi.FieldTypeProvider;
import io.invokeai.client.types.InvokeAIJsonField;
import java.util.List;

/**
 * The raw-JSON fallback type, which supports every spec. A separate provider with a lower priority, so that every
 * specific type, built in or from a plugin, wins over it.
 */
public final class JsonFieldTypeProvider implements FieldTypeProvider {
    /** For the ServiceLoader. */
    public JsonFieldTypeProvider() {}

    @Override
    public List<FieldType> fieldTypes() {
        return List.of(InvokeAIJsonField.TYPE);
    }

    @Override
    public int priority() {
        return BUILTIN_PRIORITY - 100;
    }
}
