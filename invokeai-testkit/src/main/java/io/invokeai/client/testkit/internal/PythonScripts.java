package io.invokeai.client.testkit.internal;

import io.invokeai.client.testkit.InvokeAIServerException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Python tooling ships inside the jar; Python needs real files, so they are copied into the cache under a hash of
 * their content (a new testkit version never runs an old script, and concurrent runs share one copy).
 */
public final class PythonScripts {
    public static final String PROVISION = "provision.py";
    public static final String TINY_MODELS = "make_tiny_models.py";

    private static final String RESOURCE_DIR = "/io/invokeai/client/testkit/python/";
    private static final List<String> FILES =
            List.of(PROVISION, "constraints-invokeai-6.14.2-cpu-py311.txt", TINY_MODELS);

    private PythonScripts() {}

    /** The folder holding the extracted scripts, created if needed. */
    public static Path extract(Path cacheDir) {
        Map<String, byte[]> files = load();
        Path target = cacheDir.resolve("scripts").resolve(hash(files.values()));
        if (Files.isDirectory(target)) {
            return target;
        }
        try {
            Files.createDirectories(target.getParent());
            Path staging = Files.createTempDirectory(target.getParent(), ".staging-");
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                Files.write(staging.resolve(file.getKey()), file.getValue());
            }
            try {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
                // another JVM extracted the same content first
                deleteTree(staging);
            } catch (IOException e) {
                deleteTree(staging);
                if (!Files.isDirectory(target)) {
                    throw e;
                }
            }
            return target;
        } catch (IOException e) {
            throw new InvokeAIServerException("cannot extract the Python scripts into " + target, e);
        }
    }

    /** A short content hash of one script, used as the cache key of what it builds. */
    public static String hashOf(String file) {
        return hash(List.of(load().get(file)));
    }

    private static Map<String, byte[]> load() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String name : FILES) {
            try (InputStream in = PythonScripts.class.getResourceAsStream(RESOURCE_DIR + name)) {
                if (in == null) {
                    throw new InvokeAIServerException(
                            "resource " + RESOURCE_DIR + name + " is missing from the testkit");
                }
                files.put(name, in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    private static String hash(Iterable<byte[]> contents) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (byte[] content : contents) {
                sha.update(content);
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Deletes a folder tree, best effort (used for temporary roots and staging folders). */
    public static void deleteTree(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort: a file still held open by a dying process
                }
            });
        } catch (IOException | UncheckedIOException ignored) {
            // best effort
        }
    }
}
