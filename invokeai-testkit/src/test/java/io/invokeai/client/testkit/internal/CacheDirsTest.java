package io.invokeai.client.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CacheDirsTest {
    private static final String HOME = Path.of("/home/tester").toString();

    @Test
    void explicitCacheDirWins() {
        Map<String, String> env = Map.of("INVOKEAI_TESTKIT_CACHE", "/ci/cache", "XDG_CACHE_HOME", "/xdg");
        assertThat(CacheDirs.resolve(env, HOME)).isEqualTo(Path.of("/ci/cache"));
    }

    @Test
    void xdgCacheHomeIsUsedNext() {
        assertThat(CacheDirs.resolve(Map.of("XDG_CACHE_HOME", "/xdg"), HOME))
                .isEqualTo(Path.of("/xdg/invokeai-testkit"));
    }

    @Test
    void defaultIsUnderTheHomeCache() {
        assertThat(CacheDirs.resolve(Map.of(), HOME)).isEqualTo(Path.of("/home/tester/.cache/invokeai-testkit"));
    }

    @Test
    void blankAndRelativeValuesAreIgnored() {
        Map<String, String> env = Map.of("INVOKEAI_TESTKIT_CACHE", "  ", "XDG_CACHE_HOME", "relative/dir");
        assertThat(CacheDirs.resolve(env, HOME)).isEqualTo(Path.of("/home/tester/.cache/invokeai-testkit"));
    }
}
