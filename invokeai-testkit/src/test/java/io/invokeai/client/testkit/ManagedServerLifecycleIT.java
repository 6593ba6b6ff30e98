package io.invokeai.client.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Its own servers, not the shared one: start (with a custom node pack), answer, stop, and leave nothing behind. */
class ManagedServerLifecycleIT {

    /** A plugin under test, as a third party would ship it: a node pack folder. */
    private static final String NODE_PACK = """
            from invokeai.invocation_api import BaseInvocation, InputField, IntegerOutput, InvocationContext, invocation


            @invocation("testkit_double", title="Double", tags=["testkit"], category="testkit", version="1.0.0")
            class DoubleInvocation(BaseInvocation):
                value: int = InputField(default=0)

                def invoke(self, context: InvocationContext) -> IntegerOutput:
                    return IntegerOutput(value=self.value * 2)
            """;

    @Test
    void startsAnswersAndLeavesNoProcessBehind(@TempDir Path workDir) throws Exception {
        Path pack = Files.createDirectories(workDir.resolve("testkit_nodes"));
        Files.writeString(pack.resolve("__init__.py"), NODE_PACK);
        ManagedInvokeAIServer server =
                ManagedInvokeAIServer.builder().customNodes(pack).build();
        ProcessHandle process;
        List<ProcessHandle> descendants;
        Path root;
        try (server) {
            long started = System.nanoTime();
            server.start();
            System.out.printf("[timing] managed server start: %.1f s%n", (System.nanoTime() - started) / 1e9);

            assertThat(server.version()).isEqualTo(ManagedInvokeAIServer.DEFAULT_VERSION);
            assertThat(new Api(server).get("/api/v1/app/version").asJsonObject().getString("version"))
                    .isEqualTo("6.14.2");
            assertThat(server.managed()).isTrue();
            assertThat(server.isRunning()).isTrue();
            assertThat(server.baseUrl().getHost()).isEqualTo("127.0.0.1");
            assertThat(Files.readString(server.logFile().orElseThrow()))
                    .contains("Invoke running on " + server.baseUrl());
            assertThat(server.toString()).contains("running at " + server.baseUrl());

            JsonObject item = new Api(server)
                    .run(new Graph()
                            .node("double", "testkit_double", "value", 21)
                            .toJson());
            assertThat(Api.result(item, "double").getInt("value"))
                    .as("custom node ran")
                    .isEqualTo(42);

            process = server.process().orElseThrow();
            descendants = process.descendants().toList();
            root = server.rootDir().orElseThrow();
            assertThat(process.isAlive()).isTrue();
            assertThat(root).isDirectory();
        }

        assertThat(process.isAlive()).as("server pid %d", process.pid()).isFalse();
        assertThat(descendants)
                .allSatisfy(child -> assertThat(child.isAlive())
                        .as("descendant pid %d", child.pid())
                        .isFalse());
        assertThat(root).as("temporary root is deleted").doesNotExist();
        assertThat(server.isRunning()).isFalse();
        assertThat(server.toString()).contains("stopped");
        assertThatThrownBy(server::baseUrl).isInstanceOf(IllegalStateException.class);
        server.stop(); // idempotent
        assertThatThrownBy(server::start).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void startUpFailureReportsTheServerLog() {
        ManagedInvokeAIServer.Builder builder = ManagedInvokeAIServer.builder().setting("precision", "not-a-precision");

        assertThatThrownBy(builder::start)
                .isInstanceOf(InvokeAIServerException.class)
                .hasMessageContaining("did not start")
                .hasMessageContaining("last lines of")
                .hasMessageContaining("not-a-precision");
    }
}
