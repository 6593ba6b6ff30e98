package io.invokeai.client.core;

import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.invokeai.client.BearerToken;
import io.invokeai.client.Boards;
import io.invokeai.client.ClientOptions;
import io.invokeai.client.ClientWorkflow;
import io.invokeai.client.Images;
import io.invokeai.client.InvokeAIClient;
import io.invokeai.client.InvokeAIException;
import io.invokeai.client.Models;
import io.invokeai.client.Queue;
import io.invokeai.client.TaskRecipes;
import io.invokeai.client.WorkflowLibrary;
import io.invokeai.client.core.events.EventStream;
import io.invokeai.client.core.fields.FieldTypeRegistry;
import io.invokeai.client.core.http.HttpCall;
import io.invokeai.client.core.http.JettyExchange;
import io.invokeai.client.core.http.ResilientTransport;
import io.invokeai.client.core.http.TokenHolder;
import io.invokeai.client.core.wire.Dtos.AppVersion;
import io.invokeai.client.core.workflow.NodeTemplates;
import io.invokeai.client.core.workflow.WorkflowDocument;
import io.invokeai.client.internal.Futures;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.client.HttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The client for one server: owns the Jetty client, the scheduler, the caches, the job tracker and events. */
final class DefaultInvokeAIClient implements InvokeAIClient {
    private static final Logger LOG = LoggerFactory.getLogger(DefaultInvokeAIClient.class);
    private static final AtomicInteger IDS = new AtomicInteger();

    private final ClientOptions options;
    private final HttpClient http;
    private final ScheduledExecutorService scheduler;
    private final Rest rest;
    private final DefaultBoards boards;
    private final DefaultImages images;
    private final DefaultModels models;
    private final DefaultQueue queue;
    private final DefaultWorkflowLibrary library;
    private final ServerFieldContext fieldContext;
    private final FieldTypeRegistry fieldTypes;
    private final JobTracker tracker;
    private final AsyncLoadingCache<String, NodeTemplates> schema;
    private final DefaultTaskRecipes tasks;
    private final Optional<EventStream> events;
    private final TokenHolder token;

    /**
     * @param http the started Jetty client, or null for an offline client (bundled schema, nothing sent)
     */
    DefaultInvokeAIClient(ClientOptions options, HttpClient http) {
        this.options = options;
        this.http = http;
        boolean offline = http == null;
        int id = IDS.incrementAndGet();
        this.scheduler = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "invokeai-client-" + id);
            t.setDaemon(true);
            return t;
        });
        this.token = new TokenHolder(options.token());
        var transport = new ResilientTransport(
                offline
                        ? call -> CompletableFuture.failedFuture(new InvokeAIException(
                                "This client is offline: " + call.method() + " /" + call.path() + " needs a server"))
                        : new JettyExchange(http, options.baseUrl(), token, options.requestTimeout()),
                options.retry(),
                options.circuitBreaker(),
                scheduler);
        this.rest = new Rest(transport);
        this.models = new DefaultModels(rest, options.cache());
        this.boards = new DefaultBoards(rest);
        this.images = new DefaultImages(rest, options.cache());
        this.queue = new DefaultQueue(rest);
        this.fieldContext = new ServerFieldContext(images, models, boards);
        this.fieldTypes = FieldTypeRegistry.load();
        this.tracker = new JobTracker(queue, scheduler, options.pollInterval());
        Duration ttl = options.cache().schemaCached() ? options.cache().schemaTtl() : Duration.ofNanos(1);
        this.schema = Caffeine.newBuilder()
                .maximumSize(1)
                .expireAfterWrite(ttl)
                .buildAsync((String key, java.util.concurrent.Executor e) -> offline
                        ? CompletableFuture.completedFuture(NodeTemplates.bundled())
                        : rest.json(HttpCall.get("openapi.json"))
                                .thenApply(v -> NodeTemplates.fromOpenApi(v.asJsonObject())));
        this.library = new DefaultWorkflowLibrary(rest, this::bind);
        this.tasks = new DefaultTaskRecipes(this, fieldTypes);
        this.events = options.events() && !offline ? Optional.of(startEvents()) : Optional.empty();
    }

    private EventStream startEvents() {
        var stream = EventStream.withTokenSupplier(
                http,
                options.baseUrl(),
                () -> token.current().map(BearerToken::reveal).orElse(null),
                new EventRouter(tracker),
                scheduler);
        stream.start().whenComplete((v, t) -> {
            if (t != null && !(Futures.unwrap(t) instanceof java.util.concurrent.CancellationException)) {
                LOG.warn(
                        "The event connection to {} is not available; job completion relies on polling ({})",
                        options.baseUrl(),
                        t.toString());
            }
        });
        return stream;
    }

    @Override
    public ClientOptions options() {
        return options;
    }

    @Override
    public CompletableFuture<String> versionAsync() {
        return rest.bind(HttpCall.get("api/v1/app/version"), AppVersion.class).thenApply(AppVersion::version);
    }

    @Override
    public Boards boards() {
        return boards;
    }

    @Override
    public Images images() {
        return images;
    }

    @Override
    public Models models() {
        return models;
    }

    @Override
    public Queue queue() {
        return queue;
    }

    @Override
    public WorkflowLibrary workflowLibrary() {
        return library;
    }

    @Override
    public TaskRecipes tasks() {
        return tasks;
    }

    /** The server's node templates (its OpenAPI schema), cached per the cache policy. */
    CompletableFuture<NodeTemplates> templates() {
        return schema.get("schema");
    }

    @Override
    public CompletableFuture<ClientWorkflow> workflowAsync(String workflowJson) {
        final WorkflowDocument document;
        try {
            document = WorkflowDocument.parse(workflowJson);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return bind(document);
    }

    CompletableFuture<ClientWorkflow> bind(WorkflowDocument document) {
        return templates()
                .thenApply(t -> new DefaultClientWorkflow(
                        document, t, fieldTypes, new WorkflowRunner(rest, queue, tracker, fieldContext, fieldTypes)));
    }

    @Override
    public CompletableFuture<ClientWorkflow> workflowFromImageAsync(byte[] png) {
        return WorkflowDocument.fromPng(png)
                .map(this::workflowAsync)
                .orElseGet(() -> CompletableFuture.failedFuture(
                        new InvokeAIException("The image carries no InvokeAI workflow (no invokeai_workflow chunk)")));
    }

    @Override
    public void close() {
        events.ifPresent(EventStream::close);
        tracker.close();
        scheduler.shutdownNow();
        try {
            if (http != null) {
                http.stop();
            }
        } catch (Exception e) {
            LOG.debug("Stopping the HTTP client failed", e);
        }
    }

    @Override
    public String toString() {
        return "InvokeAIClient[" + options.baseUrl() + "]";
    }
}
