/** Runnable examples: the main job and the dry-run command. Not published. */
module io.invokeai.client.examples {
    requires io.invokeai.client.api;
    requires io.invokeai.client.testkit;

    exports io.invokeai.client.examples;
}
