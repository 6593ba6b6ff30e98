package io.invokeai.client.tasks.controlnet;

import java.util.List;

/**
 * Names of the {@code controlnet} recipe and of its parameters. It takes every parameter of
 * {@link io.invokeai.client.tasks.txt2img.TextToImage text-to-image} (and, optionally, an init image and strength),
 * plus up to {@link #UNITS} ControlNets: the first is named by the plain parameter names, the second and third by
 * the same names followed by 2 and 3 ({@link #unit(String, int)}).
 *
 * <pre>{@code
 * GenerationResult result = GenerationResult.of(client.tasks().task(ControlNet.RECIPE)
 *         .set(TextToImage.MODEL, "stable-diffusion-v1-5")
 *         .set(TextToImage.PROMPT, "a glass house")
 *         .set(ControlNet.CONTROL_IMAGE, Path.of("house.png"))
 *         .set(ControlNet.PREPROCESSOR, ControlNet.CANNY)
 *         .set(ControlNet.CONTROL_MODEL, "control_v11p_sd15_canny")
 *         .submit()
 *         .await(Duration.ofMinutes(5)));
 * }</pre>
 */
public final class ControlNet {
    /** The recipe. */
    public static final String RECIPE = "controlnet";
    /** Capability of recipes that take ControlNets. */
    public static final String CAPABILITY = "controlnet";
    /** How many ControlNets one task can apply. */
    public static final int UNITS = 3;

    /** The control image: a Path, bytes, a BufferedImage or the name of an image on the server (required). */
    public static final String CONTROL_IMAGE = "controlImage";
    /** The ControlNet model, of the main model's base (required). */
    public static final String CONTROL_MODEL = "controlModel";
    /** The ControlNet's weight, -1 to 2 (default 1). */
    public static final String CONTROL_WEIGHT = "controlWeight";
    /** When the ControlNet starts to apply, as a fraction of the steps (default 0). */
    public static final String BEGIN_STEP = "controlBeginStep";
    /** When it stops applying, as a fraction of the steps (default 1); after {@link #BEGIN_STEP}. */
    public static final String END_STEP = "controlEndStep";
    /** {@code balanced} (default), {@code more_prompt}, {@code more_control} or {@code unbalanced}. */
    public static final String CONTROL_MODE = "controlMode";
    /** How the control image is prepared on the server: {@link #PREPROCESSORS} (default {@code none}). */
    public static final String PREPROCESSOR = "preprocessor";
    /** The canny preprocessor's low threshold, 0 to 255 (default 100), for every unit that uses canny. */
    public static final String CANNY_LOW_THRESHOLD = "cannyLowThreshold";
    /** The canny preprocessor's high threshold, 0 to 255 (default 200). */
    public static final String CANNY_HIGH_THRESHOLD = "cannyHighThreshold";

    /** The control image is used as it is. */
    public static final String NONE = "none";
    /** Canny edges ({@code canny_edge_detection}). */
    public static final String CANNY = "canny";
    /** A blocky colour map ({@code color_map}). */
    public static final String COLOR_MAP = "color_map";
    /** Shuffled content ({@code content_shuffle}). */
    public static final String CONTENT_SHUFFLE = "content_shuffle";
    /** The preprocessors: all weight-free, run by InvokeAI without downloading anything. */
    public static final List<String> PREPROCESSORS = List.of(NONE, CANNY, COLOR_MAP, CONTENT_SHUFFLE);

    /** The control modes of InvokeAI's {@code controlnet} node. */
    public static final List<String> CONTROL_MODES = List.of("balanced", "more_prompt", "more_control", "unbalanced");

    private ControlNet() {}

    /**
     * A per-ControlNet parameter of unit 1 to {@link #UNITS}: {@code unit(CONTROL_IMAGE, 2)} is
     * {@code controlImage2}; unit 1 is the plain name.
     *
     * @param parameter a per-ControlNet parameter name, e.g. {@link #CONTROL_IMAGE}
     * @param unit 1 to {@link #UNITS}
     * @return the parameter's name for that unit
     */
    public static String unit(String parameter, int unit) {
        if (unit < 1 || unit > UNITS) {
            throw new IllegalArgumentException("unit must be 1 to " + UNITS + ", was " + unit);
        }
        return unit == 1 ? parameter : parameter + unit;
    }
}
