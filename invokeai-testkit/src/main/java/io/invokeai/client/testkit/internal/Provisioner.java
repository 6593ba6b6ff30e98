package io.invokeai.client.testkit.internal;

import io.invokeai.client.testkit.InvokeAIServerException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs {@code provision.py}, which creates (once, minutes) or reuses (about a second) the cached venv holding the
 * CPU-run InvokeAI.
 */
public final class Provisioner {
    /** Overrides the Python that runs the provisioning. */
    public static final String PYTHON_ENV = "INVOKEAI_TESTKIT_PYTHON";

    private static final String VENV_PREFIX = "VENV=";

    private Provisioner() {}

    /**
     * The venv folder for {@code invokeaiVersion}.
     *
     * @param python the interpreter that runs {@code provision.py}; its folder goes first on the PATH, so that the
     *     script's own search for python3.11 / python3.12 / python3 also prefers it for the venv
     */
    public static Path provision(String python, Path cacheDir, String invokeaiVersion) {
        Path scripts = PythonScripts.extract(cacheDir);
        Map<String, String> env = new HashMap<>();
        Path pythonPath = Path.of(python);
        if (pythonPath.getParent() != null) {
            env.put(
                    "PATH",
                    pythonPath.toAbsolutePath().getParent() + java.io.File.pathSeparator + System.getenv("PATH"));
        }
        long started = System.nanoTime();
        Log.info("provisioning InvokeAI " + invokeaiVersion + " (cache " + cacheDir + ")");
        Processes.Result result = Processes.run(
                List.of(
                        python,
                        scripts.resolve(PythonScripts.PROVISION).toString(),
                        "--cache-dir",
                        cacheDir.toString(),
                        "--invokeai-version",
                        invokeaiVersion),
                env,
                Log::info);
        if (result.exitCode() != 0) {
            throw new InvokeAIServerException("provisioning InvokeAI " + invokeaiVersion + " failed (exit "
                    + result.exitCode() + "):" + System.lineSeparator()
                    + ServerLog.tail(result.lines(), 60));
        }
        Path venv = result.lines().stream()
                .filter(line -> line.startsWith(VENV_PREFIX))
                .reduce((first, second) -> second)
                .map(line -> Path.of(line.substring(VENV_PREFIX.length()).strip()))
                .orElseThrow(() -> new InvokeAIServerException("provision.py printed no " + VENV_PREFIX + " line:"
                        + System.lineSeparator() + ServerLog.tail(result.lines(), 60)));
        if (!Files.isExecutable(venvPython(venv))) {
            throw new InvokeAIServerException("provisioned venv " + venv + " has no bin/python");
        }
        Log.info("provisioned InvokeAI " + invokeaiVersion + " in " + Log.seconds(System.nanoTime() - started) + ": "
                + venv.getFileName());
        return venv;
    }

    /** {@code $INVOKEAI_TESTKIT_PYTHON}, else {@code python3} from the PATH. */
    public static String defaultPython() {
        String python = System.getenv(PYTHON_ENV);
        return python == null || python.isBlank() ? "python3" : python.strip();
    }

    public static Path venvPython(Path venv) {
        return venv.resolve("bin").resolve("python");
    }
}
