package io.invokeai.client;

import java.util.List;

/**
 * Several workflow inputs share the name that was used. The client never guesses: the message lists the candidates
 * with their qualified names ({@code "Noise.width"}, {@code "<node id>.width"}), which always work.
 */
public class AmbiguousInputException extends InvokeAIException {
    private static final long serialVersionUID = 1L;

    private final String name;
    private final List<String> candidates;

    public AmbiguousInputException(String name, List<String> candidates) {
        super("Input name '" + name + "' is ambiguous; use one of the qualified names: "
                + String.join(", ", candidates));
        this.name = name;
        this.candidates = List.copyOf(candidates);
    }

    public String name() {
        return name;
    }

    public List<String> candidates() {
        return candidates;
    }
}
