package io.invokeai.client.core.fields;

import io.invokeai.client.FieldSpec;
import io.invokeai.client.InvalidInputException;
import io.invokeai.client.InvokeAIField;
import io.invokeai.client.spi.FieldContext;
import io.invokeai.client.spi.FieldType;
import io.invokeai.client.spi.FieldTypeProvider;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Predicate;

/**
 * A minimal field-type SPI implementation for the core's tests: every value is kept as JSON; integers and floats
 * are range-checked so that error propagation can be tested. Used when {@code invokeai-types} is not on the test
 * path.
 */
public final class TestFieldTypes {
    private TestFieldTypes() {}

    /** A field holding raw JSON. */
    public static final class JsonField extends InvokeAIField<JsonValue> {
        JsonField(FieldSpec spec, JsonValue value) {
            super(spec, value == null || value.getValueType() == JsonValue.ValueType.NULL ? null : value);
        }

        @Override
        public JsonValue toJson() {
            return value().orElse(JsonValue.NULL);
        }
    }

    /** A type supporting the specs the predicate accepts. */
    public static FieldType type(String name, Predicate<FieldSpec> supports) {
        return new FieldType() {
            @Override
            public String typeName() {
                return name;
            }

            @Override
            public boolean supports(FieldSpec spec) {
                return supports.test(spec);
            }

            @Override
            public InvokeAIField<?> fromJava(FieldSpec spec, String inputName, Object value) {
                JsonValue json = toJson(value);
                if (json instanceof JsonNumber n
                        && ("IntegerField".equals(spec.typeName()) || "FloatField".equals(spec.typeName()))) {
                    BigDecimal d = n.bigDecimalValue();
                    boolean integral = d.stripTrailingZeros().scale() <= 0;
                    if ("IntegerField".equals(spec.typeName()) && !integral) {
                        throw new InvalidInputException(inputName, "an integer", value);
                    }
                    if (!spec.constraints().accepts(d)) {
                        throw new InvalidInputException(
                                inputName, "a number " + spec.constraints().describeRange(), value);
                    }
                }
                return new JsonField(spec, json);
            }

            @Override
            public InvokeAIField<?> fromJson(FieldSpec spec, JsonValue json, FieldContext context) {
                return new JsonField(spec, json);
            }

            @Override
            public String describe(FieldSpec spec) {
                return name;
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }

    /** A type supporting every spec. */
    public static FieldType any() {
        return type("AnyJson", s -> true);
    }

    public static FieldTypeProvider provider(int priority, FieldType... types) {
        return new Provider(priority, List.of(types));
    }

    /** The provider used when invokeai-types is missing: everything as JSON. */
    public static FieldTypeProvider provider() {
        return provider(FieldTypeProvider.BUILTIN_PRIORITY, any());
    }

    /** The real types if they are on the test path, else {@link #provider()}. */
    public static FieldTypeRegistry registry() {
        FieldTypeRegistry loaded = FieldTypeRegistry.load();
        return loaded.providers().isEmpty() ? FieldTypeRegistry.of(List.of(provider())) : loaded;
    }

    static JsonValue toJson(Object value) {
        if (value == null) {
            return JsonValue.NULL;
        }
        if (value instanceof JsonValue j) {
            return j;
        }
        if (value instanceof String s) {
            return Json.createValue(s);
        }
        if (value instanceof Integer || value instanceof Long) {
            return Json.createValue(((Number) value).longValue());
        }
        if (value instanceof Number n) {
            return Json.createValue(new BigDecimal(n.toString()));
        }
        if (value instanceof Boolean b) {
            return b ? JsonValue.TRUE : JsonValue.FALSE;
        }
        throw new InvalidInputException("?", "a JSON-like value", value);
    }

    /** A named provider class, so conflict messages can be checked. */
    public static final class Provider implements FieldTypeProvider {
        private final int priority;
        private final List<FieldType> types;

        Provider(int priority, List<FieldType> types) {
            this.priority = priority;
            this.types = types;
        }

        @Override
        public List<FieldType> fieldTypes() {
            return types;
        }

        @Override
        public int priority() {
            return priority;
        }
    }

    /** A second provider class, for the equal-priority conflict. */
    public static final class OtherProvider implements FieldTypeProvider {
        private final List<FieldType> types;

        public OtherProvider(FieldType... types) {
            this.types = List.of(types);
        }

        @Override
        public List<FieldType> fieldTypes() {
            return types;
        }
    }
}
