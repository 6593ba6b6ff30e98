package io.invokeai.client;

import io.invokeai.client.spi.TaskRecipe;
import java.util.List;
import java.util.Optional;

/** The task recipes found through ServiceLoader, by name and by capability. */
public interface TaskRecipes {
    List<TaskRecipe> list();

    Optional<TaskRecipe> find(String name);

    /** Recipes declaring a capability, e.g. {@code image-to-image} or {@code controlnet}. */
    List<TaskRecipe> withCapability(String capability);

    /**
     * Starts a task of the named recipe.
     *
     * @throws InvokeAIException listing the known recipes when none has that name
     */
    Task task(String recipeName);
}
