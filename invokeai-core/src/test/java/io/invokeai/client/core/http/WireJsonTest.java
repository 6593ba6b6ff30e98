package io.invokeai.client.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.invokeai.client.core.wire.Dtos;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** JSON-B binding of the server DTOs, run on the module path (the core's tests are patched into its module). */
class WireJsonTest {
    @Test
    void bindsSnakeCaseRecordsOnTheModulePath() {
        assertThat(WireJson.class.getModule().isNamed()).isTrue();
        String json = "{\"models\":[{\"key\":\"k1\",\"name\":\"tiny\",\"base\":\"sd-1\",\"type\":\"main\","
                + "\"unknown_field\":1}]}";
        Dtos.ModelList list = WireJson.bind(json.getBytes(StandardCharsets.UTF_8), Dtos.ModelList.class);
        assertThat(list.models()).hasSize(1);
        assertThat(list.models().get(0).name()).isEqualTo("tiny");
        assertThat(list.models().get(0).hash()).isNull();
        Dtos.EnqueueResult r = WireJson.bind(
                "{\"enqueued\":2,\"item_ids\":[5,4],\"batch\":{\"batch_id\":\"b\"}}".getBytes(StandardCharsets.UTF_8),
                Dtos.EnqueueResult.class);
        assertThat(r.itemIds()).containsExactly(5L, 4L);
        assertThat(r.batch().batchId()).isEqualTo("b");
    }
}
