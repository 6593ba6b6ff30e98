package io.invokeai.client;

import java.util.Optional;

/**
 * A queue item ended in {@code failed} (or {@code canceled}). Carries the server's error type, message and traceback
 * and the workflow node that failed, when the server reported one.
 */
public class JobFailedException extends InvokeAIException {
    private static final long serialVersionUID = 1L;

    private final long itemId;
    private final JobStatus status;
    private final String errorType;
    private final String errorMessage;
    private final String errorTraceback;
    private final String failedNodeId;

    public JobFailedException(
            long itemId,
            JobStatus status,
            String errorType,
            String errorMessage,
            String errorTraceback,
            String failedNodeId) {
        super("Queue item " + itemId + " " + status.wireName()
                + (errorType == null ? "" : ": " + errorType)
                + (errorMessage == null ? "" : ": " + errorMessage)
                + (failedNodeId == null ? "" : " (node " + failedNodeId + ")"));
        this.itemId = itemId;
        this.status = status;
        this.errorType = errorType;
        this.errorMessage = errorMessage;
        this.errorTraceback = errorTraceback;
        this.failedNodeId = failedNodeId;
    }

    public long itemId() {
        return itemId;
    }

    public JobStatus status() {
        return status;
    }

    /** The Python exception class name, e.g. {@code ValueError}. */
    public Optional<String> errorType() {
        return Optional.ofNullable(errorType);
    }

    public Optional<String> errorMessage() {
        return Optional.ofNullable(errorMessage);
    }

    public Optional<String> errorTraceback() {
        return Optional.ofNullable(errorTraceback);
    }

    /** The id of the workflow node (not the prepared execution node) that raised the error. */
    public Optional<String> failedNodeId() {
        return Optional.ofNullable(failedNodeId);
    }
}
