package io.invokeai.client;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * A ready progress bar for the console, fed with {@link JobEvent}s: register it as the event listener of a job,
 * a sweep or a resumable run.
 *
 * <pre>{@code
 * try (var bar = ConsoleProgressBar.create()) {
 *     job.onEvent(bar);                    // one job: its denoising steps
 *     job.await(Duration.ofMinutes(5));
 * }
 * try (var bar = ConsoleProgressBar.create().items(sweep.size())) {
 *     sweep.onEvent(bar).submit().await(Duration.ofHours(2));   // items done, rate, time left
 * }
 * }</pre>
 *
 * <p>On a terminal it redraws one line ({@code \r}) at most 10 times a second; when the output is not a terminal
 * (logs, CI) it prints a plain line at most every 5 seconds. Thread-safe; drawing never throws.
 */
public final class ConsoleProgressBar implements Consumer<JobEvent>, AutoCloseable {
    private static final int WIDTH = 30;

    private final PrintStream out;
    private final boolean interactive;
    private final LongSupplier clock;
    private final long startNanos;
    private long totalItems = 1;
    private long finishedItems;
    private long failedItems;
    private long currentItem = -1;
    private String currentNode = "";
    private int step;
    private int totalSteps;
    private double percentage = -1;
    private long lastDrawNanos;
    private int lastLength;
    private boolean closed;

    ConsoleProgressBar(PrintStream out, boolean interactive, LongSupplier clock) {
        this.out = out;
        this.interactive = interactive;
        this.clock = clock;
        this.startNanos = clock.getAsLong();
        this.lastDrawNanos = startNanos - Duration.ofHours(1).toNanos();
    }

    /** A bar on {@code System.err}, redrawing in place when the JVM has a console. */
    public static ConsoleProgressBar create() {
        return create(System.err, System.console() != null);
    }

    /**
     * A bar on {@code out}.
     *
     * @param interactive redraw one line in place ({@code \r}); otherwise print plain lines now and then
     */
    public static ConsoleProgressBar create(PrintStream out, boolean interactive) {
        return new ConsoleProgressBar(out, interactive, System::nanoTime);
    }

    /** How many items the bar counts to (a sweep's {@link Sweep#size()}); default 1. */
    public synchronized ConsoleProgressBar items(long total) {
        if (total < 1) {
            throw new IllegalArgumentException("total must be positive, was " + total);
        }
        this.totalItems = total;
        return this;
    }

    @Override
    public void accept(JobEvent event) {
        synchronized (this) {
            if (closed) {
                return;
            }
            String nodeBefore = currentNode;
            if (event instanceof ProgressEvent p) {
                currentItem = p.itemId();
                currentNode = p.message().isEmpty() ? p.nodeType() : p.message();
                percentage = p.percentage().orElse(-1.0);
                step = p.step().orElse(0);
                totalSteps = p.totalSteps().orElse(0);
            } else if (event instanceof JobEvent.NodeStarted s) {
                currentItem = s.itemId();
                currentNode = s.nodeType();
                percentage = -1;
                totalSteps = 0;
            } else if (event instanceof JobEvent.StatusChanged c && c.status().isTerminal()) {
                finishedItems++;
                if (c.status() != JobStatus.COMPLETED) {
                    failedItems++;
                }
                if (c.itemId() == currentItem) {
                    currentItem = -1;
                    currentNode = "";
                    percentage = -1;
                    totalSteps = 0;
                }
            } else {
                return;
            }
            // in a terminal a new phase (node or message) is always shown; only progress within it is throttled
            draw(interactive && !currentNode.equals(nodeBefore));
        }
    }

    /** The line as it would be drawn now. */
    synchronized String render() {
        double itemFraction = Math.min(1.0, (double) finishedItems / totalItems);
        double fraction = totalItems == 1 && finishedItems == 0 && percentage >= 0 ? percentage : itemFraction;
        int filled = (int) Math.round(fraction * WIDTH);
        StringBuilder line = new StringBuilder("[");
        line.append("#".repeat(filled)).append("-".repeat(WIDTH - filled)).append("] ");
        if (totalItems > 1) {
            line.append(finishedItems).append('/').append(totalItems).append(" items");
            if (failedItems > 0) {
                line.append(" (").append(failedItems).append(" failed)");
            }
        } else {
            line.append(String.format(Locale.ROOT, "%3.0f%%", fraction * 100));
        }
        if (currentItem >= 0 && !currentNode.isEmpty()) {
            line.append(" | item ").append(currentItem).append(' ').append(currentNode);
            if (totalSteps > 0) {
                line.append(' ').append(step).append('/').append(totalSteps);
            } else if (percentage >= 0) {
                line.append(String.format(Locale.ROOT, " %.0f%%", percentage * 100));
            }
        }
        double seconds = (clock.getAsLong() - startNanos) / 1e9;
        if (totalItems > 1 && finishedItems > 0 && seconds > 0) {
            double rate = finishedItems / seconds;
            line.append(String.format(Locale.ROOT, " | %.2f items/s", rate));
            if (finishedItems < totalItems) {
                line.append(" | ")
                        .append(format((long) ((totalItems - finishedItems) / rate)))
                        .append(" left");
            }
        }
        line.append(" | ").append(format((long) seconds));
        return line.toString();
    }

    private void draw(boolean force) {
        long now = clock.getAsLong();
        long minGap = interactive ? 100_000_000L : 5_000_000_000L;
        if (!force && now - lastDrawNanos < minGap) {
            return;
        }
        lastDrawNanos = now;
        try {
            String line = render();
            if (interactive) {
                int pad = Math.max(0, lastLength - line.length());
                out.print("\r" + line + " ".repeat(pad));
                lastLength = line.length();
            } else {
                out.println(line);
            }
            out.flush();
        } catch (RuntimeException e) {
            // drawing is best effort
        }
    }

    private static String format(long seconds) {
        long h = seconds / 3600;
        long m = (seconds % 3600) / 60;
        long s = seconds % 60;
        return h > 0
                ? String.format(Locale.ROOT, "%dh%02dm%02ds", h, m, s)
                : m > 0 ? String.format(Locale.ROOT, "%dm%02ds", m, s) : s + "s";
    }

    /** Draws the final state and ends the line. Later events are ignored. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        draw(true);
        if (interactive) {
            out.println();
        }
        out.flush();
        closed = true;
    }
}
