/**
 * An application that uses the text-to-image recipe and nothing else of the task modules. The engine
 * ({@code io.invokeai.client.core}) and the field types ({@code io.invokeai.client.types}) are service providers: the
 * module system binds them from the module path without a {@code requires}.
 */
module io.invokeai.client.examples.txt2img {
    requires io.invokeai.client.tasks.txt2img;
}
