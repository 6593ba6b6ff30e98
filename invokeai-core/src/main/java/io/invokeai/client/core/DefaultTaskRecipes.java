package io.invokeai.client.core;

import io.invokeai.client.ClientWorkflow;
import io.invokeai.client.InvokeAIClient;
import io.invokeai.client.InvokeAIException;
import io.invokeai.client.InvokeAIField;
import io.invokeai.client.Task;
import io.invokeai.client.TaskParameter;
import io.invokeai.client.TaskRecipes;
import io.invokeai.client.UnknownInputException;
import io.invokeai.client.core.fields.FieldTypeRegistry;
import io.invokeai.client.spi.TaskRecipe;
import io.invokeai.client.spi.TaskRecipeProvider;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.CompletableFuture;

/** Task recipes found through ServiceLoader (module path, then class path); duplicate names fail loudly. */
final class DefaultTaskRecipes implements TaskRecipes {
    private final InvokeAIClient client;
    private final FieldTypeRegistry fieldTypes;
    private final Map<String, TaskRecipe> recipes;

    DefaultTaskRecipes(InvokeAIClient client, FieldTypeRegistry fieldTypes) {
        this(client, fieldTypes, discover());
    }

    DefaultTaskRecipes(InvokeAIClient client, FieldTypeRegistry fieldTypes, List<TaskRecipeProvider> providers) {
        this.client = client;
        this.fieldTypes = fieldTypes;
        Map<String, TaskRecipe> byName = new LinkedHashMap<>();
        for (TaskRecipeProvider provider : providers) {
            for (TaskRecipe recipe : provider.recipes()) {
                TaskRecipe previous = byName.putIfAbsent(recipe.name(), recipe);
                if (previous != null && previous.getClass() != recipe.getClass()) {
                    throw new InvokeAIException("Two task recipes are named '" + recipe.name() + "': "
                            + previous.getClass().getName() + " and "
                            + recipe.getClass().getName());
                }
            }
        }
        this.recipes = Map.copyOf(byName);
    }

    static List<TaskRecipeProvider> discover() {
        List<TaskRecipeProvider> found = new ArrayList<>();
        ServiceLoader.load(TaskRecipeProvider.class).forEach(found::add);
        if (found.isEmpty()) {
            ServiceLoader.load(TaskRecipeProvider.class, DefaultTaskRecipes.class.getClassLoader())
                    .forEach(found::add);
        }
        return found;
    }

    @Override
    public List<TaskRecipe> list() {
        return recipes.values().stream()
                .sorted(java.util.Comparator.comparing(TaskRecipe::name))
                .toList();
    }

    @Override
    public Optional<TaskRecipe> find(String name) {
        return Optional.ofNullable(recipes.get(name));
    }

    @Override
    public List<TaskRecipe> withCapability(String capability) {
        return list().stream()
                .filter(r -> r.capabilities().contains(capability))
                .toList();
    }

    @Override
    public Task task(String recipeName) {
        TaskRecipe recipe = find(recipeName)
                .orElseThrow(() -> new InvokeAIException("No task recipe named '"
                        + recipeName + "'. Known recipes: "
                        + list().stream().map(TaskRecipe::name).toList()
                        + " (add the module that provides it, e.g. invokeai-tasks-txt2img)"));
        return new DefaultTask(recipe);
    }

    private final class DefaultTask implements Task {
        private final TaskRecipe recipe;
        private final Map<String, InvokeAIField<?>> values = new LinkedHashMap<>();

        DefaultTask(TaskRecipe recipe) {
            this.recipe = recipe;
        }

        @Override
        public String recipeName() {
            return recipe.name();
        }

        @Override
        public List<TaskParameter> parameters() {
            return recipe.parameters();
        }

        @Override
        public Task set(String name, Object value) {
            TaskParameter p = parameter(name);
            values.put(p.name(), fieldTypes.typeFor(p.spec()).fromJava(p.spec(), p.name(), value));
            return this;
        }

        private TaskParameter parameter(String name) {
            List<TaskParameter> ps = recipe.parameters();
            return ps.stream()
                    .filter(p -> p.name().equals(name))
                    .findFirst()
                    .or(() -> ps.stream()
                            .filter(p -> p.name().equalsIgnoreCase(name))
                            .findFirst())
                    .orElseThrow(() -> new UnknownInputException(
                            name, ps.stream().map(TaskParameter::name).toList()));
        }

        @Override
        public CompletableFuture<ClientWorkflow> workflowAsync() {
            try {
                return recipe.workflowAsync(client, Map.copyOf(values));
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
        }
    }
}
