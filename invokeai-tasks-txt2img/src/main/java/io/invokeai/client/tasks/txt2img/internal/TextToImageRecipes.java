package io.invokeai.client.tasks.txt2img.internal;

import io.invokeai.client.spi.TaskRecipe;
import io.invokeai.client.spi.TaskRecipeProvider;
import java.util.List;

/** Provides the {@code text-to-image} and {@code image-to-image} recipes. */
public final class TextToImageRecipes implements TaskRecipeProvider {
    private static final List<TaskRecipe> RECIPES = List.of(new TextToImageRecipe(), new ImageToImageRecipe());

    /** For the ServiceLoader. */
    public TextToImageRecipes() {}

    @Override
    public List<TaskRecipe> recipes() {
        return RECIPES;
    }
}
