package io.invokeai.client;

/**
 * Something that happened to one queue item, from the server's event stream or, for status changes, from polling:
 * a node started, reported progress ({@link ProgressEvent}), completed or failed, or the item's status changed.
 * Listeners get only the events of the items they follow; other users' (the GUI's) events never reach them.
 */
public sealed interface JobEvent
        permits JobEvent.NodeStarted,
                JobEvent.NodeCompleted,
                JobEvent.NodeFailed,
                JobEvent.StatusChanged,
                ProgressEvent {

    /** The queue item the event belongs to. */
    long itemId();

    /**
     * A node started.
     *
     * @param nodeId the workflow node id (not the server's prepared id)
     */
    record NodeStarted(long itemId, String nodeId, String nodeType) implements JobEvent {}

    /**
     * A node finished.
     *
     * @param outputType the server's output type, e.g. {@code image_output}
     */
    record NodeCompleted(long itemId, String nodeId, String nodeType, String outputType) implements JobEvent {}

    /** A node raised an error; the item then fails. */
    record NodeFailed(long itemId, String nodeId, String nodeType, String errorType, String errorMessage)
            implements JobEvent {}

    /**
     * The item's status changed. Sent once per status; a terminal status ({@link JobStatus#isTerminal()}) is the
     * last event of an item. It comes from the event stream or, when that is down, from polling.
     */
    record StatusChanged(long itemId, JobStatus status) implements JobEvent {}
}
