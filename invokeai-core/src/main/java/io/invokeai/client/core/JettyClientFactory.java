package io.invokeai.client.core;

import io.invokeai.client.ClientOptions;
import io.invokeai.client.InvokeAIClient;
import io.invokeai.client.InvokeAIIOException;
import io.invokeai.client.spi.ClientFactory;
import java.net.URI;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.WWWAuthenticationProtocolHandler;
import org.eclipse.jetty.client.transport.HttpClientTransportOverHTTP;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/** Creates clients over Jetty's HTTP client. Registered through ServiceLoader. */
public final class JettyClientFactory implements ClientFactory {

    @Override
    public InvokeAIClient create(ClientOptions options) {
        var ssl = new SslContextFactory.Client(); // verifies certificates and host names by default
        options.sslContext().ifPresent(ssl::setSslContext);
        var connector = new ClientConnector();
        connector.setSslContextFactory(ssl);
        var http = new HttpClient(new HttpClientTransportOverHTTP(connector));
        http.setConnectTimeout(options.connectTimeout().toMillis());
        http.setFollowRedirects(false);
        http.setUserAgentField(new HttpField(HttpHeader.USER_AGENT, options.userAgent()));
        try {
            http.start();
        } catch (Exception e) {
            throw new InvokeAIIOException("Cannot start the HTTP client", e);
        }
        // InvokeAI answers 401 without a WWW-Authenticate challenge; Jetty's handler would turn that into a protocol
        // error instead of letting the client report a typed authentication failure.
        http.getProtocolHandlers().remove(WWWAuthenticationProtocolHandler.NAME);
        return new DefaultInvokeAIClient(options, http);
    }

    @Override
    public InvokeAIClient createOffline() {
        return new DefaultInvokeAIClient(
                InvokeAIClient.builder()
                        .baseUrl(URI.create("http://offline.invalid"))
                        .events(false)
                        .options(),
                null);
    }
}
