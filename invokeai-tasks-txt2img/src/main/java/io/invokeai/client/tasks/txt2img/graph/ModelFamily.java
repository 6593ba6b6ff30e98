package io.invokeai.client.tasks.txt2img.graph;

import java.util.Arrays;
import java.util.Optional;

/** The model families the generation graphs are written for, by the base InvokeAI gives a main model. */
public enum ModelFamily {
    /** Stable Diffusion 1.x: {@code main_model_loader}, {@code compel}, {@code denoise_latents}. */
    SD1("sd-1", "SD1", 512, 8),
    /** Stable Diffusion XL: {@code sdxl_model_loader}, {@code sdxl_compel_prompt}, {@code denoise_latents}. */
    SDXL("sdxl", "SDXL", 1024, 8),
    /** FLUX.1: {@code flux_model_loader}, {@code flux_text_encoder}, {@code flux_denoise}, {@code flux_vae_decode}. */
    FLUX("flux", "FLUX", 1024, 16);

    private final String base;
    private final String displayName;
    private final int defaultSize;
    private final int sizeMultiple;

    ModelFamily(String base, String displayName, int defaultSize, int sizeMultiple) {
        this.base = base;
        this.displayName = displayName;
        this.defaultSize = defaultSize;
        this.sizeMultiple = sizeMultiple;
    }

    /** InvokeAI's base of the family's models, e.g. {@code sdxl}. */
    public String base() {
        return base;
    }

    public String displayName() {
        return displayName;
    }

    /** The native image side: 512 for SD1, 1024 for SDXL and FLUX. */
    public int defaultSize() {
        return defaultSize;
    }

    /** Image sides must be multiples of this: 8 (one latent pixel), 16 for FLUX (2x2 patches). */
    public int sizeMultiple() {
        return sizeMultiple;
    }

    public static Optional<ModelFamily> ofBase(String base) {
        return Arrays.stream(values()).filter(f -> f.base.equals(base)).findFirst();
    }
}
