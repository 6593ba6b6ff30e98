package io.invokeai.client.types;

import static io.invokeai.client.types.Jsons.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.invokeai.client.FieldSpec;
import io.invokeai.client.InvalidInputException;
import io.invokeai.client.InvokeAIField;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class InvokeAIVideoFieldTest {
    private static final FieldSpec VIDEO = Specs.single("VideoField", "Video");

    @Test
    void takesAServerVideoName() {
        InvokeAIVideoField field = InvokeAIVideoField.of(VIDEO, "clip.mp4");
        assertThat(field.videoName()).isEqualTo("clip.mp4");
        assertThat(field.toJson()).isEqualTo(json("{\"video_name\": \"clip.mp4\"}"));
        assertThat(field.displayValue()).isEqualTo("clip.mp4");
        InvokeAIField<?> read = InvokeAIVideoField.TYPE.fromJson(VIDEO, field.toJson(), null);
        assertThat(read).isEqualTo(field);
        assertThat(InvokeAIVideoField.TYPE.fromJson(VIDEO, json("null"), null).isSet())
                .isFalse();
    }

    @Test
    void saysUploadsAreNotSupported() {
        assertThatThrownBy(() -> InvokeAIVideoField.TYPE.fromJava(VIDEO, "Video", Path.of("clip.mp4")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("Input 'Video' expects video (server video name), but was given clip.mp4")
                .hasMessageEndingWith(
                        "(only videos already on the server can be used; uploading videos is not" + " supported)");
        assertThatThrownBy(() -> InvokeAIVideoField.of(VIDEO, "")).hasMessageEndingWith("(the video name is empty)");
        assertThatThrownBy(() -> InvokeAIVideoField.TYPE.fromJson(VIDEO, json("3"), null))
                .isInstanceOf(InvalidInputException.class);
    }
}
