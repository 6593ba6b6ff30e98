package io.invokeai.client.core;

import io.invokeai.client.Board;
import io.invokeai.client.Boards;
import io.invokeai.client.InvokeAIException;
import io.invokeai.client.core.http.HttpCall;
import io.invokeai.client.core.http.HttpCall.Body;
import io.invokeai.client.core.wire.Dtos.BoardDto;
import jakarta.json.Json;
import jakarta.json.JsonString;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

final class DefaultBoards implements Boards {
    private static final java.lang.reflect.Type BOARD_LIST = new ListOf(BoardDto.class);

    private final Rest rest;

    DefaultBoards(Rest rest) {
        this.rest = rest;
    }

    @Override
    public CompletableFuture<List<Board>> listAsync() {
        return rest.<List<BoardDto>>bind(HttpCall.get("api/v1/boards/").withQuery("all", true), BOARD_LIST)
                .thenApply(list -> list.stream().map(DefaultBoards::toBoard).toList());
    }

    @Override
    public CompletableFuture<Board> getAsync(String boardId) {
        return rest.bind(HttpCall.get("api/v1/boards/" + Paths.segment(boardId)), BoardDto.class)
                .thenApply(DefaultBoards::toBoard);
    }

    @Override
    public CompletableFuture<Optional<Board>> findByNameAsync(String name) {
        Objects.requireNonNull(name, "name");
        return listAsync().thenApply(boards -> {
            List<Board> matches =
                    boards.stream().filter(b -> b.name().equals(name)).toList();
            if (matches.size() > 1) {
                throw new InvokeAIException("Several boards are named '" + name + "': "
                        + matches.stream().map(Board::id).toList() + "; use a board id");
            }
            return matches.stream().findFirst();
        });
    }

    @Override
    public CompletableFuture<Board> createAsync(String name) {
        requireName(name);
        HttpCall call = new HttpCall(
                        "POST",
                        "api/v1/boards/",
                        List.of(),
                        Optional.empty(),
                        false,
                        HttpCall.DEFAULT_MAX_RESPONSE_BYTES)
                .withQuery("board_name", name);
        return rest.bind(call, BoardDto.class).thenApply(DefaultBoards::toBoard);
    }

    @Override
    public CompletableFuture<Board> renameAsync(String boardId, String newName) {
        requireName(newName);
        String body =
                Json.createObjectBuilder().add("board_name", newName).build().toString();
        return rest.bind(HttpCall.patch("api/v1/boards/" + Paths.segment(boardId), new Body.Json(body)), BoardDto.class)
                .thenApply(DefaultBoards::toBoard);
    }

    @Override
    public CompletableFuture<Void> deleteAsync(String boardId, boolean includeImages) {
        return rest.discard(
                HttpCall.delete("api/v1/boards/" + Paths.segment(boardId)).withQuery("include_images", includeImages));
    }

    @Override
    public CompletableFuture<List<String>> imageNamesAsync(String boardId) {
        return rest.json(HttpCall.get("api/v1/boards/" + Paths.segment(boardId) + "/image_names"))
                .thenApply(v -> v.asJsonArray().getValuesAs(JsonString.class).stream()
                        .map(JsonString::getString)
                        .toList());
    }

    private static void requireName(String name) {
        if (name == null || name.isBlank() || name.length() > 300) {
            throw new IllegalArgumentException(
                    "board name must be 1 to 300 characters, was " + (name == null ? "null" : "\"" + name + "\""));
        }
    }

    static Board toBoard(BoardDto d) {
        return new Board(
                d.boardId(),
                d.boardName(),
                n(d.imageCount()),
                n(d.assetCount()),
                Boolean.TRUE.equals(d.archived()),
                d.createdAt());
    }

    private static int n(Integer i) {
        return i == null ? 0 : i;
    }
}
