package io.invokeai.client.types;

import static io.invokeai.client.types.internal.Generators.Key.optional;
import static io.invokeai.client.types.internal.Generators.Key.required;
import static io.invokeai.client.types.internal.Generators.str;

import io.invokeai.client.FieldSpec;
import io.invokeai.client.spi.FieldContext;
import io.invokeai.client.spi.FieldType;
import io.invokeai.client.types.internal.Generators;
import io.invokeai.client.types.internal.Generators.Kind;
import io.invokeai.client.types.internal.Generators.Variant;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The settings of an {@code image_generator} node ({@code ImageGeneratorField}):
 * {@code {"type": "image_generator_images_from_board", "board_id"?, "category": "images" | "assets"}}, the images
 * (or assets) of a board. The board may be given by name or id; it is resolved at submit, like an
 * {@link InvokeAIBoardField}, since board ids are per installation.
 *
 * <p>Listing the board's images needs the server, so {@link #values()} cannot compute them locally.
 */
public final class InvokeAIImageGeneratorField extends GeneratorField<String> {
    public static final String IMAGES_FROM_BOARD = "image_generator_images_from_board";

    static final List<Variant> VARIANTS = List.of(new Variant(
            IMAGES_FROM_BOARD,
            List.of(optional("board_id", Kind.BOARD), required("category", Kind.CATEGORY, str("images")))));

    /** The field type for {@code ImageGeneratorField}. */
    public static final FieldType TYPE = Generators.type(
            "ImageGeneratorField",
            VARIANTS,
            (spec, inputName, value, context) -> new InvokeAIImageGeneratorField(spec, value, inputName, false));

    private final String inputName;
    private final boolean boardResolved;

    private InvokeAIImageGeneratorField(FieldSpec spec, JsonObject value, String inputName, boolean boardResolved) {
        super(spec, value);
        this.inputName = inputName;
        this.boardResolved = boardResolved;
    }

    /**
     * The images of a board.
     *
     * @param board the board's name or id; {@code null} for uncategorized images
     * @param assets whether to take the board's assets (uploads, masks, ...) rather than its generated images
     */
    public static JsonObject imagesFromBoard(String board, boolean assets) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("type", IMAGES_FROM_BOARD);
        if (board != null) {
            b.add("board_id", board);
        }
        return b.add("category", assets ? "assets" : "images").build();
    }

    /**
     * Always fails: the items are the board's images, which only the server can list.
     *
     * @throws UnsupportedOperationException naming the variant
     */
    @Override
    public List<String> values() {
        throw new UnsupportedOperationException(variant()
                + " lists a board's images on the server (GET /api/v1/boards/{board_id}/image_names);"
                + " it cannot be computed locally");
    }

    /** An image, by name, as an image batch takes it. */
    @Override
    JsonValue batchValue(String imageName) {
        return Json.createObjectBuilder().add("image_name", imageName).build();
    }

    @Override
    public boolean needsPreparation() {
        return !boardResolved && value().map(v -> v.containsKey("board_id")).orElse(false);
    }

    /** Resolves the board name or id to this server's board id. */
    @Override
    public CompletableFuture<InvokeAIImageGeneratorField> prepare(FieldContext context) {
        if (!needsPreparation()) {
            return CompletableFuture.completedFuture(this);
        }
        JsonObject g = value().orElseThrow();
        return context.resolveBoard(inputName, g.getString("board_id"))
                .thenApply(board -> new InvokeAIImageGeneratorField(
                        spec(),
                        Json.createObjectBuilder(g).add("board_id", board.id()).build(),
                        inputName,
                        true));
    }
}
