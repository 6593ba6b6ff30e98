/**
 * Task recipes {@code text-to-image} and {@code image-to-image}: SD1, SDXL and FLUX generation with LoRAs, VAE,
 * seed and board, run on the generic workflow engine. Found through {@code client.tasks()}.
 */
// The graph building blocks are exported to the other task modules, which are not visible while this one compiles.
@SuppressWarnings("module")
module io.invokeai.client.tasks.txt2img {
    requires transitive io.invokeai.client.api;

    exports io.invokeai.client.tasks.txt2img;
    exports io.invokeai.client.tasks.txt2img.graph to
            io.invokeai.client.tasks.controlnet,
            io.invokeai.client.tasks.ipadapter;

    provides io.invokeai.client.spi.TaskRecipeProvider with
            io.invokeai.client.tasks.txt2img.internal.TextToImageRecipes;
}
