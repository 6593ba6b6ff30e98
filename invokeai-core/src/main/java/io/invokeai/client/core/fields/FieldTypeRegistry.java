package io.invokeai.client.core.fields;

import io.invokeai.client.FieldSpec;
import io.invokeai.client.InvokeAIException;
import io.invokeai.client.spi.FieldType;
import io.invokeai.client.spi.FieldTypeProvider;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Chooses the client type for a field spec among the registered {@link FieldTypeProvider}s. Providers come from
 * {@link ServiceLoader}, so {@code invokeai-types} and plugins are found on the module path and on the class path.
 *
 * <p>Selection: within one provider the first type in its list that {@link FieldType#supports supports} the spec
 * wins (a provider lists its specific types before its fallback); across providers the highest
 * {@link FieldTypeProvider#priority() priority} wins. Two different providers of the same priority that both support
 * a spec are a configuration error and fail loudly, naming both, rather than picking one by class-path order.
 *
 * <p>Thread-safe; choices are cached per spec.
 */
public final class FieldTypeRegistry {
    private final List<FieldTypeProvider> providers;
    private final ConcurrentMap<FieldSpec, FieldType> cache = new ConcurrentHashMap<>();

    private FieldTypeRegistry(List<? extends FieldTypeProvider> providers) {
        this.providers = List.copyOf(providers);
    }

    /**
     * Loads the providers with {@link ServiceLoader}: first through the module layer and the context class loader,
     * then, if that finds nothing (e.g. an application server's context loader), through this module's loader.
     *
     * @throws InvokeAIException if a provider cannot be instantiated
     */
    public static FieldTypeRegistry load() {
        List<FieldTypeProvider> found = loadWith(ServiceLoader.load(FieldTypeProvider.class));
        if (found.isEmpty()) {
            ClassLoader own = FieldTypeRegistry.class.getClassLoader();
            found = loadWith(ServiceLoader.load(FieldTypeProvider.class, own));
        }
        return new FieldTypeRegistry(found);
    }

    /** A registry of exactly these providers, for explicit registration and tests. */
    public static FieldTypeRegistry of(List<? extends FieldTypeProvider> providers) {
        Objects.requireNonNull(providers, "providers");
        providers.forEach(p -> Objects.requireNonNull(p, "provider"));
        return new FieldTypeRegistry(providers);
    }

    private static List<FieldTypeProvider> loadWith(ServiceLoader<FieldTypeProvider> loader) {
        List<FieldTypeProvider> result = new ArrayList<>();
        try {
            for (FieldTypeProvider provider : loader) {
                // the same provider class may be visible twice (module path and class path); keep one
                if (result.stream()
                        .noneMatch(p -> p.getClass()
                                .getName()
                                .equals(provider.getClass().getName()))) {
                    result.add(provider);
                }
            }
        } catch (ServiceConfigurationError e) {
            throw new InvokeAIException("A field type provider could not be loaded: " + e.getMessage(), e);
        }
        return result;
    }

    /** The registered providers, in registration order. */
    public List<FieldTypeProvider> providers() {
        return providers;
    }

    /**
     * The type for a spec.
     *
     * @throws InvokeAIException if no provider supports it (the message says to add {@code invokeai-types}), or if
     *     two providers of equal priority both support it
     */
    public FieldType typeFor(FieldSpec spec) {
        Objects.requireNonNull(spec, "spec");
        FieldType cached = cache.get(spec);
        if (cached != null) {
            return cached;
        }
        FieldType chosen = choose(spec);
        FieldType raced = cache.putIfAbsent(spec, chosen);
        return raced == null ? chosen : raced;
    }

    private FieldType choose(FieldSpec spec) {
        record Candidate(FieldTypeProvider provider, int priority, FieldType type) {}
        List<Candidate> candidates = new ArrayList<>();
        for (FieldTypeProvider provider : providers) {
            int priority = provider.priority();
            for (FieldType type : provider.fieldTypes()) {
                if (type.supports(spec)) {
                    candidates.add(new Candidate(provider, priority, type));
                    break;
                }
            }
        }
        if (candidates.isEmpty()) {
            if (providers.isEmpty()) {
                throw new InvokeAIException("No field types are registered, so '" + describe(spec)
                        + "' cannot be typed. Add the io.invokeai.client:invokeai-types dependency (it registers the"
                        + " built-in types through ServiceLoader).");
            }
            throw new InvokeAIException("No registered field type supports '" + describe(spec) + "'. Add the"
                    + " io.invokeai.client:invokeai-types dependency, or a provider for this type. Providers: "
                    + String.join("; ", diagnostics()));
        }
        int top = candidates.stream().mapToInt(Candidate::priority).max().orElseThrow();
        List<Candidate> best = candidates.stream()
                .filter(c -> c.priority() == top)
                .sorted(Comparator.comparing(c -> c.provider().getClass().getName()))
                .toList();
        if (best.size() > 1) {
            throw new InvokeAIException("Field type conflict for '" + describe(spec) + "': providers "
                    + best.get(0).provider().getClass().getName() + " ("
                    + best.get(0).type().getClass().getName()
                    + ") and " + best.get(1).provider().getClass().getName() + " ("
                    + best.get(1).type().getClass().getName() + ") both support it with priority " + top
                    + ". Give the overriding provider a higher priority() or remove one of them.");
        }
        return best.get(0).type();
    }

    private static String describe(FieldSpec spec) {
        String where = spec.nodeType().isEmpty() ? "" : " (" + spec.nodeType() + "." + spec.fieldName() + ")";
        return spec.typeName() + " " + spec.cardinality() + where;
    }

    /** One line per provider: its class, priority, where it was loaded from and its type names. */
    public List<String> diagnostics() {
        List<String> lines = new ArrayList<>();
        for (FieldTypeProvider provider : providers) {
            Class<?> c = provider.getClass();
            List<String> names =
                    provider.fieldTypes().stream().map(FieldType::typeName).toList();
            lines.add(c.getName() + " priority=" + provider.priority() + " from " + source(c) + " types=" + names);
        }
        return lines;
    }

    private static String source(Class<?> c) {
        Module module = c.getModule();
        if (module.isNamed()) {
            return "module " + module.getName();
        }
        try {
            CodeSource code = c.getProtectionDomain().getCodeSource();
            return code == null || code.getLocation() == null ? "class path" : "class path " + code.getLocation();
        } catch (SecurityException e) {
            return "class path";
        }
    }

    @Override
    public String toString() {
        return "FieldTypeRegistry" + diagnostics();
    }
}
