package io.invokeai.client.types;

import static io.invokeai.client.types.Jsons.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.invokeai.client.Board;
import io.invokeai.client.FieldSpec;
import io.invokeai.client.InvalidInputException;
import io.invokeai.client.InvokeAIField;
import io.invokeai.client.spi.FieldContext;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class InvokeAIBoardFieldTest {
    private static final FieldSpec BOARD = Specs.single("BoardField", "Board");
    private static final Board CATS = new Board("b-1", "Cats", 3, 0, false, "2026-01-01");

    private static InvokeAIBoardField set(Object value) {
        return (InvokeAIBoardField) InvokeAIBoardField.TYPE.fromJava(BOARD, "Board", value);
    }

    @Test
    void sentinelsSendNoBoard() {
        for (String sentinel : new String[] {"auto", "none"}) {
            InvokeAIBoardField field = set(sentinel);
            assertThat(field.toJson()).isEqualTo(jakarta.json.JsonValue.NULL);
            assertThat(field.needsPreparation()).isFalse();
            assertThat(field.displayValue()).isEqualTo(sentinel);
            assertThat(field.value().orElseThrow().isSentinel()).isTrue();
        }
    }

    @Test
    void aNameIsResolvedAtPrepare() {
        InvokeAIBoardField field = set("Cats");
        assertThat(field.needsPreparation()).isTrue();
        assertThat(field.toJson()).isEqualTo(json("{\"board_id\": \"<resolve:Cats>\"}"));

        FieldContext context = mock(FieldContext.class);
        when(context.resolveBoard("Board", "Cats")).thenReturn(CompletableFuture.completedFuture(CATS));
        InvokeAIBoardField prepared = field.prepare(context).join();
        assertThat(prepared.toJson()).isEqualTo(json("{\"board_id\": \"b-1\"}"));
        assertThat(prepared.boardId()).contains("b-1");
        assertThat(prepared.needsPreparation()).isFalse();
        assertThat(prepared.displayValue()).isEqualTo("Cats");
    }

    @Test
    void aBoardIsResolvedAlready() {
        InvokeAIBoardField field = set(CATS);
        assertThat(field.needsPreparation()).isFalse();
        assertThat(field.toJson()).isEqualTo(json("{\"board_id\": \"b-1\"}"));
        FieldContext context = mock(FieldContext.class);
        assertThat(field.prepare(context).join()).isSameAs(field);
        verify(context, never()).resolveBoard(any(), any());
    }

    @Test
    void storedIdsAreCheckedAgainstThisServer() {
        InvokeAIField<?> read = InvokeAIBoardField.TYPE.fromJson(BOARD, json("{\"board_id\": \"b-1\"}"), null);
        assertThat(read.needsPreparation()).isTrue();
        FieldContext context = mock(FieldContext.class);
        when(context.resolveBoard("Board", "b-1")).thenReturn(CompletableFuture.completedFuture(CATS));
        assertThat(read.prepare(context).join().toJson()).isEqualTo(json("{\"board_id\": \"b-1\"}"));
        assertThat(InvokeAIBoardField.TYPE
                        .fromJson(BOARD, json("\"auto\""), null)
                        .toJson())
                .isEqualTo(jakarta.json.JsonValue.NULL);
        assertThat(InvokeAIBoardField.TYPE.fromJson(BOARD, json("null"), null).isSet())
                .isFalse();
    }

    @Test
    void rejectsOtherValues() {
        assertThatThrownBy(() -> set(12))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Input 'Board' expects board (name, id, Board, \"auto\" or \"none\"), but was given 12"
                        + " (Integer)");
        assertThatThrownBy(() -> set("  ")).hasMessageEndingWith("(the board name is empty)");
        assertThatThrownBy(() -> InvokeAIBoardField.TYPE.fromJson(BOARD, json("[]"), null))
                .isInstanceOf(InvalidInputException.class);
        assertThat(InvokeAIBoardField.of(BOARD, "none").isSet()).isTrue();
    }
}
