package io.invokeai.client.types;

import static io.invokeai.client.types.Jsons.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.invokeai.client.FieldSpec;
import io.invokeai.client.InvalidInputException;
import io.invokeai.client.InvokeAIField;
import io.invokeai.client.ModelInfo;
import io.invokeai.client.spi.FieldContext;
import io.invokeai.client.types.InvokeAIModelField.ByName;
import io.invokeai.client.types.InvokeAIModelField.Identifier;
import io.invokeai.client.types.InvokeAIModelField.Resolved;
import io.invokeai.client.types.InvokeAIModelField.Stored;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class InvokeAIModelFieldTest {
    private static final FieldSpec MAIN =
            Specs.single("ModelIdentifierField", "Model").withModelFilter(List.of("sd-1", "sdxl"), List.of("main"));
    private static final ModelInfo JUGGERNAUT =
            new ModelInfo("key-here", "blake3:abc", "Juggernaut XL", "sdxl", "main", "diffusers", "");
    private static final String STORED = "{\"key\": \"key-elsewhere\", \"hash\": \"blake3:abc\", \"name\":"
            + " \"Juggernaut XL\", \"base\": \"sdxl\", \"type\": \"main\", \"submodel_type\": \"vae\"}";

    private static InvokeAIModelField set(Object value) {
        return (InvokeAIModelField) InvokeAIModelField.TYPE.fromJava(MAIN, "Model", value);
    }

    @Test
    void aNameIsResolvedWithTheSpecsBasesAndTypes() {
        InvokeAIModelField field = set("Juggernaut XL");
        assertThat(field.value()).contains(new ByName("Juggernaut XL"));
        assertThat(field.needsPreparation()).isTrue();
        assertThat(field.toJson())
                .isEqualTo(json("{\"key\": \"<resolve:Juggernaut XL>\", \"name\": \"Juggernaut XL\"}"));

        FieldContext context = mock(FieldContext.class);
        when(context.resolveModel(any(), any(), anyList(), anyList()))
                .thenReturn(CompletableFuture.completedFuture(JUGGERNAUT));
        InvokeAIModelField prepared = field.prepare(context).join();

        verify(context).resolveModel("Model", "Juggernaut XL", List.of("sd-1", "sdxl"), List.of("main"));
        assertThat(prepared.needsPreparation()).isFalse();
        assertThat(prepared.toJson())
                .isEqualTo(json("{\"key\": \"key-here\", \"hash\": \"blake3:abc\", \"name\": \"Juggernaut XL\","
                        + " \"base\": \"sdxl\", \"type\": \"main\"}"));
        assertThat(prepared.displayValue()).isEqualTo("Juggernaut XL");
    }

    @Test
    void aModelInfoOfThisServerIsResolvedAlready() {
        InvokeAIModelField field = set(JUGGERNAUT);
        assertThat(field.value()).contains(new Resolved(Identifier.of(JUGGERNAUT)));
        assertThat(field.needsPreparation()).isFalse();
        FieldContext context = mock(FieldContext.class);
        assertThat(field.prepare(context).join()).isSameAs(field);
        verify(context, never()).resolveModel(any(), any(), anyList(), anyList());
    }

    @Test
    void aModelOfAnotherBaseOrTypeIsRejectedAtOnce() {
        ModelInfo flux = new ModelInfo("k", "h", "FLUX Dev", "flux", "main", "checkpoint", "");
        assertThatThrownBy(() -> set(flux))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("Input 'Model' expects model of base [sd-1, sdxl] and type [main] (name, key or"
                        + " ModelInfo), but was given ModelInfo[")
                .hasMessageEndingWith("(its base is flux)");
        ModelInfo vae = new ModelInfo("k", "h", "VAE", "sdxl", "vae", "diffusers", "");
        assertThatThrownBy(() -> set(vae)).hasMessageEndingWith("(its type is vae)");
        assertThatThrownBy(() -> set(" ")).hasMessageEndingWith("(the model name is empty)");
        assertThatThrownBy(() -> set(3)).hasMessageEndingWith("but was given 3 (Integer)");
    }

    @Test
    void storedIdentifiersAreReResolvedByNameKeepingTheSubmodel() {
        InvokeAIField<?> read = InvokeAIModelField.TYPE.fromJson(MAIN, json(STORED), null);
        assertThat(read.needsPreparation()).isTrue();
        // a dry run shows the identifier as stored
        assertThat(read.toJson()).isEqualTo(json(STORED));

        FieldContext context = mock(FieldContext.class);
        when(context.resolveModel(any(), any(), anyList(), anyList()))
                .thenReturn(CompletableFuture.completedFuture(JUGGERNAUT));
        InvokeAIField<?> prepared = read.prepare(context).join();

        // by name, narrowed to the stored base and type, since the stored key belongs to another installation
        verify(context).resolveModel("Model", "Juggernaut XL", List.of("sdxl"), List.of("main"));
        assertThat(prepared.toJson())
                .isEqualTo(json("{\"key\": \"key-here\", \"hash\": \"blake3:abc\", \"name\": \"Juggernaut XL\","
                        + " \"base\": \"sdxl\", \"type\": \"main\", \"submodel_type\": \"vae\"}"));
    }

    @Test
    void fallsBackToTheStoredKeyWhenTheNameFails() {
        FieldContext context = mock(FieldContext.class);
        when(context.resolveModel("Model", "Juggernaut XL", List.of("sdxl"), List.of("main")))
                .thenReturn(CompletableFuture.failedFuture(
                        new InvalidInputException("Model", "a model", "Juggernaut XL", "2 models match")));
        when(context.resolveModel("Model", "key-elsewhere", List.of("sd-1", "sdxl"), List.of("main")))
                .thenReturn(CompletableFuture.completedFuture(JUGGERNAUT));
        InvokeAIField<?> read = InvokeAIModelField.TYPE.fromJson(MAIN, json(STORED), null);
        assertThat(((InvokeAIModelField) read.prepare(context).join()).identifier())
                .map(Identifier::key)
                .contains("key-here");
    }

    @Test
    void whenNameAndKeyFailTheNameFailureIsReported() {
        FieldContext context = mock(FieldContext.class);
        InvalidInputException byName = new InvalidInputException("Model", "a model", "Juggernaut XL", "no match");
        when(context.resolveModel(anyString(), anyString(), anyList(), anyList()))
                .thenReturn(CompletableFuture.failedFuture(byName))
                .thenReturn(CompletableFuture.failedFuture(new InvalidInputException("Model", "x", "key", "no")));
        InvokeAIField<?> read = InvokeAIModelField.TYPE.fromJson(MAIN, json(STORED), null);
        assertThatThrownBy(() -> read.prepare(context).join())
                .isInstanceOf(CompletionException.class)
                .cause()
                .isSameAs(byName);
    }

    @Test
    void aStoredIdentifierWithoutNameResolvesByKey() {
        FieldContext context = mock(FieldContext.class);
        when(context.resolveModel(any(), any(), anyList(), anyList()))
                .thenReturn(CompletableFuture.completedFuture(JUGGERNAUT));
        InvokeAIField<?> read = InvokeAIModelField.TYPE.fromJson(MAIN, json("{\"key\": \"key-here\"}"), null);
        read.prepare(context).join();
        verify(context).resolveModel("Model", "key-here", List.of("sd-1", "sdxl"), List.of("main"));
    }

    @Test
    void readsWhatTheGuiStores() {
        assertThat(InvokeAIModelField.TYPE.fromJson(MAIN, json("null"), null).isSet())
                .isFalse();
        assertThat(Jsons.value(InvokeAIModelField.TYPE.fromJson(MAIN, json(STORED), null)))
                .isEqualTo(new Stored(new Identifier(
                        "key-elsewhere", "blake3:abc", "Juggernaut XL", "sdxl", "main", Optional.of("vae"))));
        assertThatThrownBy(() -> InvokeAIModelField.TYPE.fromJson(MAIN, json("{\"base\": \"sdxl\"}"), null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageEndingWith("(a model identifier needs a \"key\" or a \"name\")");
        assertThatThrownBy(() -> InvokeAIModelField.TYPE.fromJson(MAIN, json("42"), null))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void describesTheFilter() {
        assertThat(InvokeAIModelField.TYPE.describe(MAIN))
                .isEqualTo("model of base [sd-1, sdxl] and type [main] (name, key or ModelInfo)");
        assertThat(InvokeAIModelField.TYPE.describe(Specs.single("ModelIdentifierField", "")))
                .isEqualTo("model (name, key or ModelInfo)");
        assertThat(InvokeAIModelField.TYPE.describe(
                        Specs.single("ModelIdentifierField", "").withModelFilter(List.of(), List.of("vae"))))
                .isEqualTo("model of type [vae] (name, key or ModelInfo)");
        assertThat(InvokeAIModelField.of(MAIN, "x").displayValue()).isEqualTo("x");
    }
}
