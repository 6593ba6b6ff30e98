package io.invokeai.client.core.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.invokeai.client.InvokeAIException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SafeFilesTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"../../etc/passwd", "/etc/passwd", "..\\..\\win.ini", "a/../../b.png", "sub/dir/x.png"})
    void serverNamesNeverEscapeTheDirectory(String hostile) {
        Path target = SafeFiles.resolveInside(dir, hostile);
        assertThat(target.getParent()).isEqualTo(dir.toAbsolutePath().normalize());
        assertThat(target.getFileName().toString()).doesNotContain("/", "\\").doesNotStartWith(".");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "..", ".", "../", "/"})
    void unusableNamesAreRejected(String name) {
        assertThatThrownBy(() -> SafeFiles.resolveInside(dir, name)).isInstanceOf(InvokeAIException.class);
    }

    @Test
    void ordinaryNamesAreKept() {
        assertThat(SafeFiles.resolveInside(dir, "0f1e-abc_1.png").getFileName().toString())
                .isEqualTo("0f1e-abc_1.png");
    }

    @Test
    void writesAtomicallyAndLeavesNoTemporaryFile() throws IOException {
        Path target = dir.resolve("out.png");
        SafeFiles.writeAtomically(target, new byte[] {1, 2, 3});
        SafeFiles.writeAtomically(target, new byte[] {4, 5});
        assertThat(Files.readAllBytes(target)).containsExactly(4, 5);
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
    }
}
