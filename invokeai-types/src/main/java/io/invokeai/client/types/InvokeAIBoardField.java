package io.invokeai.client.types;

import io.invokeai.client.Board;
import io.invokeai.client.FieldSpec;
import io.invokeai.client.InvokeAIField;
import io.invokeai.client.spi.FieldContext;
import io.invokeai.client.spi.FieldType;
import io.invokeai.client.types.internal.Checks;
import io.invokeai.client.types.internal.Rejection;
import io.invokeai.client.types.internal.SingleType;
import io.invokeai.client.types.internal.Values;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The board a node saves its images to ({@code BoardField}, JSON {@code {"board_id": ...}}).
 *
 * <p>Set by board name or id (a {@code String}), or by a {@link Board}. Names and ids are resolved when the job is
 * submitted, so a name typed by hand works and a wrong one fails before anything runs. Board ids stored in a
 * workflow are re-checked the same way, since they belong to the installation that saved it.
 *
 * <p>The GUI's sentinels are kept: {@code "none"} (uncategorized) and {@code "auto"}. Both send no board, so the
 * images are uncategorized: "auto" means the GUI user's auto-add board, a GUI setting this client cannot see.
 */
public final class InvokeAIBoardField extends InvokeAIField<InvokeAIBoardField.BoardRef> {
    /** The field type for {@code BoardField} inputs. */
    public static final FieldType TYPE = SingleType.single(
            "BoardField",
            (spec, given, strict) -> check(given),
            spec -> "board (name, id, Board, \"auto\" or \"none\")",
            (spec, inputName, value, context) -> new InvokeAIBoardField(spec, value, inputName));

    /** The GUI's "auto-add board" sentinel; sends no board here. */
    public static final String AUTO = "auto";

    /** The GUI's "uncategorized" sentinel; sends no board. */
    public static final String NONE = "none";

    /**
     * A board as given, and its id once resolved.
     *
     * @param nameOrId what identifies it to people: the name or id given, the board's name, or a sentinel
     * @param boardId the server id, once resolved (empty for sentinels)
     */
    public record BoardRef(String nameOrId, Optional<String> boardId) {
        public BoardRef {
            Objects.requireNonNull(nameOrId, "nameOrId");
            Objects.requireNonNull(boardId, "boardId");
        }

        /** Whether this is {@code "auto"} or {@code "none"}, which send no board. */
        public boolean isSentinel() {
            return boardId.isEmpty() && (AUTO.equals(nameOrId) || NONE.equals(nameOrId));
        }
    }

    private final String inputName;

    private InvokeAIBoardField(FieldSpec spec, BoardRef value, String inputName) {
        super(spec, value);
        this.inputName = inputName;
    }

    /**
     * A board by name or id, a {@link Board}, or a sentinel.
     *
     * @throws io.invokeai.client.InvalidInputException for other values
     */
    public static InvokeAIBoardField of(FieldSpec spec, Object board) {
        return (InvokeAIBoardField) TYPE.fromJava(spec, Checks.inputName(spec), board);
    }

    /** The resolved board id, once prepared (or given as a {@link Board}). */
    public Optional<String> boardId() {
        return value().flatMap(BoardRef::boardId);
    }

    /** {@code {"board_id": id}}; {@code null} (omitted) for sentinels; a placeholder while unresolved. */
    @Override
    public JsonValue toJson() {
        BoardRef ref = value().orElse(null);
        if (ref == null || ref.isSentinel()) {
            return JsonValue.NULL;
        }
        String id = ref.boardId().orElse("<resolve:" + ref.nameOrId() + ">");
        return Json.createObjectBuilder().add("board_id", id).build();
    }

    @Override
    public String displayValue() {
        return value().map(BoardRef::nameOrId).orElse("<unset>");
    }

    @Override
    public boolean needsPreparation() {
        return value().map(ref -> !ref.isSentinel() && ref.boardId().isEmpty()).orElse(false);
    }

    /** Resolves the name or id through the server; fails naming the input when no board or several match. */
    @Override
    public CompletableFuture<InvokeAIBoardField> prepare(FieldContext context) {
        if (!needsPreparation()) {
            return CompletableFuture.completedFuture(this);
        }
        String given = value().orElseThrow().nameOrId();
        return context.resolveBoard(inputName, given)
                .thenApply(board ->
                        new InvokeAIBoardField(spec(), new BoardRef(given, Optional.of(board.id())), inputName));
    }

    private static BoardRef check(Object given) {
        Object v = Values.unwrap(given);
        if (v instanceof BoardRef ref) {
            return ref;
        }
        if (v instanceof Board board) {
            return new BoardRef(board.name(), Optional.of(board.id()));
        }
        if (v instanceof Map<?, ?> map && map.containsKey("board_id")) {
            v = Values.string(map, "board_id");
        }
        if (v instanceof CharSequence cs) {
            String s = cs.toString().trim();
            if (s.isEmpty()) {
                throw new Rejection("the board name is empty");
            }
            return new BoardRef(s, Optional.empty());
        }
        throw new Rejection(null);
    }
}
