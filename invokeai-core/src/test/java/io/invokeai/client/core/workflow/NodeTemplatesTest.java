package io.invokeai.client.core.workflow;

import static io.invokeai.client.core.workflow.Fixtures.q;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.invokeai.client.Cardinality;
import io.invokeai.client.FieldSpec;
import io.invokeai.client.InvokeAIException;
import jakarta.json.Json;
import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NodeTemplatesTest {
    private final NodeTemplates templates = NodeTemplates.bundled();

    private FieldSpec input(String type, String field) {
        return templates.get(type).orElseThrow().input(field).orElseThrow();
    }

    @Test
    void bundledSchemaHasTheInvocations() {
        assertThat(templates.types()).hasSizeGreaterThan(250).contains("noise", "l2i", "string_batch", "save_image");
        assertThat(templates.get("graph")).isEmpty(); // on the GUI's deny list
        assertThat(templates.get("no_such_node")).isEmpty();
        assertThat(templates.serverVersion()).isPresent();
    }

    @Test
    void noiseTemplateLikeTheGui() {
        NodeTemplate noise = templates.get("noise").orElseThrow();
        assertThat(noise.title()).isEqualTo("Create Latent Noise");
        assertThat(noise.version()).isEqualTo("1.1.0");
        assertThat(noise.classification()).isEqualTo("stable");
        assertThat(noise.inputs().keySet()).containsExactly("noise_type", "seed", "width", "height", "use_cpu");

        FieldSpec width = noise.inputs().get("width");
        assertThat(width.typeName()).isEqualTo("IntegerField");
        assertThat(width.cardinality()).isEqualTo(Cardinality.SINGLE);
        assertThat(width.title()).isEqualTo("Width");
        assertThat(width.defaultValue()).contains(Json.createValue(512));
        assertThat(width.constraints().exclusiveMinimum()).contains(BigDecimal.ZERO);
        assertThat(width.constraints().multipleOf()).contains(BigDecimal.valueOf(8));
        assertThat(width.required()).isFalse();
        assertThat(width.input()).isEqualTo("any");

        FieldSpec seed = noise.inputs().get("seed");
        assertThat(seed.constraints().minimum()).contains(BigDecimal.ZERO);
        assertThat(seed.constraints().maximum()).contains(new BigDecimal("4294967295"));

        FieldSpec noiseType = noise.inputs().get("noise_type");
        assertThat(noiseType.typeName()).isEqualTo("EnumField");
        assertThat(noiseType.options()).startsWith("SD", "FLUX");
        assertThat(noise.initialValue("noise_type")).contains(Json.createValue("SD"));

        assertThat(noise.outputType()).isEqualTo("noise_output");
        assertThat(noise.outputFields().keySet()).containsExactly("noise", "width", "height");
        assertThat(noise.outputFields().get("noise").typeName()).isEqualTo("LatentsField");
    }

    @Test
    void internalBoardAndMetadataAreInputsButNodeAttributesAreNot() {
        NodeTemplate l2i = templates.get("l2i").orElseThrow();
        assertThat(l2i.inputs().keySet())
                .startsWith("board", "metadata")
                .doesNotContain("id", "type", "use_cache", "is_intermediate");
        FieldSpec board = l2i.inputs().get("board");
        assertThat(board.typeName()).isEqualTo("BoardField");
        assertThat(board.input()).isEqualTo("direct");
        assertThat(board.title()).isEqualTo("Board"); // no schema title: the GUI's startCase fallback
        assertThat(l2i.initialValue("board")).contains(Json.createValue("auto"));
        assertThat(l2i.inputs().get("metadata").input()).isEqualTo("connection");
        assertThat(l2i.inputs().get("latents").typeName()).isEqualTo("LatentsField");
        assertThat(l2i.inputs().get("latents").required()).isTrue();
        assertThat(l2i.useCache()).isTrue();
        assertThat(l2i.outputType()).isEqualTo("image_output");
        assertThat(l2i.outputFields().get("image").typeName()).isEqualTo("ImageField");
    }

    @Test
    void modelFieldsCarryTheirFilterAndTheFallbackTitle() {
        FieldSpec model = input("sdxl_model_loader", "model");
        assertThat(model.typeName()).isEqualTo("ModelIdentifierField");
        assertThat(model.title()).isEqualTo("Model");
        assertThat(model.modelBases()).containsExactly("sdxl");
        assertThat(model.modelTypes()).containsExactly("main");
        assertThat(model.required()).isTrue();
        assertThat(model.defaultValue()).isEmpty();
        assertThat(input("flux_model_loader", "t5_encoder_model").title()).isEqualTo("T5 Encoder");
        assertThat(input("blank_image", "color").title()).isEqualTo("Color");
        assertThat(input("blank_image", "color").defaultValue()).isPresent();
    }

    @Test
    void uiTypeOverridesTheName() {
        FieldSpec scheduler = input("denoise_latents", "scheduler");
        assertThat(scheduler.typeName()).isEqualTo("SchedulerField");
        assertThat(scheduler.options()).contains("euler", "dpmpp_3m_k");
        assertThat(input("collect", "collection").typeName()).isEqualTo("CollectionField");
        assertThat(input("collect", "collection").cardinality()).isEqualTo(Cardinality.COLLECTION);
        assertThat(input("collect", "item").typeName()).isEqualTo("CollectionItemField");
        assertThat(input("collect", "item").input()).isEqualTo("connection");
        assertThat(templates.get("iterate").orElseThrow().inputs()).doesNotContainKey("index");
    }

    @Test
    void unionsAndCollections() {
        FieldSpec weight = input("controlnet", "control_weight");
        assertThat(weight.typeName()).isEqualTo("FloatField");
        assertThat(weight.cardinality()).isEqualTo(Cardinality.SINGLE_OR_COLLECTION);
        assertThat(weight.constraints().minimum()).contains(BigDecimal.valueOf(-1)); // pydantic's ge on a union
        assertThat(weight.constraints().maximum()).contains(BigDecimal.valueOf(2));

        FieldSpec strings = input("string_batch", "strings");
        assertThat(strings.typeName()).isEqualTo("StringField");
        assertThat(strings.cardinality()).isEqualTo(Cardinality.COLLECTION);

        FieldSpec images = input("image_batch", "images");
        assertThat(images.typeName()).isEqualTo("ImageField");
        assertThat(images.cardinality()).isEqualTo(Cardinality.COLLECTION);
        assertThat(images.constraints().minItems()).contains(1);

        FieldSpec group = input("string_batch", "batch_group_id");
        assertThat(group.options()).containsExactly("None", "Group 1", "Group 2", "Group 3", "Group 4", "Group 5");
        assertThat(input("float_generator", "generator").typeName()).isEqualTo("FloatGeneratorField");
        assertThat(templates.get("float_generator").orElseThrow().initialValue("generator"))
                .map(Object::toString)
                .hasValueSatisfying(v -> assertThat(v).contains("float_generator_arithmetic_sequence"));
    }

    @Test
    void guiInitialValuesUseTheGuiFallbacks() {
        NodeTemplate meta = templates.get("core_metadata").orElseThrow();
        // optional integer without default: the GUI starts it at 0
        assertThat(meta.initialValue("clip_skip")).contains(Json.createValue(0));
        assertThat(meta.initialValue("model")).isEmpty(); // models start unset
        assertThat(templates.get("lora_loader").orElseThrow().inputs()).containsKey("lora");
    }

    @Test
    void outputTypesAreIndexed() {
        assertThat(templates.outputFields("image_output"))
                .hasValueSatisfying(f -> assertThat(f.keySet()).containsExactly("image", "width", "height"));
        assertThat(templates.outputFields("nope")).isEmpty();
    }

    @Test
    void parsesAHandWrittenSchemaAndDropsWhatTheGuiDrops() {
        var schema = q("{'info':{'version':'9.9.9'},'components':{'schemas':{"
                + "'FooInvocation':{'class':'invocation','title':'Foo Invocation','version':'2.0.1',"
                + "  'properties':{"
                + "   'id':{'type':'string','field_kind':'node_attribute'},"
                + "   'type':{'const':'foo','default':'foo','field_kind':'node_attribute'},"
                + "   'use_cache':{'default':false,'field_kind':'node_attribute'},"
                + "   'count':{'type':'integer','minimum':1,'maximum':9,'default':3,'field_kind':'input','input':'any'},"
                + "   'mode':{'anyOf':[{'enum':['a','b'],'type':'string'},{'type':'null'}],'default':null,"
                + "           'ui_choice_labels':{'a':'Alpha'},'field_kind':'input','orig_required':true},"
                + "   'blob':{'type':'object','additionalProperties':true,'field_kind':'input'},"
                + "   'text':{'anyOf':[{'type':'string','maxLength':5},{'type':'null'}],'field_kind':'input'},"
                + "   'imgs':{'anyOf':[{'$ref':'#/components/schemas/ImageField'},"
                + "           {'type':'array','items':{'$ref':'#/components/schemas/ImageField'}}],'field_kind':'input'}"
                + "  },'output':{'$ref':'#/components/schemas/FooOutput'}},"
                + "'BarInvocation':{'class':'invocation','title':'Bar','properties':{"
                + "   'type':{'default':'bar','field_kind':'node_attribute'}},"
                + "  'output':{'$ref':'#/components/schemas/Missing'}},"
                + "'FooOutput':{'class':'output','properties':{"
                + "   'type':{'default':'foo_output','field_kind':'node_attribute'},"
                + "   'result_value':{'type':'integer','field_kind':'output'}}}"
                + "}}}");
        NodeTemplates t = NodeTemplates.fromOpenApi(schema);

        assertThat(t.types()).containsExactly("foo");
        NodeTemplate foo = t.get("foo").orElseThrow();
        assertThat(foo.title()).isEqualTo("Foo ");
        assertThat(foo.useCache()).isFalse();
        assertThat(foo.inputs().keySet()).containsExactly("count", "mode", "text", "imgs");
        assertThat(foo.inputs().get("mode").options()).containsExactly("a", "b");
        assertThat(foo.inputs().get("mode").optionLabels()).containsEntry("a", "Alpha");
        assertThat(foo.inputs().get("mode").required()).isTrue();
        assertThat(foo.initialValue("mode")).contains(Json.createValue("a"));
        assertThat(foo.inputs().get("mode").title()).isEqualTo("Mode");
        assertThat(foo.inputs().get("text").constraints().maxLength()).contains(5);
        assertThat(foo.inputs().get("text").defaultValue()).isEmpty();
        assertThat(foo.inputs().get("imgs").cardinality()).isEqualTo(Cardinality.SINGLE_OR_COLLECTION);
        assertThat(foo.inputs().get("imgs").input()).isEqualTo("any");
        assertThat(foo.outputType()).isEqualTo("foo_output");
        assertThat(foo.outputFields().get("result_value").title()).isEqualTo("Result Value");
        assertThat(t.warnings())
                .anySatisfy(w -> assertThat(w).contains("foo.blob"))
                .anySatisfy(w -> assertThat(w).contains("bar").contains("Missing"));
        assertThat(t.serverVersion()).isEqualTo(Optional.of("9.9.9"));
    }

    @Test
    void rejectsADocumentThatIsNotAnOpenApiSchema() {
        assertThatThrownBy(() -> NodeTemplates.fromOpenApi(q("{'openapi':'3.1.0'}")))
                .isInstanceOf(InvokeAIException.class)
                .hasMessageContaining("components.schemas");
    }

    @Test
    void startCaseLikeTheGui() {
        assertThat(NodeTemplates.startCase("vae_model")).isEqualTo("Vae Model");
        assertThat(NodeTemplates.startCase("t5_encoder_model")).isEqualTo("T 5 Encoder Model");
        assertThat(NodeTemplates.startCase("clip2")).isEqualTo("Clip 2");
        assertThat(NodeTemplates.startCase("ipAdapters")).isEqualTo("Ip Adapters");
        assertThat(NodeTemplates.startCase("CFG_scale")).isEqualTo("CFG Scale");
        assertThat(NodeTemplates.startCase("board")).isEqualTo("Board");
    }
}
