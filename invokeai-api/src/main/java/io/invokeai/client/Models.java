package io.invokeai.client;

import static io.invokeai.client.internal.Futures.join;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Installed models. Look-ups may be cached (see {@link CachePolicy}). Each sync method joins its async twin. */
public interface Models {
    CompletableFuture<List<ModelInfo>> listAsync(ModelFilter filter);

    CompletableFuture<ModelInfo> getAsync(String key);

    /**
     * The one model with this name (and, when given, base and type). Empty when none; an {@link InvokeAIException}
     * listing the candidates when several match.
     */
    CompletableFuture<Optional<ModelInfo>> findAsync(String name, Optional<String> base, Optional<String> type);

    default List<ModelInfo> list() {
        return join(listAsync(ModelFilter.all()));
    }

    default List<ModelInfo> list(ModelFilter filter) {
        return join(listAsync(filter));
    }

    default ModelInfo get(String key) {
        return join(getAsync(key));
    }

    default Optional<ModelInfo> find(String name) {
        return join(findAsync(name, Optional.empty(), Optional.empty()));
    }

    default Optional<ModelInfo> find(String name, String base, String type) {
        return join(findAsync(name, Optional.of(base), Optional.of(type)));
    }
}
