package io.invokeai.client.core;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.invokeai.client.CachePolicy;
import io.invokeai.client.ImageCategory;
import io.invokeai.client.ImageInfo;
import io.invokeai.client.ImageUpload;
import io.invokeai.client.Images;
import io.invokeai.client.InvokeAIServiceException.NotFoundException;
import io.invokeai.client.core.files.SafeFiles;
import io.invokeai.client.core.http.HttpCall;
import io.invokeai.client.core.http.HttpCall.Body;
import io.invokeai.client.core.wire.Dtos.ImageDto;
import io.invokeai.client.core.wire.Dtos.ImageWorkflow;
import io.invokeai.client.internal.Futures;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

final class DefaultImages implements Images {
    private final Rest rest;
    /** Content hash and destination -> server image; one upload even when many jobs share an image. */
    private final Optional<AsyncCache<UploadKey, ImageInfo>> uploads;

    DefaultImages(Rest rest, CachePolicy cache) {
        this.rest = rest;
        this.uploads = cache.uploadsDeduplicated()
                ? Optional.of(Caffeine.newBuilder()
                        .maximumSize(cache.uploadMaxSize())
                        .expireAfterAccess(cache.uploadTtl())
                        .buildAsync())
                : Optional.empty();
    }

    record UploadKey(String sha256, ImageCategory category, boolean intermediate, Optional<String> boardId) {}

    @Override
    public CompletableFuture<ImageInfo> uploadAsync(ImageUpload upload) {
        if (uploads.isEmpty()) {
            return send(upload);
        }
        var key = new UploadKey(sha256(upload.bytes()), upload.category(), upload.intermediate(), upload.boardId());
        var cache = uploads.get();
        return cache.get(key, (k, executor) -> send(upload))
                .thenCompose(cached -> infoAsync(cached.name()).exceptionallyCompose(t -> {
                    if (Futures.unwrap(t) instanceof NotFoundException) {
                        // deleted on the server since: upload again
                        cache.synchronous().invalidate(key);
                        return cache.get(key, (k, executor) -> send(upload));
                    }
                    return CompletableFuture.failedFuture(t);
                }));
    }

    private CompletableFuture<ImageInfo> send(ImageUpload upload) {
        HttpCall call = HttpCall.post(
                        "api/v1/images/upload",
                        new Body.Multipart("file", upload.fileName(), upload.contentType(), upload.bytes()))
                .withQuery("image_category", upload.category().wireName())
                .withQuery("is_intermediate", upload.intermediate())
                .withQuery("board_id", upload.boardId().orElse(null));
        return rest.bind(call, ImageDto.class).thenApply(DefaultImages::toInfo);
    }

    @Override
    public CompletableFuture<ImageInfo> infoAsync(String imageName) {
        return rest.bind(HttpCall.get("api/v1/images/i/" + Paths.segment(imageName)), ImageDto.class)
                .thenApply(DefaultImages::toInfo);
    }

    @Override
    public CompletableFuture<Optional<JsonObject>> metadataAsync(String imageName) {
        return rest.json(HttpCall.get("api/v1/images/i/" + Paths.segment(imageName) + "/metadata"))
                .thenApply(v -> v.getValueType() == JsonValue.ValueType.OBJECT
                        ? Optional.of(v.asJsonObject())
                        : Optional.empty());
    }

    @Override
    public CompletableFuture<Optional<String>> workflowAsync(String imageName) {
        return rest.bind(HttpCall.get("api/v1/images/i/" + Paths.segment(imageName) + "/workflow"), ImageWorkflow.class)
                .thenApply(w -> Optional.ofNullable(w.workflow()));
    }

    @Override
    public CompletableFuture<byte[]> bytesAsync(String imageName) {
        return rest.bytes(HttpCall.get("api/v1/images/i/" + Paths.segment(imageName) + "/full"));
    }

    @Override
    public CompletableFuture<Path> downloadAsync(String imageName, Path directory) {
        Path target;
        try {
            target = SafeFiles.resolveInside(directory, imageName);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return bytesAsync(imageName).thenApply(bytes -> SafeFiles.writeAtomically(target, bytes));
    }

    @Override
    public CompletableFuture<Void> deleteAsync(String imageName) {
        return rest.discard(HttpCall.delete("api/v1/images/i/" + Paths.segment(imageName)));
    }

    @Override
    public CompletableFuture<Void> starAsync(String imageName, boolean starred) {
        String body = Json.createObjectBuilder()
                .add("image_names", Json.createArrayBuilder().add(imageName))
                .build()
                .toString();
        return rest.discard(HttpCall.post("api/v1/images/" + (starred ? "star" : "unstar"), new Body.Json(body))
                .asIdempotent());
    }

    static ImageInfo toInfo(ImageDto d) {
        return new ImageInfo(
                d.imageName(),
                d.width() == null ? 0 : d.width(),
                d.height() == null ? 0 : d.height(),
                ImageCategory.fromWire(d.imageCategory()),
                Boolean.TRUE.equals(d.isIntermediate()),
                Boolean.TRUE.equals(d.starred()),
                Optional.ofNullable(d.boardId()),
                Optional.ofNullable(d.sessionId()),
                Optional.ofNullable(d.nodeId()),
                Boolean.TRUE.equals(d.hasWorkflow()),
                d.createdAt());
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }
}
