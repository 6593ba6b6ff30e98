package io.invokeai.client.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.invokeai.client.InvokeAIException;
import io.invokeai.client.InvokeAIField;
import io.invokeai.client.JobStatus;
import jakarta.json.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunManifestTest {
    @TempDir
    Path dir;

    private static final Map<String, InvokeAIField<?>> INPUTS =
            Map.of("Width", new SweepPlanTest.Value(Json.createValue(16)));

    private RunManifest open() {
        return RunManifest.open(dir, "f00d", 6, "wf", List.of("Width"));
    }

    private void output(String name) throws Exception {
        Files.write(dir.resolve(name), new byte[] {1, 2, 3});
    }

    @Test
    void whatIsRecordedIsReadBackByTheNextRun() throws Exception {
        try (RunManifest m = open()) {
            m.submit("b1", Ranges.span(0, 5));
            m.enqueued("b1", 6, 6, Ranges.span(100, 105));
            output("item-000002.png");
            assertThat(m.done(2, 102, List.of("item-000002.png"), INPUTS)).isTrue();
            assertThat(m.done(2, 102, List.of("item-000002.png"), INPUTS))
                    .as("recorded once")
                    .isFalse();
            m.failed(3, 103, JobStatus.FAILED, "boom");
        }

        try (RunManifest again = open()) {
            assertThat(again.doneCount()).isEqualTo(1);
            assertThat(again.isDone(2)).isTrue();
            assertThat(again.isDone(3)).as("a failure is retried").isFalse();
            assertThat(again.submissions()).singleElement().satisfies(s -> {
                assertThat(s.batchId).isEqualTo("b1");
                assertThat(s.indices.toJson().toString()).isEqualTo("[[0,5]]");
                assertThat(s.itemIds.toJson().toString()).isEqualTo("[[100,105]]");
            });
        }
    }

    @Test
    void anItemWhoseOutputIsMissingIsNotDone() throws Exception {
        try (RunManifest m = open()) {
            output("item-000001.png");
            m.done(1, 101, List.of("item-000001.png"), INPUTS);
        }
        Files.delete(dir.resolve("item-000001.png"));

        try (RunManifest again = open()) {
            assertThat(again.isDone(1)).isFalse();
        }
    }

    @Test
    void aLineTornByACrashIsCutAndTheRestIsKept() throws Exception {
        try (RunManifest m = open()) {
            output("item-000000.png");
            m.done(0, 100, List.of("item-000000.png"), INPUTS);
        }
        Files.writeString(
                dir.resolve(RunManifest.FILE),
                "{\"type\":\"done\",\"index\":1,\"item_",
                StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);

        try (RunManifest again = open()) {
            assertThat(again.doneCount()).isEqualTo(1);
            output("item-000004.png");
            again.done(4, 104, List.of("item-000004.png"), INPUTS);
        }
        List<String> lines = Files.readAllLines(dir.resolve(RunManifest.FILE));
        assertThat(lines).allSatisfy(l -> assertThat(l).startsWith("{").endsWith("}"));
        try (RunManifest third = open()) {
            assertThat(third.doneCount()).isEqualTo(2);
        }
    }

    @Test
    void aDifferentSweepIsRefused() {
        open().close();

        assertThatThrownBy(() -> RunManifest.open(dir, "beef", 6, "wf", List.of("Width")))
                .isInstanceOf(InvokeAIException.class)
                .hasMessageContaining("holds a different run")
                .hasMessageContaining("Use another directory");
        assertThatThrownBy(() -> RunManifest.open(dir, "f00d", 7, "wf", List.of("Width")))
                .isInstanceOf(InvokeAIException.class);
    }

    @Test
    void twoRunsCannotShareADirectory() {
        RunManifest first = open();
        try {
            assertThatThrownBy(this::open)
                    .isInstanceOf(InvokeAIException.class)
                    .hasMessageContaining("Another run is using");
            assertThat(first.doneCount()).isZero();
        } finally {
            first.close();
        }
        open().close(); // free again
    }

    @Test
    void partialDownloadsOfAKilledRunAreRemoved() throws Exception {
        Path part = dir.resolve(RunManifest.TEMP_PREFIX + "123.part");
        Files.write(part, new byte[] {1});
        output("keep.png");

        open().close();

        assertThat(part).doesNotExist();
        assertThat(dir.resolve("keep.png")).exists();
    }
}
