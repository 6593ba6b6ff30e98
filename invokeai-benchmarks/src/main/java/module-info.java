/**
 * Benchmarks of the client against a real InvokeAI server: per-job overhead against a raw-HTTP floor, sweep
 * throughput and the server's idle time between items, client heap for a large sweep. Not published.
 */
module io.invokeai.client.benchmarks {
    requires io.invokeai.client.api;
    requires io.invokeai.client.testkit;
    requires jakarta.json;
    requires java.net.http;
    requires java.management;

    exports io.invokeai.client.benchmarks;
}
