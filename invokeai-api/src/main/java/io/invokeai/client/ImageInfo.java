package io.invokeai.client;

import java.util.Optional;

/**
 * What the server records about an image (its {@code ImageDTO}).
 *
 * @param nodeId the prepared (execution) node id that saved it, not the workflow node id
 */
public record ImageInfo(
        String name,
        int width,
        int height,
        ImageCategory category,
        boolean intermediate,
        boolean starred,
        Optional<String> boardId,
        Optional<String> sessionId,
        Optional<String> nodeId,
        boolean hasWorkflow,
        String createdAt) {}
