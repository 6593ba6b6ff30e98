package io.invokeai.client.tasks.controlnet.internal;

import static io.invokeai.client.tasks.controlnet.ControlNet.BEGIN_STEP;
import static io.invokeai.client.tasks.controlnet.ControlNet.CANNY;
import static io.invokeai.client.tasks.controlnet.ControlNet.CANNY_HIGH_THRESHOLD;
import static io.invokeai.client.tasks.controlnet.ControlNet.CANNY_LOW_THRESHOLD;
import static io.invokeai.client.tasks.controlnet.ControlNet.CONTROL_IMAGE;
import static io.invokeai.client.tasks.controlnet.ControlNet.CONTROL_MODE;
import static io.invokeai.client.tasks.controlnet.ControlNet.CONTROL_MODEL;
import static io.invokeai.client.tasks.controlnet.ControlNet.CONTROL_WEIGHT;
import static io.invokeai.client.tasks.controlnet.ControlNet.END_STEP;
import static io.invokeai.client.tasks.controlnet.ControlNet.NONE;
import static io.invokeai.client.tasks.controlnet.ControlNet.PREPROCESSOR;
import static io.invokeai.client.tasks.controlnet.ControlNet.UNITS;
import static io.invokeai.client.tasks.controlnet.ControlNet.unit;

import io.invokeai.client.InvalidInputException;
import io.invokeai.client.InvokeAIField;
import io.invokeai.client.TaskParameter;
import io.invokeai.client.tasks.controlnet.ControlNet;
import io.invokeai.client.tasks.txt2img.TextToImage;
import io.invokeai.client.tasks.txt2img.graph.GenerationGraph;
import io.invokeai.client.tasks.txt2img.graph.GenerationRecipe;
import io.invokeai.client.tasks.txt2img.graph.ModelFamily;
import io.invokeai.client.tasks.txt2img.graph.Parameters;
import io.invokeai.client.tasks.txt2img.graph.WorkflowJson;
import io.invokeai.client.tasks.txt2img.graph.WorkflowJson.Node;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code controlnet}: the text-to-image (or image-to-image) graph of SD1 or SDXL with up to three {@code controlnet}
 * nodes collected into {@code denoise_latents.control}, as the GUI's control layers do. A unit's control image goes
 * through a weight-free preprocessor node first when one is chosen.
 */
final class ControlNetRecipe extends GenerationRecipe {
    private static final String NAME = ControlNet.RECIPE;
    static final String COLLECT = "control_collect";

    ControlNetRecipe() {
        super(
                NAME,
                "Generates an image guided by up to three ControlNets (SD1 or SDXL), each from a control image that a"
                        + " weight-free preprocessor (canny, color map, content shuffle) may prepare on the server;"
                        + " optionally from an init image.",
                Set.of(
                        ControlNet.CAPABILITY,
                        TextToImage.CAPABILITY_TEXT_TO_IMAGE,
                        TextToImage.CAPABILITY_IMAGE_TO_IMAGE,
                        TextToImage.CAPABILITY_LORA),
                EnumSet.of(ModelFamily.SD1, ModelFamily.SDXL),
                InitImage.OPTIONAL);
    }

    @Override
    protected List<TaskParameter> extraParameters() {
        List<TaskParameter> ps = new ArrayList<>();
        List<String> bases = List.of(ModelFamily.SD1.base(), ModelFamily.SDXL.base());
        for (int u = 1; u <= UNITS; u++) {
            String which = u == 1 ? "" : " of ControlNet " + u + " (optional)";
            String requiredNote = u == 1 ? " (required)." : which + ".";
            ps.add(Parameters.image(
                    NAME,
                    unit(CONTROL_IMAGE, u),
                    "Control Image" + (u == 1 ? "" : " " + u),
                    "The control image: a Path, bytes, a BufferedImage or the name of an image on the server"
                            + requiredNote,
                    u == 1));
            ps.add(Parameters.model(
                    NAME,
                    unit(CONTROL_MODEL, u),
                    "Control Model" + (u == 1 ? "" : " " + u),
                    "The ControlNet model, of the main model's base" + requiredNote,
                    bases,
                    "controlnet",
                    u == 1));
            ps.add(Parameters.number(
                    NAME,
                    unit(CONTROL_WEIGHT, u),
                    "Control Weight" + (u == 1 ? "" : " " + u),
                    "How strongly the ControlNet guides" + which + ".",
                    "1",
                    "-1",
                    "2"));
            ps.add(Parameters.number(
                    NAME,
                    unit(BEGIN_STEP, u),
                    "Begin Step Percent" + (u == 1 ? "" : " " + u),
                    "When the ControlNet starts to apply, as a fraction of the steps" + which + ".",
                    "0",
                    "0",
                    "1"));
            ps.add(Parameters.number(
                    NAME,
                    unit(END_STEP, u),
                    "End Step Percent" + (u == 1 ? "" : " " + u),
                    "When the ControlNet stops applying, as a fraction of the steps, after the begin" + which + ".",
                    "1",
                    "0",
                    "1"));
            ps.add(Parameters.options(
                    NAME,
                    unit(CONTROL_MODE, u),
                    "Control Mode" + (u == 1 ? "" : " " + u),
                    "Balance between prompt and control: " + String.join(", ", ControlNet.CONTROL_MODES) + which + ".",
                    "balanced",
                    ControlNet.CONTROL_MODES));
            ps.add(Parameters.options(
                    NAME,
                    unit(PREPROCESSOR, u),
                    "Preprocessor" + (u == 1 ? "" : " " + u),
                    "Prepares the control image on the server: " + String.join(", ", ControlNet.PREPROCESSORS)
                            + " (none uses it as it is)" + which + ".",
                    NONE,
                    ControlNet.PREPROCESSORS));
        }
        ps.add(Parameters.integer(
                NAME,
                CANNY_LOW_THRESHOLD,
                "Canny Low Threshold",
                "The canny preprocessor's low threshold.",
                100L,
                0,
                255,
                null));
        ps.add(Parameters.integer(
                NAME,
                CANNY_HIGH_THRESHOLD,
                "Canny High Threshold",
                "The canny preprocessor's high threshold.",
                200L,
                0,
                255,
                null));
        return ps;
    }

    /** The units that are used: unit 1, and each other unit with any parameter set. */
    private static List<Integer> units(Map<String, InvokeAIField<?>> values) {
        List<Integer> used = new ArrayList<>();
        used.add(1);
        for (int u = 2; u <= UNITS; u++) {
            int unit = u;
            if (values.keySet().stream().anyMatch(name -> isOfUnit(name, unit))) {
                used.add(u);
            }
        }
        return used;
    }

    private static boolean isOfUnit(String name, int u) {
        return List.of(CONTROL_IMAGE, CONTROL_MODEL, CONTROL_WEIGHT, BEGIN_STEP, END_STEP, CONTROL_MODE, PREPROCESSOR)
                .stream()
                .anyMatch(p -> name.equals(unit(p, u)));
    }

    /** The node that runs a preprocessor. */
    static String nodeType(String preprocessor) {
        return preprocessor.equals(CANNY) ? "canny_edge_detection" : preprocessor;
    }

    @Override
    protected void checkValues(Map<String, InvokeAIField<?>> values) {
        for (int u : units(values)) {
            for (String required : List.of(unit(CONTROL_IMAGE, u), unit(CONTROL_MODEL, u))) {
                if (!values.containsKey(required)) {
                    throw new InvalidInputException(
                            required, "a value, since ControlNet " + u + " has other parameters set", null);
                }
            }
            BigDecimal begin = Parameters.number(values, unit(BEGIN_STEP, u)).orElse(BigDecimal.ZERO);
            BigDecimal end = Parameters.number(values, unit(END_STEP, u)).orElse(BigDecimal.ONE);
            if (begin.compareTo(end) >= 0) {
                throw new InvalidInputException(
                        unit(END_STEP, u),
                        "a fraction after " + unit(BEGIN_STEP, u) + " (" + begin.toPlainString() + ")",
                        end.toPlainString());
            }
        }
        long low = Parameters.integer(values, CANNY_LOW_THRESHOLD).orElse(100L);
        long high = Parameters.integer(values, CANNY_HIGH_THRESHOLD).orElse(200L);
        if (low > high) {
            throw new InvalidInputException(
                    CANNY_HIGH_THRESHOLD, "at least " + CANNY_LOW_THRESHOLD + " (" + low + ")", high);
        }
    }

    @Override
    protected void resolveModels(Context context) {
        for (int u : units(context.values())) {
            context.bind(unit(CONTROL_MODEL, u), context.model(unit(CONTROL_MODEL, u), "controlnet"));
        }
    }

    @Override
    protected void extend(GenerationGraph graph, Context context) {
        WorkflowJson wf = graph.workflow();
        Map<String, InvokeAIField<?>> values = context.values();
        Node collect =
                wf.node(COLLECT, "collect", GenerationGraph.GUIDANCE_COLUMN + 1).label("ControlNets");
        wf.connect(collect.port("collection"), graph.denoise("control"));
        for (int u : units(values)) {
            Node controlnet = wf.node("controlnet_" + u, "controlnet", GenerationGraph.GUIDANCE_COLUMN)
                    .label("ControlNet " + u);
            String preprocessor =
                    Parameters.string(values, unit(PREPROCESSOR, u)).orElse(NONE);
            context.consume(unit(PREPROCESSOR, u));
            if (preprocessor.equals(NONE)) {
                wf.expose(controlnet.port("image"), unit(CONTROL_IMAGE, u));
            } else {
                Node pre = wf.node("preprocessor_" + u, nodeType(preprocessor), GenerationGraph.GUIDANCE_COLUMN - 1)
                        .label("Preprocessor " + u);
                if (preprocessor.equals(CANNY)) {
                    pre.set(
                                    "low_threshold",
                                    Parameters.integer(values, CANNY_LOW_THRESHOLD)
                                            .orElse(100L))
                            .set(
                                    "high_threshold",
                                    Parameters.integer(values, CANNY_HIGH_THRESHOLD)
                                            .orElse(200L));
                }
                wf.expose(pre.port("image"), unit(CONTROL_IMAGE, u))
                        .connect(pre.port("image"), controlnet.port("image"));
            }
            wf.expose(controlnet.port("control_model"), unit(CONTROL_MODEL, u))
                    .expose(controlnet.port("control_weight"), unit(CONTROL_WEIGHT, u))
                    .expose(controlnet.port("begin_step_percent"), unit(BEGIN_STEP, u))
                    .expose(controlnet.port("end_step_percent"), unit(END_STEP, u))
                    .expose(controlnet.port("control_mode"), unit(CONTROL_MODE, u))
                    .connect(controlnet.port("control"), collect.port("item"));
        }
        context.consume(CANNY_LOW_THRESHOLD);
        context.consume(CANNY_HIGH_THRESHOLD);
    }
}
