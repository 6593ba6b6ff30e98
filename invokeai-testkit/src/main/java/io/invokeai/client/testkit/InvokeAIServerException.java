package io.invokeai.client.testkit;

/**
 * The server could not be provisioned, started, reached or driven. Start-up failures carry the tail of the server
 * log in the message, because that is where the reason is.
 */
public class InvokeAIServerException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvokeAIServerException(String message) {
        super(message);
    }

    public InvokeAIServerException(String message, Throwable cause) {
        super(message, cause);
    }
}
