package io.invokeai.client;

import java.time.Duration;

/** Waiting for a job took longer than allowed. Says whether the item was also canceled on the server. */
public class JobTimeoutException extends InvokeAIException {
    private static final long serialVersionUID = 1L;

    private final long itemId;
    private final boolean canceledOnServer;

    public JobTimeoutException(long itemId, Duration timeout, JobStatus lastStatus, boolean canceledOnServer) {
        super("Queue item " + itemId + " did not finish within " + timeout + " (last status: " + lastStatus.wireName()
                + (canceledOnServer ? "; canceled on the server)" : "; still on the server)"));
        this.itemId = itemId;
        this.canceledOnServer = canceledOnServer;
    }

    public long itemId() {
        return itemId;
    }

    public boolean canceledOnServer() {
        return canceledOnServer;
    }
}
