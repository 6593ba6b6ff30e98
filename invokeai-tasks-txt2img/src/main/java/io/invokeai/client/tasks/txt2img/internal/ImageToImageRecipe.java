package io.invokeai.client.tasks.txt2img.internal;

import io.invokeai.client.tasks.txt2img.TextToImage;
import io.invokeai.client.tasks.txt2img.graph.GenerationRecipe;
import io.invokeai.client.tasks.txt2img.graph.ModelFamily;
import java.util.EnumSet;
import java.util.Set;

/** {@code image-to-image}: text-to-image starting from an init image, changed as much as the strength says. */
final class ImageToImageRecipe extends GenerationRecipe {
    ImageToImageRecipe() {
        super(
                TextToImage.IMAGE_TO_IMAGE_RECIPE,
                "Generates an image from an init image and a prompt with an SD1, SDXL or FLUX main model: the init"
                        + " image is encoded and denoised from 1 - strength.",
                Set.of(TextToImage.CAPABILITY_IMAGE_TO_IMAGE, TextToImage.CAPABILITY_LORA),
                EnumSet.allOf(ModelFamily.class),
                InitImage.REQUIRED);
    }
}
