package io.invokeai.client;

import java.util.Optional;

/** A workflow stored in the server's workflow library. */
public record WorkflowRecord(
        String id, String name, String category, String description, String tags, Optional<String> updatedAt) {}
