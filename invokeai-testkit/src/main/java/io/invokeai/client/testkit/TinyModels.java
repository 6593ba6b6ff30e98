package io.invokeai.client.testkit;

import io.invokeai.client.testkit.internal.Http;
import io.invokeai.client.testkit.internal.Log;
import io.invokeai.client.testkit.internal.Processes;
import io.invokeai.client.testkit.internal.Provisioner;
import io.invokeai.client.testkit.internal.PythonScripts;
import io.invokeai.client.testkit.internal.ServerLog;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Builds the {@link TinyModel}s on this machine and installs them into a server. Nothing is downloaded or committed:
 * {@code make_tiny_models.py} writes random weights (fixed seed) with the venv's torch/diffusers into
 * {@code <cache>/tiny-models/<script hash>/}, once per machine. The server installs them in place from that path, so
 * it must run on this machine (true for a managed server; for a remote one, only if it shares this file system).
 */
public final class TinyModels {
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(2);

    private final Http http;
    private final Path cacheDir;
    private final Supplier<Path> venv;

    TinyModels(Http http, Path cacheDir, Supplier<Path> venv) {
        this.http = http;
        this.cacheDir = cacheDir;
        this.venv = venv;
    }

    /**
     * Installs the model unless a model of that name, base and type is already installed, and returns it. Safe to call
     * from every test: the second call is one HTTP request.
     *
     * @throws InvokeAIServerException if the build or the install fails (with InvokeAI's error and traceback)
     */
    public synchronized InstalledModel install(TinyModel model) {
        Optional<InstalledModel> existing = find(model);
        if (existing.isPresent()) {
            return existing.get();
        }
        Path source = build(model);
        long started = System.nanoTime();
        JsonObject job;
        try {
            job = http.send(
                            "POST",
                            "api/v2/models/install?source=" + Http.query(source.toString()) + "&inplace=true",
                            JsonValue.EMPTY_JSON_OBJECT,
                            CALL_TIMEOUT)
                    .asJsonObject();
        } catch (Http.StatusException e) {
            if (e.status() == 409) { // installed concurrently (same path)
                return find(model).orElseThrow(() -> e);
            }
            throw e;
        }
        JsonObject done = awaitInstall(job);
        InstalledModel installed = InstalledModel.fromConfig(done.getJsonObject("config_out"));
        if (!installed.base().equals(model.base()) || !installed.type().equals(model.type())) {
            throw new InvokeAIServerException("InvokeAI classified " + source + " as " + installed.base() + "/"
                    + installed.type() + ", expected " + model.base() + "/" + model.type());
        }
        Log.info("installed " + model.modelName() + " in " + Log.seconds(System.nanoTime() - started));
        return installed;
    }

    /** The model as installed in the server, if it is. */
    public Optional<InstalledModel> find(TinyModel model) {
        JsonObject answer = http.getObject(
                "api/v2/models/?model_name=" + Http.query(model.modelName()) + "&model_type="
                        + Http.query(model.type()),
                CALL_TIMEOUT);
        return answer.getJsonArray("models").getValuesAs(JsonObject.class).stream()
                .filter(config -> model.modelName().equals(config.getString("name", null)))
                .filter(config -> model.base().equals(config.getString("base", null)))
                .filter(config -> model.type().equals(config.getString("type", null)))
                .map(InstalledModel::fromConfig)
                .findFirst();
    }

    /**
     * The model's files on this machine, built first if needed (all missing kinds in one Python run, since starting
     * torch costs more than building them).
     */
    public synchronized Path build(TinyModel model) {
        Path out = modelsDir();
        Path target = out.resolve(model.fileName());
        if (Files.exists(target)) {
            return target;
        }
        Set<TinyModel> missing = EnumSet.noneOf(TinyModel.class);
        for (TinyModel candidate : TinyModel.values()) {
            if (!Files.exists(out.resolve(candidate.fileName()))) {
                missing.add(candidate);
            }
        }
        Path python = Provisioner.venvPython(venv.get());
        Path script = PythonScripts.extract(cacheDir).resolve(PythonScripts.TINY_MODELS);
        List<String> command = new ArrayList<>(List.of(python.toString(), script.toString(), "--out", out.toString()));
        command.add("--kinds");
        command.add(missing.stream().map(TinyModel::kind).collect(Collectors.joining(",")));
        long started = System.nanoTime();
        Processes.Result result = Processes.run(
                command,
                Map.of(
                        "HF_HUB_OFFLINE", "1",
                        "TRANSFORMERS_OFFLINE", "1",
                        "PYTHONUNBUFFERED", "1",
                        "TORCHINDUCTOR_COMPILE_THREADS", "1"),
                line -> {
                    if (line.startsWith("[tiny-models]")) {
                        Log.info(line);
                    }
                });
        if (result.exitCode() != 0 || !Files.exists(target)) {
            throw new InvokeAIServerException("building tiny models " + missing + " failed (exit " + result.exitCode()
                    + "):" + System.lineSeparator() + ServerLog.tail(result.lines(), 60));
        }
        Log.info("built tiny models " + missing + " in " + Log.seconds(System.nanoTime() - started));
        return target;
    }

    /** Where the tiny models of this testkit version are built: keyed by a hash of the builder script. */
    public Path modelsDir() {
        return cacheDir.resolve("tiny-models").resolve(PythonScripts.hashOf(PythonScripts.TINY_MODELS));
    }

    private JsonObject awaitInstall(JsonObject job) {
        long deadline = System.nanoTime() + INSTALL_TIMEOUT.toNanos();
        JsonObject current = job;
        while (true) {
            String status = current.getString("status", "");
            switch (status) {
                case "completed":
                    return current;
                case "error":
                case "cancelled":
                    throw new InvokeAIServerException("installing " + current.get("source") + " ended with " + status
                            + ": " + current.getString("error_reason", "") + " " + current.getString("error", "")
                            + System.lineSeparator() + current.getString("error_traceback", ""));
                default:
                    if (System.nanoTime() > deadline) {
                        throw new InvokeAIServerException("installing " + current.get("source") + " did not finish in "
                                + INSTALL_TIMEOUT + " (status " + status + ")");
                    }
                    sleep(100);
                    current = http.getObject("api/v2/models/install/" + job.getInt("id"), CALL_TIMEOUT);
            }
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InvokeAIServerException("interrupted", e);
        }
    }

    @Override
    public String toString() {
        return "TinyModels[" + modelsDir() + "]";
    }
}
