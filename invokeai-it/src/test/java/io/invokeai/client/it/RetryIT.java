package io.invokeai.client.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.invokeai.client.CircuitBreakerPolicy;
import io.invokeai.client.InvokeAIClient;
import io.invokeai.client.InvokeAIIOException;
import io.invokeai.client.testkit.InvokeAIServer;
import io.invokeai.client.testkit.InvokeAITest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Retries against the real server behind a proxy that loses responses: a lost read is retried and answered; a lost
 * enqueue is reported, not repeated, so the server holds exactly one item.
 */
@InvokeAITest
class RetryIT {

    @Test
    void aLostReadIsRetriedAndALostEnqueueIsNeverRepeated(InvokeAIServer server) throws Exception {
        try (var proxy = new CuttingProxy(server.baseUrl());
                InvokeAIClient client = InvokeAIClient.builder()
                        .baseUrl(proxy.uri())
                        .events(false)
                        .circuitBreaker(CircuitBreakerPolicy.disabled())
                        .requestTimeout(Duration.ofSeconds(30))
                        .build()) {
            proxy.loseResponses(line -> line.startsWith("GET /api/v1/app/version"), 1);
            assertThat(client.version()).isEqualTo(server.version());
            assertThat(proxy.forwarded())
                    .as("the read reached the server twice: lost once, then retried")
                    .isEqualTo(2);

            var workflow = client.workflowFromJson(Resources.text("workflows/blank-widths.json"))
                    .set("Widths", java.util.List.of(8L))
                    .set("Height", 8);
            int before = client.queue().items().size();
            proxy.loseResponses(line -> line.startsWith("POST /api/v1/queue/default/enqueue_batch"), 1);
            assertThatThrownBy(workflow::submitBatch).isInstanceOf(InvokeAIIOException.class);
            assertThat(proxy.forwarded())
                    .as("the enqueue reached the server once and was not sent again")
                    .isEqualTo(1);
            assertThat(client.queue().items()).as("exactly one new queue item").hasSize(before + 1);
        }
    }
}
