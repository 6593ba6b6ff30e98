package io.invokeai.client.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.invokeai.client.testkit.InvokeAIServer;
import io.invokeai.client.testkit.InvokeAITest;
import org.junit.jupiter.api.Test;

/**
 * Runs the benchmarks in their short mode against a real server, so that every build shows they still work. It
 * asserts nothing about speed: the figures of a short run on a shared CI machine mean little.
 */
@InvokeAITest
class BenchmarksIT {

    @Test
    void theShortModeRunsAndPrintsItsTable(InvokeAIServer server) {
        server.cleanState();
        Benchmarks.Report report = Benchmarks.run(server.baseUrl(), Benchmarks.Options.quick(), System.out);

        String table = report.table();
        System.out.println(table);
        assertThat(report.rows())
                .extracting(Benchmarks.Row::benchmark)
                .contains("per-job overhead", "sweep throughput", "client heap");
        assertThat(table).contains("client vs floor").contains("server idle between items (median)");
    }
}
