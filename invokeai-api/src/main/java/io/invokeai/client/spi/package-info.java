/**
 * Service provider interfaces: field types ({@link io.invokeai.client.spi.FieldTypeProvider}), task recipes
 * ({@link io.invokeai.client.spi.TaskRecipeProvider}) and the client implementation
 * ({@link io.invokeai.client.spi.ClientFactory}). Third parties implement these to extend the client without
 * touching the core.
 */
package io.invokeai.client.spi;
