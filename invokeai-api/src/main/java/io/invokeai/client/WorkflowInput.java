package io.invokeai.client;

/**
 * One public input of a workflow: a node field that the workflow's form (or, in older files, {@code exposedFields})
 * exposes.
 *
 * @param name the label the GUI shows: the field's custom label, else its title from the server's schema
 * @param qualifiedName {@code "<node label or title>.<field name>"}, e.g. {@code "Noise.width"}
 * @param nodeId the workflow node id; {@code nodeId + "." + fieldName} always identifies the input
 * @param field the current value, typed by the field type registry
 */
public record WorkflowInput(
        String name, String qualifiedName, String nodeId, String fieldName, InvokeAIField<?> field) {

    public FieldSpec spec() {
        return field.spec();
    }

    /** The always-unique name: {@code "<node id>.<field name>"}. */
    public String idName() {
        return nodeId + "." + fieldName;
    }
}
