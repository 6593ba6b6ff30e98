package io.invokeai.client.core.http;

import java.util.concurrent.CompletableFuture;

/** One attempt of one call. The seam between the policies and the wire, so policies can be tested on faults. */
@FunctionalInterface
public interface Exchange {
    CompletableFuture<HttpResult> send(HttpCall call);
}
