package io.invokeai.client.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RangesTest {

    @Test
    void consecutiveValuesAreStoredAsRuns() {
        Ranges r = Ranges.of(5, 6, 7, 10, 11, 3);

        assertThat(r.size()).isEqualTo(6);
        assertThat(r.toJson().toString()).isEqualTo("[[5,7],[10,11],[3,3]]");
        List<Long> all = new ArrayList<>();
        r.forEach(all::add);
        assertThat(all).containsExactly(5L, 6L, 7L, 10L, 11L, 3L);
        for (int i = 0; i < all.size(); i++) {
            assertThat(r.get(i)).isEqualTo(all.get(i));
        }
        assertThatThrownBy(() -> r.get(6)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void aSpanOfTenThousandIdsIsOneRun() {
        Ranges r = Ranges.span(1000, 10_999);

        assertThat(r.size()).isEqualTo(10_000);
        assertThat(r.toJson().toString()).isEqualTo("[[1000,10999]]");
        assertThat(r.get(9_999)).isEqualTo(10_999);
        assertThat(r.positionOfAscending(1500)).isEqualTo(500);
        assertThat(r.positionOfAscending(999)).isEqualTo(-1);
    }

    @Test
    void headAndTailSplitAtAPosition() {
        Ranges r = Ranges.of(1, 2, 3, 7, 8, 9);

        assertThat(r.head(4).toJson().toString()).isEqualTo("[[1,3],[7,7]]");
        assertThat(r.tail(4).toJson().toString()).isEqualTo("[[8,9]]");
        assertThat(r.tail(0).size()).isEqualTo(6);
        assertThat(r.tail(6).isEmpty()).isTrue();
    }

    @Test
    void jsonRoundTrips() {
        Ranges r = Ranges.of(4, 5, 9);

        assertThat(Ranges.fromJson(r.toJson()).toJson()).isEqualTo(r.toJson());
        assertThatThrownBy(() -> Ranges.fromJson(
                        jakarta.json.Json.createArrayBuilder().add(1).build()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
