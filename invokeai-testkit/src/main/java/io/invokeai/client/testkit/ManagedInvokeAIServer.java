package io.invokeai.client.testkit;

import io.invokeai.client.testkit.internal.CacheDirs;
import io.invokeai.client.testkit.internal.Http;
import io.invokeai.client.testkit.internal.Log;
import io.invokeai.client.testkit.internal.Processes;
import io.invokeai.client.testkit.internal.Provisioner;
import io.invokeai.client.testkit.internal.PythonScripts;
import io.invokeai.client.testkit.internal.ServerLog;
import io.invokeai.client.testkit.internal.ServerSettings;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A real InvokeAI server run by the testkit on the CPU, on a free loopback port, in its own root directory.
 *
 * <p>{@link #start()} provisions (or reuses) a cached venv with {@code provision.py}, starts {@code invokeai-web},
 * waits until it answers and warms up {@code /openapi.json}. {@link #stop()} sends SIGINT for a graceful shutdown,
 * then kills what is left; a JVM shutdown hook does the same if the tests never get to stop it. Linux and macOS.
 *
 * <pre>{@code
 * try (var server = ManagedInvokeAIServer.builder().setting("node_cache_size", "0").start()) {
 *     URI url = server.baseUrl();
 *     ...
 * }
 * }</pre>
 */
public final class ManagedInvokeAIServer implements InvokeAIServer, AutoCloseable {
    /** The InvokeAI release the testkit is made for. */
    public static final String DEFAULT_VERSION = "6.14.2";

    /** Start-up (not provisioning) budget: about 15-40 s on two cores, more on a cold disk. */
    public static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofMinutes(5);

    /** InvokeAI usually shuts down in 5-16 s after SIGINT. */
    static final Duration STOP_GRACE = Duration.ofSeconds(30);

    /** Shorter in the shutdown hook: the JVM is already exiting. */
    private static final Duration HOOK_STOP_GRACE = Duration.ofSeconds(15);

    /** The server's stdout and stderr, in its root. */
    public static final String LOG_FILE_NAME = "invokeai-server.log";

    private static final int LOG_TAIL_LINES = 60;
    private static final Duration POLL_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration WARM_UP_TIMEOUT = Duration.ofMinutes(2);

    private final String invokeaiVersion;
    private final Path cacheDir;
    private final String python;
    private final Duration startupTimeout;
    private final Map<String, String> settings;
    private final Map<String, String> environment;
    private final Path configuredRoot;
    private final List<Path> customNodePacks;

    private final Object startLock = new Object();
    private final Object processLock = new Object();
    private final AtomicBoolean stopRequested = new AtomicBoolean();
    private final CompletableFuture<Void> stopped = new CompletableFuture<>();

    private volatile Process process;
    private volatile Path root;
    private volatile Path logFile;
    /** Where this start's log output begins: a reused root keeps the log of earlier starts. */
    private volatile long logOffset;

    private volatile Path venv;
    private volatile URI baseUrl;
    private volatile String version;
    private volatile Http http;
    private volatile TinyModels tinyModels;
    private volatile Thread shutdownHook;

    private ManagedInvokeAIServer(Builder builder) {
        this.invokeaiVersion = builder.invokeaiVersion;
        this.cacheDir = builder.cacheDir != null ? builder.cacheDir : CacheDirs.defaultCacheDir();
        this.python = builder.python != null ? builder.python : Provisioner.defaultPython();
        this.startupTimeout = builder.startupTimeout;
        this.settings = Map.copyOf(builder.settings);
        this.environment = Map.copyOf(builder.environment);
        this.configuredRoot = builder.rootDir;
        this.customNodePacks = List.copyOf(builder.customNodePacks);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Provisions, starts and waits for the server. Calling it on a running server does nothing.
     *
     * @throws InvokeAIServerException if the server does not come up; the message ends with the last lines of its log,
     *     and nothing is left running
     * @throws IllegalStateException if the server was stopped (a stopped server cannot be restarted)
     */
    public ManagedInvokeAIServer start() {
        synchronized (startLock) {
            if (baseUrl != null && !stopRequested.get()) {
                return this;
            }
            if (stopRequested.get()) {
                throw new IllegalStateException("this server was stopped; build a new one");
            }
            try {
                doStart();
                return this;
            } catch (RuntimeException | IOException e) {
                Path log = logFile;
                String tail = log == null ? "" : ServerLog.tail(log, LOG_TAIL_LINES);
                stop();
                String message = "InvokeAI " + invokeaiVersion + " did not start: " + e.getMessage();
                if (!tail.isEmpty()) {
                    message += System.lineSeparator() + "--- last lines of " + log + " ---" + System.lineSeparator()
                            + tail;
                }
                throw new InvokeAIServerException(message, e);
            }
        }
    }

    private void doStart() throws IOException {
        long started = System.nanoTime();
        venv = Provisioner.provision(python, cacheDir, invokeaiVersion);
        if (configuredRoot != null) {
            root = Files.createDirectories(configuredRoot).toAbsolutePath();
        } else {
            root = Files.createTempDirectory("invokeai-testkit-");
        }
        logFile = root.resolve(LOG_FILE_NAME);
        for (Path pack : customNodePacks) {
            copyTree(pack, root.resolve("nodes").resolve(pack.getFileName().toString()));
        }
        int port = ServerSettings.freeLoopbackPort();

        ProcessBuilder builder =
                new ProcessBuilder(venv.resolve("bin").resolve("invokeai-web").toString(), "--root", root.toString());
        Map<String, String> env = builder.environment();
        // the caller's own INVOKEAI_* variables would silently change the server
        env.keySet().removeIf(name -> name.startsWith("INVOKEAI_"));
        env.putAll(ServerSettings.serverEnvironment(port, settings));
        env.putAll(environment);
        builder.redirectErrorStream(true);
        logOffset = Files.exists(logFile) ? Files.size(logFile) : 0;
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));

        Thread hook = new Thread(this::stopFromShutdownHook, "invokeai-testkit-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        shutdownHook = hook;
        long launched = System.nanoTime();
        Process server = launch(builder);
        Log.info("starting InvokeAI " + invokeaiVersion + " (pid " + server.pid() + ", port " + port + ", root " + root
                + ")");

        URI url = awaitReady(server, port, launched);
        Http client = new Http(url);
        String reported = client.getObject("api/v1/app/version", POLL_TIMEOUT).getString("version");
        long ready = System.nanoTime();
        // the first /openapi.json takes seconds (a 1.7 MB schema); pay it here, not in the first test
        client.getBytes("openapi.json", WARM_UP_TIMEOUT);
        http = client;
        version = reported;
        tinyModels = new TinyModels(client, cacheDir, () -> venv);
        baseUrl = url;
        Log.info("InvokeAI " + reported + " ready at " + url + ": answered " + Log.seconds(ready - launched)
                + " after launch, openapi warm-up " + Log.seconds(System.nanoTime() - ready) + ", total start-up "
                + Log.seconds(System.nanoTime() - started));
    }

    private static void copyTree(Path source, Path target) throws IOException {
        try (var paths = Files.walk(source)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path destination = target.resolve(source.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(destination);
                } else {
                    Files.copy(path, destination, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private Process launch(ProcessBuilder builder) throws IOException {
        synchronized (processLock) {
            if (stopRequested.get()) {
                throw new InvokeAIServerException("stopped during start-up");
            }
            process = builder.start();
            return process;
        }
    }

    private URI awaitReady(Process server, int port, long launched) {
        long deadline = launched + startupTimeout.toNanos();
        URI announced = null;
        while (true) {
            if (stopRequested.get()) {
                throw new InvokeAIServerException("stopped during start-up");
            }
            if (!server.isAlive()) {
                throw new InvokeAIServerException("the server process exited with code " + server.exitValue());
            }
            if (announced == null) {
                // the port is only known for sure once InvokeAI logs it (it moves on if ours was taken meanwhile)
                announced = ServerLog.findRunningOn(ServerLog.readLines(logFile, logOffset))
                        .orElse(null);
                if (announced != null && announced.getPort() != port) {
                    Log.info("InvokeAI moved from port " + port + " (taken meanwhile) to " + announced.getPort());
                }
            }
            if (announced != null) {
                try {
                    new Http(announced).get("api/v1/app/version", POLL_TIMEOUT);
                    return announced;
                } catch (InvokeAIServerException notYet) {
                    // logged before uvicorn binds; keep polling
                }
            }
            if (System.nanoTime() > deadline) {
                throw new InvokeAIServerException("no answer from GET /api/v1/app/version within " + startupTimeout
                        + (announced == null ? " (it never logged 'Invoke running on')" : " at " + announced));
            }
            TinyModels.sleep(250);
        }
    }

    /**
     * Stops the server: SIGINT, up to 30 s for a graceful shutdown, then the process and all its descendants are
     * killed. Deletes the root directory if the testkit created it. Idempotent, safe from any thread.
     */
    public void stop() {
        stop(STOP_GRACE);
    }

    /** Same as {@link #stop()}. */
    @Override
    public void close() {
        stop();
    }

    private void stopFromShutdownHook() {
        stop(HOOK_STOP_GRACE);
    }

    private void stop(Duration grace) {
        if (!stopRequested.compareAndSet(false, true)) {
            stopped.join();
            return;
        }
        try {
            Process server;
            synchronized (processLock) {
                server = process;
            }
            if (server != null) {
                terminate(server.toHandle(), grace);
            }
            Path dir = root;
            if (configuredRoot == null && dir != null) {
                PythonScripts.deleteTree(dir);
            }
            removeShutdownHook();
        } finally {
            stopped.complete(null);
        }
    }

    private static void terminate(ProcessHandle server, Duration grace) {
        long started = System.nanoTime();
        // taken before the signal: once the server exits, its children are re-parented and no longer its descendants
        List<ProcessHandle> descendants = server.descendants().toList();
        boolean wasAlive = server.isAlive();
        boolean graceful = wasAlive && Processes.interrupt(server) && Processes.waitForExit(server, grace);
        Processes.destroyTree(server, descendants, Duration.ZERO);
        String how = !wasAlive ? " (it had already exited)" : graceful ? "" : " (killed: no exit after SIGINT)";
        Log.info("stopped InvokeAI (pid " + server.pid() + ") in " + Log.seconds(System.nanoTime() - started) + how);
    }

    private void removeShutdownHook() {
        Thread hook = shutdownHook;
        if (hook != null && Thread.currentThread() != hook) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is exiting; the hook will find the server stopped
            }
        }
    }

    @Override
    public URI baseUrl() {
        return requireRunning(baseUrl);
    }

    @Override
    public String version() {
        return requireRunning(version);
    }

    @Override
    public boolean managed() {
        return true;
    }

    @Override
    public TinyModels tinyModels() {
        return requireRunning(tinyModels);
    }

    @Override
    public void cleanState() {
        ServerState.clean(requireRunning(http));
    }

    @Override
    public Optional<Path> logFile() {
        return Optional.ofNullable(logFile);
    }

    /** The root directory ({@code --root}): database, outputs, models, {@value #LOG_FILE_NAME}. */
    public Optional<Path> rootDir() {
        return Optional.ofNullable(root);
    }

    /** The provisioned virtual environment the server runs from. */
    public Optional<Path> venv() {
        return Optional.ofNullable(venv);
    }

    /** The server process, once launched (also after it stopped, to check it is gone). */
    public Optional<ProcessHandle> process() {
        Process server = process;
        return server == null ? Optional.empty() : Optional.of(server.toHandle());
    }

    /** True between a successful {@link #start()} and {@link #stop()}, while the process lives. */
    public boolean isRunning() {
        Process server = process;
        return baseUrl != null && !stopRequested.get() && server != null && server.isAlive();
    }

    private <T> T requireRunning(T value) {
        if (value == null || stopRequested.get()) {
            throw new IllegalStateException(
                    "the server is " + (stopRequested.get() ? "stopped" : "not started") + ": " + this);
        }
        return value;
    }

    @Override
    public String toString() {
        Process server = process;
        String state;
        if (stopRequested.get()) {
            state = "stopped";
        } else if (baseUrl != null) {
            state = "running at " + baseUrl;
        } else if (server != null) {
            state = "starting";
        } else {
            state = "not started";
        }
        return "ManagedInvokeAIServer[InvokeAI " + (version != null ? version : invokeaiVersion) + ", " + state
                + (server != null ? ", pid " + server.pid() : "") + (root != null ? ", root " + root : "") + "]";
    }

    /** Settings of a {@link ManagedInvokeAIServer}; every one has a working default. */
    public static final class Builder {
        private String invokeaiVersion = DEFAULT_VERSION;
        private Path cacheDir;
        private String python;
        private Duration startupTimeout = DEFAULT_STARTUP_TIMEOUT;
        private final Map<String, String> settings = new LinkedHashMap<>();
        private final Map<String, String> environment = new LinkedHashMap<>();
        private Path rootDir;
        private final List<Path> customNodePacks = new ArrayList<>();

        private Builder() {}

        /** The InvokeAI release to install from PyPI; default {@value ManagedInvokeAIServer#DEFAULT_VERSION}. */
        public Builder invokeaiVersion(String version) {
            this.invokeaiVersion = Objects.requireNonNull(version, "version");
            return this;
        }

        /**
         * Where venvs, scripts and tiny models are cached; default {@code $INVOKEAI_TESTKIT_CACHE}, else {@code
         * $XDG_CACHE_HOME/invokeai-testkit}, else {@code ~/.cache/invokeai-testkit}.
         */
        public Builder cacheDir(Path cacheDir) {
            this.cacheDir = Objects.requireNonNull(cacheDir, "cacheDir").toAbsolutePath();
            return this;
        }

        /**
         * The Python (3.11 or 3.12) that runs the provisioning, default {@code $INVOKEAI_TESTKIT_PYTHON}, else {@code
         * python3}. Its folder is put first on the PATH, so the venv is created from it too.
         */
        public Builder python(String executable) {
            this.python = Objects.requireNonNull(executable, "executable");
            return this;
        }

        /** How long the server may take from launch to answering; default 5 minutes. Provisioning is not counted. */
        public Builder startupTimeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout must be positive: " + timeout);
            }
            this.startupTimeout = timeout;
            return this;
        }

        /**
         * An InvokeAI setting, passed as its environment variable: {@code setting("node_cache_size", "0")} or {@code
         * setting("INVOKEAI_NODE_CACHE_SIZE", "0")}. Overrides the testkit's defaults (CPU, float32, no patchmatch,
         * plain logs, random hashing, 2 GB model cache, unknown models refused). Host, port and root are the
         * testkit's.
         */
        public Builder setting(String name, String value) {
            settings.put(ServerSettings.environmentName(name), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Any other environment variable for the server process, e.g. {@code OMP_NUM_THREADS}; also overrides the
         * testkit's non-InvokeAI defaults ({@code HF_HUB_OFFLINE=1}, {@code TRANSFORMERS_OFFLINE=1}, {@code
         * TORCHINDUCTOR_COMPILE_THREADS=1}, ...).
         */
        public Builder environment(String name, String value) {
            if (name.startsWith("INVOKEAI_")) {
                throw new IllegalArgumentException("use setting(...) for " + name);
            }
            environment.put(name, Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Runs the server in this root and keeps it after stop; default a fresh temporary root, deleted at stop. */
        public Builder rootDir(Path rootDir) {
            this.rootDir = Objects.requireNonNull(rootDir, "rootDir").toAbsolutePath();
            return this;
        }

        /**
         * A custom node pack to load, e.g. the plugin under test: a folder with an {@code __init__.py} that imports
         * its nodes. It is copied to {@code <root>/nodes/<folder name>} before the start, where InvokeAI loads packs
         * from.
         */
        public Builder customNodes(Path packDir) {
            Path pack =
                    Objects.requireNonNull(packDir, "packDir").toAbsolutePath().normalize();
            if (!Files.isRegularFile(pack.resolve("__init__.py"))) {
                throw new IllegalArgumentException("not a custom node pack (no __init__.py): " + pack);
            }
            customNodePacks.add(pack);
            return this;
        }

        /** A server that is not started yet. */
        public ManagedInvokeAIServer build() {
            return new ManagedInvokeAIServer(this);
        }

        /** Builds and starts the server. */
        public ManagedInvokeAIServer start() {
            return build().start();
        }
    }
}
