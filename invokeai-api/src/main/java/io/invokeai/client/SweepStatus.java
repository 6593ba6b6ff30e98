package io.invokeai.client;

/**
 * Where a sweep stands: what was asked for, what the server accepted, and its items by status.
 *
 * @param requested items the sweep asked for
 * @param enqueued items the server accepted (fewer when its queue limit dropped some)
 * @param pending items waiting in the queue (including suspended ones)
 * @param inProgress items running
 * @param completed items that completed
 * @param failed items that failed
 * @param canceled items that were canceled (or deleted)
 */
public record SweepStatus(
        long requested, long enqueued, long pending, long inProgress, long completed, long failed, long canceled) {

    /** Items the server's queue limit dropped: they will never run. */
    public long dropped() {
        return requested - enqueued;
    }

    public long finished() {
        return completed + failed + canceled;
    }

    /** True when every enqueued item has finished. */
    public boolean isDone() {
        return finished() >= enqueued;
    }
}
