package io.invokeai.client.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TinyModelTest {

    /** The Java enum and the Python builder must agree on kinds and file names, or installs look in the wrong place. */
    @Test
    void enumMatchesTheBuildersOfTheScript() throws Exception {
        String script;
        try (InputStream in = TinyModel.class.getResourceAsStream("python/make_tiny_models.py")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Map<String, String> builders = new LinkedHashMap<>();
        Matcher m =
                Pattern.compile("\"(\\w+)\": \\(\"([^\"]+)\", build_\\w+\\)").matcher(script);
        while (m.find()) {
            builders.put(m.group(1), m.group(2));
        }
        Map<String, String> fromEnum = new LinkedHashMap<>();
        for (TinyModel model : TinyModel.values()) {
            fromEnum.put(model.kind(), model.fileName());
        }
        assertThat(builders).isEqualTo(fromEnum);
    }

    @Test
    void modelNamesAreTheFileStems() {
        for (TinyModel model : TinyModel.values()) {
            assertThat(model.fileName()).startsWith(model.modelName());
            assertThat(model.fileName().substring(model.modelName().length())).isIn("", ".safetensors");
        }
        assertThat(TinyModel.SD1_EMBEDDING.promptTrigger()).isEqualTo("<tiny-sd1-embedding>");
    }

    @Test
    void identifierJsonIsAModelIdentifierField() {
        var model = new InstalledModel("k\"1", "random:x", "tiny-sd1", "sd-1", "main");
        assertThat(model.identifierJson())
                .isEqualTo(
                        "{\"key\":\"k\\\"1\",\"hash\":\"random:x\",\"name\":\"tiny-sd1\",\"base\":\"sd-1\",\"type\":\"main\"}");
    }
}
