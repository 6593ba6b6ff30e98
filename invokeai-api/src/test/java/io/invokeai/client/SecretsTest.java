package io.invokeai.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A token must never leak through toString, option dumps or error messages. */
class SecretsTest {
    static final String TOKEN = "eyJhbGciOiJIUzI1NiJ9.secret-payload.signature";

    @Test
    void optionsAndTokenPrintMasked() {
        ClientOptions options = InvokeAIClient.builder()
                .baseUrl("https://invoke.example:9090")
                .token(TOKEN)
                .options();
        assertThat(options.toString())
                .doesNotContain(TOKEN)
                .doesNotContain("secret-payload")
                .contains("****");
        assertThat(options.token().orElseThrow().reveal()).isEqualTo(TOKEN);
    }

    @Test
    void credentialsInTheUrlAreRefusedSoTheyCannotBeLogged() {
        assertThatThrownBy(() -> InvokeAIClient.builder()
                        .baseUrl("https://user:" + TOKEN + "@host")
                        .options())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining(TOKEN);
        assertThatThrownBy(() -> InvokeAIClient.builder()
                        .baseUrl("https://host/?token=" + TOKEN)
                        .options())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void serviceErrorsNameMethodAndPathOnly() {
        var e = InvokeAIServiceException.of(401, "GET", "/api/v1/queue/default/status", "Not authenticated");
        assertThat(e).isInstanceOf(InvokeAIServiceException.AuthenticationException.class);
        assertThat(e.getMessage())
                .isEqualTo("GET /api/v1/queue/default/status failed with HTTP 401: Not authenticated");
    }
}
