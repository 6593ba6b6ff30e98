package io.invokeai.client.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@InvokeAITest
class TinyModelsIT {

    @ParameterizedTest
    @EnumSource(TinyModel.class)
    void installsAndIsListedWithItsBaseAndType(TinyModel model, InvokeAIServer server) {
        long started = System.nanoTime();
        InstalledModel installed = server.tinyModels().install(model);
        System.out.printf(
                "[timing] install %s (incl. build if needed): %.2f s%n", model, (System.nanoTime() - started) / 1e9);

        assertThat(installed.name()).isEqualTo(model.modelName());
        assertThat(installed.base()).isEqualTo(model.base());
        assertThat(installed.type()).isEqualTo(model.type());

        List<JsonObject> listed = new Api(server)
                .get("/api/v2/models/")
                .asJsonObject()
                .getJsonArray("models")
                .getValuesAs(JsonObject.class);
        assertThat(listed)
                .filteredOn(config -> config.getString("key").equals(installed.key()))
                .singleElement()
                .satisfies(config -> {
                    assertThat(config.getString("name")).isEqualTo(model.modelName());
                    assertThat(config.getString("base")).isEqualTo(model.base());
                    assertThat(config.getString("type")).isEqualTo(model.type());
                });

        assertThat(server.tinyModels().install(model))
                .as("second install is a lookup")
                .isEqualTo(installed);
    }
}
