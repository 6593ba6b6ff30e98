package io.invokeai.client.tasks.ipadapter.internal;

import io.invokeai.client.spi.TaskRecipe;
import io.invokeai.client.spi.TaskRecipeProvider;
import java.util.List;

/** Provides the {@code ip-adapter} recipe. */
public final class IpAdapterRecipes implements TaskRecipeProvider {
    private static final List<TaskRecipe> RECIPES = List.of(new IpAdapterRecipe());

    /** For the ServiceLoader. */
    public IpAdapterRecipes() {}

    @Override
    public List<TaskRecipe> recipes() {
        return RECIPES;
    }
}
