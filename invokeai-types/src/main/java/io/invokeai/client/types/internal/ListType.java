package io.invokeai.client.types.internal;

import io.invokeai.client.Cardinality;
import io.invokeai.client.FieldSpec;
import io.invokeai.client.InvokeAIField;
import io.invokeai.client.spi.FieldContext;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.function.Function;

/**
 * The field type of a list of items ({@code COLLECTION} inputs and outputs, e.g. {@code list[int]}): each item is
 * checked like the value of the single type, and a list set from Java also against minItems and maxItems
 * ({@link Checks#list}). It also reads the list form of a {@code SINGLE_OR_COLLECTION} input (see
 * {@link SingleType#singleOrList}).
 *
 * @param <T> the Java type of an item
 */
public final class ListType<T> extends BaseFieldType {
    private final ItemCheck<T> check;
    private final Function<FieldSpec, String> describeItem;
    private final FieldFactory<List<T>> factory;

    public ListType(
            String typeName,
            ItemCheck<T> check,
            Function<FieldSpec, String> describeItem,
            FieldFactory<List<T>> factory) {
        super(typeName, Cardinality.COLLECTION);
        this.check = check;
        this.describeItem = describeItem;
        this.factory = factory;
    }

    @Override
    public InvokeAIField<?> fromJava(FieldSpec spec, String inputName, Object value) {
        return create(spec, inputName, value, null, true);
    }

    @Override
    public InvokeAIField<?> fromJson(FieldSpec spec, JsonValue json, FieldContext context) {
        return create(spec, Checks.inputName(spec), Values.isNull(json) ? null : json, context, false);
    }

    private InvokeAIField<?> create(
            FieldSpec spec, String inputName, Object value, FieldContext context, boolean strict) {
        if (Values.unwrap(value) == null) {
            return factory.create(spec, inputName, null, context);
        }
        List<T> items = Checks.list(spec, inputName, describe(spec), value, strict, v -> check.check(spec, v, strict));
        return factory.create(spec, inputName, items, context);
    }

    @Override
    public String describe(FieldSpec spec) {
        return Checks.describe(describeItem.apply(spec), spec);
    }
}
