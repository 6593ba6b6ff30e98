/**
 * The {@code controlnet} task recipe's parameter names ({@link io.invokeai.client.tasks.controlnet.ControlNet}). Its
 * results read like text-to-image's: {@link io.invokeai.client.tasks.txt2img.GenerationResult}.
 */
package io.invokeai.client.tasks.controlnet;
