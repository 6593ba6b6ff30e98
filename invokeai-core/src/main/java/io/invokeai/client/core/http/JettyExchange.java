package io.invokeai.client.core.http;

import io.invokeai.client.InvokeAIIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.client.CompletableResponseListener;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.MultiPartRequestContent;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.StringRequestContent;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.MultiPart;

/** Sends one attempt over the shared Jetty client. Adds the bearer token; never logs it. */
public final class JettyExchange implements Exchange {
    private final HttpClient http;
    private final String base;
    private final TokenHolder token;
    private final Duration timeout;

    public JettyExchange(HttpClient http, URI baseUrl, TokenHolder token, Duration timeout) {
        this.http = http;
        String b = baseUrl.toString();
        this.base = b.endsWith("/") ? b : b + "/";
        this.token = token;
        this.timeout = timeout;
    }

    @Override
    public CompletableFuture<HttpResult> send(HttpCall call) {
        Request request;
        try {
            request = build(call);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return new CompletableResponseListener(request, call.maxResponseBytes())
                .send()
                .thenApply(r -> {
                    token.refreshed(r.getHeaders().get("X-Refreshed-Token"));
                    return r;
                })
                .thenApply(r -> new HttpResult(
                        r.getStatus(),
                        Optional.ofNullable(r.getHeaders().get(HttpHeader.RETRY_AFTER)),
                        Optional.ofNullable(r.getMediaType()).orElse(""),
                        r.getContent()))
                .exceptionallyCompose(t -> CompletableFuture.failedFuture(
                        t instanceof InvokeAIIOException
                                ? t
                                : new InvokeAIIOException(call.method() + " " + call.path() + " failed: " + t, t)));
    }

    private Request build(HttpCall call) {
        var url = new StringBuilder(base).append(call.path());
        char sep = '?';
        for (HttpCall.Param p : call.query()) {
            url.append(sep).append(encode(p.key())).append('=').append(encode(p.value()));
            sep = '&';
        }
        Request request = http.newRequest(URI.create(url.toString()))
                .method(call.method())
                .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .headers(h -> {
                    h.put(HttpHeader.ACCEPT, "application/json, */*");
                    token.current().ifPresent(t -> h.put(HttpHeader.AUTHORIZATION, "Bearer " + t.reveal()));
                });
        call.body().ifPresent(body -> request.body(content(body)));
        return request;
    }

    private static Request.Content content(HttpCall.Body body) {
        if (body instanceof HttpCall.Body.Json json) {
            return new StringRequestContent("application/json", json.json(), StandardCharsets.UTF_8);
        }
        var part = (HttpCall.Body.Multipart) body;
        var multipart = new MultiPartRequestContent();
        multipart.addPart(new MultiPart.ByteBufferPart(
                part.partName(),
                part.fileName(),
                HttpFields.build().put(HttpHeader.CONTENT_TYPE, part.contentType()),
                ByteBuffer.wrap(part.bytes())));
        multipart.close();
        return multipart;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
