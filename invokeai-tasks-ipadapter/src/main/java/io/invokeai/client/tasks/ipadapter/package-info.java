/**
 * The {@code ip-adapter} task recipe's parameter names ({@link io.invokeai.client.tasks.ipadapter.IpAdapter}). Its
 * results read like text-to-image's: {@link io.invokeai.client.tasks.txt2img.GenerationResult}.
 */
package io.invokeai.client.tasks.ipadapter;
