package io.invokeai.client.testkit;

import io.invokeai.client.testkit.internal.ServerSettings;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Provides one InvokeAI server per test run and injects it as an {@link InvokeAIServer} parameter.
 *
 * <p>If the system property {@value #URL_PROPERTY} or the environment variable {@value #URL_ENV} names a server, that
 * one is used; otherwise a {@link ManagedInvokeAIServer} with default settings is started on first use and stopped
 * when the run ends (it lives in the root {@link ExtensionContext.Store}, which closes it). If no server can be
 * provided, every test that needs it fails with the cause: a missing server is an error, never a reason to skip.
 */
public final class InvokeAIServerExtension implements BeforeAllCallback, ParameterResolver {
    /** System property with the URL of a running server to use instead of starting one. */
    public static final String URL_PROPERTY = "invokeai.test.url";

    /** Environment variable with the URL of a running server; the system property wins. */
    public static final String URL_ENV = "INVOKEAI_TEST_URL";

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(InvokeAIServerExtension.class);

    /** Starts (or connects to) the server before the class runs, so a failure is reported once per class, early. */
    @Override
    public void beforeAll(ExtensionContext context) {
        server(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == InvokeAIServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return server(extensionContext);
    }

    /** The run's server, for other extensions; started on first call. */
    public static InvokeAIServer server(ExtensionContext context) {
        return context.getRoot()
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent(Shared.class, key -> Shared.provide(), Shared.class)
                .server();
    }

    /** The server or why there is none; closed by JUnit at the end of the run (Store honours AutoCloseable). */
    private static final class Shared implements AutoCloseable {
        private final InvokeAIServer server;
        private final RuntimeException failure;

        private Shared(InvokeAIServer server, RuntimeException failure) {
            this.server = server;
            this.failure = failure;
        }

        static Shared provide() {
            try {
                Optional<URI> remote =
                        ServerSettings.remoteUrl(System.getProperty(URL_PROPERTY), System.getenv(URL_ENV));
                InvokeAIServer server = remote.isPresent()
                        ? RemoteInvokeAIServer.connect(remote.get())
                        : ManagedInvokeAIServer.builder().start();
                return new Shared(server, null);
            } catch (RuntimeException e) {
                // remembered, so that every later test class fails at once instead of retrying a long start-up
                return new Shared(null, e);
            }
        }

        InvokeAIServer server() {
            if (failure != null) {
                throw new InvokeAIServerException("no InvokeAI server for the tests: " + failure.getMessage(), failure);
            }
            return server;
        }

        @Override
        public void close() {
            if (server instanceof ManagedInvokeAIServer managed) {
                managed.close();
            }
        }
    }
}
