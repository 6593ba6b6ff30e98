package io.invokeai.client.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.invokeai.client.InvokeAIClient;
import io.invokeai.client.InvokeAIServiceException;
import io.invokeai.client.JobResult;
import io.invokeai.client.testkit.ManagedInvokeAIServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A multi-user server (its own managed instance): without a token the client gets a typed 401; with one it runs a
 * workflow, and the token shows up in no message or log.
 */
class MultiUserIT {
    static final String PASSWORD = "Str0ng-enough-passw0rd!";
    static ManagedInvokeAIServer server;
    static String token;

    @BeforeAll
    static void start() throws Exception {
        server = ManagedInvokeAIServer.builder().setting("multiuser", "true").start();
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String account =
                "{\"email\":\"admin@example.com\",\"display_name\":\"Admin\",\"password\":\"" + PASSWORD + "\"}";
        send(http, "api/v1/auth/setup", account);
        String login = send(
                http,
                "api/v1/auth/login",
                "{\"email\":\"admin@example.com\",\"password\":\"" + PASSWORD + "\",\"remember_me\":false}");
        Matcher m = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"").matcher(login);
        assertThat(m.find())
                .as("login answer carries a token: " + login.replaceAll("eyJ[\\w.-]+", "<jwt>"))
                .isTrue();
        token = m.group(1);
    }

    private static String send(HttpClient http, String path, String json) throws Exception {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(server.baseUrl() + "/" + path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path + ": " + r.body()).isBetween(200, 299);
        return r.body();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void withoutATokenCallsFailWithATypedAuthenticationError() {
        try (InvokeAIClient client =
                InvokeAIClient.builder().baseUrl(server.baseUrl()).events(false).build()) {
            assertThat(client.version()).isEqualTo(server.version()); // unauthenticated endpoint
            assertThatThrownBy(() -> client.queue().status())
                    .isInstanceOf(InvokeAIServiceException.AuthenticationException.class)
                    .hasMessageContaining("401");
        }
    }

    @Test
    void withATokenAWorkflowRunsAndTheTokenNeverLeaks() throws Exception {
        try (InvokeAIClient client =
                InvokeAIClient.builder().baseUrl(server.baseUrl()).token(token).build()) {
            assertThat(client.toString()).doesNotContain(token);
            assertThat(client.options().toString()).doesNotContain(token);
            JobResult result = client.workflowFromJson(Resources.text("workflows/blank-widths.json"))
                    .set("Widths", List.of(24L))
                    .set("Height", 8)
                    .submitBatch()
                    .awaitAll(Duration.ofMinutes(3))
                    .get(0);
            assertThat(result.images().get(0).toBufferedImage().getWidth()).isEqualTo(24);
            assertThatThrownBy(() -> client.boards().get("no-such-board"))
                    .isInstanceOf(InvokeAIServiceException.class)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(token));
        }
        String serverLog = Files.readString(server.logFile().orElseThrow());
        assertThat(serverLog).doesNotContain(token);
    }
}
