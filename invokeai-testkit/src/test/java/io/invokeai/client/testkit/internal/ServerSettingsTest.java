package io.invokeai.client.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerSettingsTest {

    @Test
    void settingNamesBecomeInvokeAIEnvironmentVariables() {
        assertThat(ServerSettings.environmentName("node_cache_size")).isEqualTo("INVOKEAI_NODE_CACHE_SIZE");
        assertThat(ServerSettings.environmentName("INVOKEAI_NODE_CACHE_SIZE")).isEqualTo("INVOKEAI_NODE_CACHE_SIZE");
    }

    @Test
    void hostPortAndRootBelongToTheTestkit() {
        assertThatThrownBy(() -> ServerSettings.environmentName("port")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ServerSettings.environmentName("INVOKEAI_HOST"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ServerSettings.environmentName("root")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ServerSettings.environmentName("a b")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void serverEnvironmentHasTheHeadlessCpuDefaultsAndTakesOverrides() {
        Map<String, String> env = ServerSettings.serverEnvironment(4242, Map.of("INVOKEAI_MAX_CACHE_RAM_GB", "4"));
        assertThat(env)
                .containsEntry("INVOKEAI_HOST", "127.0.0.1")
                .containsEntry("INVOKEAI_PORT", "4242")
                .containsEntry("INVOKEAI_DEVICE", "cpu")
                .containsEntry("INVOKEAI_PRECISION", "float32")
                .containsEntry("INVOKEAI_PATCHMATCH", "false")
                .containsEntry("INVOKEAI_LOG_FORMAT", "plain")
                .containsEntry("INVOKEAI_HASHING_ALGORITHM", "random")
                .containsEntry("INVOKEAI_ALLOW_UNKNOWN_MODELS", "false")
                .containsEntry("HF_HUB_OFFLINE", "1")
                .containsEntry("TRANSFORMERS_OFFLINE", "1")
                .containsEntry("TORCHINDUCTOR_COMPILE_THREADS", "1")
                .containsEntry("INVOKEAI_MAX_CACHE_RAM_GB", "4");
    }

    @Test
    void remoteUrlPropertyWinsOverEnvironmentAndBlankMeansUnset() {
        assertThat(ServerSettings.remoteUrl("http://a:1/", "http://b:2")).contains(URI.create("http://a:1"));
        assertThat(ServerSettings.remoteUrl(" ", "http://b:2")).contains(URI.create("http://b:2"));
        assertThat(ServerSettings.remoteUrl("", "")).isEmpty();
        assertThat(ServerSettings.remoteUrl(null, null)).isEmpty();
    }

    @Test
    void remoteUrlMustBeAnHttpUrl() {
        assertThatThrownBy(() -> ServerSettings.remoteUrl("localhost:9090", null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ServerSettings.remoteUrl("ftp://host/", null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void freePortIsUsable() {
        assertThat(ServerSettings.freeLoopbackPort()).isBetween(1, 65535);
    }
}
