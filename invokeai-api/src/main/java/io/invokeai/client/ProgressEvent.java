package io.invokeai.client;

import java.util.Optional;

/**
 * Progress of a running job, from the server's event stream.
 *
 * @param nodeId the workflow node that reports progress
 * @param percentage 0..1 when the node knows it (e.g. denoising steps)
 * @param step current step and total steps, when the message carries them or the node's {@code steps} input and
 *     the percentage give them (denoising)
 * @param previewDataUrl a small preview image as a {@code data:} URL, when the server sends one
 */
public record ProgressEvent(
        long itemId,
        String nodeId,
        String nodeType,
        String message,
        Optional<Double> percentage,
        Optional<Integer> step,
        Optional<Integer> totalSteps,
        Optional<String> previewDataUrl)
        implements JobEvent {}
