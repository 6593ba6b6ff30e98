package io.invokeai.client.types.internal;

import io.invokeai.client.Cardinality;
import io.invokeai.client.FieldSpec;
import io.invokeai.client.InvokeAIField;
import io.invokeai.client.spi.FieldContext;
import io.invokeai.client.spi.FieldType;
import jakarta.json.JsonValue;
import java.util.function.Function;

/**
 * The field type of a value that is one item (an integer, a board, a generator, ...): how every such type reads
 * values. {@code null} (Java or JSON) gives an unset field. A Java value is checked strictly, and a failed check names
 * the input given ({@link Checks#single}); a JSON value is checked for its shape only, and a failure names the spec's
 * input ({@link Checks#badJson}).
 *
 * <p>A type made by {@link #singleOrList} also handles {@code SINGLE_OR_COLLECTION} inputs ({@code T | list[T]}): a
 * list given for one goes to the collection type, which yields its own field; each form is sent as given.
 *
 * @param <T> the Java type of the value
 */
public final class SingleType<T> extends BaseFieldType {
    private static final Function<Object, FieldContext> NO_CONTEXT = given -> null;

    private final ItemCheck<T> check;
    private final Function<FieldSpec, String> describeItem;
    private final FieldFactory<T> factory;
    private final FieldType listType;
    private final Function<Object, FieldContext> contextOfGiven;

    private SingleType(
            String typeName,
            ItemCheck<T> check,
            Function<FieldSpec, String> describeItem,
            FieldFactory<T> factory,
            FieldType listType,
            Function<Object, FieldContext> contextOfGiven) {
        super(
                typeName,
                Cardinality.SINGLE,
                listType == null ? new Cardinality[0] : new Cardinality[] {Cardinality.SINGLE_OR_COLLECTION});
        this.check = check;
        this.describeItem = describeItem;
        this.factory = factory;
        this.listType = listType;
        this.contextOfGiven = contextOfGiven;
    }

    /** A type of {@code SINGLE} inputs and outputs; {@code describe} says what a value must be. */
    public static <T> SingleType<T> single(
            String typeName, ItemCheck<T> check, Function<FieldSpec, String> describe, FieldFactory<T> factory) {
        return new SingleType<>(typeName, check, describe, factory, null, NO_CONTEXT);
    }

    /**
     * A type of {@code SINGLE} and {@code SINGLE_OR_COLLECTION} inputs and outputs, whose list form {@code listType}
     * (the collection type of the same items) handles. The collection class should refer to the single class's item
     * check by method reference only, which does not initialise that class, so that either class can be initialised
     * first.
     */
    public static <T> SingleType<T> singleOrList(
            String typeName,
            ItemCheck<T> check,
            Function<FieldSpec, String> describeItem,
            FieldFactory<T> factory,
            FieldType listType) {
        return new SingleType<>(typeName, check, describeItem, factory, listType, NO_CONTEXT);
    }

    /**
     * This type, with the context a Java value brings along passed to the factory (e.g. a job's output field given as
     * an input, which can still download through its context).
     */
    public SingleType<T> withContextOf(Function<Object, FieldContext> contextOfGivenValue) {
        return new SingleType<>(typeName(), check, describeItem, factory, listType, contextOfGivenValue);
    }

    @Override
    public InvokeAIField<?> fromJava(FieldSpec spec, String inputName, Object value) {
        if (Values.unwrap(value) == null) {
            return factory.create(spec, inputName, null, null);
        }
        if (listType != null && Checks.listGiven(spec, value)) {
            return listType.fromJava(spec, inputName, value);
        }
        FieldContext context = contextOfGiven.apply(value);
        T checked = Checks.single(inputName, describe(spec), value, v -> check.check(spec, v, true));
        return factory.create(spec, inputName, checked, context);
    }

    @Override
    public InvokeAIField<?> fromJson(FieldSpec spec, JsonValue json, FieldContext context) {
        String inputName = Checks.inputName(spec);
        if (Values.isNull(json)) {
            return factory.create(spec, inputName, null, context);
        }
        if (listType != null && Checks.listGiven(spec, json)) {
            return listType.fromJson(spec, json, context);
        }
        try {
            return factory.create(spec, inputName, check.check(spec, json, false), context);
        } catch (Rejection r) {
            throw Checks.badJson(spec, describe(spec), json, r.reason());
        }
    }

    @Override
    public String describe(FieldSpec spec) {
        String item = describeItem.apply(spec);
        return listType == null ? item : Checks.describe(item, spec);
    }
}
