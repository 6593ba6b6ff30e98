package io.invokeai.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class QueueSubscriptionTest {

    @Test
    void handsOutWhatWasOfferedThenEnds() {
        QueueSubscription<String> s = new QueueSubscription<>();
        s.offer("a");
        s.offer("b");
        s.end();
        s.offer("ignored after the end");

        assertThat(s.stream().toList()).containsExactly("a", "b");
        assertThat(s.isFinished()).isTrue();
        assertThatThrownBy(s::next).isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void nextWaitsForTheProducer() throws Exception {
        QueueSubscription<Integer> s = new QueueSubscription<>();
        CompletableFuture<List<Integer>> consumer = CompletableFuture.supplyAsync(() -> {
            List<Integer> got = new ArrayList<>();
            s.forEachRemaining(got::add);
            return got;
        });
        for (int i = 0; i < 100; i++) {
            s.offer(i);
        }
        s.end();

        assertThat(consumer.get(10, TimeUnit.SECONDS))
                .hasSize(100)
                .startsWith(0, 1, 2)
                .endsWith(99);
    }

    @Test
    void pollGivesUpAfterItsTimeout() {
        QueueSubscription<String> s = new QueueSubscription<>();

        assertThat(s.poll(Duration.ofMillis(50))).isEmpty();
        assertThat(s.isFinished()).isFalse();
        s.offer("x");
        assertThat(s.poll(Duration.ofMillis(50))).contains("x");
    }

    @Test
    void droppableElementsBeyondTheCapacityEvictTheOldestButOthersAreKept() {
        QueueSubscription<String> s = new QueueSubscription<>(2, e -> e.startsWith("progress"));
        s.offer("started");
        s.offer("progress 1");
        s.offer("progress 2");
        s.offer("progress 3");
        s.offer("completed");
        s.end();

        assertThat(s.stream().toList()).containsExactly("started", "progress 2", "progress 3", "completed");
    }

    @Test
    void closeStopsEarly() {
        QueueSubscription<String> s = new QueueSubscription<>();
        s.offer("a");
        s.close();

        assertThat(s.hasNext()).isFalse();
        assertThat(s.isFinished()).isTrue();
    }
}
