package io.invokeai.client.types.internal;

import io.invokeai.client.spi.FieldType;
import io.invokeai.client.spi.FieldTypeProvider;
import io.invokeai.client.types.InvokeAIBoardField;
import io.invokeai.client.types.InvokeAIBooleanField;
import io.invokeai.client.types.InvokeAIColorField;
import io.invokeai.client.types.InvokeAIEnumField;
import io.invokeai.client.types.InvokeAIFloatCollectionField;
import io.invokeai.client.types.InvokeAIFloatField;
import io.invokeai.client.types.InvokeAIFloatGeneratorField;
import io.invokeai.client.types.InvokeAIImageCollectionField;
import io.invokeai.client.types.InvokeAIImageField;
import io.invokeai.client.types.InvokeAIImageGeneratorField;
import io.invokeai.client.types.InvokeAIIntegerCollectionField;
import io.invokeai.client.types.InvokeAIIntegerField;
import io.invokeai.client.types.InvokeAIIntegerGeneratorField;
import io.invokeai.client.types.InvokeAILoRAField;
import io.invokeai.client.types.InvokeAIModelField;
import io.invokeai.client.types.InvokeAISchedulerField;
import io.invokeai.client.types.InvokeAIStringCollectionField;
import io.invokeai.client.types.InvokeAIStringField;
import io.invokeai.client.types.InvokeAIStringGeneratorField;
import io.invokeai.client.types.InvokeAIVideoField;
import java.util.List;

/**
 * The built-in field types, at {@link FieldTypeProvider#BUILTIN_PRIORITY}. No two of them support the same spec, so
 * the registry never sees a tie among them.
 */
public final class BuiltinFieldTypeProvider implements FieldTypeProvider {
    private static final List<FieldType> TYPES = List.of(
            InvokeAIIntegerField.TYPE,
            InvokeAIIntegerCollectionField.TYPE,
            InvokeAIFloatField.TYPE,
            InvokeAIFloatCollectionField.TYPE,
            InvokeAIStringField.TYPE,
            InvokeAIStringCollectionField.TYPE,
            InvokeAIBooleanField.TYPE,
            InvokeAIEnumField.TYPE,
            InvokeAISchedulerField.TYPE,
            InvokeAIImageField.TYPE,
            InvokeAIImageCollectionField.TYPE,
            InvokeAIVideoField.TYPE,
            InvokeAIBoardField.TYPE,
            InvokeAIColorField.TYPE,
            InvokeAIModelField.TYPE,
            InvokeAILoRAField.TYPE,
            InvokeAIIntegerGeneratorField.TYPE,
            InvokeAIFloatGeneratorField.TYPE,
            InvokeAIStringGeneratorField.TYPE,
            InvokeAIImageGeneratorField.TYPE);

    /** For the ServiceLoader. */
    public BuiltinFieldTypeProvider() {}

    @Override
    public List<FieldType> fieldTypes() {
        return TYPES;
    }
}
