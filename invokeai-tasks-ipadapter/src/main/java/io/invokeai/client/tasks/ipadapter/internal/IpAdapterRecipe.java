package io.invokeai.client.tasks.ipadapter.internal;

import static io.invokeai.client.tasks.ipadapter.IpAdapter.BEGIN_STEP;
import static io.invokeai.client.tasks.ipadapter.IpAdapter.CLIP_VISION_MODEL;
import static io.invokeai.client.tasks.ipadapter.IpAdapter.END_STEP;
import static io.invokeai.client.tasks.ipadapter.IpAdapter.METHOD;
import static io.invokeai.client.tasks.ipadapter.IpAdapter.MODEL;
import static io.invokeai.client.tasks.ipadapter.IpAdapter.REFERENCE_IMAGES;
import static io.invokeai.client.tasks.ipadapter.IpAdapter.WEIGHT;

import io.invokeai.client.InvalidInputException;
import io.invokeai.client.InvokeAIField;
import io.invokeai.client.TaskParameter;
import io.invokeai.client.tasks.ipadapter.IpAdapter;
import io.invokeai.client.tasks.txt2img.TextToImage;
import io.invokeai.client.tasks.txt2img.graph.GenerationGraph;
import io.invokeai.client.tasks.txt2img.graph.GenerationRecipe;
import io.invokeai.client.tasks.txt2img.graph.ModelFamily;
import io.invokeai.client.tasks.txt2img.graph.Parameters;
import io.invokeai.client.tasks.txt2img.graph.WorkflowJson;
import io.invokeai.client.tasks.txt2img.graph.WorkflowJson.Node;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code ip-adapter}: the text-to-image (or image-to-image) graph of SD1 or SDXL with an {@code ip_adapter} node,
 * collected into {@code denoise_latents.ip_adapter} as the GUI's reference images are.
 */
final class IpAdapterRecipe extends GenerationRecipe {
    private static final String NAME = IpAdapter.RECIPE;
    static final String NODE = "ip_adapter";
    static final String COLLECT = "ip_adapter_collect";

    IpAdapterRecipe() {
        super(
                NAME,
                "Generates an image guided by an image prompt (IP-Adapter) of one or more reference images (SD1 or"
                        + " SDXL); optionally from an init image.",
                Set.of(
                        IpAdapter.CAPABILITY,
                        TextToImage.CAPABILITY_TEXT_TO_IMAGE,
                        TextToImage.CAPABILITY_IMAGE_TO_IMAGE,
                        TextToImage.CAPABILITY_LORA),
                EnumSet.of(ModelFamily.SD1, ModelFamily.SDXL),
                InitImage.OPTIONAL);
    }

    @Override
    protected List<TaskParameter> extraParameters() {
        return List.of(
                Parameters.images(
                        NAME,
                        REFERENCE_IMAGES,
                        "Reference Images",
                        "The image prompt: one image or a list of them (Paths, bytes, BufferedImages or names of"
                                + " images on the server) (required).",
                        true),
                Parameters.model(
                        NAME,
                        MODEL,
                        "IP-Adapter Model",
                        "The IP-Adapter model, of the main model's base (required).",
                        List.of(ModelFamily.SD1.base(), ModelFamily.SDXL.base()),
                        "ip_adapter",
                        true),
                Parameters.number(
                        NAME, WEIGHT, "IP-Adapter Weight", "How strongly the image prompt guides.", "1", "-1", "2"),
                Parameters.number(
                        NAME,
                        BEGIN_STEP,
                        "IP-Adapter Begin Step Percent",
                        "When the IP-Adapter starts to apply, as a fraction of the steps.",
                        "0",
                        "0",
                        "1"),
                Parameters.number(
                        NAME,
                        END_STEP,
                        "IP-Adapter End Step Percent",
                        "When the IP-Adapter stops applying, as a fraction of the steps, after the begin.",
                        "1",
                        "0",
                        "1"),
                Parameters.options(
                        NAME,
                        METHOD,
                        "IP-Adapter Method",
                        "What the reference images transfer: " + String.join(", ", IpAdapter.METHODS) + ".",
                        "full",
                        IpAdapter.METHODS),
                Parameters.options(
                        NAME,
                        CLIP_VISION_MODEL,
                        "CLIP Vision Model",
                        "The image encoder of a checkpoint IP-Adapter (ViT-H, ViT-G or ViT-L); it must be installed.",
                        "ViT-H",
                        IpAdapter.CLIP_VISION_MODELS));
    }

    @Override
    protected void checkValues(Map<String, InvokeAIField<?>> values) {
        BigDecimal begin = Parameters.number(values, BEGIN_STEP).orElse(BigDecimal.ZERO);
        BigDecimal end = Parameters.number(values, END_STEP).orElse(BigDecimal.ONE);
        if (begin.compareTo(end) >= 0) {
            throw new InvalidInputException(
                    END_STEP,
                    "a fraction after " + BEGIN_STEP + " (" + begin.toPlainString() + ")",
                    end.toPlainString());
        }
    }

    @Override
    protected void resolveModels(Context context) {
        context.bind(MODEL, context.model(MODEL, "ip_adapter"));
    }

    @Override
    protected void extend(GenerationGraph graph, Context context) {
        WorkflowJson wf = graph.workflow();
        Node collect =
                wf.node(COLLECT, "collect", GenerationGraph.GUIDANCE_COLUMN + 1).label("IP-Adapters");
        Node adapter =
                wf.node(NODE, "ip_adapter", GenerationGraph.GUIDANCE_COLUMN).label("IP-Adapter");
        wf.expose(adapter.port("image"), REFERENCE_IMAGES)
                .expose(adapter.port("ip_adapter_model"), MODEL)
                .expose(adapter.port("weight"), WEIGHT)
                .expose(adapter.port("begin_step_percent"), BEGIN_STEP)
                .expose(adapter.port("end_step_percent"), END_STEP)
                .expose(adapter.port("method"), METHOD)
                .expose(adapter.port("clip_vision_model"), CLIP_VISION_MODEL)
                .connect(adapter.port("ip_adapter"), collect.port("item"))
                .connect(collect.port("collection"), graph.denoise("ip_adapter"));
    }
}
