package io.invokeai.client.tasks.ipadapter;

import java.util.List;

/**
 * Names of the {@code ip-adapter} (image prompt) recipe and of its parameters. It takes every parameter of
 * {@link io.invokeai.client.tasks.txt2img.TextToImage text-to-image} (and, optionally, an init image and strength),
 * plus the reference images and the IP-Adapter's settings.
 *
 * <pre>{@code
 * GenerationResult result = GenerationResult.of(client.tasks().task(IpAdapter.RECIPE)
 *         .set(TextToImage.MODEL, "stable-diffusion-v1-5")
 *         .set(TextToImage.PROMPT, "a cat")
 *         .set(IpAdapter.REFERENCE_IMAGES, List.of(Path.of("style-1.png"), Path.of("style-2.png")))
 *         .set(IpAdapter.MODEL, "ip_adapter_sd15")
 *         .set(IpAdapter.METHOD, "style")
 *         .submit()
 *         .await(Duration.ofMinutes(5)));
 * }</pre>
 */
public final class IpAdapter {
    /** The recipe. */
    public static final String RECIPE = "ip-adapter";
    /** Capability of recipes that take an image prompt. */
    public static final String CAPABILITY = "ip-adapter";

    /** One reference image or a list of them: Paths, bytes, BufferedImages or names of images on the server. */
    public static final String REFERENCE_IMAGES = "referenceImages";
    /** The IP-Adapter model, of the main model's base (required). */
    public static final String MODEL = "ipAdapterModel";
    /** The image prompt's weight, -1 to 2 (default 1). */
    public static final String WEIGHT = "ipAdapterWeight";
    /** When the IP-Adapter starts to apply, as a fraction of the steps (default 0). */
    public static final String BEGIN_STEP = "ipAdapterBeginStep";
    /** When it stops applying (default 1); after {@link #BEGIN_STEP}. */
    public static final String END_STEP = "ipAdapterEndStep";
    /** What it transfers: {@link #METHODS} (default {@code full}). */
    public static final String METHOD = "ipAdapterMethod";
    /**
     * The image encoder for checkpoint IP-Adapters: {@code ViT-H} (default), {@code ViT-G} or {@code ViT-L}; it must
     * be installed (InvokeAI finds it by the name of its starter model).
     */
    public static final String CLIP_VISION_MODEL = "clipVisionModel";

    /** The methods of InvokeAI's {@code ip_adapter} node. */
    public static final List<String> METHODS = List.of("full", "style", "composition", "style_strong", "style_precise");
    /** The image encoders of InvokeAI's {@code ip_adapter} node. */
    public static final List<String> CLIP_VISION_MODELS = List.of("ViT-H", "ViT-G", "ViT-L");

    private IpAdapter() {}
}
