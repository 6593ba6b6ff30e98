package io.invokeai.client.core;

import io.invokeai.client.BatchStatus;
import io.invokeai.client.InvokeAIException;
import io.invokeai.client.JobEvent;
import io.invokeai.client.JobFailedException;
import io.invokeai.client.JobResult;
import io.invokeai.client.JobStatus;
import io.invokeai.client.Subscription;
import io.invokeai.client.SweepResult;
import io.invokeai.client.SweepRun;
import io.invokeai.client.SweepStatus;
import io.invokeai.client.internal.Futures;
import io.invokeai.client.internal.QueueSubscription;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongUnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the items of a sweep through the {@link JobTracker} and turns each finished one into a
 * {@link SweepResult} carrying its input values. Holds no per-item state beyond what the tracker holds while the
 * item is open; a result is dropped once handed out.
 */
final class DefaultSweepRun implements SweepRun {
    private static final Logger LOG = LoggerFactory.getLogger(DefaultSweepRun.class);

    private final SweepPlan plan;
    private final JobTracker tracker;
    private final DefaultQueue queue;
    private final DefaultJob.ResultReader reader;
    private final Consumer<SweepResult> listener;
    private final List<Consumer<JobEvent>> eventListeners;
    private final Function<SweepResult, CompletableFuture<SweepResult>> finisher;
    private final QueueSubscription<SweepResult> results;
    private final AtomicBoolean subscribed = new AtomicBoolean();
    private final List<String> batchIds = new CopyOnWriteArrayList<>();
    private final AtomicLong requested = new AtomicLong();
    private final AtomicLong enqueued = new AtomicLong();
    private final AtomicLong followed = new AtomicLong();
    private final AtomicLong finished = new AtomicLong();
    private final AtomicLong completed = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong canceled = new AtomicLong();
    private final CompletableFuture<SweepStatus> completion = new CompletableFuture<>();
    private volatile boolean sealed;
    private volatile Runnable idle = () -> {};

    /**
     * @param listener receives every result, or {@code null} to buffer them for {@link #results()}
     * @param finisher runs on each result before it is handed out (e.g. saves its outputs), or {@code null}
     */
    DefaultSweepRun(
            SweepPlan plan,
            JobTracker tracker,
            DefaultQueue queue,
            DefaultJob.ResultReader reader,
            Consumer<SweepResult> listener,
            List<Consumer<JobEvent>> eventListeners,
            Function<SweepResult, CompletableFuture<SweepResult>> finisher) {
        this.plan = plan;
        this.tracker = tracker;
        this.queue = queue;
        this.reader = reader;
        this.listener = listener;
        this.eventListeners = List.copyOf(eventListeners);
        this.finisher = finisher;
        this.results = listener == null ? new QueueSubscription<>() : null;
    }

    /** Called whenever every followed item has finished but the run is not sealed (more may be enqueued). */
    void onIdle(Runnable action) {
        this.idle = action;
    }

    /** Counts an enqueue. */
    void enqueued(String batchId, long requestedItems, long enqueuedItems) {
        batchIds.add(batchId);
        requested.addAndGet(requestedItems);
        enqueued.addAndGet(enqueuedItems);
    }

    /**
     * Follows items of a batch.
     *
     * @param itemIds the items, in the order of the points they ran (ascending ids for a fresh enqueue)
     * @param indexAt the sweep point of the item at each position
     */
    void follow(String batchId, Ranges itemIds, LongUnaryOperator indexAt) {
        long[] position = {0};
        itemIds.forEach(itemId -> follow(batchId, itemId, indexAt.applyAsLong(position[0]++)));
    }

    void follow(String batchId, long itemId, long index) {
        JobTracker.Tracked t = tracker.track(itemId, batchId);
        t.eventListeners.addAll(eventListeners);
        followed.incrementAndGet();
        t.terminal.whenComplete((item, error) -> finished(t, index, item, error));
    }

    /** No more items will be followed: the run completes when the followed ones have finished. */
    void seal() {
        sealed = true;
        maybeComplete();
    }

    /** Fails the run (e.g. an enqueue failed): waiting callers get the error. */
    void fail(Throwable error) {
        sealed = true;
        if (completion.completeExceptionally(error) && results != null) {
            results.end();
        }
    }

    long followedCount() {
        return followed.get();
    }

    long finishedCount() {
        return finished.get();
    }

    private void finished(JobTracker.Tracked t, long index, JsonObject item, Throwable error) {
        SweepResult result;
        try {
            result = toResult(t, index, item, error);
        } catch (RuntimeException e) {
            result = result(t.itemId, index, t.lastStatus, null, e);
        }
        SweepResult plain = result;
        CompletableFuture<SweepResult> done;
        try {
            done = finisher == null ? CompletableFuture.completedFuture(result) : finisher.apply(result);
        } catch (RuntimeException e) {
            done = CompletableFuture.failedFuture(e);
        }
        done.exceptionally(e -> withError(plain, Futures.unwrap(e))).thenAccept(this::deliver);
    }

    private SweepResult toResult(JobTracker.Tracked t, long index, JsonObject item, Throwable error) {
        if (error != null) {
            JobStatus last = t.lastStatus.isTerminal() ? t.lastStatus : JobStatus.CANCELED;
            return result(t.itemId, index, last, null, Futures.unwrap(error));
        }
        JobStatus status = JobStatus.fromWire(item.getString("status"));
        if (status == JobStatus.COMPLETED) {
            return result(t.itemId, index, status, reader.read(item), null);
        }
        return result(
                t.itemId,
                index,
                status,
                null,
                new JobFailedException(
                        t.itemId,
                        status,
                        DefaultQueue.str(item, "error_type").orElse(null),
                        DefaultQueue.str(item, "error_message").orElse(null),
                        DefaultQueue.str(item, "error_traceback").orElse(null),
                        reader.failedNode(item).orElse(null)));
    }

    private SweepResult result(long itemId, long index, JobStatus status, JobResult value, Throwable error) {
        Optional<InvokeAIException> failure = Optional.ofNullable(error).map(DefaultSweepRun::asInvokeAI);
        return new SweepResult(
                index,
                plan.run(index),
                plan.inputs(index),
                itemId,
                status,
                Optional.ofNullable(value),
                failure,
                List.of());
    }

    private static SweepResult withError(SweepResult r, Throwable error) {
        return new SweepResult(
                r.index(),
                r.run(),
                r.inputs(),
                r.itemId(),
                r.status(),
                Optional.empty(),
                Optional.of(asInvokeAI(error)),
                r.files());
    }

    private static InvokeAIException asInvokeAI(Throwable t) {
        return t instanceof InvokeAIException e
                ? e
                : new InvokeAIException(t.getMessage() == null ? t.toString() : t.getMessage(), t);
    }

    private void deliver(SweepResult r) {
        if (r.succeeded()) {
            completed.incrementAndGet();
        } else if (r.status() == JobStatus.CANCELED) {
            canceled.incrementAndGet();
        } else {
            failed.incrementAndGet();
        }
        try {
            if (listener != null) {
                listener.accept(r);
            } else {
                results.offer(r);
            }
        } catch (RuntimeException e) {
            LOG.warn("The result listener failed on {}", r, e);
        }
        finished.incrementAndGet();
        maybeComplete();
    }

    private void maybeComplete() {
        if (finished.get() < followed.get()) {
            return;
        }
        if (sealed) {
            if (completion.complete(new SweepStatus(
                            requested.get(), enqueued.get(), 0, 0, completed.get(), failed.get(), canceled.get()))
                    && results != null) {
                results.end();
            }
        } else {
            idle.run();
        }
    }

    @Override
    public List<String> batchIds() {
        return List.copyOf(batchIds);
    }

    @Override
    public long requested() {
        return requested.get();
    }

    @Override
    public long enqueued() {
        return enqueued.get();
    }

    @Override
    public Subscription<SweepResult> results() {
        if (results == null) {
            throw new IllegalStateException("This sweep delivers its results to its onResult listener");
        }
        if (!subscribed.compareAndSet(false, true)) {
            throw new IllegalStateException("results() was already called: a sweep's results have one consumer");
        }
        return results;
    }

    @Override
    public CompletableFuture<SweepStatus> statusAsync() {
        List<CompletableFuture<BatchStatus>> all =
                batchIds.stream().map(queue::batchStatusAsync).toList();
        return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).thenApply(v -> {
            long pending = 0;
            long running = 0;
            long done = 0;
            long bad = 0;
            long stopped = 0;
            for (CompletableFuture<BatchStatus> f : all) {
                BatchStatus s = f.join();
                pending += s.pending() + s.waiting();
                running += s.inProgress();
                done += s.completed();
                bad += s.failed();
                stopped += s.canceled();
            }
            return new SweepStatus(requested.get(), enqueued.get(), pending, running, done, bad, stopped);
        });
    }

    @Override
    public CompletableFuture<Void> cancelAsync() {
        if (batchIds.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        return queue.cancelBatchesAsync(List.copyOf(batchIds)).thenRun(tracker::pollNow);
    }

    @Override
    public CompletableFuture<SweepStatus> completionAsync() {
        return completion.copy();
    }

    @Override
    public SweepStatus await(Duration timeout, boolean cancelOnTimeout) {
        try {
            return Futures.join(completion.copy().orTimeout(timeout.toNanos(), TimeUnit.NANOSECONDS));
        } catch (InvokeAIException e) {
            if (!(e.getCause() instanceof TimeoutException)) {
                throw e;
            }
            boolean canceledOnServer = false;
            if (cancelOnTimeout) {
                try {
                    cancel();
                    canceledOnServer = true;
                } catch (RuntimeException cancelError) {
                    LOG.warn("Canceling the sweep after its timeout failed", cancelError);
                }
            }
            throw new InvokeAIException("The sweep did not finish within " + timeout + ": " + finished.get() + " of "
                    + followed.get() + " items finished"
                    + (canceledOnServer
                            ? "; the rest were canceled on the server"
                            : "; the rest keep running on the server"));
        }
    }

    @Override
    public String toString() {
        return "SweepRun[" + batchIds + ", " + finished.get() + "/" + followed.get() + " finished]";
    }
}
