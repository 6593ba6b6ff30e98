package io.invokeai.client.core.workflow;

import static io.invokeai.client.core.workflow.Fixtures.q;
import static org.assertj.core.api.Assertions.assertThat;

import io.invokeai.client.Cardinality;
import io.invokeai.client.NodeOutput;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultMapperTest {
    private final NodeTemplates templates = Fixtures.templates();
    private final JsonObject item = Fixtures.recordedItem();

    @Test
    void outputsMapToWorkflowNodesInCompletionOrder() {
        List<NodeOutput> outputs = ResultMapper.outputs(item, templates, Fixtures.registry(), null);

        assertThat(outputs).hasSize(12);
        assertThat(outputs)
                .extracting(NodeOutput::nodeId)
                .containsExactly(
                        "sdxl_model_loader:PwBr7RXRsy",
                        "positive_prompt:kjUMdcg0zO",
                        "pos_cond:o9T4cKV8xt",
                        "pos_cond_collect:sles8A43dq",
                        "fe37ca02-b720-41f8-a10c-5ab7f110e336",
                        "noise:f4Bv4UWa22",
                        "484ecc77-b7a0-4e19-b793-cc313f20fbe6",
                        "neg_cond:5ZtbrHJgrO",
                        "neg_cond_collect:XpoW9rXd61",
                        "denoise_latents:TRC0Y88EWe",
                        "core_metadata:gSiDdR3ubW",
                        "canvas_output:JbPTiAJ26r");
        // the session's history agrees with the order of the results
        assertThat(outputs)
                .extracting(NodeOutput::nodeId)
                .containsExactlyElementsOf(item.getJsonObject("session")
                        .getJsonArray("executed_history")
                        .getValuesAs(jakarta.json.JsonString::getString));

        NodeOutput prompt = outputs.get(1);
        assertThat(prompt.label()).isEqualTo("Positive Prompt"); // the node's label in the workflow
        assertThat(prompt.nodeType()).isEqualTo("string");
        assertThat(prompt.outputType()).isEqualTo("string_output");
        assertThat(prompt.field("value").orElseThrow().toJson().toString())
                .isEqualTo("\"deep space, high quality, colorful\"");
        assertThat(prompt.iterationPath()).isEmpty();

        NodeOutput seed = outputs.get(4);
        assertThat(seed.label()).isEqualTo("Random Integer"); // no label: the template title
        assertThat(seed.field("value").orElseThrow().spec().typeName()).isEqualTo("IntegerField");
        assertThat(seed.field("value").orElseThrow().toJson().toString()).isEqualTo("427480069");

        NodeOutput image = outputs.get(11);
        assertThat(image.nodeType()).isEqualTo("l2i");
        assertThat(image.outputType()).isEqualTo("image_output");
        assertThat(image.fields().keySet()).containsExactlyInAnyOrder("image", "width", "height");
        assertThat(image.field("image").orElseThrow().spec().typeName()).isEqualTo("ImageField");
        assertThat(image.field("image").orElseThrow().toJson().asJsonObject().getString("image_name"))
                .endsWith(".png");
        assertThat(image.field("width").orElseThrow().toJson().toString()).isEqualTo("768");
    }

    @Test
    void imagesFollowTheGuiRule() {
        List<ResultMapper.OutputImage> images = ResultMapper.outputImages(item);

        assertThat(images).singleElement().satisfies(i -> {
            assertThat(i.nodeId()).isEqualTo("canvas_output:JbPTiAJ26r");
            assertThat(i.preparedId()).isEqualTo("551347fe-1cc9-4958-b387-287479279ce9");
            assertThat(i.nodeType()).isEqualTo("l2i");
            assertThat(i.fieldName()).isEqualTo("image");
            assertThat(i.imageName()).endsWith(".png");
        });
    }

    /** A hand-made item: an iterate fan-out, an intermediate image, a pass-through image node and a failure. */
    private static JsonObject syntheticItem() {
        return q("{'item_id':1,'status':'failed','session':{"
                + "'graph':{'nodes':{"
                + "  'it':{'id':'it','type':'iterate','is_intermediate':true},"
                + "  'blur':{'id':'blur','type':'img_blur','is_intermediate':false},"
                + "  'tmp':{'id':'tmp','type':'img_resize','is_intermediate':true},"
                + "  'load':{'id':'load','type':'image','is_intermediate':false},"
                + "  'coll':{'id':'coll','type':'image_collection','is_intermediate':false},"
                + "  'odd':{'id':'odd','type':'my_custom_node','is_intermediate':false}}},"
                + "'results':{"
                + "  'p-load':{'type':'image_output','image':{'image_name':'input.png'},'width':8,'height':8},"
                + "  'p-blur-1':{'type':'image_output','image':{'image_name':'b1.png'},'width':8,'height':8},"
                + "  'p-tmp':{'type':'image_output','image':{'image_name':'t.png'},'width':8,'height':8},"
                + "  'p-blur-0':{'type':'image_output','image':{'image_name':'b0.png'},'width':8,'height':8},"
                + "  'p-coll':{'type':'image_collection_output','collection':[{'image_name':'b0.png'},"
                + "            {'image_name':'c.png'}]},"
                + "  'p-odd':{'type':'my_output','picture':{'image_name':'odd.png'},'score':0.5}},"
                + "'errors':{'p-fail':'ValueError: boom'},"
                + "'prepared_source_mapping':{'p-load':'load','p-blur-0':'blur','p-blur-1':'blur','p-tmp':'tmp',"
                + "  'p-coll':'coll','p-odd':'odd','p-fail':'it'},"
                + "'source_prepared_mapping':{'blur':['p-blur-0','p-blur-1']},"
                + "'prepared_iteration_paths':{'p-blur-0':[0],'p-blur-1':[1]}},"
                + "'workflow':{'nodes':[{'id':'blur','type':'invocation','data':{'label':'Soften'}}]}}");
    }

    @Test
    void iterationsIntermediatesPassThroughsAndUnknownOutputs() {
        JsonObject item = syntheticItem();
        List<NodeOutput> outputs = ResultMapper.outputs(item, templates, Fixtures.registry(), null);

        assertThat(outputs)
                .extracting(NodeOutput::nodeId)
                .containsExactly("load", "blur", "tmp", "blur", "coll", "odd");
        assertThat(outputs.get(1).iterationPath()).containsExactly(1);
        assertThat(outputs.get(3).iterationPath()).containsExactly(0);
        assertThat(outputs.get(1).label()).isEqualTo("Soften");
        NodeOutput odd = outputs.get(5);
        assertThat(odd.field("picture").orElseThrow().spec().typeName()).isEqualTo("ImageField"); // recognised by shape
        assertThat(odd.field("score").orElseThrow().spec().typeName()).isEqualTo("AnyField");
        assertThat(outputs.get(4).field("collection").orElseThrow().spec().cardinality())
                .isEqualTo(Cardinality.COLLECTION);

        assertThat(ResultMapper.outputImages(item))
                .extracting(ResultMapper.OutputImage::imageName)
                .containsExactly("b1.png", "b0.png", "c.png", "odd.png"); // no pass-through, no intermediate, no repeat
        assertThat(ResultMapper.outputImages(item).get(1).iterationPath()).containsExactly(0);
    }

    @Test
    void failedNodeIsMappedToTheWorkflowNode() {
        assertThat(ResultMapper.failedNode(syntheticItem(), templates)).hasValueSatisfying(f -> {
            assertThat(f.nodeId()).isEqualTo("it");
            assertThat(f.preparedId()).isEqualTo("p-fail");
            assertThat(f.nodeType()).isEqualTo("iterate");
            assertThat(f.label()).isEqualTo("Iterate"); // template title
            assertThat(f.error()).isEqualTo("ValueError: boom");
        });
        assertThat(ResultMapper.failedNode(item, templates)).isEmpty();
    }

    @Test
    void redactedOrEmptyItemsYieldNothing() {
        JsonObject redacted =
                q("{'item_id':1,'status':'completed','session':{'id':'x','graph':{'nodes':{},'edges':[]}}}");
        assertThat(ResultMapper.outputs(redacted, templates, Fixtures.registry(), null))
                .isEmpty();
        assertThat(ResultMapper.outputImages(redacted)).isEmpty();
        assertThat(ResultMapper.failedNode(q("{}"), templates)).isEmpty();
    }
}
