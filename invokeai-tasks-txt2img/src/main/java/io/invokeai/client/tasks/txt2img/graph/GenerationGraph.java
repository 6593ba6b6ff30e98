package io.invokeai.client.tasks.txt2img.graph;

import static io.invokeai.client.tasks.txt2img.TextToImage.BOARD;
import static io.invokeai.client.tasks.txt2img.TextToImage.CFG_SCALE;
import static io.invokeai.client.tasks.txt2img.TextToImage.CLIP_EMBED;
import static io.invokeai.client.tasks.txt2img.TextToImage.GUIDANCE;
import static io.invokeai.client.tasks.txt2img.TextToImage.HEIGHT;
import static io.invokeai.client.tasks.txt2img.TextToImage.INIT_IMAGE;
import static io.invokeai.client.tasks.txt2img.TextToImage.LORAS;
import static io.invokeai.client.tasks.txt2img.TextToImage.MODEL;
import static io.invokeai.client.tasks.txt2img.TextToImage.NEGATIVE_PROMPT;
import static io.invokeai.client.tasks.txt2img.TextToImage.PROMPT;
import static io.invokeai.client.tasks.txt2img.TextToImage.SCHEDULER;
import static io.invokeai.client.tasks.txt2img.TextToImage.SEED;
import static io.invokeai.client.tasks.txt2img.TextToImage.STEPS;
import static io.invokeai.client.tasks.txt2img.TextToImage.STRENGTH;
import static io.invokeai.client.tasks.txt2img.TextToImage.T5_ENCODER;
import static io.invokeai.client.tasks.txt2img.TextToImage.VAE;
import static io.invokeai.client.tasks.txt2img.TextToImage.WIDTH;

import io.invokeai.client.tasks.txt2img.TextToImage;
import io.invokeai.client.tasks.txt2img.graph.WorkflowJson.Node;
import io.invokeai.client.tasks.txt2img.graph.WorkflowJson.Port;
import java.util.Objects;

/**
 * The linear generation graph of one model family, as the GUI builds it for its text-to-image and image-to-image
 * tabs, with every parameter exposed in the form under its parameter name:
 *
 * <ul>
 *   <li>SD1: {@code main_model_loader} → ({@code lora_collection_loader}) → {@code compel} ×2 → {@code noise} →
 *       {@code denoise_latents} → {@code l2i} (with {@code vae_loader} when a VAE is given);
 *   <li>SDXL: the same with {@code sdxl_model_loader}, {@code sdxl_lora_collection_loader} and
 *       {@code sdxl_compel_prompt} (prompt and style from one prompt node, original and target size from the noise);
 *   <li>FLUX: {@code flux_model_loader} → ({@code flux_lora_collection_loader}) → {@code flux_text_encoder} →
 *       {@code flux_denoise} (which makes its own noise) → {@code flux_vae_decode}.
 * </ul>
 *
 * <p>The seed is an {@code integer} node (id {@link TextToImage#SEED_NODE}) so it is reported among the job's
 * outputs. Image-to-image encodes the init image ({@code i2l} / {@code flux_vae_encode}), resized first with
 * {@code img_resize} when a size is given, and starts denoising at {@code 1 - strength} (a {@code float_math} node).
 * The output node (id {@link TextToImage#OUTPUT_NODE}) saves a gallery image on every run (no cache).
 *
 * <p>Extensions (ControlNet, IP-Adapter) add their nodes through {@link #workflow()} and connect them to
 * {@link #denoise(String)}.
 */
public final class GenerationGraph {
    /** How the init image, if any, enters the graph. */
    public enum Init {
        /** Text-to-image: the size is set on the noise (or on {@code flux_denoise}). */
        NONE,
        /** Image-to-image at the given width and height: the init image is resized to it. */
        RESIZE,
        /** Image-to-image at the init image's own size: the noise takes the size of the encoded latents. */
        NATIVE
    }

    /**
     * What to build.
     *
     * @param loras whether to add the LoRA loader
     * @param vae whether to load a separate VAE (SD1/SDXL; FLUX always loads its VAE)
     */
    public record Options(ModelFamily family, boolean loras, boolean vae, Init init) {
        public Options {
            Objects.requireNonNull(family, "family");
            Objects.requireNonNull(init, "init");
        }
    }

    /** The main model loader node. */
    public static final String MODEL_LOADER = "model_loader";
    /** The LoRA collection loader node (when LoRAs are given). */
    public static final String LORA_LOADER = "lora_loader";
    /** The VAE loader node (when a separate VAE is given, SD1/SDXL). */
    public static final String VAE_LOADER = "vae_loader";
    /** The {@code string} node holding the prompt. */
    public static final String POSITIVE_PROMPT = "positive_prompt";
    /** The {@code string} node holding the negative prompt (SD1/SDXL). */
    public static final String NEGATIVE_PROMPT_NODE = "negative_prompt";
    /** The prompt encoder node. */
    public static final String POSITIVE_CONDITIONING = "positive_conditioning";
    /** The negative prompt encoder node (SD1/SDXL). */
    public static final String NEGATIVE_CONDITIONING = "negative_conditioning";
    /** The noise node (SD1/SDXL; FLUX makes its own noise). */
    public static final String NOISE = "noise";
    /** The denoising node: {@code denoise_latents} or {@code flux_denoise}. */
    public static final String DENOISE = "denoise";
    /** The node resizing the init image (image-to-image at a given size). */
    public static final String RESIZE = "init_image_resize";
    /** The node encoding the init image to latents. */
    public static final String ENCODE = "init_image_encode";
    /** The {@code float_math} node computing {@code 1 - strength}. */
    public static final String DENOISING_START = "denoising_start";

    /** Column of the nodes that prepare guidance (ControlNets, IP-Adapters), for the GUI's layout. */
    public static final int GUIDANCE_COLUMN = 2;

    private final Options options;
    private final WorkflowJson workflow;
    private Port unet;
    private Port clip;
    private Port clip2;
    private Port t5;
    private Port transformer;
    private Port vae;

    private GenerationGraph(Options options, WorkflowJson workflow) {
        this.options = options;
        this.workflow = workflow;
    }

    /**
     * Writes the graph.
     *
     * @param name the workflow's name
     * @param description the workflow's description
     */
    public static GenerationGraph build(String name, String description, Options options) {
        GenerationGraph g = new GenerationGraph(options, new WorkflowJson(name, description));
        if (options.family() == ModelFamily.FLUX) {
            g.buildFlux();
        } else {
            g.buildStableDiffusion();
        }
        return g;
    }

    /** The workflow being written, for extensions to add nodes to. */
    public WorkflowJson workflow() {
        return workflow;
    }

    /** What was built. */
    public Options options() {
        return options;
    }

    /** The model family the graph is for. */
    public ModelFamily family() {
        return options.family();
    }

    /**
     * An input of the denoising node, e.g. {@code control} or {@code ip_adapter}.
     *
     * @param field the input's name
     * @return the port to connect to
     */
    public Port denoise(String field) {
        return new Port(DENOISE, field);
    }

    /** The VAE the graph decodes with. */
    public Port vae() {
        return vae;
    }

    private void common() {
        workflow.node(TextToImage.SEED_NODE, "integer", 0).label("Seed");
        workflow.expose(new Port(TextToImage.SEED_NODE, "value"), SEED);
        workflow.node(POSITIVE_PROMPT, "string", 0).label("Positive Prompt");
        workflow.expose(new Port(POSITIVE_PROMPT, "value"), PROMPT);
    }

    private void buildStableDiffusion() {
        boolean xl = family() == ModelFamily.SDXL;
        Node loader = workflow.node(MODEL_LOADER, xl ? "sdxl_model_loader" : "main_model_loader", 0);
        workflow.expose(loader.port("model"), MODEL);
        unet = loader.port("unet");
        clip = loader.port("clip");
        clip2 = xl ? loader.port("clip2") : null;
        vae = loader.port("vae");
        common();
        workflow.node(NEGATIVE_PROMPT_NODE, "string", 0).label("Negative Prompt");
        workflow.expose(new Port(NEGATIVE_PROMPT_NODE, "value"), NEGATIVE_PROMPT);

        if (options.loras()) {
            Node lora = workflow.node(LORA_LOADER, xl ? "sdxl_lora_collection_loader" : "lora_collection_loader", 1);
            workflow.expose(lora.port("loras"), LORAS);
            workflow.connect(unet, lora.port("unet")).connect(clip, lora.port("clip"));
            unet = lora.port("unet");
            clip = lora.port("clip");
            if (xl) {
                workflow.connect(clip2, lora.port("clip2"));
                clip2 = lora.port("clip2");
            }
        }
        if (options.vae()) {
            Node vaeLoader = workflow.node(VAE_LOADER, "vae_loader", 1);
            workflow.expose(vaeLoader.port("vae_model"), VAE);
            vae = vaeLoader.port("vae");
        }

        Node noise = workflow.node(NOISE, "noise", 2).set("use_cpu", true);
        workflow.connect(new Port(TextToImage.SEED_NODE, "value"), noise.port("seed"));
        Port latents = init(noise.port("width"), noise.port("height"), "i2l");

        for (boolean positive : new boolean[] {true, false}) {
            Node cond = workflow.node(
                            positive ? POSITIVE_CONDITIONING : NEGATIVE_CONDITIONING,
                            xl ? "sdxl_compel_prompt" : "compel",
                            2)
                    .label(positive ? "Positive Conditioning" : "Negative Conditioning");
            Port text = new Port(positive ? POSITIVE_PROMPT : NEGATIVE_PROMPT_NODE, "value");
            workflow.connect(text, cond.port("prompt")).connect(clip, cond.port("clip"));
            if (xl) {
                workflow.connect(text, cond.port("style")).connect(clip2, cond.port("clip2"));
                for (String side : new String[] {"width", "height"}) {
                    workflow.connect(noise.port(side), cond.port("original_" + side))
                            .connect(noise.port(side), cond.port("target_" + side));
                }
                cond.set("crop_top", 0).set("crop_left", 0);
            }
        }

        Node denoise = workflow.node(DENOISE, "denoise_latents", 3);
        workflow.expose(denoise.port("steps"), STEPS)
                .expose(denoise.port("cfg_scale"), CFG_SCALE)
                .expose(denoise.port("scheduler"), SCHEDULER)
                .connect(unet, denoise.port("unet"))
                .connect(new Port(POSITIVE_CONDITIONING, "conditioning"), denoise.port("positive_conditioning"))
                .connect(new Port(NEGATIVE_CONDITIONING, "conditioning"), denoise.port("negative_conditioning"))
                .connect(noise.port("noise"), denoise.port("noise"));
        if (latents != null) {
            workflow.connect(latents, denoise.port("latents"))
                    .connect(new Port(DENOISING_START, "value"), denoise.port("denoising_start"));
        }
        denoise.set("denoising_end", 1.0);

        Node output = workflow.node(TextToImage.OUTPUT_NODE, "l2i", 4)
                .label("Output")
                .intermediate(false)
                .useCache(false);
        workflow.expose(output.port("board"), BOARD)
                .connect(denoise.port("latents"), output.port("latents"))
                .connect(vae, output.port("vae"));
    }

    private void buildFlux() {
        Node loader = workflow.node(MODEL_LOADER, "flux_model_loader", 0);
        workflow.expose(loader.port("model"), MODEL)
                .expose(loader.port("t5_encoder_model"), T5_ENCODER)
                .expose(loader.port("clip_embed_model"), CLIP_EMBED)
                .expose(loader.port("vae_model"), VAE);
        transformer = loader.port("transformer");
        clip = loader.port("clip");
        t5 = loader.port("t5_encoder");
        vae = loader.port("vae");
        common();

        if (options.loras()) {
            Node lora = workflow.node(LORA_LOADER, "flux_lora_collection_loader", 1);
            workflow.expose(lora.port("loras"), LORAS)
                    .connect(transformer, lora.port("transformer"))
                    .connect(clip, lora.port("clip"))
                    .connect(t5, lora.port("t5_encoder"));
            transformer = lora.port("transformer");
            clip = lora.port("clip");
            t5 = lora.port("t5_encoder");
        }

        Node cond = workflow.node(POSITIVE_CONDITIONING, "flux_text_encoder", 2).label("Positive Conditioning");
        workflow.connect(new Port(POSITIVE_PROMPT, "value"), cond.port("prompt"))
                .connect(clip, cond.port("clip"))
                .connect(t5, cond.port("t5_encoder"))
                .connect(loader.port("max_seq_len"), cond.port("t5_max_seq_len"));

        Node denoise = workflow.node(DENOISE, "flux_denoise", 3);
        Port latents = init(denoise.port("width"), denoise.port("height"), "flux_vae_encode");
        workflow.expose(denoise.port("num_steps"), STEPS)
                .expose(denoise.port("guidance"), GUIDANCE)
                .expose(denoise.port("scheduler"), SCHEDULER)
                .connect(new Port(TextToImage.SEED_NODE, "value"), denoise.port("seed"))
                .connect(transformer, denoise.port("transformer"))
                .connect(cond.port("conditioning"), denoise.port("positive_text_conditioning"));
        if (latents != null) {
            workflow.connect(latents, denoise.port("latents"))
                    .connect(new Port(DENOISING_START, "value"), denoise.port("denoising_start"));
            denoise.set("add_noise", true);
        }
        denoise.set("denoising_end", 1.0);

        Node output = workflow.node(TextToImage.OUTPUT_NODE, "flux_vae_decode", 4)
                .label("Output")
                .intermediate(false)
                .useCache(false);
        workflow.expose(output.port("board"), BOARD)
                .connect(denoise.port("latents"), output.port("latents"))
                .connect(vae, output.port("vae"));
    }

    /**
     * Adds the init image path (if any) and wires the size inputs: exposed as width/height (text-to-image), fed by the
     * resize node (which then holds width/height), or fed by the encoded latents' size.
     *
     * @return the encoded init image, or null for text-to-image
     */
    private Port init(Port width, Port height, String encoderType) {
        switch (options.init()) {
            case NONE -> {
                workflow.expose(width, WIDTH).expose(height, HEIGHT);
                return null;
            }
            case RESIZE, NATIVE -> {
                Node encode = workflow.node(ENCODE, encoderType, 1).label("Encode Init Image");
                if (options.init() == Init.RESIZE) {
                    Node resize = workflow.node(RESIZE, "img_resize", 1).label("Resize Init Image");
                    workflow.expose(resize.port("image"), INIT_IMAGE)
                            .expose(resize.port("width"), WIDTH)
                            .expose(resize.port("height"), HEIGHT)
                            .connect(resize.port("image"), encode.port("image"))
                            .connect(resize.port("width"), width)
                            .connect(resize.port("height"), height);
                } else {
                    workflow.expose(encode.port("image"), INIT_IMAGE)
                            .connect(encode.port("width"), width)
                            .connect(encode.port("height"), height);
                }
                workflow.connect(vae, encode.port("vae"));
                Node start = workflow.node(DENOISING_START, "float_math", 2)
                        .label("Denoising Start = 1 - Strength")
                        .set("operation", "SUB")
                        .set("a", 1);
                workflow.expose(start.port("b"), STRENGTH);
                return encode.port("latents");
            }
            default -> throw new IllegalStateException(options.init().toString());
        }
    }
}
