package io.invokeai.client.examples;

import io.invokeai.client.ClientWorkflow;
import io.invokeai.client.InvokeAIClient;
import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Prints the exact enqueue request a submit would send, for debugging and for diffing against what the GUI sends.
 * Offline (bundled schema) unless {@code --url} is given. Nothing is enqueued.
 *
 * <pre>
 * DryRun WORKFLOW.json [--url URL] [--inputs] [--set NAME=VALUE]...
 * </pre>
 *
 * Values are read as integers, decimals or booleans when they look like one, else as text.
 */
public final class DryRun {
    private DryRun() {}

    public static void main(String[] args) {
        if (args.length == 0) {
            System.err.println("usage: DryRun WORKFLOW.json [--url URL] [--inputs] [--set NAME=VALUE]...");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        String url = null;
        boolean listInputs = false;
        List<String[]> sets = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--url" -> url = args[++i];
                case "--inputs" -> listInputs = true;
                case "--set" -> {
                    String kv = args[++i];
                    int eq = kv.indexOf('=');
                    if (eq < 1) {
                        throw new IllegalArgumentException("--set expects NAME=VALUE, got '" + kv + "'");
                    }
                    sets.add(new String[] {kv.substring(0, eq), kv.substring(eq + 1)});
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        try (InvokeAIClient client = url == null
                ? InvokeAIClient.offline()
                : InvokeAIClient.builder().baseUrl(url).events(false).build()) {
            ClientWorkflow workflow = client.workflow(file);
            for (String[] kv : sets) {
                workflow.set(kv[0], parse(kv[1]));
            }
            if (listInputs) {
                System.err.println(workflow.describeInputs());
            }
            var out = new StringWriter();
            try (var writer = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true))
                    .createWriter(out)) {
                writer.write(workflow.dryRun());
            }
            System.out.println(out.toString().strip());
        }
    }

    static Object parse(String text) {
        if (text.matches("-?\\d{1,18}")) {
            return Long.parseLong(text);
        }
        if (text.matches("-?\\d*\\.\\d+([eE]-?\\d+)?")) {
            return new java.math.BigDecimal(text);
        }
        if (text.equals("true") || text.equals("false")) {
            return Boolean.parseBoolean(text);
        }
        return text;
    }
}
