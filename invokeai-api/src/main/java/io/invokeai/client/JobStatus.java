package io.invokeai.client;

import java.util.Arrays;

/** The status of a queue item, as the server names it. */
public enum JobStatus {
    PENDING("pending"),
    IN_PROGRESS("in_progress"),
    WAITING("waiting"),
    COMPLETED("completed"),
    FAILED("failed"),
    CANCELED("canceled");

    private final String wireName;

    JobStatus(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** Completed, failed and canceled items never change again. */
    public boolean isTerminal() {
        return this == COMPLETED || this == FAILED || this == CANCELED;
    }

    public static JobStatus fromWire(String name) {
        return Arrays.stream(values())
                .filter(s -> s.wireName.equals(name))
                .findFirst()
                .orElseThrow(() -> new InvokeAIException("Unknown queue item status '" + name + "'"));
    }
}
