package io.invokeai.client.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.invokeai.client.InvokeAIClient;
import io.invokeai.client.spi.ClientFactory;
import io.invokeai.client.spi.FieldTypeProvider;
import io.invokeai.client.spi.TaskRecipeProvider;
import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every published jar declares each service provider twice, in {@code module-info} (module path) and in
 * {@code META-INF/services} (class path), and the two agree; otherwise one kind of application would silently miss
 * the provider.
 */
class ServiceDeclarationsIT {
    static final List<Class<?>> SERVICES =
            List.of(ClientFactory.class, FieldTypeProvider.class, TaskRecipeProvider.class);

    @Test
    void moduleDescriptorsAndMetaInfServicesAgree() throws Exception {
        List<Path> jars = List.of(
                jarOf(InvokeAIClient.class),
                jarOf(Class.forName("io.invokeai.client.core.JettyClientFactory")),
                jarOf(Class.forName("io.invokeai.client.types.InvokeAIIntegerField")));
        for (Path jar : jars) {
            assertThat(jar.toString()).as("tests run against the packaged jars").endsWith(".jar");
            ModuleDescriptor descriptor =
                    ModuleFinder.of(jar).findAll().iterator().next().descriptor();
            assertThat(descriptor.isAutomatic()).as(jar + " has a module-info").isFalse();
            for (Class<?> service : SERVICES) {
                Set<String> declared = descriptor.provides().stream()
                        .filter(p -> p.service().equals(service.getName()))
                        .flatMap(p -> p.providers().stream())
                        .collect(Collectors.toCollection(TreeSet::new));
                assertThat(servicesFile(jar, service))
                        .as(jar.getFileName() + " " + service.getSimpleName())
                        .isEqualTo(declared);
            }
        }
    }

    @Test
    void theCoreUsesBothPluginServices() throws Exception {
        ModuleDescriptor core = ModuleFinder.of(jarOf(Class.forName("io.invokeai.client.core.JettyClientFactory")))
                .findAll()
                .iterator()
                .next()
                .descriptor();
        assertThat(core.uses()).contains(FieldTypeProvider.class.getName(), TaskRecipeProvider.class.getName());
        assertThat(core.exports())
                .as("the core exports only its wire records (Yasson needs them public), no implementation")
                .extracting(ModuleDescriptor.Exports::source)
                .containsExactly("io.invokeai.client.core.wire");
    }

    static Path jarOf(Class<?> type) throws Exception {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    static Set<String> servicesFile(Path jar, Class<?> service) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            var entry = file.getEntry("META-INF/services/" + service.getName());
            if (entry == null) {
                return Set.of();
            }
            String text = new String(file.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
            return text.lines()
                    .map(l -> l.replaceAll("#.*", "").strip())
                    .filter(l -> !l.isEmpty())
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }
}
