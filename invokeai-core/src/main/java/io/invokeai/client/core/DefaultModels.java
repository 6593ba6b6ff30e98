package io.invokeai.client.core;

import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.invokeai.client.CachePolicy;
import io.invokeai.client.InvokeAIException;
import io.invokeai.client.ModelFilter;
import io.invokeai.client.ModelInfo;
import io.invokeai.client.Models;
import io.invokeai.client.core.http.HttpCall;
import io.invokeai.client.core.wire.Dtos.ModelDto;
import io.invokeai.client.core.wire.Dtos.ModelList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

final class DefaultModels implements Models {
    private final Rest rest;
    private final Function<ModelFilter, CompletableFuture<List<ModelInfo>>> lister;
    private final Optional<AsyncLoadingCache<ModelFilter, List<ModelInfo>>> cache;

    DefaultModels(Rest rest, CachePolicy policy) {
        this.rest = rest;
        this.cache = policy.lookupsCached()
                ? Optional.of(Caffeine.newBuilder()
                        .maximumSize(policy.lookupMaxSize())
                        .expireAfterWrite(policy.lookupTtl())
                        .buildAsync((ModelFilter f, java.util.concurrent.Executor e) -> fetch(f)))
                : Optional.empty();
        this.lister = cache.<Function<ModelFilter, CompletableFuture<List<ModelInfo>>>>map(c -> c::get)
                .orElse(this::fetch);
    }

    /** Forgets cached look-ups, e.g. after a model was installed. */
    void invalidate() {
        cache.ifPresent(c -> c.synchronous().invalidateAll());
    }

    private CompletableFuture<List<ModelInfo>> fetch(ModelFilter filter) {
        HttpCall call = HttpCall.get("api/v2/models/");
        for (String base : filter.bases()) {
            call = call.withQuery("base_models", base);
        }
        call = call.withQuery("model_type", filter.type().orElse(null))
                .withQuery("model_name", filter.name().orElse(null));
        return rest.bind(call, ModelList.class)
                .thenApply(list -> list.models() == null
                        ? List.<ModelInfo>of()
                        : list.models().stream().map(DefaultModels::toInfo).toList());
    }

    @Override
    public CompletableFuture<List<ModelInfo>> listAsync(ModelFilter filter) {
        return lister.apply(filter);
    }

    @Override
    public CompletableFuture<ModelInfo> getAsync(String key) {
        return rest.bind(HttpCall.get("api/v2/models/i/" + Paths.segment(key)), ModelDto.class)
                .thenApply(DefaultModels::toInfo);
    }

    @Override
    public CompletableFuture<Optional<ModelInfo>> findAsync(String name, Optional<String> base, Optional<String> type) {
        ModelFilter filter = ModelFilter.all().withName(name);
        if (base.isPresent()) {
            filter = filter.withBases(base.get());
        }
        if (type.isPresent()) {
            filter = filter.withType(type.get());
        }
        return listAsync(filter).thenApply(models -> {
            if (models.size() > 1) {
                throw new InvokeAIException("Several models are named '" + name + "': "
                        + models.stream()
                                .map(m -> m.base() + "/" + m.type() + " " + m.key())
                                .toList()
                        + "; give the base and type, or the key");
            }
            return models.stream().findFirst();
        });
    }

    static ModelInfo toInfo(ModelDto d) {
        return new ModelInfo(
                d.key(),
                d.hash(),
                d.name(),
                d.base(),
                d.type(),
                d.format(),
                d.description() == null ? "" : d.description());
    }
}
