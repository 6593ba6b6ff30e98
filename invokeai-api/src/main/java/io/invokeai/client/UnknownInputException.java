package io.invokeai.client;

import java.util.List;

/** No workflow input or task parameter has that name. Lists the names that exist. */
public class UnknownInputException extends InvokeAIException {
    private static final long serialVersionUID = 1L;

    private final String name;
    private final List<String> available;

    public UnknownInputException(String name, List<String> available) {
        super("No input named '" + name + "'. Inputs: " + String.join(", ", available));
        this.name = name;
        this.available = List.copyOf(available);
    }

    public String name() {
        return name;
    }

    public List<String> available() {
        return available;
    }
}
