package io.invokeai.client;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one workflow node produced. A node downstream of an {@code iterate} runs once per item; each run is a separate
 * output carrying its {@code iterationPath}.
 *
 * @param nodeId the workflow (source) node id, not the server's prepared id
 * @param label the node's label in the workflow, else its title
 * @param outputType the server's output type, e.g. {@code image_output}
 * @param fields the output's values, typed
 */
public record NodeOutput(
        String nodeId,
        String label,
        String nodeType,
        String outputType,
        List<Integer> iterationPath,
        Map<String, InvokeAIField<?>> fields) {

    public NodeOutput {
        iterationPath = List.copyOf(iterationPath);
        fields = Map.copyOf(fields);
    }

    public Optional<InvokeAIField<?>> field(String name) {
        return Optional.ofNullable(fields.get(name));
    }

    /** The {@code image} value of an image output, if this node produced one. */
    public Optional<InvokeAIImage> image() {
        return field("image").filter(InvokeAIImage.class::isInstance).map(InvokeAIImage.class::cast);
    }
}
