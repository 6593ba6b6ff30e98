package io.invokeai.client.core.events;

import io.invokeai.client.InvokeAIException;

/** The event connection failed or was refused. Messages never contain the bearer token. */
public class EventStreamException extends InvokeAIException {
    private static final long serialVersionUID = 1L;

    public EventStreamException(String message) {
        super(message);
    }

    public EventStreamException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * The server refused the connection: a Socket.IO CONNECT_ERROR (InvokeAI in multi-user mode without a valid
     * token), or an HTTP 4xx answer to the WebSocket upgrade. Retrying with the same credentials will not help.
     */
    public static final class Refused extends EventStreamException {
        private static final long serialVersionUID = 1L;

        private final String serverMessage;

        public Refused(String message, String serverMessage) {
            super(message);
            this.serverMessage = serverMessage == null ? "" : serverMessage;
        }

        /** What the server said, e.g. {@code "Connection rejected by server"} or {@code "HTTP 404"}. */
        public String serverMessage() {
            return serverMessage;
        }
    }
}
