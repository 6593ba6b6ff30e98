package io.invokeai.client;

import static io.invokeai.client.internal.Futures.join;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** The server's boards. Each sync method joins its async twin. */
public interface Boards {
    CompletableFuture<List<Board>> listAsync();

    CompletableFuture<Board> getAsync(String boardId);

    /** The board with exactly this name; empty if none. Fails if several boards share the name. */
    CompletableFuture<Optional<Board>> findByNameAsync(String name);

    CompletableFuture<Board> createAsync(String name);

    CompletableFuture<Board> renameAsync(String boardId, String newName);

    /** Deletes the board; its images are deleted too when {@code includeImages}, else they become uncategorized. */
    CompletableFuture<Void> deleteAsync(String boardId, boolean includeImages);

    /** Names of the board's non-intermediate images; {@code "none"} lists uncategorized images. */
    CompletableFuture<List<String>> imageNamesAsync(String boardId);

    default List<Board> list() {
        return join(listAsync());
    }

    default Board get(String boardId) {
        return join(getAsync(boardId));
    }

    default Optional<Board> findByName(String name) {
        return join(findByNameAsync(name));
    }

    default Board create(String name) {
        return join(createAsync(name));
    }

    default Board rename(String boardId, String newName) {
        return join(renameAsync(boardId, newName));
    }

    default void delete(String boardId, boolean includeImages) {
        join(deleteAsync(boardId, includeImages));
    }

    default List<String> imageNames(String boardId) {
        return join(imageNamesAsync(boardId));
    }
}
