package io.invokeai.client.types;

import io.invokeai.client.Cardinality;
import io.invokeai.client.FieldSpec;
import io.invokeai.client.InvokeAIField;
import io.invokeai.client.spi.FieldContext;
import io.invokeai.client.spi.FieldType;
import io.invokeai.client.types.InvokeAIImageField.ServerImage;
import io.invokeai.client.types.InvokeAIImageField.Source;
import io.invokeai.client.types.internal.Checks;
import io.invokeai.client.types.internal.ListType;
import io.invokeai.client.types.internal.Values;
import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A list of images ({@code list[ImageField]}, e.g. {@code image_batch.images}): each item is any value an
 * {@link InvokeAIImageField} accepts, the list is checked against minItems and maxItems. Local images are uploaded
 * when the job is submitted, each distinct one once.
 */
public final class InvokeAIImageCollectionField extends InvokeAIField<List<Source>> {
    /** The field type for {@code ImageField} collections. */
    public static final FieldType TYPE = new ListType<>(
            "ImageField",
            InvokeAIImageField::check,
            spec -> InvokeAIImageField.describeItem(),
            (spec, inputName, images, context) -> new InvokeAIImageCollectionField(spec, images, context, inputName));

    private final FieldContext context;
    private final String inputName;

    private InvokeAIImageCollectionField(FieldSpec spec, List<Source> value, FieldContext context, String inputName) {
        super(spec, value);
        this.context = context;
        this.inputName = inputName;
    }

    /**
     * A list checked against the spec.
     *
     * @throws io.invokeai.client.InvalidInputException naming the offending item
     */
    public static InvokeAIImageCollectionField of(FieldSpec spec, List<?> images) {
        return (InvokeAIImageCollectionField) TYPE.fromJava(spec, Checks.inputName(spec), images);
    }

    /** The items as image fields, e.g. to download the images of an output. */
    public List<InvokeAIImageField> images() {
        FieldSpec itemSpec = spec().withCardinality(Cardinality.SINGLE);
        return value().orElse(List.of()).stream()
                .map(source -> InvokeAIImageField.item(itemSpec, source, context, inputName))
                .toList();
    }

    @Override
    public JsonValue toJson() {
        return Values.array(value(), InvokeAIImageField::json);
    }

    @Override
    public boolean needsPreparation() {
        return value().orElse(List.of()).stream().anyMatch(s -> !(s instanceof ServerImage));
    }

    /** Uploads the local images (each distinct one once) and returns the list of server images. */
    @Override
    public CompletableFuture<InvokeAIImageCollectionField> prepare(FieldContext context) {
        if (!needsPreparation()) {
            return CompletableFuture.completedFuture(this);
        }
        List<Source> sources = value().orElseThrow();
        Map<Source, CompletableFuture<String>> uploads = new LinkedHashMap<>();
        for (Source s : sources) {
            uploads.computeIfAbsent(s, k -> InvokeAIImageField.upload(context, inputName, spec(), k));
        }
        return CompletableFuture.allOf(uploads.values().toArray(CompletableFuture<?>[]::new))
                .thenApply(done -> new InvokeAIImageCollectionField(
                        spec(),
                        sources.stream()
                                .map(s ->
                                        (Source) new ServerImage(uploads.get(s).join()))
                                .toList(),
                        context,
                        inputName));
    }
}
