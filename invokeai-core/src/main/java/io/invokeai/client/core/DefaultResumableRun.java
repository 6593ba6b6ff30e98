package io.invokeai.client.core;

import io.invokeai.client.InvokeAIException;
import io.invokeai.client.InvokeAIImage;
import io.invokeai.client.JobEvent;
import io.invokeai.client.JobStatus;
import io.invokeai.client.QueueItem;
import io.invokeai.client.ResumableRun;
import io.invokeai.client.RunReport;
import io.invokeai.client.SweepResult;
import io.invokeai.client.core.files.SafeFiles;
import io.invokeai.client.internal.Futures;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A sweep run that saves outputs as items complete and journals them in a {@link RunManifest}, so that running it
 * again continues where it stopped. See {@link ResumableRun} for the guarantees.
 */
final class DefaultResumableRun implements ResumableRun {
    private static final Logger LOG = LoggerFactory.getLogger(DefaultResumableRun.class);
    /** Waits between attempts when the server's queue is full and nothing of ours is running. */
    private static final long FULL_QUEUE_BACKOFF_MILLIS = 2_000;

    private final DefaultSweep sweep;
    private final Path directory;
    private final List<Consumer<JobEvent>> eventListeners = new ArrayList<>();
    private Consumer<SweepResult> listener = r -> {};

    DefaultResumableRun(DefaultSweep sweep, Path directory) {
        this.sweep = sweep;
        this.directory = Objects.requireNonNull(directory, "directory");
        this.eventListeners.addAll(sweep.eventListeners());
        if (sweep.resultListener() != null) {
            this.listener = sweep.resultListener();
        }
    }

    @Override
    public Path directory() {
        return directory;
    }

    @Override
    public ResumableRun onResult(Consumer<SweepResult> newListener) {
        this.listener = Objects.requireNonNull(newListener, "listener");
        return this;
    }

    @Override
    public ResumableRun onEvent(Consumer<JobEvent> newListener) {
        eventListeners.add(Objects.requireNonNull(newListener, "listener"));
        return this;
    }

    @Override
    public CompletableFuture<RunReport> runAsync() {
        return start().thenCompose(execution -> execution.report);
    }

    @Override
    public RunReport run(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Execution execution;
        try {
            execution = Futures.join(start().orTimeout(timeout.toNanos(), TimeUnit.NANOSECONDS));
        } catch (InvokeAIException e) {
            if (e.getCause() instanceof TimeoutException) {
                throw new InvokeAIException("The run in " + directory + " could not start within " + timeout, e);
            }
            throw e;
        }
        try {
            long left = Math.max(1, deadline - System.nanoTime());
            return Futures.join(execution.report.copy().orTimeout(left, TimeUnit.NANOSECONDS));
        } catch (InvokeAIException e) {
            if (!(e.getCause() instanceof TimeoutException)) {
                throw e;
            }
            execution.stop();
            throw new InvokeAIException("The run in " + execution.manifest.directory() + " did not finish within "
                    + timeout + ": " + execution.manifest.doneCount() + " of " + execution.plan.total()
                    + " items are done; run it again to continue (items still queued on the server are picked"
                    + " up)");
        }
    }

    private CompletableFuture<Execution> start() {
        long started = System.nanoTime();
        String fingerprint;
        try {
            fingerprint = sweep.fingerprint();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return sweep.prepare().thenCompose(prepared -> {
            RunManifest manifest = RunManifest.open(
                    directory, fingerprint, prepared.plan().total(), sweep.workflowName(), sweep.sweptNames());
            Execution execution;
            try {
                execution = new Execution(prepared, manifest, started);
            } catch (RuntimeException e) {
                manifest.close();
                throw e;
            }
            try {
                return execution
                        .begin()
                        .whenComplete((v, error) -> {
                            if (error != null) {
                                execution.abort(Futures.unwrap(error)); // releases the manifest
                            }
                        })
                        .thenApply(v -> execution);
            } catch (RuntimeException e) {
                execution.abort(e);
                return CompletableFuture.failedFuture(e);
            }
        });
    }

    /** One run of the sweep in the directory. */
    private final class Execution {
        final DefaultSweep.Prepared prepared;
        final SweepPlan plan;
        final RunManifest manifest;
        final WorkflowRunner runner = sweep.runner();
        final DefaultSweepRun engine;
        final CompletableFuture<RunReport> report = new CompletableFuture<>();
        final long startedNanos;
        final long alreadyDone;
        final int digits;
        final AtomicLong recovered = new AtomicLong();
        final AtomicLong reattached = new AtomicLong();
        final AtomicLong enqueued = new AtomicLong();
        final AtomicLong completed = new AtomicLong();
        final AtomicLong failed = new AtomicLong();
        final AtomicBoolean submitting = new AtomicBoolean(true);
        final List<Ranges> deferred = new ArrayList<>();
        volatile boolean stopped;

        Execution(DefaultSweep.Prepared prepared, RunManifest manifest, long startedNanos) {
            this.prepared = prepared;
            this.plan = prepared.plan();
            this.manifest = manifest;
            this.startedNanos = startedNanos;
            this.alreadyDone = manifest.doneCount();
            this.digits =
                    Math.max(6, String.valueOf(Math.max(0, plan.total() - 1)).length());
            this.engine = new DefaultSweepRun(
                    plan,
                    runner.tracker(),
                    runner.queue(),
                    runner.reader(prepared.snapshot().templates()),
                    this::deliver,
                    eventListeners,
                    this::save);
            engine.onIdle(this::idle);
            engine.completionAsync().whenComplete((status, error) -> finish(error));
        }

        /** Picks up the earlier submissions, then enqueues what is left. */
        CompletableFuture<Void> begin() {
            BitSet claimed = new BitSet();
            return recover(claimed).thenCompose(v -> {
                List<Ranges> bySegment = remaining(claimed);
                return submitAll(bySegment);
            });
        }

        // -----------------------------------------------------------------------------------------------------
        // recovery

        private CompletableFuture<Void> recover(BitSet claimed) {
            CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
            for (RunManifest.Submission s : manifest.submissions()) {
                chain = chain.thenCompose(v -> itemsOf(s).thenCompose(ids -> reclaim(s, ids, claimed)));
            }
            return chain;
        }

        /** The items of an earlier enqueue: from the manifest, or found by batch id if the client died sending it. */
        private CompletableFuture<Ranges> itemsOf(RunManifest.Submission s) {
            if (s.itemIds != null) {
                return CompletableFuture.completedFuture(s.itemIds);
            }
            return runner.queue().itemsAsync().thenApply(items -> {
                Ranges ids = new Ranges();
                items.stream()
                        .filter(i -> s.batchId.equals(i.batchId()))
                        .mapToLong(QueueItem::itemId)
                        .sorted()
                        .forEach(ids::add);
                return ids;
            });
        }

        private CompletableFuture<Void> reclaim(RunManifest.Submission s, Ranges ids, BitSet claimed) {
            List<Long> candidates = new ArrayList<>();
            Map<Long, Long> indexOf = new LinkedHashMap<>();
            long n = Math.min(ids.size(), s.indices.size());
            for (long p = 0; p < n; p++) {
                long index = s.indices.get(p);
                if (!manifest.isDone(index) && !claimed.get((int) index)) {
                    long item = ids.get(p);
                    candidates.add(item);
                    indexOf.put(item, index);
                }
            }
            if (candidates.isEmpty()) {
                return CompletableFuture.completedFuture(null);
            }
            return runner.queue().summaries(candidates).thenAccept(items -> {
                for (QueueItem item : items) {
                    Long index = indexOf.get(item.itemId());
                    if (index == null || !s.batchId.equals(item.batchId()) || claimed.get(index.intValue())) {
                        continue; // not ours (e.g. a fresh server reused the id)
                    }
                    JobStatus status = item.status();
                    if (status == JobStatus.COMPLETED) {
                        recovered.incrementAndGet();
                    } else if (!status.isTerminal()) {
                        reattached.incrementAndGet();
                    } else {
                        continue; // failed or canceled: enqueued again
                    }
                    claimed.set(index.intValue());
                    engine.follow(s.batchId, item.itemId(), index);
                }
            });
        }

        /** The points neither done nor picked up, grouped by segment, ascending. */
        private List<Ranges> remaining(BitSet claimed) {
            Map<Long, Ranges> bySegment = new LinkedHashMap<>();
            for (long index = 0; index < plan.total(); index++) {
                if (!manifest.isDone(index) && !claimed.get((int) index)) {
                    bySegment
                            .computeIfAbsent(plan.segmentOf(index), k -> new Ranges())
                            .add(index);
                }
            }
            List<Ranges> out = new ArrayList<>();
            bySegment.forEach((segment, indices) -> out.add(indices));
            return out;
        }

        // -----------------------------------------------------------------------------------------------------
        // enqueueing

        private CompletableFuture<Void> submitAll(List<Ranges> bySegment) {
            CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
            for (Ranges indices : bySegment) {
                chain = chain.thenCompose(v -> submit(indices));
            }
            return chain.whenComplete((v, error) -> {
                submitting.set(false);
                if (error == null) {
                    afterSubmitting();
                }
            });
        }

        /** One enqueue for points of one segment; what the queue limit drops is deferred. */
        private CompletableFuture<Void> submit(Ranges indices) {
            if (stopped || indices.isEmpty()) {
                return CompletableFuture.completedFuture(null);
            }
            long segment = plan.segmentOf(indices.get(0));
            Ranges whole = plan.segmentIndices(segment);
            boolean fresh = whole.size() == indices.size();
            Ranges order = fresh ? whole : indices;
            String batchId = UUID.randomUUID().toString();
            var body = prepared.request(segment, fresh ? Optional.empty() : Optional.of(indices), batchId);
            manifest.submit(batchId, order);
            return runner.enqueueRaw(body).thenAccept(result -> {
                Ranges ids = DefaultSweep.ascending(result);
                String id = result.batch() == null ? batchId : result.batch().batchId();
                long requested = result.requested() == null ? order.size() : result.requested();
                manifest.enqueued(id, requested, ids.size(), ids);
                engine.enqueued(id, requested, ids.size());
                enqueued.addAndGet(ids.size());
                engine.follow(id, ids, order::get);
                if (ids.size() < order.size()) {
                    LOG.info(
                            "The server's queue limit accepted {} of {} items; the rest are sent as the queue drains",
                            ids.size(),
                            order.size());
                    synchronized (deferred) {
                        deferred.add(order.tail(ids.size()));
                    }
                }
            });
        }

        private void afterSubmitting() {
            synchronized (deferred) {
                if (deferred.isEmpty()) {
                    engine.seal();
                    return;
                }
            }
            if (engine.finishedCount() >= engine.followedCount()) {
                idle();
            }
        }

        /** Everything followed has finished: send what the queue limit dropped, or end. */
        private void idle() {
            if (submitting.get() || stopped) {
                return;
            }
            List<Ranges> next;
            synchronized (deferred) {
                if (deferred.isEmpty()) {
                    return;
                }
                next = new ArrayList<>(deferred);
                deferred.clear();
            }
            if (!submitting.compareAndSet(false, true)) {
                synchronized (deferred) {
                    deferred.addAll(0, next);
                }
                return;
            }
            long before = enqueued.get();
            submitAll(next).whenComplete((v, error) -> {
                if (error != null) {
                    engine.fail(error);
                } else if (enqueued.get() == before) {
                    // the queue is full of other items: try again a little later
                    CompletableFuture.delayedExecutor(FULL_QUEUE_BACKOFF_MILLIS, TimeUnit.MILLISECONDS)
                            .execute(this::idle);
                }
            });
        }

        // -----------------------------------------------------------------------------------------------------
        // results

        /** Saves a completed item's images under names made from its index, then records it as done. */
        private CompletableFuture<SweepResult> save(SweepResult r) {
            if (stopped) {
                return CompletableFuture.completedFuture(r);
            }
            if (!r.succeeded()) {
                failed.incrementAndGet();
                try {
                    manifest.failed(
                            r.index(),
                            r.itemId(),
                            r.status(),
                            r.error().map(Throwable::getMessage).orElse(null));
                } catch (RuntimeException e) {
                    LOG.debug("Cannot record failed item {}", r.itemId(), e);
                }
                return CompletableFuture.completedFuture(r);
            }
            if (manifest.isDone(r.index())) {
                return CompletableFuture.completedFuture(r); // ran twice (an earlier run's duplicate): keep the first
            }
            List<InvokeAIImage> images = r.result().orElseThrow().images();
            List<CompletableFuture<Path>> files = new ArrayList<>();
            for (int i = 0; i < images.size(); i++) {
                InvokeAIImage image = images.get(i);
                Path target = manifest.directory().resolve(fileName(r.index(), i, image.imageName()));
                files.add(image.bytesAsync().thenApply(bytes -> SafeFiles.writeAtomically(target, bytes)));
            }
            return CompletableFuture.allOf(files.toArray(CompletableFuture[]::new))
                    .thenApply(v -> {
                        List<Path> paths =
                                files.stream().map(CompletableFuture::join).toList();
                        if (stopped) {
                            return r;
                        }
                        boolean recorded = manifest.done(
                                r.index(),
                                r.itemId(),
                                paths.stream()
                                        .map(p -> p.getFileName().toString())
                                        .toList(),
                                r.inputs());
                        if (recorded) {
                            completed.incrementAndGet();
                        }
                        return new SweepResult(
                                r.index(), r.run(), r.inputs(), r.itemId(), r.status(), r.result(), r.error(), paths);
                    })
                    .whenComplete((v, error) -> {
                        if (error != null) {
                            failed.incrementAndGet();
                        }
                    });
        }

        String fileName(long index, int ordinal, String imageName) {
            int dot = imageName.lastIndexOf('.');
            String extension = dot > 0 ? imageName.substring(dot).toLowerCase(Locale.ROOT) : ".png";
            if (!extension.matches("\\.[a-z0-9]{1,5}")) {
                extension = ".png";
            }
            String number = String.format(Locale.ROOT, "%0" + digits + "d", index);
            return "item-" + number + (ordinal == 0 ? "" : "-" + ordinal) + extension;
        }

        private void deliver(SweepResult r) {
            if (!stopped) {
                listener.accept(r);
            }
        }

        private void finish(Throwable error) {
            manifest.close();
            if (error != null) {
                report.completeExceptionally(error);
                return;
            }
            report.complete(new RunReport(
                    plan.total(),
                    alreadyDone,
                    recovered.get(),
                    reattached.get(),
                    enqueued.get(),
                    completed.get(),
                    failed.get(),
                    manifest.directory().resolve(RunManifest.FILE),
                    Duration.ofNanos(System.nanoTime() - startedNanos)));
        }

        /** Stops recording (after a timeout): what is done stays done; queued items wait for the next run. */
        void stop() {
            stopped = true;
            engine.fail(new InvokeAIException("The run was stopped"));
        }

        void abort(Throwable error) {
            stopped = true;
            engine.fail(error);
        }
    }
}
