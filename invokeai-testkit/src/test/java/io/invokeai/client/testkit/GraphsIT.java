package io.invokeai.client.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Graphs sent straight to the queue run to completion on the shared server, with and without tiny models. */
@InvokeAITest
class GraphsIT {
    private static final int SIZE = 64;

    private final InvokeAIServer server;
    private final Api api;

    GraphsIT(InvokeAIServer server) {
        this.server = server;
        this.api = new Api(server);
    }

    @BeforeEach
    void cleanState() {
        server.cleanState();
    }

    @Test
    void modelFreeGraphSavesItsImageOntoABoard() {
        String board = api.createBoard("testkit-it");
        Graph graph = new Graph()
                .node(
                        "blank",
                        "blank_image",
                        "width",
                        96,
                        "height",
                        48,
                        "color",
                        Graph.json("{\"r\":200,\"g\":30,\"b\":30,\"a\":255}"))
                .node("blur", "img_blur", "radius", 2.0)
                .node(
                        "save",
                        "save_image",
                        "is_intermediate",
                        false,
                        "board",
                        Graph.json("{\"board_id\":\"" + board + "\"}"))
                .edge("blank", "image", "blur", "image")
                .edge("blur", "image", "save", "image");

        JsonObject item = timed("model-free graph", graph);

        String name = Api.imageName(item, "save");
        assertThat(api.get("/api/v1/boards/" + board + "/image_names")
                        .asJsonArray()
                        .getValuesAs(JsonString::getString))
                .containsExactly(name);
        assertThat(api.get("/api/v1/images/i/" + name).asJsonObject().getString("board_id"))
                .isEqualTo(board);
        BufferedImage image = api.image(name);
        assertThat(image.getWidth()).isEqualTo(96);
        assertThat(image.getHeight()).isEqualTo(48);
    }

    @Test
    void sd1TextToImage() {
        InstalledModel sd1 = server.tinyModels().install(TinyModel.SD1);

        JsonObject item = timed("sd1 text-to-image", sd1Graph(sd1, null, null, "a red fox"));

        assertSize(api.image(Api.imageName(item, "l2i")), SIZE, SIZE);
    }

    @Test
    void sdxlTextToImage() {
        InstalledModel sdxl = server.tinyModels().install(TinyModel.SDXL);
        Graph graph = new Graph()
                .node("model", "sdxl_model_loader", "model", Graph.model(sdxl))
                .node("pos", "sdxl_compel_prompt", sdxlPrompt("a red fox"))
                .node("neg", "sdxl_compel_prompt", sdxlPrompt(""))
                .node("noise", "noise", "seed", 7, "width", SIZE, "height", SIZE)
                .node("denoise", "denoise_latents", "steps", 3, "cfg_scale", 5.0, "scheduler", "euler")
                .node("l2i", "l2i", "fp32", true, "is_intermediate", false)
                .edge("model", "clip", "pos", "clip")
                .edge("model", "clip2", "pos", "clip2")
                .edge("model", "clip", "neg", "clip")
                .edge("model", "clip2", "neg", "clip2")
                .edge("model", "unet", "denoise", "unet")
                .edge("pos", "conditioning", "denoise", "positive_conditioning")
                .edge("neg", "conditioning", "denoise", "negative_conditioning")
                .edge("noise", "noise", "denoise", "noise")
                .edge("denoise", "latents", "l2i", "latents")
                .edge("model", "vae", "l2i", "vae");

        JsonObject item = timed("sdxl text-to-image", graph);

        assertSize(api.image(Api.imageName(item, "l2i")), SIZE, SIZE);
    }

    @Test
    void sd1WithLoraChangesTheImage() {
        InstalledModel sd1 = server.tinyModels().install(TinyModel.SD1);
        InstalledModel lora = server.tinyModels().install(TinyModel.SD1_LORA);

        BufferedImage plain =
                api.image(Api.imageName(timed("sd1 (lora baseline)", sd1Graph(sd1, null, null, "a fox")), "l2i"));
        BufferedImage withLora =
                api.image(Api.imageName(timed("sd1 + lora", sd1Graph(sd1, lora, null, "a fox")), "l2i"));

        assertSize(withLora, SIZE, SIZE);
        assertThat(pixels(withLora))
                .as("the LoRA patches the UNet and text encoder")
                .isNotEqualTo(pixels(plain));
    }

    @Test
    void sd1WithEmbeddingTriggerAndStandaloneVae() {
        InstalledModel sd1 = server.tinyModels().install(TinyModel.SD1);
        server.tinyModels().install(TinyModel.SD1_EMBEDDING);
        InstalledModel vae = server.tinyModels().install(TinyModel.SD1_VAE);

        JsonObject item = timed(
                "sd1 + embedding + vae",
                sd1Graph(sd1, null, vae, "a " + TinyModel.SD1_EMBEDDING.promptTrigger() + " fox"));

        assertSize(api.image(Api.imageName(item, "l2i")), SIZE, SIZE);
    }

    @Test
    void cleanStateRemovesBoardsImagesAndQueueItems() {
        String board = api.createBoard("to-be-cleaned");
        api.run(new Graph()
                .node(
                        "blank",
                        "blank_image",
                        "width",
                        16,
                        "height",
                        16,
                        "is_intermediate",
                        false,
                        "board",
                        Graph.json("{\"board_id\":\"" + board + "\"}"))
                .node("loose", "blank_image", "width", 16, "height", 16, "is_intermediate", false)
                .node("scratch", "blank_image", "width", 16, "height", 16, "is_intermediate", true)
                .toJson());
        assertThat(api.get("/api/v1/images/?limit=100").asJsonObject().getInt("total"))
                .isEqualTo(3);

        server.cleanState();

        assertThat(api.get("/api/v1/boards/?all=true").asJsonArray()).isEmpty();
        assertThat(api.get("/api/v1/images/?limit=100").asJsonObject().getInt("total"))
                .isZero();
        assertThat(api.get("/api/v1/images/?limit=100&is_intermediate=true")
                        .asJsonObject()
                        .getInt("total"))
                .isZero();
        assertThat(api.get("/api/v1/queue/default/status")
                        .asJsonObject()
                        .getJsonObject("queue")
                        .getInt("total"))
                .isZero();
    }

    /** main_model_loader → [lora_loader] → compel ×2 → noise → denoise_latents (3 euler steps) → l2i [vae_loader]. */
    private static Graph sd1Graph(InstalledModel sd1, InstalledModel lora, InstalledModel vae, String prompt) {
        Graph graph = new Graph()
                .node("model", "main_model_loader", "model", Graph.model(sd1))
                .node("pos", "compel", "prompt", prompt)
                .node("neg", "compel", "prompt", "")
                .node("noise", "noise", "seed", 7, "width", SIZE, "height", SIZE)
                .node("denoise", "denoise_latents", "steps", 3, "cfg_scale", 5.0, "scheduler", "euler")
                .node("l2i", "l2i", "fp32", true, "is_intermediate", false);
        String weights = "model";
        if (lora != null) {
            graph.node("lora", "lora_loader", "lora", Graph.model(lora), "weight", 1.0)
                    .edge("model", "unet", "lora", "unet")
                    .edge("model", "clip", "lora", "clip");
            weights = "lora";
        }
        if (vae != null) {
            graph.node("vae", "vae_loader", "vae_model", Graph.model(vae)).edge("vae", "vae", "l2i", "vae");
        } else {
            graph.edge("model", "vae", "l2i", "vae");
        }
        return graph.edge(weights, "clip", "pos", "clip")
                .edge(weights, "clip", "neg", "clip")
                .edge(weights, "unet", "denoise", "unet")
                .edge("pos", "conditioning", "denoise", "positive_conditioning")
                .edge("neg", "conditioning", "denoise", "negative_conditioning")
                .edge("noise", "noise", "denoise", "noise")
                .edge("denoise", "latents", "l2i", "latents");
    }

    private static Object[] sdxlPrompt(String prompt) {
        return new Object[] {
            "prompt",
            prompt,
            "style",
            prompt,
            "original_width",
            SIZE,
            "original_height",
            SIZE,
            "target_width",
            SIZE,
            "target_height",
            SIZE
        };
    }

    private JsonObject timed(String label, Graph graph) {
        long started = System.nanoTime();
        JsonObject item = api.run(graph.toJson());
        System.out.printf("[timing] %s: %.2f s%n", label, (System.nanoTime() - started) / 1e9);
        return item;
    }

    private static void assertSize(BufferedImage image, int width, int height) {
        assertThat(image.getWidth()).isEqualTo(width);
        assertThat(image.getHeight()).isEqualTo(height);
    }

    private static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }
}
