package io.invokeai.client;

import io.invokeai.client.spi.FieldContext;
import jakarta.json.JsonValue;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A typed InvokeAI value: the base of every client type ({@code InvokeAIIntegerField}, {@code InvokeAIImageField},
 * ...). Instances are immutable; setting a workflow input replaces its field. The same types describe inputs and
 * outputs.
 *
 * @param <T> the Java type of the value
 */
public abstract class InvokeAIField<T> {
    private final FieldSpec spec;
    private final T value;

    protected InvokeAIField(FieldSpec spec, T value) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.value = value;
    }

    public final FieldSpec spec() {
        return spec;
    }

    /** The value, or empty when the field is unset (the server then uses its default). */
    public final Optional<T> value() {
        return Optional.ofNullable(value);
    }

    public final boolean isSet() {
        return value != null;
    }

    /** The value as the server expects it in a graph; {@link JsonValue#NULL} when unset. */
    public abstract JsonValue toJson();

    /**
     * Readies the value for submission: uploads local images, resolves model and board names. Runs when a job is
     * submitted, never at {@code set}. The default has nothing to do.
     */
    public CompletableFuture<? extends InvokeAIField<T>> prepare(FieldContext context) {
        return CompletableFuture.completedFuture(this);
    }

    /** Whether {@link #prepare} would contact the server (so a dry run can show what is still unresolved). */
    public boolean needsPreparation() {
        return false;
    }

    /** Short text for listings, e.g. {@code 64} or {@code "a cat"}. */
    public String displayValue() {
        return value == null ? "<unset>" : toJson().toString();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + spec.typeName() + " = " + displayValue() + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o != null
                && o.getClass() == getClass()
                && Objects.equals(((InvokeAIField<?>) o).value, value)
                && ((InvokeAIField<?>) o).spec.equals(spec);
    }

    @Override
    public int hashCode() {
        return Objects.hash(getClass(), value, spec);
    }
}
