package io.invokeai.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ConsoleProgressBarTest {
    private final AtomicLong now = new AtomicLong();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private ConsoleProgressBar bar(boolean interactive) {
        return new ConsoleProgressBar(new PrintStream(out, true, StandardCharsets.UTF_8), interactive, now::get);
    }

    private static ProgressEvent denoising(long item, int step, int total) {
        return new ProgressEvent(
                item,
                "denoise",
                "denoise_latents",
                "Denoising",
                Optional.of(step / (double) total),
                Optional.of(step),
                Optional.of(total),
                Optional.empty());
    }

    @Test
    void oneJobShowsItsSteps() {
        ConsoleProgressBar bar = bar(true);
        bar.accept(denoising(7, 3, 10));

        assertThat(bar.render())
                .startsWith("[#########---------------------]  30%")
                .contains("item 7 Denoising 3/10");
        bar.accept(new JobEvent.StatusChanged(7, JobStatus.COMPLETED));
        assertThat(bar.render()).contains("100%").doesNotContain("Denoising");
    }

    @Test
    void aSweepShowsItemsRateAndTimeLeft() {
        ConsoleProgressBar bar = bar(true).items(4);
        now.set(2_000_000_000L);
        bar.accept(new JobEvent.StatusChanged(1, JobStatus.COMPLETED));
        bar.accept(new JobEvent.StatusChanged(2, JobStatus.FAILED));

        assertThat(bar.render())
                .startsWith("[###############---------------] 2/4 items (1 failed)")
                .contains("1.00 items/s")
                .contains("2s left");
    }

    @Test
    void redrawsInPlaceAtMostTenTimesASecond() {
        ConsoleProgressBar bar = bar(true);
        for (int step = 0; step <= 10; step++) {
            bar.accept(denoising(1, step, 10)); // all at the same instant
        }
        bar.close();

        String drawn = out.toString(StandardCharsets.UTF_8);
        assertThat(drawn.chars().filter(c -> c == '\r').count()).isEqualTo(2); // the first and the final draw
        assertThat(drawn).endsWith(System.lineSeparator());
    }

    @Test
    void everyNewPhaseIsDrawnEvenWithinTheThrottle() {
        ConsoleProgressBar bar = bar(true);
        bar.accept(new JobEvent.NodeStarted(1, "loader", "sdxl_model_loader"));
        bar.accept(denoising(1, 1, 3)); // same instant, but a new phase
        bar.accept(denoising(1, 2, 3)); // same phase: throttled

        String drawn = out.toString(StandardCharsets.UTF_8);
        assertThat(drawn)
                .contains("sdxl_model_loader")
                .contains("Denoising 1/3")
                .doesNotContain("Denoising 2/3");
    }

    @Test
    void withoutATerminalItPrintsPlainLinesNowAndThen() {
        ConsoleProgressBar bar = bar(false).items(100);
        for (int i = 0; i < 100; i++) {
            now.addAndGet(100_000_000L); // 10 s in all
            bar.accept(new JobEvent.StatusChanged(i, JobStatus.COMPLETED));
        }

        String drawn = out.toString(StandardCharsets.UTF_8);
        assertThat(drawn).doesNotContain("\r");
        assertThat(drawn.lines().count()).isBetween(2L, 3L);
    }
}
