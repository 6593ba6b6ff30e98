package io.invokeai.client;

/**
 * Counts of one batch's queue items by status, as the server reports them ({@code GET .../b/{batch_id}/status}).
 *
 * @param waiting items suspended while a workflow they called runs
 */
public record BatchStatus(
        String batchId, int pending, int inProgress, int waiting, int completed, int failed, int canceled, int total) {

    /** Items that completed, failed or were canceled. */
    public int finished() {
        return completed + failed + canceled;
    }

    /** True when every item of the batch has finished. */
    public boolean isDone() {
        return finished() >= total;
    }
}
