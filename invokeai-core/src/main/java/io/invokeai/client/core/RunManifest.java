package io.invokeai.client.core;

import io.invokeai.client.InvokeAIException;
import io.invokeai.client.InvokeAIField;
import io.invokeai.client.JobStatus;
import io.invokeai.client.core.http.WireJson;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The journal of a resumable run: {@code manifest.jsonl} in the run's directory, one JSON object per line, appended
 * and forced to disk line by line, so a crash loses at most the line being written (a torn last line is cut off when
 * the manifest is opened again).
 *
 * <pre>
 * {"type":"run","version":1,"fingerprint":"..","total":6,"workflow":"..","inputs":["positive prompt","Steps"]}
 * {"type":"submit","batch_id":"..","indices":[[0,5]]}                       before the enqueue is sent
 * {"type":"enqueued","batch_id":"..","requested":6,"enqueued":6,"item_ids":[[101,106]]}
 * {"type":"done","index":3,"item_id":104,"files":["item-000003.png"],"inputs":{..}}
 * {"type":"failed","index":4,"item_id":105,"status":"failed","error":".."}   informational; retried next run
 * </pre>
 *
 * An item counts as done only if its line is there and its files exist. A lock file keeps two processes from
 * running the same directory.
 */
final class RunManifest implements AutoCloseable {
    static final String FILE = "manifest.jsonl";
    static final String LOCK = ".manifest.lock";
    /** The prefix of the temporary files of atomic writes (see {@code SafeFiles}); stale ones are removed. */
    static final String TEMP_PREFIX = ".download-";

    /** One enqueue of the run: its points in item order, and its items once the server answered. */
    static final class Submission {
        final String batchId;
        final Ranges indices;
        Ranges itemIds;

        Submission(String batchId, Ranges indices) {
            this.batchId = batchId;
            this.indices = indices;
        }
    }

    /**
     * Directories this JVM runs now. Checked before the file lock: on Linux, closing any channel of a file drops every
     * lock this process holds on it, so a second open in the same JVM must not even open the lock file.
     */
    private static final java.util.Set<Path> OPEN = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private final Path directory;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final FileChannel out;
    private final BitSet done = new BitSet();
    private final Map<String, Submission> submissions = new LinkedHashMap<>();
    private boolean closed;

    private RunManifest(Path directory, FileChannel lockChannel, FileLock lock, FileChannel out) {
        this.directory = directory;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.out = out;
    }

    /**
     * Opens (or starts) the manifest of a run in {@code directory}, locking it.
     *
     * @throws InvokeAIException if another process runs it, or it belongs to a different sweep
     */
    static RunManifest open(Path directory, String fingerprint, long total, String workflow, List<String> inputs) {
        if (total > Integer.MAX_VALUE) {
            throw new InvokeAIException(
                    "A resumable run supports at most " + Integer.MAX_VALUE + " items, this" + " sweep has " + total);
        }
        Path dir = directory.toAbsolutePath().normalize();
        if (!OPEN.add(dir)) {
            throw new InvokeAIException("Another run is using " + dir + " right now; wait for it to end");
        }
        FileChannel lockChannel = null;
        try {
            Files.createDirectories(dir);
            lockChannel = FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = lockChannel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                throw new InvokeAIException("Another run is using " + dir + " right now; wait for it to end");
            }
            removeStaleTemporaryFiles(dir);
            Path file = dir.resolve(FILE);
            boolean exists = Files.exists(file) && Files.size(file) > 0;
            if (exists) {
                cutTornLine(file);
            }
            FileChannel out = FileChannel.open(
                    file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            RunManifest manifest = new RunManifest(dir, lockChannel, lock, out);
            try {
                if (exists && manifest.read(file, fingerprint, total)) {
                    return manifest;
                }
                JsonArrayBuilder names = Json.createArrayBuilder();
                inputs.forEach(names::add);
                manifest.append(Json.createObjectBuilder()
                        .add("type", "run")
                        .add("version", 1)
                        .add("fingerprint", fingerprint)
                        .add("total", total)
                        .add("workflow", workflow)
                        .add("inputs", names));
                return manifest;
            } catch (IOException | RuntimeException e) {
                manifest.close();
                throw e;
            }
        } catch (IOException e) {
            closeQuietly(lockChannel);
            OPEN.remove(dir);
            throw new UncheckedIOException("Cannot open the run manifest in " + dir, e);
        } catch (RuntimeException e) {
            closeQuietly(lockChannel);
            OPEN.remove(dir);
            throw e;
        }
    }

    private static void removeStaleTemporaryFiles(Path dir) throws IOException {
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, TEMP_PREFIX + "*.part")) {
            for (Path p : stream) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Cuts a last line without its newline: the process died while writing it. */
    private static void cutTornLine(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = ch.size();
            long keep = size;
            ByteBuffer one = ByteBuffer.allocate(1);
            while (keep > 0) {
                one.clear();
                ch.read(one, keep - 1);
                if (one.get(0) == '\n') {
                    break;
                }
                keep--;
            }
            if (keep < size) {
                ch.truncate(keep);
                ch.force(true);
            }
        }
    }

    /** Reads an existing manifest; false if it has no run line (then a new one is written). */
    private boolean read(Path file, String fingerprint, long total) throws IOException {
        boolean header = false;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonObject o;
                try {
                    o = WireJson.parse(line.getBytes(StandardCharsets.UTF_8)).asJsonObject();
                } catch (RuntimeException e) {
                    continue; // a damaged line: what it recorded is redone
                }
                String type = o.getString("type", "");
                if (!header) {
                    if (!type.equals("run")) {
                        continue;
                    }
                    String theirs = o.getString("fingerprint", "");
                    long theirTotal = o.getJsonNumber("total") == null
                            ? -1
                            : o.getJsonNumber("total").longValue();
                    if (!theirs.equals(fingerprint) || theirTotal != total) {
                        throw new InvokeAIException("The directory " + directory + " holds a different run (workflow '"
                                + o.getString("workflow", "") + "', " + theirTotal + " items, inputs "
                                + o.get("inputs") + "); this sweep has " + total + " items and fingerprint "
                                + fingerprint.substring(0, Math.min(12, fingerprint.length()))
                                + ".. Use another directory for it.");
                    }
                    header = true;
                    continue;
                }
                try {
                    apply(type, o, total);
                } catch (RuntimeException e) {
                    // a line that does not fit: ignore it, its item is redone
                }
            }
        }
        return header;
    }

    private void apply(String type, JsonObject o, long total) {
        switch (type) {
            case "submit" -> {
                String batch = o.getString("batch_id");
                submissions.put(batch, new Submission(batch, Ranges.fromJson(o.get("indices"))));
            }
            case "enqueued" -> {
                Submission s = submissions.get(o.getString("batch_id"));
                if (s != null) {
                    s.itemIds = Ranges.fromJson(o.get("item_ids"));
                }
            }
            case "done" -> {
                long index = o.getJsonNumber("index").longValue();
                if (index < 0 || index >= total) {
                    return;
                }
                for (JsonValue f : o.getJsonArray("files")) {
                    Path p = directory.resolve(((JsonString) f).getString()).normalize();
                    if (!p.getParent().equals(directory) || !Files.isRegularFile(p)) {
                        return; // an output is missing: the item is redone
                    }
                }
                done.set((int) index);
            }
            default -> {
                // failed and unknown lines are informational
            }
        }
    }

    Path directory() {
        return directory;
    }

    synchronized boolean isDone(long index) {
        return done.get((int) index);
    }

    synchronized long doneCount() {
        return done.cardinality();
    }

    synchronized List<Submission> submissions() {
        return new ArrayList<>(submissions.values());
    }

    /** Records an enqueue about to be sent. */
    synchronized void submit(String batchId, Ranges indices) {
        submissions.put(batchId, new Submission(batchId, indices));
        append(Json.createObjectBuilder()
                .add("type", "submit")
                .add("batch_id", batchId)
                .add("indices", indices.toJson()));
    }

    synchronized void enqueued(String batchId, long requested, long enqueued, Ranges itemIds) {
        Submission s = submissions.get(batchId);
        if (s != null) {
            s.itemIds = itemIds;
        }
        append(Json.createObjectBuilder()
                .add("type", "enqueued")
                .add("batch_id", batchId)
                .add("requested", requested)
                .add("enqueued", enqueued)
                .add("item_ids", itemIds.toJson()));
    }

    /** Records an item whose files are written; false (and nothing written) if it was done already. */
    synchronized boolean done(long index, long itemId, List<String> files, Map<String, InvokeAIField<?>> inputs) {
        if (done.get((int) index)) {
            return false;
        }
        JsonArrayBuilder names = Json.createArrayBuilder();
        files.forEach(names::add);
        JsonObjectBuilder values = Json.createObjectBuilder();
        inputs.forEach((name, field) -> values.add(name, field.toJson()));
        append(Json.createObjectBuilder()
                .add("type", "done")
                .add("index", index)
                .add("item_id", itemId)
                .add("files", names)
                .add("inputs", values));
        done.set((int) index);
        return true;
    }

    synchronized void failed(long index, long itemId, JobStatus status, String error) {
        append(Json.createObjectBuilder()
                .add("type", "failed")
                .add("index", index)
                .add("item_id", itemId)
                .add("status", status.wireName())
                .add("error", error == null ? "" : error));
    }

    private void append(JsonObjectBuilder line) {
        if (closed) {
            throw new InvokeAIException("The run manifest in " + directory + " is closed");
        }
        byte[] bytes = (line.build().toString() + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                out.write(buffer);
            }
            out.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the run manifest in " + directory, e);
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        closeQuietly(out);
        try {
            lock.release();
        } catch (IOException e) {
            // released when the channel closes
        }
        closeQuietly(lockChannel);
        OPEN.remove(directory);
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception e) {
            // nothing to do
        }
    }
}
