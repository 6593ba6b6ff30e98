package io.invokeai.client.core.http;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** A response: status, the {@code Retry-After} header when present, and the body. */
public record HttpResult(int status, Optional<String> retryAfter, String contentType, byte[] body) {

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
