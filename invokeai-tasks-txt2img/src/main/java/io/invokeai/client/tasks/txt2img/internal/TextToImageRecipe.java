package io.invokeai.client.tasks.txt2img.internal;

import io.invokeai.client.tasks.txt2img.TextToImage;
import io.invokeai.client.tasks.txt2img.graph.GenerationRecipe;
import io.invokeai.client.tasks.txt2img.graph.ModelFamily;
import java.util.EnumSet;
import java.util.Set;

/** {@code text-to-image}: a prompt and a main model (SD1, SDXL or FLUX) give one image. */
final class TextToImageRecipe extends GenerationRecipe {
    TextToImageRecipe() {
        super(
                TextToImage.RECIPE,
                "Generates an image from a prompt with an SD1, SDXL or FLUX main model, optionally with LoRAs and"
                        + " another VAE.",
                Set.of(TextToImage.CAPABILITY_TEXT_TO_IMAGE, TextToImage.CAPABILITY_LORA),
                EnumSet.allOf(ModelFamily.class),
                InitImage.NONE);
    }
}
