package com.example.invokeai.prompt;

import io.invokeai.client.FieldSpec;
import io.invokeai.client.InvalidInputException;
import io.invokeai.client.InvokeAIField;
import io.invokeai.client.spi.FieldContext;
import io.invokeai.client.spi.FieldType;
import jakarta.json.Json;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * A prompt: any string input named {@code prompt} or {@code value} of a {@code string} node. Whitespace is
 * normalised and blank prompts are refused, a check the built-in string type does not make.
 */
public final class PromptField extends InvokeAIField<String> {
    /** The type, registered with a priority above the built-in string type. */
    public static final FieldType TYPE = new FieldType() {
        @Override
        public String typeName() {
            return "StringField";
        }

        @Override
        public boolean supports(FieldSpec spec) {
            return "StringField".equals(spec.typeName())
                    && spec.options().isEmpty()
                    && ("prompt".equals(spec.fieldName())
                            || ("string".equals(spec.nodeType()) && "value".equals(spec.fieldName())));
        }

        @Override
        public InvokeAIField<?> fromJava(FieldSpec spec, String inputName, Object value) {
            if (!(value instanceof CharSequence text)) {
                throw new InvalidInputException(inputName, describe(spec), value);
            }
            String normalised = text.toString().strip().replaceAll("\\s+", " ");
            if (normalised.isEmpty()) {
                throw new InvalidInputException(inputName, describe(spec), value, "the prompt is blank");
            }
            return new PromptField(spec, normalised);
        }

        @Override
        public InvokeAIField<?> fromJson(FieldSpec spec, JsonValue json, FieldContext context) {
            return new PromptField(spec, json instanceof JsonString s ? s.getString() : null);
        }

        @Override
        public String describe(FieldSpec spec) {
            return "a non-blank prompt";
        }
    };

    private PromptField(FieldSpec spec, String value) {
        super(spec, value);
    }

    @Override
    public JsonValue toJson() {
        return value().<JsonValue>map(Json::createValue).orElse(JsonValue.NULL);
    }
}
