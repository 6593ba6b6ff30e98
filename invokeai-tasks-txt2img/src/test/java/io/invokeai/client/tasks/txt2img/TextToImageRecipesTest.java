package io.invokeai.client.tasks.txt2img;

import static io.invokeai.client.tasks.testing.RecipeTests.edges;
import static io.invokeai.client.tasks.testing.RecipeTests.graph;
import static io.invokeai.client.tasks.testing.RecipeTests.node;
import static io.invokeai.client.tasks.testing.RecipeTests.nodeTypes;
import static io.invokeai.client.tasks.testing.RecipeTests.workflow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.invokeai.client.ClientWorkflow;
import io.invokeai.client.InvalidInputException;
import io.invokeai.client.InvokeAIClient;
import io.invokeai.client.TaskParameter;
import io.invokeai.client.WorkflowInput;
import io.invokeai.client.spi.TaskRecipe;
import io.invokeai.client.tasks.testing.RecipeTests;
import io.invokeai.client.tasks.txt2img.graph.GenerationGraph;
import io.invokeai.client.tasks.txt2img.graph.ModelFamily;
import io.invokeai.client.tasks.txt2img.graph.WorkflowJson;
import io.invokeai.client.types.LoRA;
import jakarta.json.JsonObject;
import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class TextToImageRecipesTest {
    static final InvokeAIClient OFFLINE = InvokeAIClient.offline();

    @AfterAll
    static void close() {
        OFFLINE.close();
    }

    static Map<String, Object> base(String model) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("model", model);
        v.put("prompt", "a red cube");
        return v;
    }

    static Map<String, Object> with(Map<String, Object> values, Object... pairs) {
        Map<String, Object> v = new LinkedHashMap<>(values);
        for (int i = 0; i < pairs.length; i += 2) {
            v.put((String) pairs[i], pairs[i + 1]);
        }
        return v;
    }

    @Test
    void bothRecipesAreFoundByNameAndCapability() {
        assertThat(OFFLINE.tasks().find(TextToImage.RECIPE)).isPresent();
        assertThat(OFFLINE.tasks().withCapability("image-to-image"))
                .extracting(TaskRecipe::name)
                .contains(TextToImage.IMAGE_TO_IMAGE_RECIPE)
                .doesNotContain(TextToImage.RECIPE);
        assertThat(OFFLINE.tasks().withCapability("sdxl"))
                .extracting(TaskRecipe::name)
                .contains(TextToImage.RECIPE);
        assertThat(OFFLINE.tasks().withCapability("flux"))
                .extracting(TaskRecipe::name)
                .contains(TextToImage.RECIPE);
    }

    @Test
    void parametersAreTypedWithDefaultsAndRanges() {
        List<TaskParameter> ps = OFFLINE.tasks().task(TextToImage.RECIPE).parameters();
        assertThat(ps)
                .extracting(TaskParameter::name)
                .containsExactly(
                        "model",
                        "prompt",
                        "negativePrompt",
                        "width",
                        "height",
                        "steps",
                        "cfgScale",
                        "guidance",
                        "scheduler",
                        "seed",
                        "loras",
                        "vae",
                        "t5Encoder",
                        "clipEmbed",
                        "board");
        TaskParameter steps = ps.get(5);
        assertThat(steps.spec().typeName()).isEqualTo("IntegerField");
        assertThat(steps.spec().defaultValue())
                .hasValueSatisfying(v -> assertThat(v.toString()).isEqualTo("30"));
        assertThat(steps.spec().constraints().describeRange()).isEqualTo("in [1, 500]");
        assertThat(ps.get(3).spec().constraints().describeRange()).isEqualTo("in [64, 4096], a multiple of 8");
        assertThat(ps.get(0).spec().modelTypes()).containsExactly("main");
        assertThat(ps.get(0).spec().modelBases()).containsExactly("sd-1", "sdxl", "flux");
        assertThat(ps.get(0).spec().required()).isTrue();
        assertThat(ps).allSatisfy(p -> assertThat(p.description()).isNotBlank());

        List<String> i2i = OFFLINE.tasks().task(TextToImage.IMAGE_TO_IMAGE_RECIPE).parameters().stream()
                .map(TaskParameter::name)
                .toList();
        assertThat(i2i).endsWith("initImage", "strength");
    }

    @Test
    void outOfRangeValuesFailWhenSet() {
        var task = OFFLINE.tasks().task(TextToImage.RECIPE);
        assertThatThrownBy(() -> task.set("steps", 0))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("steps")
                .hasMessageContaining("[1, 500]");
        assertThatThrownBy(() -> task.set("width", 100))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("multiple of 8");
        assertThatThrownBy(() -> task.set("seed", -1)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> task.set("scheduler", "fastest")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> task.set("cfgScale", 0.5)).isInstanceOf(InvalidInputException.class);
        var i2i = OFFLINE.tasks().task(TextToImage.IMAGE_TO_IMAGE_RECIPE);
        assertThatThrownBy(() -> i2i.set("strength", 1.5))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("strength");
    }

    @Test
    void sd1GraphIsTheGuiLinearGraph() {
        ClientWorkflow wf =
                workflow(TextToImage.RECIPE, with(base("tiny-sd1"), "width", 64, "height", 96, "steps", 3, "seed", 7));
        JsonObject graph = graph(wf);
        assertThat(nodeTypes(graph))
                .containsEntry("model_loader", "main_model_loader")
                .containsEntry("positive_conditioning", "compel")
                .containsEntry("negative_conditioning", "compel")
                .containsEntry("noise", "noise")
                .containsEntry("denoise", "denoise_latents")
                .containsEntry("output", "l2i")
                .containsEntry("seed", "integer")
                .doesNotContainKeys("lora_loader", "vae_loader");
        assertThat(edges(graph))
                .contains(
                        "seed.value -> noise.seed",
                        "model_loader.clip -> positive_conditioning.clip",
                        "model_loader.unet -> denoise.unet",
                        "model_loader.vae -> output.vae",
                        "noise.noise -> denoise.noise",
                        "denoise.latents -> output.latents");
        assertThat(node(graph, "noise").getInt("width")).isEqualTo(64);
        assertThat(node(graph, "noise").getInt("height")).isEqualTo(96);
        assertThat(node(graph, "seed").getInt("value")).isEqualTo(7);
        assertThat(node(graph, "positive_prompt").getString("value")).isEqualTo("a red cube");
        assertThat(node(graph, "negative_prompt").getString("value")).isEmpty();
        assertThat(node(graph, "denoise").getInt("steps")).isEqualTo(3);
        assertThat(node(graph, "denoise").getJsonNumber("cfg_scale").bigDecimalValue())
                .isEqualByComparingTo("7.5");
        assertThat(node(graph, "denoise").getString("scheduler")).isEqualTo("euler");
        assertThat(node(graph, "output").getBoolean("is_intermediate")).isFalse();
        assertThat(node(graph, "output").getBoolean("use_cache")).isFalse();
        assertThat(node(graph, "model_loader").getJsonObject("model").getString("key"))
                .isEqualTo("key-tiny-sd1");
    }

    /** Every graph variant binds against InvokeAI 6.14's schema with no node, edge or form field dropped. */
    @Test
    void everyGraphVariantValidatesAgainstTheServerSchema() {
        for (ModelFamily family : ModelFamily.values()) {
            for (GenerationGraph.Init init : GenerationGraph.Init.values()) {
                for (boolean extras : new boolean[] {false, true}) {
                    GenerationGraph g =
                            GenerationGraph.build("t", "", new GenerationGraph.Options(family, extras, extras, init));
                    JsonObject json = g.workflow().build();
                    ClientWorkflow wf = OFFLINE.workflowFromJson(json.toString());
                    String variant = family + "/" + init + "/" + extras;
                    assertThat(wf.inputs())
                            .as(variant)
                            .extracting(WorkflowInput::name)
                            .containsExactlyElementsOf(g.workflow().exposedLabels());
                    JsonObject graph = graph(wf);
                    assertThat(edges(graph))
                            .as(variant)
                            .hasSize(json.getJsonArray("edges").size());
                    assertThat(graph.getJsonObject("nodes"))
                            .as(variant)
                            .hasSize(json.getJsonArray("nodes").size());
                    assertThat(wf.toWorkflowJson().getJsonArray("edges"))
                            .as(variant)
                            .hasSameSizeAs(json.getJsonArray("edges"));
                }
            }
        }
    }

    @Test
    void theWorkflowListsTheParametersAsInputs() {
        ClientWorkflow wf = workflow(TextToImage.RECIPE, base("tiny-sd1"));
        assertThat(wf.inputs())
                .extracting(WorkflowInput::name)
                .containsExactlyInAnyOrder(
                        "model",
                        "seed",
                        "prompt",
                        "negativePrompt",
                        "width",
                        "height",
                        "steps",
                        "cfgScale",
                        "scheduler",
                        "board");
        assertThat(wf.get("width").toJson().toString()).isEqualTo("512");
        assertThat(wf.toWorkflowJson().getJsonObject("meta").getString("version"))
                .isEqualTo(WorkflowJson.SCHEMA_VERSION);
    }

    @Test
    void aRandomSeedIsChosenAndReported() {
        ClientWorkflow wf = workflow(TextToImage.RECIPE, base("tiny-sd1"));
        long seed = Long.parseLong(wf.get("seed").toJson().toString());
        assertThat(seed).isBetween(0L, 4_294_967_295L);
        assertThat(node(graph(wf), "seed").getJsonNumber("value").longValue()).isEqualTo(seed);
    }

    @Test
    void sdxlGraphFeedsPromptAndStyleAndTheSizesFromTheNoise() {
        ClientWorkflow wf = workflow(
                TextToImage.RECIPE,
                with(base("tiny-sdxl"), "loras", List.of(new LoRA("tiny-sdxl-lora", 0.5)), "vae", "tiny-sdxl-vae"));
        JsonObject graph = graph(wf);
        assertThat(nodeTypes(graph))
                .containsEntry("model_loader", "sdxl_model_loader")
                .containsEntry("lora_loader", "sdxl_lora_collection_loader")
                .containsEntry("vae_loader", "vae_loader")
                .containsEntry("positive_conditioning", "sdxl_compel_prompt");
        assertThat(edges(graph))
                .contains(
                        "positive_prompt.value -> positive_conditioning.prompt",
                        "positive_prompt.value -> positive_conditioning.style",
                        "noise.width -> positive_conditioning.target_width",
                        "noise.height -> negative_conditioning.original_height",
                        "lora_loader.clip2 -> negative_conditioning.clip2",
                        "lora_loader.unet -> denoise.unet",
                        "vae_loader.vae -> output.vae");
        assertThat(node(graph, "noise").getInt("width")).isEqualTo(1024);
        assertThat(node(graph, "lora_loader")
                        .getJsonArray("loras")
                        .getJsonObject(0)
                        .getJsonNumber("weight")
                        .doubleValue())
                .isEqualTo(0.5);
    }

    @Test
    void fluxGraphPicksItsCompanionModels() {
        ClientWorkflow wf = workflow(TextToImage.RECIPE, with(base("tiny-flux"), "width", 512, "guidance", 3.5));
        JsonObject graph = graph(wf);
        assertThat(nodeTypes(graph))
                .containsEntry("model_loader", "flux_model_loader")
                .containsEntry("positive_conditioning", "flux_text_encoder")
                .containsEntry("denoise", "flux_denoise")
                .containsEntry("output", "flux_vae_decode")
                .doesNotContainKeys("noise", "negative_conditioning");
        JsonObject loader = node(graph, "model_loader");
        assertThat(loader.getJsonObject("t5_encoder_model").getString("name")).isEqualTo("t5-encoder");
        assertThat(loader.getJsonObject("clip_embed_model").getString("name")).isEqualTo("clip-embed");
        assertThat(loader.getJsonObject("vae_model").getString("name")).isEqualTo("flux-vae");
        assertThat(node(graph, "denoise").getInt("width")).isEqualTo(512);
        assertThat(node(graph, "denoise").getInt("height")).isEqualTo(1024);
        assertThat(node(graph, "denoise").getJsonNumber("guidance").doubleValue())
                .isEqualTo(3.5);
        assertThat(edges(graph))
                .contains(
                        "seed.value -> denoise.seed",
                        "model_loader.max_seq_len -> " + "positive_conditioning.t5_max_seq_len");
    }

    @Test
    void parametersOfAnotherFamilyAreRejected() {
        assertThatThrownBy(() -> workflow(TextToImage.RECIPE, with(base("tiny-flux"), "cfgScale", 5)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("cfgScale")
                .hasMessageContaining("FLUX model 'tiny-flux'")
                .hasMessageContaining("guidance");
        assertThatThrownBy(() -> workflow(TextToImage.RECIPE, with(base("tiny-flux"), "negativePrompt", "blurry")))
                .hasMessageContaining("negativePrompt");
        assertThatThrownBy(() -> workflow(TextToImage.RECIPE, with(base("tiny-flux"), "width", 520)))
                .hasMessageContaining("multiple of 16 for FLUX");
        assertThatThrownBy(() -> workflow(TextToImage.RECIPE, with(base("tiny-sdxl"), "guidance", 3)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("guidance")
                .hasMessageContaining("FLUX models only");
        assertThatThrownBy(() ->
                        workflow(TextToImage.RECIPE, with(base("tiny-sdxl"), "loras", new LoRA("tiny-sd1-lora", 1))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'loras'")
                .hasMessageContaining("SDXL")
                .hasMessageContaining("its base is sd-1");
        assertThatThrownBy(() -> workflow(TextToImage.RECIPE, with(base("tiny-sd1"), "vae", "tiny-sdxl-vae")))
                .hasMessageContaining("'vae'")
                .hasMessageContaining("its base is sdxl");
        assertThatThrownBy(() -> workflow(TextToImage.RECIPE, base("tiny-sd2")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("base sd-1, sdxl, flux")
                .hasMessageContaining("its base is sd-2");
        assertThatThrownBy(() -> workflow(TextToImage.RECIPE, base("no-such-model")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("no such model")
                .hasMessageContaining("tiny-sd1");
        assertThatThrownBy(() -> workflow(TextToImage.RECIPE, Map.of("model", "tiny-sd1")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'prompt'")
                .hasMessageContaining("required");
    }

    @Test
    void fluxNeedsItsCompanionModelsInstalled() {
        InvokeAIClient noT5 =
                RecipeTests.client(List.of(RecipeTests.FLUX, RecipeTests.FLUX_VAE, RecipeTests.CLIP_EMBED));
        assertThatThrownBy(() -> RecipeTests.workflow(noT5, TextToImage.RECIPE, base("tiny-flux")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("t5Encoder")
                .hasMessageContaining("none is installed");
    }

    @Test
    void imageToImageResizesTheInitImageWhenASizeIsGiven() {
        BufferedImage init = new BufferedImage(80, 48, BufferedImage.TYPE_INT_RGB);
        ClientWorkflow wf = workflow(
                TextToImage.IMAGE_TO_IMAGE_RECIPE,
                with(base("tiny-sd1"), "initImage", init, "width", 64, "height", 64, "strength", 0.6));
        JsonObject graph = graph(wf);
        assertThat(nodeTypes(graph))
                .containsEntry("init_image_resize", "img_resize")
                .containsEntry("init_image_encode", "i2l")
                .containsEntry("denoising_start", "float_math");
        assertThat(edges(graph))
                .contains(
                        "init_image_resize.image -> init_image_encode.image",
                        "init_image_resize.width -> noise.width",
                        "init_image_encode.latents -> denoise.latents",
                        "denoising_start.value -> denoise.denoising_start",
                        "model_loader.vae -> init_image_encode.vae");
        assertThat(node(graph, "init_image_resize").getInt("width")).isEqualTo(64);
        assertThat(node(graph, "denoising_start").getString("operation")).isEqualTo("SUB");
        assertThat(node(graph, "denoising_start").getJsonNumber("b").bigDecimalValue())
                .isEqualByComparingTo(new BigDecimal("0.6"));
    }

    @Test
    void imageToImageKeepsTheInitImageSizeByDefault() {
        ClientWorkflow wf = workflow(
                TextToImage.IMAGE_TO_IMAGE_RECIPE,
                with(base("tiny-sdxl"), "initImage", new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB)));
        JsonObject graph = graph(wf);
        assertThat(nodeTypes(graph)).doesNotContainKey("init_image_resize");
        assertThat(edges(graph)).contains("init_image_encode.width -> noise.width");
        assertThat(node(graph, "denoising_start").getJsonNumber("b").bigDecimalValue())
                .isEqualByComparingTo("0.75");
        assertThat(wf.inputs()).extracting(WorkflowInput::name).doesNotContain("width", "height");

        assertThatThrownBy(() -> workflow(
                        TextToImage.IMAGE_TO_IMAGE_RECIPE,
                        with(base("tiny-sd1"), "initImage", new BufferedImage(8, 8, 1), "width", 64)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'height'");
        assertThatThrownBy(() -> workflow(TextToImage.IMAGE_TO_IMAGE_RECIPE, base("tiny-sd1")))
                .hasMessageContaining("'initImage'");
    }

    @Test
    void fluxImageToImageEncodesWithTheFluxVae() {
        ClientWorkflow wf = workflow(
                TextToImage.IMAGE_TO_IMAGE_RECIPE,
                with(base("tiny-flux"), "initImage", new BufferedImage(64, 64, 1), "width", 512, "height", 512));
        JsonObject graph = graph(wf);
        assertThat(nodeTypes(graph)).containsEntry("init_image_encode", "flux_vae_encode");
        assertThat(edges(graph))
                .contains(
                        "init_image_resize.width -> denoise.width",
                        "init_image_encode.latents -> denoise.latents",
                        "model_loader.vae -> init_image_encode.vae");
        assertThat(node(graph, "denoise").getBoolean("add_noise")).isTrue();
    }
}
