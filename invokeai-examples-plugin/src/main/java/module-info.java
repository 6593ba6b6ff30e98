/** An example third-party plugin: a stricter prompt type, registered through the field-type SPI. */
module com.example.invokeai.prompt {
    requires transitive io.invokeai.client.api;

    exports com.example.invokeai.prompt;

    provides io.invokeai.client.spi.FieldTypeProvider with
            com.example.invokeai.prompt.internal.PromptFieldTypeProvider;
}
