/** The InvokeAI client implementation: workflow engine, Jetty transport with retry and caching, event stream. */
module io.invokeai.client.core {
    requires transitive io.invokeai.client.api;
    requires org.eclipse.jetty.client;
    requires org.eclipse.jetty.websocket.core.client;
    requires jakarta.json.bind;
    requires com.github.benmanes.caffeine;
    requires io.github.resilience4j.core;
    requires io.github.resilience4j.retry;
    requires io.github.resilience4j.circuitbreaker;
    requires org.slf4j;

    // Yasson reads the server's DTO records through a public lookup, which only an unqualified export allows
    // (a qualified export or opens is not enough). The package holds wire records only; it is not supported API.
    exports io.invokeai.client.core.wire;

    uses io.invokeai.client.spi.FieldTypeProvider;
    uses io.invokeai.client.spi.TaskRecipeProvider;

    provides io.invokeai.client.spi.ClientFactory with
            io.invokeai.client.core.JettyClientFactory;
}
