package io.invokeai.client;

import static io.invokeai.client.internal.Futures.join;

import io.invokeai.client.spi.ClientFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.SSLContext;

/**
 * One InvokeAI server. Create one per server and share it: it owns a connection pool, caches and the event
 * connection, all released by {@link #close()}. Thread-safe. Every operation has a synchronous form and a
 * {@link CompletableFuture} twin sharing one implementation.
 *
 * <pre>{@code
 * try (var client = InvokeAIClient.builder().baseUrl("http://127.0.0.1:9090").build()) {
 *     var workflow = client.workflow(Path.of("sdxl-text-to-image.json"));
 *     workflow.set("Positive Prompt", "a lighthouse at dusk").set("Width", 1024);
 *     var result = workflow.submit().await(Duration.ofMinutes(5));
 *     result.images().forEach(image -> image.saveTo(Path.of("out")));
 * }
 * }</pre>
 */
public interface InvokeAIClient extends AutoCloseable {

    static Builder builder() {
        return new Builder();
    }

    /**
     * A client with no server: loads workflows against the bundled schema (InvokeAI 6.14), lists and validates
     * inputs, and builds dry-run requests. Anything that needs the server fails.
     */
    static InvokeAIClient offline() {
        return Builder.factory().createOffline();
    }

    ClientOptions options();

    /** The server's version, e.g. {@code 6.14.2}. */
    CompletableFuture<String> versionAsync();

    Boards boards();

    Images images();

    Models models();

    Queue queue();

    WorkflowLibrary workflowLibrary();

    /** The task recipes found on the module path or class path. */
    TaskRecipes tasks();

    /** Binds a GUI-exported workflow (JSON text, schema versions 1.0 to 4.0) to this client. */
    CompletableFuture<ClientWorkflow> workflowAsync(String workflowJson);

    /** Reads the workflow that InvokeAI embeds in its output PNGs ({@code invokeai_workflow} chunk). */
    CompletableFuture<ClientWorkflow> workflowFromImageAsync(byte[] png);

    default String version() {
        return join(versionAsync());
    }

    default ClientWorkflow workflow(Path file) {
        try {
            return workflowFromJson(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read workflow file " + file, e);
        }
    }

    default ClientWorkflow workflowFromJson(String workflowJson) {
        return join(workflowAsync(workflowJson));
    }

    default ClientWorkflow workflowFromImage(Path png) {
        try {
            return join(workflowFromImageAsync(Files.readAllBytes(png)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read image file " + png, e);
        }
    }

    /** Releases the connection pool, the event connection and the caches. Jobs in flight fail. */
    @Override
    void close();

    /** Options for a client; every option has a sensible default except the base URL. */
    final class Builder {
        private URI baseUrl;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration requestTimeout = Duration.ofSeconds(60);
        private BearerToken token;
        private SSLContext sslContext;
        private RetryPolicy retry = RetryPolicy.defaults();
        private CircuitBreakerPolicy circuitBreaker = CircuitBreakerPolicy.defaults();
        private CachePolicy cache = CachePolicy.defaults();
        private Duration pollInterval = Duration.ofMillis(500);
        private boolean events = true;
        private String userAgent = "invokeai-java/0.1";

        private Builder() {}

        public Builder baseUrl(String url) {
            return baseUrl(URI.create(url));
        }

        public Builder baseUrl(URI url) {
            this.baseUrl = Objects.requireNonNull(url, "url");
            return this;
        }

        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = timeout;
            return this;
        }

        /** Bound on each HTTP exchange (per attempt). Waiting for a job has its own timeout. */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = timeout;
            return this;
        }

        /** A bearer token for multi-user servers; it never appears in logs or messages. */
        public Builder token(String bearerToken) {
            this.token = BearerToken.of(bearerToken);
            return this;
        }

        /** A TLS context, e.g. one trusting a private CA. Certificate and host verification stay on. */
        public Builder sslContext(SSLContext context) {
            this.sslContext = Objects.requireNonNull(context, "context");
            return this;
        }

        public Builder retry(RetryPolicy policy) {
            this.retry = Objects.requireNonNull(policy, "policy");
            return this;
        }

        public Builder circuitBreaker(CircuitBreakerPolicy policy) {
            this.circuitBreaker = Objects.requireNonNull(policy, "policy");
            return this;
        }

        public Builder cache(CachePolicy policy) {
            this.cache = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** How often job state is polled (the authority for completion, and the fallback for events). */
        public Builder pollInterval(Duration interval) {
            this.pollInterval = interval;
            return this;
        }

        /** Turns the Socket.IO event stream on (default) or off; completion then comes from polling alone. */
        public Builder events(boolean enabled) {
            this.events = enabled;
            return this;
        }

        public Builder userAgent(String agent) {
            this.userAgent = Objects.requireNonNull(agent, "agent");
            return this;
        }

        public ClientOptions options() {
            if (baseUrl == null) {
                throw new IllegalStateException(
                        "baseUrl is required, e.g. builder().baseUrl(\"http://127.0.0.1:9090\")");
            }
            return new ClientOptions(
                    baseUrl,
                    connectTimeout,
                    requestTimeout,
                    Optional.ofNullable(token),
                    Optional.ofNullable(sslContext),
                    retry,
                    circuitBreaker,
                    cache,
                    pollInterval,
                    events,
                    userAgent);
        }

        public InvokeAIClient build() {
            return factory().create(options());
        }

        static ClientFactory factory() {
            return ServiceLoader.load(ClientFactory.class, InvokeAIClient.class.getClassLoader()).stream()
                    .map(ServiceLoader.Provider::get)
                    .max(Comparator.comparingInt(ClientFactory::priority))
                    .orElseThrow(() -> new InvokeAIException("No InvokeAI client implementation found on the module"
                            + " or class path: add io.invokeai.client:invokeai-core"));
        }
    }
}
