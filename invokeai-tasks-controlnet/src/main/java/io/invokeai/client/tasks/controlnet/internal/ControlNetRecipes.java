package io.invokeai.client.tasks.controlnet.internal;

import io.invokeai.client.spi.TaskRecipe;
import io.invokeai.client.spi.TaskRecipeProvider;
import java.util.List;

/** Provides the {@code controlnet} recipe. */
public final class ControlNetRecipes implements TaskRecipeProvider {
    private static final List<TaskRecipe> RECIPES = List.of(new ControlNetRecipe());

    /** For the ServiceLoader. */
    public ControlNetRecipes() {}

    @Override
    public List<TaskRecipe> recipes() {
        return RECIPES;
    }
}
