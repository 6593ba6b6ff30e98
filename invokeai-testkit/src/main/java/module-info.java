/**
 * A real InvokeAI server for tests: provisioning, lifecycle, a JUnit 5 extension and tiny models.
 *
 * <p>Only {@code io.invokeai.client.testkit} is API; {@code internal} may change at any time.
 */
module io.invokeai.client.testkit {
    requires transitive org.junit.jupiter.api;
    requires java.net.http;
    requires jakarta.json;

    exports io.invokeai.client.testkit;
}
