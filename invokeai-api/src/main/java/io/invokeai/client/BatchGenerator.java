package io.invokeai.client;

import jakarta.json.JsonValue;
import java.util.List;

/**
 * A field whose value generates the values of a batch: the generator fields ({@code FloatGeneratorField},
 * {@code IntegerGeneratorField}, {@code StringGeneratorField}, {@code ImageGeneratorField}). A generator node never
 * runs on the server; like the GUI, the client turns its settings (a sequence, a distribution, text to split) into
 * the list of values a batch node feeds to the graph when it builds the enqueue request. The field types compute
 * that list, so the engine, which does not depend on them, asks the generator field for it through this interface
 * instead of computing it a second time.
 */
public interface BatchGenerator {
    /**
     * The values of the batch, as the JSON items of the enqueue request's batch data, computed as the GUI computes
     * them.
     *
     * @throws IllegalStateException when the field is unset
     * @throws UnsupportedOperationException when only the server can compute them (dynamic prompts, the images of a
     *     board)
     */
    List<JsonValue> batchValues();
}
