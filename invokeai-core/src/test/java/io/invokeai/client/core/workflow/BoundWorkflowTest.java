package io.invokeai.client.core.workflow;

import static io.invokeai.client.core.workflow.Fixtures.q;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.invokeai.client.AmbiguousInputException;
import io.invokeai.client.FieldSpec;
import io.invokeai.client.InvalidInputException;
import io.invokeai.client.UnknownInputException;
import io.invokeai.client.WorkflowInput;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BoundWorkflowTest {
    private static final String HIGH_LORA = "291abec8-b996-4c7b-959c-360f56a3ed60";
    private static final String LOW_LORA = "ae8f115d-a3b8-4f76-b280-7313366a94ad";

    private static BigDecimal num(JsonValue v) {
        return ((jakarta.json.JsonNumber) v).bigDecimalValue();
    }

    static Stream<Arguments> workflows() {
        return Stream.of(
                Arguments.of(
                        "sdxl-text-to-image.json",
                        List.of(
                                "Model",
                                "positive prompt",
                                "negative prompt",
                                "Width",
                                "Height",
                                "Steps",
                                "CFG Scale",
                                "Scheduler",
                                "Board"),
                        List.of(
                                "ModelIdentifierField",
                                "StringField",
                                "StringField",
                                "IntegerField",
                                "IntegerField",
                                "IntegerField",
                                "FloatField or list",
                                "SchedulerField",
                                "BoardField")),
                Arguments.of(
                        "FLUX Image to Image.json",
                        List.of(
                                "Model (dev variant recommended for Image-to-Image)",
                                "T5 Encoder",
                                "CLIP Embed",
                                "VAE",
                                "Prompt",
                                "Image"),
                        List.of(
                                "ModelIdentifierField",
                                "ModelIdentifierField",
                                "ModelIdentifierField",
                                "ModelIdentifierField",
                                "StringField",
                                "ImageField")),
                Arguments.of(
                        "Prompt from File.json",
                        List.of("Model", "Prompts File Path", "Pre Prompt", "Post Prompt", "Width", "Height", "Board"),
                        List.of(
                                "ModelIdentifierField",
                                "StringField",
                                "StringField",
                                "StringField",
                                "IntegerField",
                                "IntegerField",
                                "BoardField")),
                Arguments.of(
                        "Text to Image - SD1.5.json",
                        List.of("Model", "Positive Prompt", "Negative Prompt", "Width", "Height", "Board"),
                        List.of(
                                "ModelIdentifierField",
                                "StringField",
                                "StringField",
                                "IntegerField",
                                "IntegerField",
                                "BoardField")),
                Arguments.of(
                        "Text to Image - SDXL.json",
                        List.of("Positive Prompt", "Negative Prompt", "Model", "VAE (use the FP16 model)", "Board"),
                        List.of(
                                "StringField",
                                "StringField",
                                "ModelIdentifierField",
                                "ModelIdentifierField",
                                "BoardField")),
                Arguments.of(
                        "Text to Video - Wan 2.2 Lightning.json",
                        List.of(
                                "Prompt",
                                "Width",
                                "Height",
                                "Steps",
                                "Frames",
                                "FPS",
                                "Transformer (High Noise)",
                                "CFG (High Noise)",
                                "Transformer (Low Noise)",
                                "CFG (Low Noise)",
                                "Lightning LoRA (High Noise)",
                                "Weight",
                                "Lightning LoRA (Low Noise)",
                                "Weight",
                                "Wan T5 Encoder",
                                "VAE",
                                "Component Source (Diffusers)"),
                        List.of(
                                "StringField",
                                "IntegerField",
                                "IntegerField",
                                "IntegerField",
                                "IntegerField",
                                "IntegerField",
                                "ModelIdentifierField",
                                "FloatField",
                                "ModelIdentifierField",
                                "FloatField",
                                "ModelIdentifierField",
                                "FloatField",
                                "ModelIdentifierField",
                                "FloatField",
                                "ModelIdentifierField",
                                "ModelIdentifierField",
                                "ModelIdentifierField")));
    }

    @ParameterizedTest
    @MethodSource("workflows")
    void everyExportListsItsInputsWithTypes(String file, List<String> names, List<String> types) {
        BoundWorkflow wf = Fixtures.bind(file);

        assertThat(wf.inputs()).extracting(WorkflowInput::name).containsExactlyElementsOf(names);
        assertThat(wf.inputs())
                .extracting(i -> BoundWorkflow.typeLabel(i.spec()))
                .containsExactlyElementsOf(types);
        for (WorkflowInput input : wf.inputs()) {
            assertThat(wf.input(input.idName())).isEqualTo(input);
            assertThat(input.field().spec()).isEqualTo(input.spec());
        }
        assertThat(wf.describeInputs()).contains("NAME").contains(names.get(0));
    }

    @Test
    void storedValuesAreTheInitialValues() {
        BoundWorkflow wf = Fixtures.bind("sdxl-text-to-image.json");

        assertThat(wf.get("Width").toJson()).isEqualTo(Json.createValue(768));
        assertThat(wf.get("positive prompt").toJson())
                .isEqualTo(Json.createValue("deep space, high quality, colorful"));
        assertThat(num(wf.get("CFG Scale").toJson())).isEqualByComparingTo("7.5");
        assertThat(wf.get("Board").isSet()).isFalse(); // no value stored
        assertThat(wf.input("Width").qualifiedName()).isEqualTo("Create Latent Noise.width");
        assertThat(wf.input("positive prompt").qualifiedName()).isEqualTo("Positive Prompt.value");
        assertThat(wf.input("Width").nodeId()).isEqualTo("noise:f4Bv4UWa22");
    }

    @Test
    void namesAreMatchedExactlyThenIgnoringCaseThenQualified() {
        BoundWorkflow wf = Fixtures.bind("sdxl-text-to-image.json");

        assertThat(wf.input("width").fieldName()).isEqualTo("width");
        assertThat(wf.input("POSITIVE PROMPT").nodeId()).isEqualTo("positive_prompt:kjUMdcg0zO");
        assertThat(wf.input("Create Latent Noise.height").fieldName()).isEqualTo("height");
        assertThat(wf.input("create latent noise.HEIGHT").fieldName()).isEqualTo("height");
        assertThat(wf.input("noise:f4Bv4UWa22.width").name()).isEqualTo("Width");
        assertThatThrownBy(() -> wf.input("Depth"))
                .isInstanceOf(UnknownInputException.class)
                .hasMessageContaining("Depth")
                .hasMessageContaining("positive prompt")
                .satisfies(
                        e -> assertThat(((UnknownInputException) e).available()).contains("Width", "Board"));
    }

    @Test
    void sharedNamesAreAmbiguousAndQualifiedNamesWork() {
        BoundWorkflow wf = Fixtures.bind("Text to Video - Wan 2.2 Lightning.json");

        assertThatThrownBy(() -> wf.input("Weight"))
                .isInstanceOf(AmbiguousInputException.class)
                .satisfies(e -> assertThat(((AmbiguousInputException) e).candidates())
                        .containsExactly(
                                "Apply Lightning LoRA (High Noise).weight",
                                HIGH_LORA + ".weight",
                                "Apply LoRA - Wan 2.2.weight",
                                LOW_LORA + ".weight"));
        assertThatThrownBy(() -> wf.set("weight", 0.5)).isInstanceOf(AmbiguousInputException.class);

        assertThat(wf.input("Apply Lightning LoRA (High Noise).weight").nodeId())
                .isEqualTo(HIGH_LORA);
        assertThat(wf.input("Apply LoRA - Wan 2.2.weight").nodeId()).isEqualTo(LOW_LORA);
        assertThat(wf.input(LOW_LORA + ".weight").nodeId()).isEqualTo(LOW_LORA);

        wf.set("Apply LoRA - Wan 2.2.weight", 0.75);
        assertThat(num(wf.get(LOW_LORA + ".weight").toJson())).isEqualByComparingTo("0.75");
        assertThat(num(wf.get(HIGH_LORA + ".weight").toJson())).isEqualByComparingTo("1");
        assertThatThrownBy(() -> wf.input("nope"))
                .isInstanceOf(UnknownInputException.class)
                .hasMessageContaining("Apply LoRA - Wan 2.2.weight");
    }

    @Test
    void setChecksAtOnceAndSnapshotsAreFrozen() {
        BoundWorkflow wf = Fixtures.bind("sdxl-text-to-image.json");
        WorkflowSnapshot before = wf.snapshot();

        wf.set("Width", 1024).set("Steps", 12).runs(3);
        assertThat(wf.get("Width").toJson()).isEqualTo(Json.createValue(1024));
        assertThatThrownBy(() -> wf.set("Width", 1001)) // not a multiple of 8
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Width");
        assertThat(wf.get("Width").toJson()).isEqualTo(Json.createValue(1024));

        assertThat(before.runs()).isEqualTo(1);
        assertThat(before.values().get("noise:f4Bv4UWa22").get("width")).isEqualTo(Json.createValue(768));
        WorkflowSnapshot after = wf.snapshot();
        assertThat(after.runs()).isEqualTo(3);
        assertThat(after.values().get("noise:f4Bv4UWa22").get("width")).isEqualTo(Json.createValue(1024));
        assertThat(after.values().get("denoise_latents:TRC0Y88EWe").get("steps"))
                .isEqualTo(Json.createValue(12));
        assertThatThrownBy(() -> wf.runs(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void formSettingsNarrowTheSpec() {
        var wf = TestWorkflow.create()
                .node("N", "noise", "Noise", Map.of())
                .node("S", "string", "Style", Map.of("value", "b"))
                .node("F", "float_math", Map.of())
                .form(q("{'rootElementId':'root','elements':{"
                        + "'root':{'id':'root','type':'container','data':{'layout':'column','children':['w','s','f']}},"
                        + "'w':{'id':'w','type':'node-field','parentId':'root','data':{'fieldIdentifier':"
                        + "     {'nodeId':'N','fieldName':'width'},'showDescription':true,'settings':"
                        + "     {'type':'integer-field-config','showShuffle':false,'component':'slider','min':256,'max':2048}}},"
                        + "'s':{'id':'s','type':'node-field','parentId':'root','data':{'fieldIdentifier':"
                        + "     {'nodeId':'S','fieldName':'value'},'showDescription':true,'settings':"
                        + "     {'type':'string-field-config','component':'dropdown','options':"
                        + "     [{'label':'Alpha','value':'a'},{'label':'','value':'b'}]}}},"
                        + "'f':{'id':'f','type':'node-field','parentId':'root','data':{'fieldIdentifier':"
                        + "     {'nodeId':'F','fieldName':'a'},'showDescription':true,'settings':"
                        + "     {'type':'float-field-config','component':'number-input','max':0.5}}}}}"))
                .document();
        BoundWorkflow bound = BoundWorkflow.bind(wf, Fixtures.templates(), Fixtures.registry());

        FieldSpec width = bound.input("Width").spec();
        assertThat(width.constraints().minimum()).contains(BigDecimal.valueOf(256));
        assertThat(width.constraints().maximum()).contains(BigDecimal.valueOf(2048));
        assertThat(width.constraints().multipleOf()).contains(BigDecimal.valueOf(8)); // the schema's limits stay
        assertThatThrownBy(() -> bound.set("Width", 128)).isInstanceOf(InvalidInputException.class);
        bound.set("Width", 512);

        FieldSpec style = bound.input("Style.value").spec();
        assertThat(style.options()).containsExactly("a", "b");
        assertThat(style.optionLabels()).containsExactly(Map.entry("a", "Alpha"));

        assertThat(bound.input("A").spec().constraints().maximum()).contains(new BigDecimal("0.5"));
        assertThat(bound.describeInputs())
                .contains("in [256, 2048], a multiple of 8")
                .contains("one of a, b");
    }

    @Test
    void sharedNamesAreShownQualifiedInTheListing() {
        BoundWorkflow wf = Fixtures.bind("Text to Video - Wan 2.2 Lightning.json");
        String table = wf.describeInputs();

        assertThat(table).contains("Apply Lightning LoRA (High Noise).weight").contains("Apply LoRA - Wan 2.2.weight");
        String[] lines = table.split("\n");
        assertThat(lines).hasSize(1 + 1 + 17);
        int valueColumn = lines[1].indexOf("VALUE");
        assertThat(lines[2].charAt(valueColumn - 1)).isEqualTo(' ');
    }

    @Test
    void unsetValuesAreRemovedFromTheSubmission() {
        BoundWorkflow wf = Fixtures.bind("sdxl-text-to-image.json");
        wf.set("positive prompt", null);

        JsonValue value =
                wf.snapshot().values().get("positive_prompt:kjUMdcg0zO").get("value");
        assertThat(value).isEqualTo(JsonValue.NULL);
        var graph = GraphBuilder.enqueueBody(
                        wf.snapshot(), wf.registry(), wf.snapshot().values(), GraphBuilder.Options.of("g"))
                .getJsonObject("batch")
                .getJsonObject("graph");
        assertThat(graph.getJsonObject("nodes").getJsonObject("positive_prompt:kjUMdcg0zO"))
                .doesNotContainKey("value");
    }
}
