package io.invokeai.client.benchmarks;

import io.invokeai.client.ClientWorkflow;
import io.invokeai.client.InvokeAIClient;
import io.invokeai.client.Job;
import io.invokeai.client.JobResult;
import io.invokeai.client.QueueItem;
import io.invokeai.client.Subscription;
import io.invokeai.client.SweepResult;
import io.invokeai.client.SweepRun;
import io.invokeai.client.testkit.ManagedInvokeAIServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Benchmarks of the client against a real InvokeAI server, with a small model-free workflow ({@code bench-blank}: a
 * blank image, blurred, saved). Three measurements, printed as a table:
 *
 * <ol>
 *   <li><b>Per-job overhead</b>: submit, wait, download one job at a time, with this client and with a minimal
 *       raw-HTTP loop (the floor), alternated in one run so that both see the same server. Target: the client's
 *       median within 10% of the floor's.
 *   <li><b>Sweep throughput</b>: one sweep of many items; items per second from submit to the last result, and the
 *       server's idle time between consecutive items (from their {@code started_at}/{@code completed_at}). Target:
 *       median idle gap under 20 ms.
 *   <li><b>Client heap</b> for planning and tracking a 10,000-item sweep (the processor paused, so every item stays
 *       open): live heap after garbage collection, before and while the sweep is followed. Target: under 64 MB.
 * </ol>
 *
 * Nothing here fails on a missed target: the figures are printed, and {@code --short} runs everything small and
 * fast, for CI. Usage:
 *
 * <pre>
 * Benchmarks [--short] [--url http://host:port] [--rounds N] [--items N] [--heap-items N] [--raw-poll-ms N]
 * </pre>
 *
 * Without {@code --url} a managed server is started with the testkit (and stopped at the end). The heap benchmark
 * pauses the server's processor while it runs and cancels its sweep: use a server no one else is using.
 */
public final class Benchmarks {
    private static final String WORKFLOW = "/workflows/bench-blank.json";

    private Benchmarks() {}

    /**
     * What to run.
     *
     * @param rounds jobs per side in the overhead benchmark (after one warm-up job each)
     * @param sweepItems items of the throughput sweep
     * @param heapItems items of the heap sweep (rounded to a product of widths and radii)
     * @param rawPoll the raw loop's polling interval
     */
    public record Options(int rounds, int sweepItems, int heapItems, Duration rawPoll) {
        /** The figures the issue asks for: 30 jobs a side, 200 sweep items, 10,000 heap items. */
        public static Options full() {
            return new Options(30, 200, 10_000, Duration.ofMillis(10));
        }

        /** Small and quick, for CI: it must run, the figures mean little. */
        public static Options quick() {
            return new Options(3, 12, 1_000, Duration.ofMillis(10));
        }
    }

    /** One line of the table. */
    public record Row(String benchmark, String measure, String value, String target) {}

    /** The figures of a run. */
    public record Report(List<Row> rows) {
        public Report {
            rows = List.copyOf(rows);
        }

        /** The rows as an aligned text table. */
        public String table() {
            String[] head = {"benchmark", "measure", "value", "target"};
            int[] w = new int[4];
            for (int i = 0; i < 4; i++) {
                w[i] = head[i].length();
            }
            for (Row r : rows) {
                w[0] = Math.max(w[0], r.benchmark().length());
                w[1] = Math.max(w[1], r.measure().length());
                w[2] = Math.max(w[2], r.value().length());
                w[3] = Math.max(w[3], r.target().length());
            }
            StringBuilder out = new StringBuilder();
            String format = "| %-" + w[0] + "s | %-" + w[1] + "s | %" + w[2] + "s | %-" + w[3] + "s |%n";
            out.append(String.format(Locale.ROOT, format, (Object[]) head));
            out.append(String.format(
                    Locale.ROOT,
                    "|%s|%s|%s|%s|%n",
                    "-".repeat(w[0] + 2),
                    "-".repeat(w[1] + 2),
                    "-".repeat(w[2] + 1) + ":",
                    "-".repeat(w[3] + 2)));
            String last = "";
            for (Row r : rows) {
                String name = r.benchmark().equals(last) ? "" : r.benchmark();
                last = r.benchmark();
                out.append(String.format(Locale.ROOT, format, name, r.measure(), r.value(), r.target()));
            }
            return out.toString();
        }
    }

    public static void main(String[] args) {
        Options options = Options.full();
        String url = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--short", "-short" -> options = Options.quick();
                case "--url", "-url" -> url = args[++i];
                case "--rounds" ->
                    options = new Options(
                            Integer.parseInt(args[++i]), options.sweepItems(), options.heapItems(), options.rawPoll());
                case "--items" ->
                    options = new Options(
                            options.rounds(), Integer.parseInt(args[++i]), options.heapItems(), options.rawPoll());
                case "--heap-items" ->
                    options = new Options(
                            options.rounds(), options.sweepItems(), Integer.parseInt(args[++i]), options.rawPoll());
                case "--raw-poll-ms" ->
                    options = new Options(
                            options.rounds(),
                            options.sweepItems(),
                            options.heapItems(),
                            Duration.ofMillis(Long.parseLong(args[++i])));
                default -> {
                    System.err.println("usage: Benchmarks [--short] [--url URL] [--rounds N] [--items N]"
                            + " [--heap-items N] [--raw-poll-ms N]");
                    System.exit(2);
                }
            }
        }
        Report report;
        if (url != null) {
            report = run(URI.create(url), options, System.out);
        } else {
            System.out.println("Starting a managed InvokeAI server (the first start provisions it) ...");
            try (ManagedInvokeAIServer server = ManagedInvokeAIServer.builder().start()) {
                report = run(server.baseUrl(), options, System.out);
            }
        }
        System.out.println();
        System.out.print(report.table());
    }

    /** Runs the three benchmarks against a server; progress goes to {@code log}. */
    public static Report run(URI baseUrl, Options options, PrintStream log) {
        String workflowJson = resource(WORKFLOW);
        List<Row> rows = new ArrayList<>();
        try (InvokeAIClient client = InvokeAIClient.builder().baseUrl(baseUrl).build()) {
            log.printf(Locale.ROOT, "InvokeAI %s at %s%n", client.version(), baseUrl);
            rows.addAll(overhead(client, baseUrl, workflowJson, options, log));
            rows.addAll(throughput(client, workflowJson, options, log));
        }
        rows.addAll(heap(baseUrl, workflowJson, options, log));
        return new Report(rows);
    }

    // ---------------------------------------------------------------------------------------------------------
    // 1. per-job overhead

    static List<Row> overhead(
            InvokeAIClient client, URI baseUrl, String workflowJson, Options options, PrintStream log) {
        ClientWorkflow workflow = client.workflowFromJson(workflowJson);
        RawHttpLoop raw = new RawHttpLoop(baseUrl, options.rawPoll(), "save");
        String body = workflow.dryRun().toString();
        LongSupplier clientJob = () -> time(() -> {
            Job job = workflow.submit();
            JobResult result = job.await(Duration.ofMinutes(2));
            check(result.images().get(0).bytes());
        });
        LongSupplier rawJob = () -> time(() -> {
            try {
                check(raw.run(body));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
        log.println("per-job overhead: warming up");
        clientJob.getAsLong();
        rawJob.getAsLong();
        List<Double> ours = new ArrayList<>();
        List<Double> floor = new ArrayList<>();
        for (int i = 0; i < options.rounds(); i++) {
            // alternate which side goes first, so that neither always follows the other's leftovers
            if (i % 2 == 0) {
                ours.add(clientJob.getAsLong() / 1e6);
                floor.add(rawJob.getAsLong() / 1e6);
            } else {
                floor.add(rawJob.getAsLong() / 1e6);
                ours.add(clientJob.getAsLong() / 1e6);
            }
        }
        double oursMedian = median(ours);
        double floorMedian = median(floor);
        double overhead = (oursMedian / floorMedian - 1) * 100;
        log.printf(Locale.ROOT, "per-job overhead: client %.1f ms, floor %.1f ms%n", oursMedian, floorMedian);
        String name = "per-job overhead";
        return List.of(
                new Row(name, "jobs per side (alternated)", Integer.toString(options.rounds()), ""),
                new Row(name, "client: submit, wait, download (median)", ms(oursMedian), ""),
                new Row(name, "client (mean / p90)", ms(mean(ours)) + " / " + ms(percentile(ours, 90)), ""),
                new Row(
                        name,
                        "raw-HTTP floor (median; polls every "
                                + options.rawPoll().toMillis() + " ms)",
                        ms(floorMedian),
                        ""),
                new Row(name, "raw-HTTP floor (mean / p90)", ms(mean(floor)) + " / " + ms(percentile(floor, 90)), ""),
                new Row(
                        name,
                        "client vs floor (medians)",
                        String.format(Locale.ROOT, "%+.1f %%", overhead),
                        "< +10 % " + (overhead < 10 ? "(met)" : "(missed)")));
    }

    // ---------------------------------------------------------------------------------------------------------
    // 2. sweep throughput and server idle time

    static List<Row> throughput(InvokeAIClient client, String workflowJson, Options options, PrintStream log) {
        ClientWorkflow workflow = client.workflowFromJson(workflowJson);
        List<Double> radii = new ArrayList<>();
        for (int i = 0; i < options.sweepItems(); i++) {
            radii.add(0.5 + i * 0.01);
        }
        log.printf(Locale.ROOT, "sweep throughput: %d items%n", radii.size());
        long start = System.nanoTime();
        SweepRun run = workflow.sweep().vary("Blur Radius", radii).submit();
        long submitted = System.nanoTime();
        int ok = 0;
        try (Subscription<SweepResult> results = run.results()) {
            while (results.hasNext()) {
                if (results.next().succeeded()) {
                    ok++;
                }
            }
        }
        long end = System.nanoTime();
        double seconds = (end - start) / 1e9;
        Set<String> batches = Set.copyOf(run.batchIds());
        List<QueueItem> items = new ArrayList<>(client.queue().items().stream()
                .filter(i -> batches.contains(i.batchId()))
                .filter(i -> i.startedAt().isPresent() && i.completedAt().isPresent())
                .toList());
        items.sort(Comparator.comparing(i -> i.startedAt().orElseThrow()));
        List<Long> gaps = new ArrayList<>();
        List<Long> durations = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            durations.add(millisBetween(
                    items.get(i).startedAt().orElseThrow(),
                    items.get(i).completedAt().orElseThrow()));
            if (i > 0) {
                gaps.add(millisBetween(
                        items.get(i - 1).completedAt().orElseThrow(),
                        items.get(i).startedAt().orElseThrow()));
            }
        }
        double gapMedian = gaps.isEmpty() ? Double.NaN : median(gaps);
        log.printf(Locale.ROOT, "sweep throughput: %.2f items/s, median idle gap %.1f ms%n", ok / seconds, gapMedian);
        String name = "sweep throughput";
        return List.of(
                new Row(name, "items (one enqueue)", ok + " of " + radii.size() + " completed", ""),
                new Row(name, "enqueue (submit returned)", ms((submitted - start) / 1e6), ""),
                new Row(name, "wall time, submit to last result", String.format(Locale.ROOT, "%.2f s", seconds), ""),
                new Row(name, "throughput", String.format(Locale.ROOT, "%.2f items/s", ok / seconds), ""),
                new Row(name, "server time per item (median)", ms(durations.isEmpty() ? 0 : median(durations)), ""),
                new Row(
                        name,
                        "server idle between items (median)",
                        ms(gapMedian),
                        "< 20 ms " + (gapMedian < 20 ? "(met)" : "(missed)")),
                new Row(
                        name,
                        "server idle between items (p90 / max)",
                        gaps.isEmpty() ? "-" : ms(percentile(gaps, 90)) + " / " + ms(Collections.max(gaps)),
                        ""));
    }

    /** The server's timestamps are UTC without a zone, e.g. {@code 2026-12-04 16:47:02.952}. */
    static long millisBetween(String from, String to) {
        return Duration.between(parse(from), parse(to)).toMillis();
    }

    private static java.time.Instant parse(String serverTime) {
        return LocalDateTime.parse(serverTime.trim().replace(' ', 'T')).toInstant(ZoneOffset.UTC);
    }

    // ---------------------------------------------------------------------------------------------------------
    // 3. client heap while a large sweep is followed

    static List<Row> heap(URI baseUrl, String workflowJson, Options options, PrintStream log) {
        int radii = Math.max(1, (int) Math.round(Math.sqrt(options.heapItems())));
        int widths = Math.max(1, options.heapItems() / radii);
        long items = (long) widths * radii;
        log.printf(Locale.ROOT, "client heap: a %d-item sweep, processor paused%n", items);
        long baseline;
        long tracking;
        long peakFollowed;
        try (InvokeAIClient client = InvokeAIClient.builder().baseUrl(baseUrl).build()) {
            ClientWorkflow workflow = client.workflowFromJson(workflowJson);
            client.queue().pause();
            try {
                baseline = liveHeap();
                List<Integer> w = new ArrayList<>();
                for (int i = 0; i < widths; i++) {
                    w.add(16 + i);
                }
                List<Double> r = new ArrayList<>();
                for (int i = 0; i < radii; i++) {
                    r.add(0.5 + i * 0.01);
                }
                SweepRun run =
                        workflow.sweep().vary("Width", w).vary("Blur Radius", r).submit();
                peakFollowed = run.enqueued();
                tracking = liveHeap();
                Reference.reachabilityFence(run);
                run.cancel();
                run.await(Duration.ofMinutes(5));
            } finally {
                client.queue().resume();
            }
        }
        double mb = (tracking - baseline) / (1024.0 * 1024.0);
        log.printf(Locale.ROOT, "client heap: %.1f MB for %d items%n", mb, peakFollowed);
        String name = "client heap";
        return List.of(
                new Row(name, "items planned, enqueued and followed", Long.toString(peakFollowed), ""),
                new Row(name, "live heap before the sweep", mb(baseline), ""),
                new Row(name, "live heap while following it", mb(tracking), ""),
                new Row(
                        name,
                        "for planning and tracking the sweep",
                        String.format(Locale.ROOT, "%.1f MB", mb),
                        "< 64 MB " + (mb < 64 ? "(met)" : "(missed)")));
    }

    /** Heap in use after full collections (what is live). */
    static long liveHeap() {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            used = Math.min(
                    used,
                    ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    // ---------------------------------------------------------------------------------------------------------

    private static long time(Runnable job) {
        long t = System.nanoTime();
        job.run();
        return System.nanoTime() - t;
    }

    private static void check(byte[] png) {
        if (png.length < 8 || png[1] != 'P' || png[2] != 'N' || png[3] != 'G') {
            throw new IllegalStateException("the output is not a PNG");
        }
    }

    static double median(List<? extends Number> values) {
        return percentile(values, 50);
    }

    static double percentile(List<? extends Number> values, int p) {
        List<Double> sorted = values.stream().map(Number::doubleValue).sorted().toList();
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        double rank = p / 100.0 * (sorted.size() - 1);
        int lo = (int) Math.floor(rank);
        int hi = (int) Math.ceil(rank);
        return sorted.get(lo) + (sorted.get(hi) - sorted.get(lo)) * (rank - lo);
    }

    static double mean(List<? extends Number> values) {
        return values.stream().mapToDouble(Number::doubleValue).average().orElse(Double.NaN);
    }

    private static String ms(double millis) {
        return String.format(Locale.ROOT, "%.1f ms", millis);
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }

    private static String resource(String name) {
        try (InputStream in = Benchmarks.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
