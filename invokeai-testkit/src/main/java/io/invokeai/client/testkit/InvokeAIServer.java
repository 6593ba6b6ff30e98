package io.invokeai.client.testkit;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A real InvokeAI server that tests talk to over HTTP: either started by the testkit ({@link ManagedInvokeAIServer})
 * or one already running ({@link #remote(URI)}).
 */
public interface InvokeAIServer {

    /** The server root, e.g. {@code http://127.0.0.1:41234}; API paths such as {@code api/v1/...} resolve against it. */
    URI baseUrl();

    /** The version the server reports at {@code GET /api/v1/app/version}, e.g. {@code 6.14.2}. */
    String version();

    /** True if the testkit started this server and will stop it. */
    boolean managed();

    /** Installs the testkit's tiny random-weight models into this server. */
    TinyModels tinyModels();

    /**
     * Brings the server back to an empty state between tests: cancels and clears the queue, deletes every board with
     * its images, all uncategorized and intermediate images, and the invocation cache. Installed models are kept,
     * because reinstalling them would only cost time.
     */
    void cleanState();

    /** The server's log file, if the testkit started the server. */
    Optional<Path> logFile();

    /**
     * Connects to an InvokeAI server that is already running and checks that it answers.
     *
     * @throws InvokeAIServerException if it does not answer {@code GET /api/v1/app/version}
     */
    static InvokeAIServer remote(URI baseUrl) {
        return RemoteInvokeAIServer.connect(baseUrl);
    }
}
