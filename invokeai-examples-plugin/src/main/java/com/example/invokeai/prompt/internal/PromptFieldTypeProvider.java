package com.example.invokeai.prompt.internal;

import com.example.invokeai.prompt.PromptField;
import io.invokeai.client.spi.FieldType;
import io.invokeai.client.spi.FieldTypeProvider;
import java.util.List;

/** Registers {@link PromptField}; ranks above the built-in types so that it wins for prompts. */
public final class PromptFieldTypeProvider implements FieldTypeProvider {
    public PromptFieldTypeProvider() {}

    @Override
    public List<FieldType> fieldTypes() {
        return List.of(PromptField.TYPE);
    }

    @Override
    public int priority() {
        return BUILTIN_PRIORITY + 10;
    }
}
