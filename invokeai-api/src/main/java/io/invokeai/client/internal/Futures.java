package io.invokeai.client.internal;

import io.invokeai.client.InvokeAIException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Joins the async form of an operation for its sync twin, so both share one implementation. Unwraps the
 * {@link CompletionException} so that sync callers see the library's own exception types.
 */
public final class Futures {
    private Futures() {}

    public static <T> T join(CompletableFuture<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new InvokeAIException("Interrupted while waiting", e);
        } catch (ExecutionException e) {
            throw rethrow(e.getCause());
        } catch (CancellationException e) {
            throw new InvokeAIException("The operation was cancelled", e);
        }
    }

    /** Unwraps completion wrappers; returns an unchecked exception to throw. */
    public static RuntimeException rethrow(Throwable t) {
        Throwable cause = unwrap(t);
        if (cause instanceof RuntimeException re) {
            return re;
        }
        if (cause instanceof Error err) {
            throw err;
        }
        return new InvokeAIException(cause.getMessage() == null ? cause.toString() : cause.getMessage(), cause);
    }

    public static Throwable unwrap(Throwable t) {
        Throwable cause = t;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    public static <T> CompletableFuture<T> failed(Throwable t) {
        return CompletableFuture.failedFuture(t);
    }
}
