package io.invokeai.client.spi;

import java.util.List;

/**
 * A ServiceLoader provider of task recipes. Declare it with {@code provides} in {@code module-info.java} and in
 * {@code META-INF/services/io.invokeai.client.spi.TaskRecipeProvider}. Recipe names must be unique across providers.
 */
public interface TaskRecipeProvider {
    List<TaskRecipe> recipes();
}
