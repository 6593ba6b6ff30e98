package io.invokeai.client.types;

import io.invokeai.client.ModelInfo;
import java.util.Objects;

/**
 * A LoRA to apply, for {@link InvokeAILoRAField} inputs: the model's name or key, resolved at submit, and its weight.
 *
 * @param model the LoRA model's name or key
 * @param weight how strongly to apply it, typically 0..1; must be finite
 */
public record LoRA(String model, double weight) {
    public LoRA {
        Objects.requireNonNull(model, "model");
        if (model.isBlank()) {
            throw new IllegalArgumentException("LoRA model name is empty");
        }
        if (!Double.isFinite(weight)) {
            throw new IllegalArgumentException("LoRA weight must be finite, was " + weight);
        }
    }

    /** An installed LoRA, by its key. */
    public static LoRA of(ModelInfo model, double weight) {
        return new LoRA(model.key(), weight);
    }
}
