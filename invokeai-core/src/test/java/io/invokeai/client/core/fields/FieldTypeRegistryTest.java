package io.invokeai.client.core.fields;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.invokeai.client.Cardinality;
import io.invokeai.client.FieldSpec;
import io.invokeai.client.InvokeAIException;
import io.invokeai.client.spi.FieldType;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class FieldTypeRegistryTest {
    private static final FieldSpec INT = FieldSpec.of("IntegerField", Cardinality.SINGLE);
    private static final FieldSpec IMAGE = FieldSpec.of("ImageField", Cardinality.SINGLE);

    private static FieldType named(String typeName) {
        return TestFieldTypes.type(typeName, s -> s.typeName().equals(typeName));
    }

    @Test
    void higherPriorityWins() {
        FieldType builtin = named("IntegerField");
        FieldType plugin = named("IntegerField");
        var registry =
                FieldTypeRegistry.of(List.of(TestFieldTypes.provider(0, builtin), TestFieldTypes.provider(10, plugin)));

        assertThat(registry.typeFor(INT)).isSameAs(plugin);
    }

    @Test
    void lowPriorityFallbackOnlyWhenNothingElseSupports() {
        FieldType integer = named("IntegerField");
        FieldType fallback = TestFieldTypes.any();
        var registry = FieldTypeRegistry.of(
                List.of(TestFieldTypes.provider(-100, fallback), TestFieldTypes.provider(0, integer)));

        assertThat(registry.typeFor(INT)).isSameAs(integer);
        assertThat(registry.typeFor(IMAGE)).isSameAs(fallback);
    }

    @Test
    void equalPriorityConflictFailsNamingBothProviders() {
        var registry = FieldTypeRegistry.of(List.of(
                TestFieldTypes.provider(0, named("IntegerField")),
                new TestFieldTypes.OtherProvider(named("IntegerField"))));

        assertThatThrownBy(() -> registry.typeFor(INT))
                .isInstanceOf(InvokeAIException.class)
                .hasMessageContaining(TestFieldTypes.Provider.class.getName())
                .hasMessageContaining(TestFieldTypes.OtherProvider.class.getName())
                .hasMessageContaining("priority 0");
        // a spec only one of them supports is fine
        assertThat(FieldTypeRegistry.of(List.of(TestFieldTypes.provider(0, named("IntegerField"))))
                        .typeFor(INT)
                        .typeName())
                .isEqualTo("IntegerField");
    }

    @Test
    void withinOneProviderTheFirstSupportingTypeWins() {
        FieldType specific = named("IntegerField");
        FieldType any = TestFieldTypes.any();
        var registry = FieldTypeRegistry.of(List.of(TestFieldTypes.provider(0, specific, any)));

        assertThat(registry.typeFor(INT)).isSameAs(specific);
        assertThat(registry.typeFor(IMAGE)).isSameAs(any);
    }

    @Test
    void noProviderTellsToAddInvokeaiTypes() {
        assertThatThrownBy(() -> FieldTypeRegistry.of(List.of()).typeFor(INT))
                .isInstanceOf(InvokeAIException.class)
                .hasMessageContaining("invokeai-types");
        var onlyIntegers = FieldTypeRegistry.of(List.of(TestFieldTypes.provider(0, named("IntegerField"))));
        assertThatThrownBy(() -> onlyIntegers.typeFor(IMAGE))
                .isInstanceOf(InvokeAIException.class)
                .hasMessageContaining("invokeai-types")
                .hasMessageContaining("ImageField");
    }

    @Test
    void choicesAreCachedPerSpecAndThreadSafe() throws Exception {
        var registry = FieldTypeRegistry.of(List.of(TestFieldTypes.provider(0, named("IntegerField"))));
        var seen = ConcurrentHashMap.<FieldType>newKeySet();
        var pool = Executors.newFixedThreadPool(8);
        try {
            for (int i = 0; i < 200; i++) {
                pool.execute(() -> seen.add(registry.typeFor(FieldSpec.of("IntegerField", Cardinality.SINGLE))));
            }
        } finally {
            pool.shutdown();
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(seen).hasSize(1);
    }

    @Test
    void diagnosticsNameProviderPriorityAndSource() {
        var registry = FieldTypeRegistry.of(List.of(TestFieldTypes.provider(7, named("IntegerField"))));

        assertThat(registry.diagnostics())
                .singleElement()
                .asString()
                .contains(TestFieldTypes.Provider.class.getName())
                .contains("priority=7")
                .contains("from ")
                .contains("IntegerField");
    }

    @Test
    void loadFindsTheBuiltInTypesThroughTheServiceLoader() {
        // invokeai-types is a test dependency of the core: its providers must be found, on the module path too
        var registry = FieldTypeRegistry.load();
        assertThat(registry.diagnostics()).hasSize(registry.providers().size());
        assertThat(registry.diagnostics()).anySatisfy(d -> assertThat(d).contains("io.invokeai.client.types"));
        assertThat(registry.typeFor(INT).typeName()).isEqualTo("IntegerField");
        assertThat(registry.typeFor(FieldSpec.of("UNetField", Cardinality.SINGLE)))
                .isNotNull(); // the JSON fallback
    }
}
