/** The InvokeAI client API and its service provider interfaces. */
// The internal helpers are exported only to this project's own modules, which are not visible while this one compiles.
@SuppressWarnings("module")
module io.invokeai.client.api {
    requires transitive jakarta.json;
    requires transitive java.desktop;

    exports io.invokeai.client;
    exports io.invokeai.client.spi;
    exports io.invokeai.client.internal to
            io.invokeai.client.core,
            io.invokeai.client.types,
            io.invokeai.client.tasks.txt2img,
            io.invokeai.client.tasks.controlnet,
            io.invokeai.client.tasks.ipadapter;

    uses io.invokeai.client.spi.ClientFactory;
}
