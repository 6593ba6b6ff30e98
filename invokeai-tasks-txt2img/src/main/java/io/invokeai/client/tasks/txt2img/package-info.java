/**
 * The {@code text-to-image} and {@code image-to-image} task recipes: parameter names ({@link
 * io.invokeai.client.tasks.txt2img.TextToImage}) and the typed result ({@link
 * io.invokeai.client.tasks.txt2img.GenerationResult}). The recipes themselves are found through
 * {@link io.invokeai.client.InvokeAIClient#tasks()}.
 */
package io.invokeai.client.tasks.txt2img;
