package io.invokeai.client;

/** Root of every exception this library throws, so callers can catch one type. */
public class InvokeAIException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvokeAIException(String message) {
        super(message);
    }

    public InvokeAIException(String message, Throwable cause) {
        super(message, cause);
    }
}
