package io.invokeai.client.testkit.internal;

import io.invokeai.client.testkit.InvokeAIServerException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** Child processes: the short-lived Python tools and the signals for the long-lived server. */
public final class Processes {
    private Processes() {}

    /** What a finished tool printed. */
    public record Result(int exitCode, List<String> lines) {}

    /**
     * Runs a command to completion, stdout and stderr merged, each line handed to {@code sink} as it comes (so a long
     * provisioning shows progress). The child is killed if this thread is interrupted.
     */
    public static Result run(List<String> command, Map<String, String> environment, Consumer<String> sink) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        builder.redirectInput(ProcessBuilder.Redirect.from(nullFile()));
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new InvokeAIServerException("cannot run " + command + ": " + e.getMessage(), e);
        }
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                lines.add(line);
                sink.accept(line);
            }
            return new Result(process.waitFor(), lines);
        } catch (IOException e) {
            throw new InvokeAIServerException("reading the output of " + command + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InvokeAIServerException("interrupted while running " + command, e);
        } finally {
            if (process.isAlive()) {
                destroyTree(process.toHandle(), process.descendants().toList(), Duration.ZERO);
            }
        }
    }

    /**
     * Sends SIGINT, which InvokeAI (uvicorn) turns into a graceful shutdown. {@link ProcessHandle} can only send
     * SIGTERM/SIGKILL, so this uses {@code kill -INT}.
     */
    public static boolean interrupt(ProcessHandle process) {
        try {
            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(process.pid()))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Waits up to {@code grace} for {@code root} to exit, then kills it and every process in {@code descendants}
     * (taken before the signal: once the root is gone its children are re-parented and no longer its descendants).
     */
    public static void destroyTree(ProcessHandle root, List<ProcessHandle> descendants, Duration grace) {
        waitForExit(root, grace);
        List<ProcessHandle> all = new ArrayList<>(descendants);
        root.descendants().forEach(all::add);
        root.destroyForcibly();
        for (ProcessHandle child : all) {
            child.destroyForcibly();
        }
        waitForExit(root, Duration.ofSeconds(10));
        for (ProcessHandle child : all) {
            waitForExit(child, Duration.ofSeconds(5));
        }
    }

    /** True if the process exited within the timeout. */
    public static boolean waitForExit(ProcessHandle process, Duration timeout) {
        if (!process.isAlive()) {
            return true;
        }
        if (timeout.isZero() || timeout.isNegative()) {
            return !process.isAlive();
        }
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    private static java.io.File nullFile() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }
}
