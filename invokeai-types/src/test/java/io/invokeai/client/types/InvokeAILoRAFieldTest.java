package io.invokeai.client.types;

import static io.invokeai.client.types.Jsons.json;
import static io.invokeai.client.types.Jsons.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.invokeai.client.Cardinality;
import io.invokeai.client.FieldSpec;
import io.invokeai.client.InvalidInputException;
import io.invokeai.client.InvokeAIField;
import io.invokeai.client.ModelInfo;
import io.invokeai.client.spi.FieldContext;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class InvokeAILoRAFieldTest {
    private static final FieldSpec LORAS = Specs.spec("LoRAField", Cardinality.SINGLE_OR_COLLECTION, "LoRAs")
            .withModelFilter(List.of("sd-1", "sd-2"), List.of("lora"));
    private static final ModelInfo DETAIL = new ModelInfo("k-1", "h-1", "detail", "sd-1", "lora", "lycoris", "");
    private static final ModelInfo STYLE = new ModelInfo("k-2", "h-2", "style", "sd-1", "lora", "lycoris", "");

    private static InvokeAIField<?> set(FieldSpec spec, Object value) {
        return InvokeAILoRAField.TYPE.fromJava(spec, "LoRAs", value);
    }

    @Test
    void resolvesEachLoRAAndSendsTheGuiShape() {
        InvokeAIField<?> field = set(LORAS, List.of(new LoRA("detail", 0.75), new LoRA("style", 0.5)));
        assertThat(value(field)).isEqualTo(List.of(new LoRA("detail", 0.75), new LoRA("style", 0.5)));
        assertThat(field.needsPreparation()).isTrue();

        FieldContext context = mock(FieldContext.class);
        when(context.resolveModel(any(), any(), anyList(), anyList()))
                .thenAnswer(i -> CompletableFuture.completedFuture("detail".equals(i.getArgument(1)) ? DETAIL : STYLE));
        InvokeAIField<?> prepared = field.prepare(context).join();

        verify(context).resolveModel("LoRAs", "detail", List.of("sd-1", "sd-2"), List.of("lora"));
        verify(context).resolveModel("LoRAs", "style", List.of("sd-1", "sd-2"), List.of("lora"));
        assertThat(prepared.needsPreparation()).isFalse();
        assertThat(prepared.toJson())
                .isEqualTo(json("[{\"lora\": {\"key\": \"k-1\", \"hash\": \"h-1\", \"name\": \"detail\", \"base\":"
                        + " \"sd-1\", \"type\": \"lora\"}, \"weight\": 0.75}, {\"lora\": {\"key\": \"k-2\", \"hash\":"
                        + " \"h-2\", \"name\": \"style\", \"base\": \"sd-1\", \"type\": \"lora\"}, \"weight\": 0.5}]"));
        assertThat(((InvokeAILoRAField) prepared).identifiers()).allMatch(java.util.Optional::isPresent);
        // the stored shape reads back equal
        assertThat(InvokeAILoRAField.TYPE
                        .fromJson(LORAS, prepared.toJson(), null)
                        .toJson())
                .isEqualTo(prepared.toJson());
    }

    @Test
    void aSingleLoRAIsSentAsAList() {
        InvokeAIField<?> field = set(LORAS, new LoRA("detail", 1));
        assertThat(field.toJson())
                .isEqualTo(json("[{\"lora\": {\"key\": \"<resolve:detail>\", \"name\": \"detail\"}, \"weight\": 1}]"));
        assertThat(InvokeAILoRAField.of(LORAS, List.of(LoRA.of(DETAIL, 0.5)))
                        .value()
                        .orElseThrow())
                .containsExactly(new LoRA("k-1", 0.5));
    }

    @Test
    void theTypeDefaultsToLoRA() {
        FieldSpec unfiltered = Specs.spec("LoRAField", Cardinality.COLLECTION, "LoRAs");
        FieldContext context = mock(FieldContext.class);
        when(context.resolveModel(any(), any(), anyList(), anyList()))
                .thenReturn(CompletableFuture.completedFuture(DETAIL));
        set(unfiltered, List.of(new LoRA("detail", 1))).prepare(context).join();
        verify(context).resolveModel("LoRAs", "detail", List.of(), List.of("lora"));
        assertThat(InvokeAILoRAField.TYPE.describe(unfiltered))
                .isEqualTo("list of LoRA of type [lora] (LoRA(name or key, weight))");
    }

    @Test
    void readsTheGuiShapeAndReResolvesIt() {
        String stored = "[{\"lora\": {\"key\": \"elsewhere\", \"hash\": \"h\", \"name\": \"detail\", \"base\":"
                + " \"sd-1\", \"type\": \"lora\"}, \"weight\": 0.8}]";
        InvokeAIField<?> read = InvokeAILoRAField.TYPE.fromJson(LORAS, json(stored), null);
        assertThat(value(read)).isEqualTo(List.of(new LoRA("detail", 0.8)));
        assertThat(read.needsPreparation()).isTrue();
        assertThat(read.toJson()).isEqualTo(json(stored));
        FieldContext context = mock(FieldContext.class);
        when(context.resolveModel(any(), any(), anyList(), anyList()))
                .thenReturn(CompletableFuture.completedFuture(DETAIL));
        read.prepare(context).join();
        verify(context).resolveModel("LoRAs", "detail", List.of("sd-1"), List.of("lora"));
        assertThat(InvokeAILoRAField.TYPE.fromJson(LORAS, json("[]"), null).toJson())
                .hasToString("[]");
        assertThat(InvokeAILoRAField.TYPE.fromJson(LORAS, json("null"), null).isSet())
                .isFalse();
    }

    @Test
    void rejectsBadEntries() {
        assertThatThrownBy(() -> set(LORAS, List.of("detail")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("Input 'LoRAs' expects list of LoRA of base [sd-1, sd-2] and type [lora]"
                        + " (LoRA(name or key, weight)), but was given [detail]")
                .hasMessageEndingWith("(item 0 is \"detail\" (String))");
        assertThatThrownBy(() -> set(LORAS, List.of(json("{\"lora\": \"detail\", \"weight\": \"x\"}"))))
                .hasMessageEndingWith(": \"weight\" must be a number)");
        ModelInfo sdxl = new ModelInfo("k", "h", "xl", "sdxl", "lora", "lycoris", "");
        assertThatThrownBy(() -> set(LORAS, List.of(java.util.Map.of("lora", sdxl, "weight", 1))))
                .hasMessageEndingWith(": its base is sdxl)");
        assertThatThrownBy(() -> new LoRA(" ", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LoRA("a", Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSingleCardinalityHoldsOneEntry() {
        FieldSpec one = Specs.single("LoRAField", "LoRA");
        InvokeAIField<?> field = set(one, new LoRA("detail", 0.5));
        assertThat(field.toJson())
                .isEqualTo(json("{\"lora\": {\"key\": \"<resolve:detail>\", \"name\": \"detail\"}, \"weight\": 0.5}"));
        assertThatThrownBy(() -> set(one, List.of(new LoRA("a", 1), new LoRA("b", 1))))
                .hasMessageEndingWith("(it takes one LoRA)");
        String output = "{\"lora\": {\"key\": \"k-1\", \"hash\": \"h-1\", \"name\": \"detail\", \"base\": \"sd-1\","
                + " \"type\": \"lora\"}, \"weight\": 0.5}";
        assertThat(InvokeAILoRAField.TYPE.fromJson(one, json(output), null).toJson())
                .isEqualTo(json(output));
    }
}
