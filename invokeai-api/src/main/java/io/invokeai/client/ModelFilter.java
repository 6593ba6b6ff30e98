package io.invokeai.client;

import java.util.List;
import java.util.Optional;

/** Filters for listing models; empty fields match everything. */
public record ModelFilter(Optional<String> name, List<String> bases, Optional<String> type) {
    public ModelFilter {
        bases = List.copyOf(bases);
    }

    public static ModelFilter all() {
        return new ModelFilter(Optional.empty(), List.of(), Optional.empty());
    }

    public ModelFilter withName(String exactName) {
        return new ModelFilter(Optional.of(exactName), bases, type);
    }

    public ModelFilter withBases(String... newBases) {
        return new ModelFilter(name, List.of(newBases), type);
    }

    public ModelFilter withType(String newType) {
        return new ModelFilter(name, bases, Optional.of(newType));
    }
}
