package io.invokeai.client.testkit;

/**
 * The tiny random-weight models the testkit can build and install. They produce noise, not pictures, but InvokeAI
 * classifies them like the real thing and runs the real nodes on them in about a second per 64x64 image on a CPU.
 */
public enum TinyModel {
    /** A Stable Diffusion 1 diffusers pipeline (main, sd-1). */
    SD1("sd1", "tiny-sd1", "tiny-sd1", "sd-1", "main"),
    /** A Stable Diffusion XL diffusers pipeline (main, sdxl). */
    SDXL("sdxl", "tiny-sdxl", "tiny-sdxl", "sdxl", "main"),
    /** A kohya-format LoRA for {@link #SD1}; it targets modules of the tiny UNet and text encoder, so it changes the output. */
    SD1_LORA("sd1_lora", "tiny-sd1-lora.safetensors", "tiny-sd1-lora", "sd-1", "lora"),
    /** A kohya-format LoRA for {@link #SDXL} (lora, sdxl); it targets the tiny UNet and both text encoders. */
    SDXL_LORA("sdxl_lora", "tiny-sdxl-lora.safetensors", "tiny-sdxl-lora", "sdxl", "lora"),
    /** A standalone SD1 VAE folder (vae, sd-1), for {@code vae_loader}. */
    SD1_VAE("sd1_vae", "tiny-sd1-vae", "tiny-sd1-vae", "sd-1", "vae"),
    /** An SD1 textual-inversion embedding (embedding, sd-1); use it by writing {@link #promptTrigger()} in a prompt. */
    SD1_EMBEDDING("sd1_embedding", "tiny-sd1-embedding.safetensors", "tiny-sd1-embedding", "sd-1", "embedding"),
    /**
     * A diffusers ControlNet for {@link #SD1} (controlnet, sd-1), shaped after the tiny UNet so it changes the output;
     * for the {@code controlnet} node.
     */
    SD1_CONTROLNET("sd1_controlnet", "tiny-sd1-controlnet", "tiny-sd1-controlnet", "sd-1", "controlnet"),
    /**
     * An IP-Adapter for {@link #SD1} in checkpoint format (ip_adapter, sd-1), for the {@code ip_adapter} node. It
     * needs {@link #IP_ADAPTER_IMAGE_ENCODER} installed too: the node looks its image encoder up by name.
     */
    SD1_IP_ADAPTER("sd1_ip_adapter", "tiny-sd1-ip-adapter.safetensors", "tiny-sd1-ip-adapter", "sd-1", "ip_adapter"),
    /**
     * The image encoder (clip_vision, base any) of {@link #SD1_IP_ADAPTER}. Its name is InvokeAI's, not ours: for a
     * checkpoint IP-Adapter the {@code ip_adapter} node finds the encoder by the name of the starter model that its
     * {@code clip_vision_model} selects (the default, {@code ViT-H}, names this one) and would otherwise try to
     * download the real encoder.
     */
    IP_ADAPTER_IMAGE_ENCODER(
            "ip_adapter_image_encoder",
            "IP Adapter SD1.5 Image Encoder",
            "IP Adapter SD1.5 Image Encoder",
            "any",
            "clip_vision");

    private final String kind;
    private final String fileName;
    private final String modelName;
    private final String base;
    private final String type;

    TinyModel(String kind, String fileName, String modelName, String base, String type) {
        this.kind = kind;
        this.fileName = fileName;
        this.modelName = modelName;
        this.base = base;
        this.type = type;
    }

    /** The name InvokeAI gives the model (its folder name or file stem), e.g. {@code tiny-sd1}. */
    public String modelName() {
        return modelName;
    }

    /** The base InvokeAI's probe assigns: {@code sd-1}, {@code sdxl} or {@code any}. */
    public String base() {
        return base;
    }

    /**
     * The model type: {@code main}, {@code lora}, {@code vae}, {@code embedding}, {@code controlnet},
     * {@code ip_adapter} or {@code clip_vision}.
     */
    public String type() {
        return type;
    }

    /** The text that activates the model in a prompt: {@code <tiny-sd1-embedding>} for the embedding. */
    public String promptTrigger() {
        return "<" + modelName + ">";
    }

    /** The builder name in {@code make_tiny_models.py --kinds}. */
    String kind() {
        return kind;
    }

    /** The file or folder name the builder writes. */
    String fileName() {
        return fileName;
    }
}
