package io.invokeai.client.core.http;

import io.invokeai.client.BearerToken;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The current bearer token. Multi-user InvokeAI slides a token's expiry by answering mutating requests with
 * {@code X-Refreshed-Token}; keeping the newest one here lets long runs outlive the first token, and the event
 * connection asks for it again at each reconnect.
 */
public final class TokenHolder {
    private final AtomicReference<BearerToken> current;

    public TokenHolder(Optional<BearerToken> initial) {
        this.current = new AtomicReference<>(initial.orElse(null));
    }

    public Optional<BearerToken> current() {
        return Optional.ofNullable(current.get());
    }

    /** Takes a refreshed token from the server, if this client authenticates at all. */
    public void refreshed(String token) {
        if (token != null && !token.isBlank() && current.get() != null) {
            current.set(BearerToken.of(token));
        }
    }

    @Override
    public String toString() {
        return "TokenHolder[" + (current.get() == null ? "none" : "****") + "]";
    }
}
