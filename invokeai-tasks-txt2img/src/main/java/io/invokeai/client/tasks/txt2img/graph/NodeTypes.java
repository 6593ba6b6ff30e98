package io.invokeai.client.tasks.txt2img.graph;

import java.util.Map;

/** The InvokeAI node types the recipes use, with their versions in InvokeAI 6.14. */
public final class NodeTypes {
    private static final Map<String, String> VERSIONS = Map.ofEntries(
            Map.entry("main_model_loader", "1.0.4"),
            Map.entry("sdxl_model_loader", "1.0.4"),
            Map.entry("flux_model_loader", "1.1.0"),
            Map.entry("lora_collection_loader", "1.1.3"),
            Map.entry("sdxl_lora_collection_loader", "1.1.3"),
            Map.entry("flux_lora_collection_loader", "1.3.2"),
            Map.entry("vae_loader", "1.0.4"),
            Map.entry("string", "1.0.1"),
            Map.entry("integer", "1.0.1"),
            Map.entry("float_math", "1.0.1"),
            Map.entry("compel", "1.2.1"),
            Map.entry("sdxl_compel_prompt", "1.2.1"),
            Map.entry("flux_text_encoder", "1.1.2"),
            Map.entry("noise", "1.1.0"),
            Map.entry("denoise_latents", "1.6.0"),
            Map.entry("flux_denoise", "4.6.0"),
            Map.entry("l2i", "1.3.2"),
            Map.entry("i2l", "1.2.0"),
            Map.entry("flux_vae_decode", "1.0.2"),
            Map.entry("flux_vae_encode", "1.0.1"),
            Map.entry("img_resize", "1.2.2"),
            Map.entry("collect", "1.1.0"),
            Map.entry("controlnet", "1.1.3"),
            Map.entry("canny_edge_detection", "1.0.0"),
            Map.entry("color_map", "1.0.0"),
            Map.entry("content_shuffle", "1.0.0"),
            Map.entry("ip_adapter", "1.5.1"));

    private NodeTypes() {}

    /**
     * The node's version in InvokeAI 6.14.
     *
     * @throws IllegalArgumentException for a type this library does not use
     */
    public static String version(String type) {
        String version = VERSIONS.get(type);
        if (version == null) {
            throw new IllegalArgumentException("unknown node type " + type);
        }
        return version;
    }
}
