package io.invokeai.client.testkit;

import io.invokeai.client.testkit.internal.CacheDirs;
import io.invokeai.client.testkit.internal.Http;
import io.invokeai.client.testkit.internal.Provisioner;
import io.invokeai.client.testkit.internal.ServerSettings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * An InvokeAI server that is already running (started by hand, by CI, or in a container); the testkit never stops it.
 * Useful to skip the start-up while iterating on tests: {@code -Dinvokeai.test.url=http://127.0.0.1:9090}.
 *
 * <p>{@link #tinyModels()} builds the models on this machine (provisioning a local venv for torch the first time)
 * and installs them by path, so it only works if the server runs on this machine or shares its file system.
 */
public final class RemoteInvokeAIServer implements InvokeAIServer {
    private static final Duration CONNECT_CHECK_TIMEOUT = Duration.ofSeconds(10);

    private final URI baseUrl;
    private final String version;
    private final Http http;
    private final Path cacheDir;
    private TinyModels tinyModels;
    private Path venv;

    private RemoteInvokeAIServer(URI baseUrl, String version, Http http, Path cacheDir) {
        this.baseUrl = baseUrl;
        this.version = version;
        this.http = http;
        this.cacheDir = cacheDir;
    }

    /**
     * Connects and checks that the server answers, with the default cache dir for tiny models.
     *
     * @throws InvokeAIServerException if nothing answers {@code GET /api/v1/app/version}
     */
    public static RemoteInvokeAIServer connect(URI baseUrl) {
        return connect(baseUrl, CacheDirs.defaultCacheDir());
    }

    /** Like {@link #connect(URI)}, with the cache dir for the local venv and the tiny models. */
    public static RemoteInvokeAIServer connect(URI baseUrl, Path cacheDir) {
        URI url = ServerSettings.withoutTrailingSlash(Objects.requireNonNull(baseUrl, "baseUrl"));
        Http http = new Http(url);
        String version;
        try {
            version =
                    http.getObject("api/v1/app/version", CONNECT_CHECK_TIMEOUT).getString("version");
        } catch (RuntimeException e) {
            throw new InvokeAIServerException("no InvokeAI server answers at " + url + ": " + e.getMessage(), e);
        }
        return new RemoteInvokeAIServer(url, version, http, cacheDir.toAbsolutePath());
    }

    @Override
    public URI baseUrl() {
        return baseUrl;
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public boolean managed() {
        return false;
    }

    @Override
    public synchronized TinyModels tinyModels() {
        if (tinyModels == null) {
            tinyModels = new TinyModels(http, cacheDir, this::localVenv);
        }
        return tinyModels;
    }

    private synchronized Path localVenv() {
        if (venv == null) {
            venv = Provisioner.provision(Provisioner.defaultPython(), cacheDir, ManagedInvokeAIServer.DEFAULT_VERSION);
        }
        return venv;
    }

    @Override
    public void cleanState() {
        ServerState.clean(http);
    }

    /** Always empty: the log belongs to whoever started the server. */
    @Override
    public Optional<Path> logFile() {
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "RemoteInvokeAIServer[InvokeAI " + version + " at " + baseUrl + "]";
    }
}
