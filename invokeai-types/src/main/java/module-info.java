/**
 * The built-in InvokeAI client field types (integer, image, model, board, ...). They are found through the
 * field-type SPI, so the core never depends on this module directly and a plugin can override any of them.
 */
module io.invokeai.client.types {
    // transitive: the exported field types extend and expose the API's types (InvokeAIField, FieldSpec, ...)
    requires transitive io.invokeai.client.api;

    exports io.invokeai.client.types;

    provides io.invokeai.client.spi.FieldTypeProvider with
            io.invokeai.client.types.internal.BuiltinFieldTypeProvider,
            io.invokeai.client.types.internal.JsonFieldTypeProvider;
}
