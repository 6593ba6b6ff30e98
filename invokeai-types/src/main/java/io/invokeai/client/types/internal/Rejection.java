package io.invokeai.client.types.internal;

/**
 * A value check failed. Thrown by item checks, which do not know the input name or whether they check a single value
 * or a list item; the caller turns it into an {@link io.invokeai.client.InvalidInputException} with that context.
 */
public final class Rejection extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param reason why, beyond "not what the input expects"; {@code null} when the expectation says it all */
    public Rejection(String reason) {
        super(reason, null, false, false);
    }

    /** The reason, or {@code null}. */
    public String reason() {
        return getMessage();
    }
}
