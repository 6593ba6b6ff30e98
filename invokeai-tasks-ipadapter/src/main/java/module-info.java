/**
 * Task recipe {@code ip-adapter}: generation guided by an image prompt (IP-Adapter) of one or more reference
 * images. Found through {@code client.tasks()}.
 */
module io.invokeai.client.tasks.ipadapter {
    requires transitive io.invokeai.client.tasks.txt2img;

    exports io.invokeai.client.tasks.ipadapter;

    provides io.invokeai.client.spi.TaskRecipeProvider with
            io.invokeai.client.tasks.ipadapter.internal.IpAdapterRecipes;
}
