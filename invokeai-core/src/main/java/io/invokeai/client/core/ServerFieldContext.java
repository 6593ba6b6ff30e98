package io.invokeai.client.core;

import io.invokeai.client.Board;
import io.invokeai.client.ImageInfo;
import io.invokeai.client.ImageUpload;
import io.invokeai.client.InvalidInputException;
import io.invokeai.client.InvokeAIServiceException.NotFoundException;
import io.invokeai.client.ModelFilter;
import io.invokeai.client.ModelInfo;
import io.invokeai.client.internal.Futures;
import io.invokeai.client.spi.FieldContext;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Field types' window on the server: uploads, downloads and name resolution, each failing with a clear message. */
final class ServerFieldContext implements FieldContext {
    private final DefaultImages images;
    private final DefaultModels models;
    private final DefaultBoards boards;

    ServerFieldContext(DefaultImages images, DefaultModels models, DefaultBoards boards) {
        this.images = images;
        this.models = models;
        this.boards = boards;
    }

    @Override
    public CompletableFuture<String> uploadImage(ImageUpload upload) {
        return images.uploadAsync(upload).thenApply(ImageInfo::name);
    }

    @Override
    public CompletableFuture<byte[]> downloadImage(String imageName) {
        return images.bytesAsync(imageName);
    }

    @Override
    public CompletableFuture<Path> downloadImage(String imageName, Path directory) {
        return images.downloadAsync(imageName, directory);
    }

    @Override
    public CompletableFuture<ModelInfo> resolveModel(
            String inputName, String nameOrKey, List<String> bases, List<String> types) {
        String expected = "a model" + (types.isEmpty() ? "" : " of type " + types)
                + (bases.isEmpty() ? "" : " and base " + bases) + " installed on the server";
        return models.listAsync(ModelFilter.all()).thenApply(all -> {
            List<ModelInfo> allowed = all.stream()
                    .filter(m -> bases.isEmpty() || bases.contains(m.base()))
                    .filter(m -> types.isEmpty() || types.contains(m.type()))
                    .toList();
            List<ModelInfo> byKey =
                    allowed.stream().filter(m -> m.key().equals(nameOrKey)).toList();
            if (byKey.size() == 1) {
                return byKey.get(0);
            }
            List<ModelInfo> byName =
                    allowed.stream().filter(m -> m.name().equals(nameOrKey)).toList();
            if (byName.isEmpty()) {
                byName = allowed.stream()
                        .filter(m -> m.name().equalsIgnoreCase(nameOrKey))
                        .toList();
            }
            if (byName.size() == 1) {
                return byName.get(0);
            }
            if (byName.isEmpty()) {
                throw new InvalidInputException(
                        inputName,
                        expected,
                        nameOrKey,
                        "no such model; installed: "
                                + allowed.stream().map(ModelInfo::name).sorted().toList());
            }
            throw new InvalidInputException(
                    inputName,
                    expected,
                    nameOrKey,
                    "ambiguous; candidates: "
                            + byName.stream()
                                    .map(m -> m.name() + " (" + m.base() + ", key " + m.key() + ")")
                                    .toList()
                            + " - give the key");
        });
    }

    @Override
    public CompletableFuture<Board> resolveBoard(String inputName, String nameOrId) {
        return boards.getAsync(nameOrId)
                .exceptionallyCompose(t -> Futures.unwrap(t) instanceof NotFoundException
                        ? boards.findByNameAsync(nameOrId)
                                .thenApply(found -> found.orElseThrow(() -> new InvalidInputException(
                                        inputName,
                                        "a board name or id that exists on the server",
                                        nameOrId,
                                        "no such board")))
                        : CompletableFuture.failedFuture(t));
    }
}
