package io.invokeai.client.tasks.txt2img;

/**
 * Names of the {@code text-to-image} and {@code image-to-image} recipes and of their parameters, for
 * {@link io.invokeai.client.Task#set(String, Object)}. The ControlNet and IP-Adapter recipes take the same generation
 * parameters.
 *
 * <pre>{@code
 * Task task = client.tasks().task(TextToImage.RECIPE)
 *         .set(TextToImage.MODEL, "stable-diffusion-v1-5")
 *         .set(TextToImage.PROMPT, "a lighthouse at dusk")
 *         .set(TextToImage.SEED, 42);
 * GenerationResult result = GenerationResult.of(task.submit().await(Duration.ofMinutes(5)));
 * }</pre>
 */
public final class TextToImage {
    /** The text-to-image recipe: a prompt and a main model (SD1, SDXL or FLUX) give one image. */
    public static final String RECIPE = "text-to-image";
    /** The image-to-image recipe: text-to-image starting from {@link #INIT_IMAGE}, changed by {@link #STRENGTH}. */
    public static final String IMAGE_TO_IMAGE_RECIPE = "image-to-image";

    /** Capability of recipes that generate from a prompt alone. */
    public static final String CAPABILITY_TEXT_TO_IMAGE = "text-to-image";
    /** Capability of recipes that start from an init image. */
    public static final String CAPABILITY_IMAGE_TO_IMAGE = "image-to-image";
    /** Capability of recipes that apply LoRAs. */
    public static final String CAPABILITY_LORA = "lora";

    /** The main model by name, key or {@code ModelInfo}; its base picks the graph (required). */
    public static final String MODEL = "model";
    /** The prompt (required). */
    public static final String PROMPT = "prompt";
    /** What the image should not show (SD1 and SDXL; default empty). */
    public static final String NEGATIVE_PROMPT = "negativePrompt";
    /** Image width in pixels (default: the family's native size; with an init image, the init image's width). */
    public static final String WIDTH = "width";
    /** Image height in pixels (see {@link #WIDTH}). */
    public static final String HEIGHT = "height";
    /** Denoising steps. */
    public static final String STEPS = "steps";
    /** Classifier-free guidance scale (SD1 and SDXL). */
    public static final String CFG_SCALE = "cfgScale";
    /** FLUX's distilled guidance (FLUX only). */
    public static final String GUIDANCE = "guidance";
    /** The sampling scheduler, e.g. {@code euler} (FLUX takes {@code euler}, {@code heun} or {@code lcm}). */
    public static final String SCHEDULER = "scheduler";
    /** The noise seed; when not set, the recipe picks one at random and reports it. */
    public static final String SEED = "seed";
    /** LoRAs with weights, {@code LoRA(name, weight)} or a list of them, all of the main model's base. */
    public static final String LORAS = "loras";
    /** A VAE replacing the main model's (required for FLUX, where the first installed FLUX VAE, by name, is the default). */
    public static final String VAE = "vae";
    /** FLUX's T5 encoder model (default: the first installed, by name). */
    public static final String T5_ENCODER = "t5Encoder";
    /** FLUX's CLIP embed model (default: the first installed, by name). */
    public static final String CLIP_EMBED = "clipEmbed";
    /** The board the image is saved to, by name or id (default: uncategorized). */
    public static final String BOARD = "board";
    /** The image to start from (image-to-image). */
    public static final String INIT_IMAGE = "initImage";
    /** How much the init image is changed, from 0 (kept) to 1 (replaced). */
    public static final String STRENGTH = "strength";

    /** The workflow node that holds the seed; its {@code value} output reports it in the job's results. */
    public static final String SEED_NODE = "seed";
    /** The workflow node that saves the image. */
    public static final String OUTPUT_NODE = "output";

    private TextToImage() {}
}
