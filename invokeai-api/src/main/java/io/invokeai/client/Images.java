package io.invokeai.client;

import static io.invokeai.client.internal.Futures.join;

import io.invokeai.client.internal.ImageCodec;
import jakarta.json.JsonObject;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Images on the server: upload, inspect, download, delete. Each sync method joins its async twin. */
public interface Images {
    /** Uploads (deduplicated by content and destination when the cache policy allows). */
    CompletableFuture<ImageInfo> uploadAsync(ImageUpload upload);

    CompletableFuture<ImageInfo> infoAsync(String imageName);

    /** The image's metadata ({@code invokeai_metadata}), if it has any. */
    CompletableFuture<Optional<JsonObject>> metadataAsync(String imageName);

    /** The workflow embedded in the image, if any, as JSON text. */
    CompletableFuture<Optional<String>> workflowAsync(String imageName);

    CompletableFuture<byte[]> bytesAsync(String imageName);

    /**
     * Downloads into {@code directory} under the server's name, sanitised so it never escapes the directory;
     * atomic (written to a temporary file, then moved).
     */
    CompletableFuture<Path> downloadAsync(String imageName, Path directory);

    CompletableFuture<Void> deleteAsync(String imageName);

    CompletableFuture<Void> starAsync(String imageName, boolean starred);

    default ImageInfo upload(ImageUpload upload) {
        return join(uploadAsync(upload));
    }

    default ImageInfo upload(Path file) {
        return upload(ImageUpload.of(file));
    }

    default ImageInfo upload(BufferedImage image) {
        return upload(ImageUpload.of(image));
    }

    default ImageInfo info(String imageName) {
        return join(infoAsync(imageName));
    }

    default Optional<JsonObject> metadata(String imageName) {
        return join(metadataAsync(imageName));
    }

    default Optional<String> workflow(String imageName) {
        return join(workflowAsync(imageName));
    }

    default byte[] bytes(String imageName) {
        return join(bytesAsync(imageName));
    }

    default BufferedImage bufferedImage(String imageName) {
        return ImageCodec.decode(imageName, bytes(imageName));
    }

    default Path download(String imageName, Path directory) {
        return join(downloadAsync(imageName, directory));
    }

    default void delete(String imageName) {
        join(deleteAsync(imageName));
    }

    default void star(String imageName, boolean starred) {
        join(starAsync(imageName, starred));
    }
}
