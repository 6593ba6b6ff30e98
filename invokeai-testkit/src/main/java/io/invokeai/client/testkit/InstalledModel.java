package io.invokeai.client.testkit;

import jakarta.json.Json;
import jakarta.json.JsonObject;

/**
 * A model installed in the server: the fields of InvokeAI's {@code ModelIdentifierField}, which is what model inputs
 * of nodes (e.g. {@code main_model_loader.model}) take.
 */
public record InstalledModel(String key, String hash, String name, String base, String type) {

    /** The identifier as node-input JSON: {@code {"key":..,"hash":..,"name":..,"base":..,"type":..}}. */
    public String identifierJson() {
        return Json.createObjectBuilder()
                .add("key", key)
                .add("hash", hash)
                .add("name", name)
                .add("base", base)
                .add("type", type)
                .build()
                .toString();
    }

    static InstalledModel fromConfig(JsonObject config) {
        return new InstalledModel(
                config.getString("key"),
                config.getString("hash", ""),
                config.getString("name"),
                config.getString("base"),
                config.getString("type"));
    }
}
