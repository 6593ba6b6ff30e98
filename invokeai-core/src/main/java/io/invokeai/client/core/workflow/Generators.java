package io.invokeai.client.core.workflow;

import io.invokeai.client.BatchGenerator;
import io.invokeai.client.FieldSpec;
import io.invokeai.client.InvalidInputException;
import io.invokeai.client.InvokeAIException;
import io.invokeai.client.InvokeAIField;
import io.invokeai.client.core.fields.FieldTypeRegistry;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Set;

/**
 * The values of the GUI's batch generators ({@code features/nodes/types/field.ts}). The field type of a generator
 * node's {@code generator} input computes them, as the GUI does ({@link BatchGenerator}); this class finds that type
 * and asks it. The dynamic-prompt string generators and the image-from-board generator need the server; they are
 * listed by {@link #needsServer} and their values must be supplied.
 */
final class Generators {
    private static final Set<String> SERVER_TYPES = Set.of(
            "string_generator_dynamic_prompts_combinatorial",
            "string_generator_dynamic_prompts_random",
            "image_generator_images_from_board");

    private final NodeTemplates templates;
    private final FieldTypeRegistry fieldTypes;

    /**
     * @param templates the templates that type the generator nodes' inputs
     * @param fieldTypes the field types that compute the values
     */
    Generators(NodeTemplates templates, FieldTypeRegistry fieldTypes) {
        this.templates = templates;
        this.fieldTypes = fieldTypes;
    }

    /** Whether the generator value needs the server (dynamic prompts, images of a board). */
    static boolean needsServer(JsonValue generator) {
        return SERVER_TYPES.contains(Jsons.strOr(generator, "type", ""));
    }

    /**
     * The items of a generator value.
     *
     * @param nodeType the generator node's type, whose template gives the spec of its {@code generator} input
     * @throws InvokeAIException for values the field type rejects (e.g. an unknown generator type), for those that
     *     need the server, and when no field type computes them
     */
    List<JsonValue> values(String nodeId, String nodeType, JsonValue generator) {
        if (!(generator instanceof JsonObject g)) {
            throw new InvokeAIException("Generator node " + nodeId + " has no generator value");
        }
        String type = Jsons.strOr(g, "type", "");
        if (needsServer(g)) {
            throw new InvokeAIException("Generator node " + nodeId + " (" + type + ") needs the server to compute its"
                    + " values; supply them (GraphBuilder.Options.generatorValues)");
        }
        FieldSpec spec = templates
                .get(nodeType)
                .flatMap(t -> t.input("generator"))
                .orElseThrow(() -> new InvokeAIException("Generator node " + nodeId + " (" + nodeType
                        + ") has no generator input in the server's templates"));
        InvokeAIField<?> field;
        try {
            field = fieldTypes.typeFor(spec).fromJson(spec, g, null);
        } catch (InvalidInputException e) {
            throw new InvokeAIException("Generator node " + nodeId + ": " + e.getMessage(), e);
        }
        if (!(field instanceof BatchGenerator batch)) {
            throw new InvokeAIException("Generator node " + nodeId + ": the field type for " + spec.typeName() + " ("
                    + field.getClass().getName() + ") does not compute batch values. Add the"
                    + " io.invokeai.client:invokeai-types dependency, whose generator fields do.");
        }
        return batch.batchValues();
    }
}
