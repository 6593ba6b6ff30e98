package io.invokeai.client.core.wire;

import java.util.List;

/**
 * The server's fixed DTOs, bound by JSON-B with snake_case names. Only the fields the client reads are declared;
 * unknown fields are ignored, missing ones are null.
 */
public final class Dtos {
    private Dtos() {}

    public record BoardDto(
            String boardId,
            String boardName,
            Integer imageCount,
            Integer assetCount,
            Boolean archived,
            String createdAt) {}

    public record ImageDto(
            String imageName,
            Integer width,
            Integer height,
            String imageCategory,
            Boolean isIntermediate,
            Boolean starred,
            String boardId,
            String sessionId,
            String nodeId,
            Boolean hasWorkflow,
            String createdAt) {}

    public record ModelDto(
            String key, String hash, String name, String base, String type, String format, String description) {}

    public record ModelList(List<ModelDto> models) {}

    public record QueueCounts(
            Integer pending, Integer inProgress, Integer completed, Integer failed, Integer canceled, Integer total) {}

    public record ProcessorStatus(Boolean isStarted, Boolean isProcessing) {}

    public record QueueAndProcessorStatus(QueueCounts queue, ProcessorStatus processor) {}

    public record ItemIds(List<Long> itemIds, Integer totalCount) {}

    public record EnqueueResult(
            String queueId, Integer enqueued, Integer requested, Long priority, List<Long> itemIds, BatchEcho batch) {}

    public record BatchEcho(String batchId) {}

    public record Canceled(Integer canceled) {}

    public record Deleted(Integer deleted) {}

    public record WorkflowListItem(
            String workflowId, String name, String category, String description, String tags, String updatedAt) {}

    public record WorkflowPage(Integer page, Integer pages, Integer total, List<WorkflowListItem> items) {}

    public record ImageWorkflow(String workflow, String graph) {}

    public record AppVersion(String version) {}
}
