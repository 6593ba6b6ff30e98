package io.invokeai.client;

/**
 * An installed model. {@code key} is per installation; workflows exported elsewhere refer to models by name, base
 * and type, which the client re-resolves to the key.
 *
 * @param base e.g. {@code sd-1}, {@code sdxl}, {@code flux}
 * @param type e.g. {@code main}, {@code lora}, {@code vae}, {@code controlnet}, {@code ip_adapter}
 */
public record ModelInfo(
        String key, String hash, String name, String base, String type, String format, String description) {}
