package io.invokeai.client;

/** The server could not be reached or the connection broke (after any retries the policy allowed). */
public class InvokeAIIOException extends InvokeAIException {
    private static final long serialVersionUID = 1L;

    public InvokeAIIOException(String message, Throwable cause) {
        super(message, cause);
    }
}
