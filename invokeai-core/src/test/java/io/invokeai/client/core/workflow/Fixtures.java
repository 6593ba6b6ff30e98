package io.invokeai.client.core.workflow;

import io.invokeai.client.core.fields.FieldTypeRegistry;
import io.invokeai.client.core.fields.TestFieldTypes;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Test resources: the GUI exports, the recorded queue item, the bundled templates. */
final class Fixtures {
    static final List<String> WORKFLOWS = List.of(
            "FLUX Image to Image.json",
            "Prompt from File.json",
            "Text to Image - SD1.5.json",
            "Text to Image - SDXL.json",
            "Text to Video - Wan 2.2 Lightning.json",
            "sdxl-text-to-image.json");

    private static FieldTypeRegistry registry;

    private Fixtures() {}

    static String text(String resource) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonObject json(String resource) {
        return parse(text(resource));
    }

    static JsonObject parse(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    static JsonObject workflow(String name) {
        return json("workflows/" + name);
    }

    static JsonObject recordedItem() {
        return json("recorded/queue-item-sdxl-text-to-image.json");
    }

    static NodeTemplates templates() {
        return NodeTemplates.bundled();
    }

    /** The real field types when invokeai-types is on the test path, else the JSON-only test types. */
    static synchronized FieldTypeRegistry registry() {
        if (registry == null) {
            registry = TestFieldTypes.registry();
        }
        return registry;
    }

    static BoundWorkflow bind(String name) {
        return BoundWorkflow.bind(WorkflowDocument.parse(workflow(name)), templates(), registry());
    }

    /** Single quotes to double quotes, for readable inline JSON. */
    static JsonObject q(String singleQuoted) {
        return parse(singleQuoted.replace('\'', '"'));
    }
}
