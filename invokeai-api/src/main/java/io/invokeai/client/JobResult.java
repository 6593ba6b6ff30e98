package io.invokeai.client;

import java.util.List;
import java.util.Optional;

/** The typed results of a completed job. */
public interface JobResult {
    long itemId();

    String sessionId();

    /** Every executed node's output, in the order the nodes finished. */
    List<NodeOutput> outputs();

    /** The outputs of the node with this id or label (several when it ran inside an iteration). */
    List<NodeOutput> outputs(String nodeIdOrLabel);

    /** The single output of the node with this id or label. */
    default Optional<NodeOutput> output(String nodeIdOrLabel) {
        List<NodeOutput> all = outputs(nodeIdOrLabel);
        if (all.size() > 1) {
            throw new InvokeAIException("Node '" + nodeIdOrLabel + "' ran " + all.size()
                    + " times (inside an iteration); use outputs(...)");
        }
        return all.stream().findFirst();
    }

    /**
     * The images this job added to the gallery, as the GUI shows them: non-intermediate images saved by its nodes,
     * in node completion order; pass-through image nodes are skipped.
     */
    List<InvokeAIImage> images();

    /** The batch values substituted into this job, as {@code node id -> field -> value}. */
    List<QueueItem.FieldValue> fieldValues();
}
