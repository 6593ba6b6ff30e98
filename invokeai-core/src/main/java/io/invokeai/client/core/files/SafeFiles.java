package io.invokeai.client.core.files;

import io.invokeai.client.InvokeAIException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.regex.Pattern;

/**
 * Writes downloads so that names from a server can never escape the output directory and readers never see a
 * partial file (temporary file in the same directory, then an atomic move).
 */
public final class SafeFiles {
    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._-]");

    private SafeFiles() {}

    /**
     * The file for a server-supplied name inside {@code directory}: path separators and other unsafe characters are
     * replaced, leading dots removed, and the result is checked to stay inside the directory.
     */
    public static Path resolveInside(Path directory, String serverName) {
        String base = serverName == null ? "" : serverName;
        int slash = Math.max(base.lastIndexOf('/'), base.lastIndexOf('\\'));
        base = UNSAFE.matcher(base.substring(slash + 1)).replaceAll("_");
        base = base.replaceFirst("^\\.+", "");
        if (base.isEmpty()) {
            throw new InvokeAIException("Server-supplied file name '" + serverName + "' is not usable as a file name");
        }
        Path dir = directory.toAbsolutePath().normalize();
        Path target = dir.resolve(base).normalize();
        if (!target.getParent().equals(dir)) {
            throw new InvokeAIException("Server-supplied file name '" + serverName + "' escapes " + dir);
        }
        return target;
    }

    /** Writes {@code bytes} to {@code target} atomically. */
    public static Path writeAtomically(Path target, byte[] bytes) {
        Path dir = target.toAbsolutePath().getParent();
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".download-", ".part");
            try {
                Files.write(tmp, bytes);
                try {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + target, e);
        }
    }
}
