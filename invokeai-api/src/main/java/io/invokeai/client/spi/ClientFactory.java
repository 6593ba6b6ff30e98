package io.invokeai.client.spi;

import io.invokeai.client.ClientOptions;
import io.invokeai.client.InvokeAIClient;

/**
 * Creates clients; implemented by {@code invokeai-core} and found through ServiceLoader, so applications compile
 * against the API alone. The highest {@link #priority()} wins.
 */
public interface ClientFactory {
    InvokeAIClient create(ClientOptions options);

    InvokeAIClient createOffline();

    default int priority() {
        return 0;
    }
}
