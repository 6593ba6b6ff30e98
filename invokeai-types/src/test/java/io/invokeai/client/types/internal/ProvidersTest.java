package io.invokeai.client.types.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.invokeai.client.Cardinality;
import io.invokeai.client.FieldSpec;
import io.invokeai.client.spi.FieldType;
import io.invokeai.client.spi.FieldTypeProvider;
import io.invokeai.client.types.InvokeAIJsonField;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.module.ModuleDescriptor;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ProvidersTest {
    private static final String SERVICE = FieldTypeProvider.class.getName();

    @Test
    void testsRunOnTheModulePath() {
        assertThat(getClass().getModule().isNamed()).isTrue();
        assertThat(getClass().getModule().getName()).isEqualTo("io.invokeai.client.types");
    }

    @Test
    void serviceLoaderFindsBothProviders() {
        // a test is part of this module, which provides rather than uses the service
        getClass().getModule().addUses(FieldTypeProvider.class);
        Set<String> found = ServiceLoader.load(FieldTypeProvider.class).stream()
                .map(p -> p.type().getName())
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(found).contains(BuiltinFieldTypeProvider.class.getName(), JsonFieldTypeProvider.class.getName());
    }

    @Test
    void moduleInfoAndMetaInfServicesListTheSameProviders() throws IOException {
        ModuleDescriptor descriptor = getClass().getModule().getDescriptor();
        Set<String> declared = descriptor.provides().stream()
                .filter(p -> p.service().equals(SERVICE))
                .flatMap(p -> p.providers().stream())
                .collect(Collectors.toCollection(TreeSet::new));

        Set<String> listed = new TreeSet<>();
        try (InputStream in = getClass().getModule().getResourceAsStream("META-INF/services/" + SERVICE)) {
            assertThat(in).as("META-INF/services file").isNotNull();
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                    .lines()
                    .map(l -> l.replaceAll("#.*", "").trim())
                    .filter(l -> !l.isEmpty())
                    .forEach(listed::add);
        }
        assertThat(declared).isNotEmpty().isEqualTo(listed);
    }

    @Test
    void providersHaveTheirPriorities() {
        assertThat(new BuiltinFieldTypeProvider().priority()).isEqualTo(FieldTypeProvider.BUILTIN_PRIORITY);
        assertThat(new JsonFieldTypeProvider().priority()).isEqualTo(FieldTypeProvider.BUILTIN_PRIORITY - 100);
        assertThat(new JsonFieldTypeProvider().fieldTypes()).containsExactly(InvokeAIJsonField.TYPE);
    }

    @Test
    void noTwoBuiltinTypesSupportTheSameSpec() {
        List<FieldType> types = new BuiltinFieldTypeProvider().fieldTypes();
        Set<String> names = types.stream().map(FieldType::typeName).collect(Collectors.toSet());
        names.add("LatentsField");
        for (String name : names) {
            for (Cardinality cardinality : Cardinality.values()) {
                FieldSpec spec = FieldSpec.of(name, cardinality);
                List<FieldType> matching =
                        types.stream().filter(t -> t.supports(spec)).toList();
                assertThat(matching).as("%s %s", name, cardinality).hasSizeLessThanOrEqualTo(1);
            }
        }
    }

    @Test
    void everyValueTypeOfTheGuiHasASpecificType() {
        List<FieldType> types = new BuiltinFieldTypeProvider().fieldTypes();
        for (var expected : List.of(
                List.of("IntegerField", "SINGLE"),
                List.of("IntegerField", "COLLECTION"),
                List.of("IntegerField", "SINGLE_OR_COLLECTION"),
                List.of("FloatField", "SINGLE_OR_COLLECTION"),
                List.of("FloatField", "COLLECTION"),
                List.of("StringField", "COLLECTION"),
                List.of("BooleanField", "SINGLE"),
                List.of("EnumField", "SINGLE"),
                List.of("SchedulerField", "SINGLE"),
                List.of("ImageField", "SINGLE"),
                List.of("ImageField", "COLLECTION"),
                List.of("ImageField", "SINGLE_OR_COLLECTION"),
                List.of("VideoField", "SINGLE"),
                List.of("BoardField", "SINGLE"),
                List.of("ColorField", "SINGLE"),
                List.of("ModelIdentifierField", "SINGLE"),
                List.of("LoRAField", "COLLECTION"),
                List.of("LoRAField", "SINGLE_OR_COLLECTION"),
                List.of("IntegerGeneratorField", "SINGLE"),
                List.of("FloatGeneratorField", "SINGLE"),
                List.of("StringGeneratorField", "SINGLE"),
                List.of("ImageGeneratorField", "SINGLE"))) {
            FieldSpec spec = FieldSpec.of(expected.get(0), Cardinality.valueOf(expected.get(1)));
            assertThat(types).as("%s", expected).anyMatch(t -> t.supports(spec));
        }
    }
}
