package io.invokeai.client;

import java.util.Objects;

/**
 * A login token for multi-user servers. Its {@code toString()} is masked, so it cannot leak through logs, option
 * dumps or exception messages.
 */
public final class BearerToken {
    private final String value;

    private BearerToken(String value) {
        this.value = value;
    }

    public static BearerToken of(String value) {
        Objects.requireNonNull(value, "token");
        if (value.isBlank()) {
            throw new IllegalArgumentException("token must not be blank");
        }
        return new BearerToken(value.strip());
    }

    /** The raw token, for the {@code Authorization} header only. */
    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return "BearerToken[****]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BearerToken other && other.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
