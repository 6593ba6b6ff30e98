package io.invokeai.client.core;

import io.invokeai.client.BatchStatus;
import io.invokeai.client.InvokeAIException;
import io.invokeai.client.JobEvent;
import io.invokeai.client.JobStatus;
import io.invokeai.client.ProgressEvent;
import io.invokeai.client.QueueItem;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows every queue item in flight. Polling is the authority: one bulk status call per interval covers all items,
 * so thousands of jobs cost one request each tick. Events only make it faster (a terminal status event triggers an
 * immediate fetch) and carry progress. A finished item is forgotten, so memory stays flat.
 *
 * <p>Large batches (a sweep of thousands of items) are polled by their counts first ({@code b/{batch_id}/status}, one
 * cheap call): as the server runs a batch's items in item-id order, only the lowest open ids (as many as finished
 * or run since the last look, plus a margin) are then fetched, and everything else only when those do not account
 * for the counts. So the server spends next to nothing on a client following 10,000 items, and no result is ever
 * missed or later than one poll interval.
 */
final class JobTracker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JobTracker.class);

    private final DefaultQueue queue;
    private final ScheduledExecutorService scheduler;
    private final Map<Long, Tracked> inFlight = new ConcurrentHashMap<>();
    private final AtomicBoolean polling = new AtomicBoolean();
    private final ScheduledFuture<?> ticker;
    private volatile boolean closed;

    JobTracker(DefaultQueue queue, ScheduledExecutorService scheduler, Duration pollInterval) {
        this.queue = queue;
        this.scheduler = scheduler;
        long ms = pollInterval.toMillis();
        this.ticker = scheduler.scheduleWithFixedDelay(this::pollNow, ms, ms, TimeUnit.MILLISECONDS);
    }

    /** Batches with at least this many items in flight are polled by their counts first. */
    static final int BATCH_POLL_MIN_ITEMS = 32;
    /** Extra low ids fetched beyond what the counts say changed. */
    static final int BATCH_POLL_MARGIN = 8;

    /** One item's state: its terminal full item (with session), its listeners, its batch (if known). */
    static final class Tracked {
        final long itemId;
        final CompletableFuture<JsonObject> terminal = new CompletableFuture<>();
        final List<Consumer<ProgressEvent>> listeners = new CopyOnWriteArrayList<>();
        final List<Consumer<JobEvent>> eventListeners = new CopyOnWriteArrayList<>();
        volatile JobStatus lastStatus = JobStatus.PENDING;
        volatile String batchId;

        Tracked(long itemId) {
            this.itemId = itemId;
        }

        /** Records a status; true (once) when it is new, so each status is announced once. */
        synchronized boolean advance(JobStatus status) {
            if (lastStatus == status || lastStatus.isTerminal()) {
                return false;
            }
            lastStatus = status;
            return true;
        }
    }

    Tracked track(long itemId) {
        if (closed) {
            throw new InvokeAIException("The client is closed");
        }
        return inFlight.computeIfAbsent(itemId, Tracked::new);
    }

    /** Tracks an item of a known batch, so that large batches can be polled by their counts. */
    Tracked track(long itemId, String batchId) {
        Tracked t = track(itemId);
        if (batchId != null && !batchId.isEmpty()) {
            t.batchId = batchId;
        }
        return t;
    }

    int inFlightCount() {
        return inFlight.size();
    }

    /** A status event: fetch at once when terminal. Events of items we don't follow (e.g. the GUI's) are ignored. */
    void onStatusEvent(long itemId, String status) {
        Tracked t = inFlight.get(itemId);
        if (t == null) {
            return;
        }
        JobStatus s;
        try {
            s = JobStatus.fromWire(status);
        } catch (InvokeAIException e) {
            return;
        }
        seen(t, s);
    }

    /** A status learnt from an event or a poll: announced once, and a terminal one finishes the item. */
    private void seen(Tracked t, JobStatus s) {
        if (t.advance(s)) {
            emit(t, new JobEvent.StatusChanged(t.itemId, s));
        }
        if (s.isTerminal()) {
            finish(t);
        }
    }

    void onProgress(ProgressEvent event) {
        Tracked t = inFlight.get(event.itemId());
        if (t == null) {
            return;
        }
        for (Consumer<ProgressEvent> l : t.listeners) {
            try {
                l.accept(event);
            } catch (RuntimeException e) {
                LOG.warn("A progress listener of queue item {} failed", event.itemId(), e);
            }
        }
        emit(t, event);
    }

    /** A node event (started, completed, failed) of an item; ignored unless the item is followed. */
    void onJobEvent(JobEvent event) {
        Tracked t = inFlight.get(event.itemId());
        if (t != null) {
            emit(t, event);
        }
    }

    private static void emit(Tracked t, JobEvent event) {
        for (Consumer<JobEvent> l : t.eventListeners) {
            try {
                l.accept(event);
            } catch (RuntimeException e) {
                LOG.warn("An event listener of queue item {} failed", t.itemId, e);
            }
        }
    }

    /** Polls every item in flight now (also after an event-connection reconnect, when events may have been lost). */
    void pollNow() {
        if (closed || inFlight.isEmpty() || !polling.compareAndSet(false, true)) {
            return;
        }
        List<Long> loose = new ArrayList<>();
        Map<String, List<Long>> byBatch = new LinkedHashMap<>();
        for (Tracked t : inFlight.values()) {
            String batch = t.batchId;
            if (batch == null) {
                loose.add(t.itemId);
            } else {
                byBatch.computeIfAbsent(batch, b -> new ArrayList<>()).add(t.itemId);
            }
        }
        List<CompletableFuture<Void>> polls = new ArrayList<>();
        for (Map.Entry<String, List<Long>> batch : byBatch.entrySet()) {
            if (batch.getValue().size() < BATCH_POLL_MIN_ITEMS) {
                loose.addAll(batch.getValue());
            } else {
                polls.add(pollBatch(batch.getKey(), batch.getValue()));
            }
        }
        if (!loose.isEmpty()) {
            polls.add(pollItems(loose).thenApply(found -> null));
        }
        CompletableFuture.allOf(polls.toArray(CompletableFuture[]::new)).whenComplete((v, error) -> {
            polling.set(false);
            if (error != null) {
                LOG.debug("Polling {} queue items failed; will retry", inFlight.size(), error);
            }
        });
    }

    /**
     * A large batch: its counts tell how many of our open items finished meanwhile; the lowest open ids (the server
     * runs a batch in id order) are fetched, and all of them only if those do not account for the counts.
     */
    private CompletableFuture<Void> pollBatch(String batchId, List<Long> ids) {
        return queue.batchStatusAsync(batchId).thenCompose(status -> {
            List<Long> open = new ArrayList<>(ids);
            open.sort(null);
            int active = status.pending() + status.inProgress() + status.waiting();
            if (active > open.size()) {
                // the batch has open items we do not follow: the counts cannot tell which of ours changed
                return pollItems(open).thenApply(found -> null);
            }
            int finished = open.size() - active;
            int window = windowSize(status, finished, open.size());
            List<Long> first = open.subList(0, window);
            List<Long> rest = open.subList(window, open.size());
            return pollItems(first)
                    .thenCompose(found -> found >= finished || rest.isEmpty()
                            ? CompletableFuture.completedFuture(null)
                            : pollItems(rest).thenApply(more -> null));
        });
    }

    static int windowSize(BatchStatus status, int finished, int open) {
        long wanted = (long) finished + status.inProgress() + status.waiting() + BATCH_POLL_MARGIN;
        return (int) Math.min(open, wanted);
    }

    /** Fetches the summaries of these items; completes with how many of them were found finished (or gone). */
    private CompletableFuture<Integer> pollItems(List<Long> ids) {
        return queue.summaries(ids).thenApply(items -> {
            int finished = 0;
            Set<Long> seen = new HashSet<>();
            for (QueueItem item : items) {
                seen.add(item.itemId());
                if (item.status().isTerminal()) {
                    finished++;
                }
                Tracked t = inFlight.get(item.itemId());
                if (t != null) {
                    seen(t, item.status());
                }
            }
            for (Long id : ids) {
                Tracked t = inFlight.get(id);
                if (!seen.contains(id) && t != null) {
                    finished++;
                    inFlight.remove(id);
                    t.terminal.completeExceptionally(new InvokeAIException(
                            "Queue item " + id + " is no longer in the queue (deleted or the queue was cleared)"));
                }
            }
            return finished;
        });
    }

    private void finish(Tracked t) {
        if (inFlight.remove(t.itemId, t)) {
            if (t.lastStatus == JobStatus.CANCELED) {
                // a canceled item has no results to read: spare the server one full fetch per item (canceling a
                // sweep of thousands would otherwise cost thousands of requests)
                t.terminal.complete(Json.createObjectBuilder()
                        .add("item_id", t.itemId)
                        .add("status", JobStatus.CANCELED.wireName())
                        .add("batch_id", t.batchId == null ? "" : t.batchId)
                        .build());
                return;
            }
            queue.fullItem(t.itemId).whenComplete((item, error) -> {
                if (error != null) {
                    // put it back: the next poll tries again
                    inFlight.putIfAbsent(t.itemId, t);
                } else {
                    t.terminal.complete(item);
                }
            });
        }
    }

    @Override
    public void close() {
        closed = true;
        ticker.cancel(false);
        var failure = new InvokeAIException("The client was closed while the job was in flight");
        inFlight.values().forEach(t -> t.terminal.completeExceptionally(failure));
        inFlight.clear();
    }
}
