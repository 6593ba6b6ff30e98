/**
 * Task recipe {@code controlnet}: generation guided by up to three ControlNets, each from a control image that a
 * weight-free preprocessor (canny, color map, content shuffle) may prepare on the server. Found through
 * {@code client.tasks()}.
 */
module io.invokeai.client.tasks.controlnet {
    requires transitive io.invokeai.client.tasks.txt2img;

    exports io.invokeai.client.tasks.controlnet;

    provides io.invokeai.client.spi.TaskRecipeProvider with
            io.invokeai.client.tasks.controlnet.internal.ControlNetRecipes;
}
