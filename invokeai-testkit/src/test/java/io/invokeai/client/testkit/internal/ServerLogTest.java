package io.invokeai.client.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerLogTest {

    @Test
    void parsesTheStartUpAnnouncement() {
        String line = "[2026-12-04 16:09:21,245]::[InvokeAI]::INFO --> Invoke running on http://127.0.0.1:59559"
                + " (Press CTRL+C to quit)";
        assertThat(ServerLog.parseRunningOn(line)).contains(URI.create("http://127.0.0.1:59559"));
    }

    @Test
    void mapsAWildcardBindAddressToLoopback() {
        assertThat(ServerLog.parseRunningOn("Invoke running on http://0.0.0.0:9091 (Press CTRL+C to quit)"))
                .contains(URI.create("http://127.0.0.1:9091"));
    }

    @Test
    void ignoresOtherLinesAndBadPorts() {
        assertThat(ServerLog.parseRunningOn("INFO --> Using torch device: CPU")).isEmpty();
        assertThat(ServerLog.parseRunningOn("Invoke running on http://127.0.0.1:99999"))
                .isEmpty();
        assertThat(ServerLog.parseRunningOn("Invoke running on http://127.0.0.1"))
                .isEmpty();
    }

    @Test
    void findsTheFirstAnnouncementInTheLog(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("server.log");
        Files.writeString(
                log,
                "Using torch device: CPU\r\nHashing x: 0%|\rHashing x: 100%|\n"
                        + "Invoke running on http://127.0.0.1:40001 (Press CTRL+C to quit)\n"
                        + "Invoke running on http://127.0.0.1:40002 (Press CTRL+C to quit)\n");
        assertThat(ServerLog.findRunningOn(ServerLog.readLines(log))).contains(URI.create("http://127.0.0.1:40001"));
    }

    @Test
    void aRestartOnTheSameRootReadsOnlyItsOwnAnnouncement(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("server.log");
        Files.writeString(log, "Invoke running on http://127.0.0.1:40001 (Press CTRL+C to quit)\nShutting down\n");
        long restartedAt = Files.size(log);
        Files.writeString(
                log, "Invoke running on http://127.0.0.1:40007 (Press CTRL+C to quit)\n", StandardOpenOption.APPEND);
        assertThat(ServerLog.findRunningOn(ServerLog.readLines(log, restartedAt)))
                .contains(URI.create("http://127.0.0.1:40007"));
        assertThat(ServerLog.findRunningOn(ServerLog.readLines(log))).contains(URI.create("http://127.0.0.1:40001"));
    }

    @Test
    void tailKeepsTheLastLines(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("server.log");
        Files.write(log, List.of("1", "2", "3", "4"));
        assertThat(ServerLog.tail(log, 2)).isEqualTo("3" + System.lineSeparator() + "4");
        assertThat(ServerLog.tail(dir.resolve("missing.log"), 2)).isEmpty();
    }
}
