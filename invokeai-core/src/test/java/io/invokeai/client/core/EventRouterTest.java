package io.invokeai.client.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.invokeai.client.BatchStatus;
import io.invokeai.client.ProgressEvent;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

class EventRouterTest {

    private static JsonObject progress(String message, Double percentage, JsonObject invocation) {
        var p = Json.createObjectBuilder()
                .add("item_id", 7)
                .add("invocation_source_id", "denoise")
                .add("message", message)
                .add("invocation", invocation);
        if (percentage != null) {
            p.add("percentage", percentage);
        }
        return p.build();
    }

    @Test
    void denoisingProgressGetsItsStepFromThePercentageAndTheNodesSteps() {
        JsonObject denoise = Json.createObjectBuilder()
                .add("type", "denoise_latents")
                .add("steps", 30)
                .add("denoising_start", 0)
                .add("denoising_end", 1)
                .build();

        ProgressEvent p = EventRouter.progress(7, progress("Denoising", 0.4, denoise));

        assertThat(p.step()).contains(12);
        assertThat(p.totalSteps()).contains(30);
        assertThat(p.nodeType()).isEqualTo("denoise_latents");
        assertThat(p.nodeId()).isEqualTo("denoise");
    }

    @Test
    void aPartialScheduleGivesNoStepsButThePercentage() {
        JsonObject denoise = Json.createObjectBuilder()
                .add("type", "denoise_latents")
                .add("steps", 30)
                .add("denoising_start", 0.5)
                .build();

        ProgressEvent p = EventRouter.progress(7, progress("Denoising", 0.4, denoise));

        assertThat(p.step()).isEmpty();
        assertThat(p.percentage()).contains(0.4);
    }

    @Test
    void aMessageWithStepsWins() {
        JsonObject node =
                Json.createObjectBuilder().add("type", "x").add("steps", 99).build();

        ProgressEvent p = EventRouter.progress(7, progress("Upscaling tile 3/8", 0.375, node));

        assertThat(p.step()).contains(3);
        assertThat(p.totalSteps()).contains(8);
    }

    @Test
    void aLoadingMessageHasNoSteps() {
        JsonObject node = Json.createObjectBuilder()
                .add("type", "denoise_latents")
                .add("steps", 30)
                .build();

        ProgressEvent p = EventRouter.progress(7, progress("Loading UNet", null, node));

        assertThat(p.step()).isEmpty();
        assertThat(p.percentage()).isEmpty();
    }

    @Test
    void theBatchPollWindowCoversWhatFinishedAndWhatRuns() {
        BatchStatus status = new BatchStatus("b", 90, 1, 0, 5, 0, 0, 96);

        assertThat(JobTracker.windowSize(status, 4, 95)).isEqualTo(4 + 1 + JobTracker.BATCH_POLL_MARGIN);
        assertThat(JobTracker.windowSize(status, 90, 95)).isEqualTo(95);
    }
}
