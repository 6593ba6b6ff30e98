package io.invokeai.client.spi;

import io.invokeai.client.Board;
import io.invokeai.client.ImageUpload;
import io.invokeai.client.ModelInfo;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * What a field type may ask of the server while a job is prepared or its outputs are read. Implemented by the
 * core; field types never see HTTP.
 */
public interface FieldContext {
    /** Uploads an image (deduplicated by content) and returns its server name. */
    CompletableFuture<String> uploadImage(ImageUpload upload);

    CompletableFuture<byte[]> downloadImage(String imageName);

    /** Downloads atomically into {@code directory}; the server name is sanitised so it cannot escape it. */
    CompletableFuture<Path> downloadImage(String imageName, Path directory);

    /**
     * Resolves a model by name or key among the models of the given bases and types (empty = any). Fails with an
     * {@link io.invokeai.client.InvalidInputException} naming {@code inputName} when none or several match.
     */
    CompletableFuture<ModelInfo> resolveModel(
            String inputName, String nameOrKey, List<String> bases, List<String> types);

    /** Resolves a board by id or name; fails naming {@code inputName} when none or several match. */
    CompletableFuture<Board> resolveBoard(String inputName, String nameOrId);
}
