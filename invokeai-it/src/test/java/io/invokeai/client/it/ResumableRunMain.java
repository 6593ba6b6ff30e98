package io.invokeai.client.it;

import io.invokeai.client.InvokeAIClient;
import io.invokeai.client.ResumableRun;
import io.invokeai.client.RunReport;
import io.invokeai.client.Sweep;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The client side of {@link ResumableRunIT}, run in its own JVM so that the test can kill it: a resumable sweep of
 * the model-free {@code sweep-blank} workflow, one line per saved item on stdout.
 *
 * <pre>ResumableRunMain BASE_URL DIRECTORY WIDTHS</pre>
 */
public final class ResumableRunMain {
    private ResumableRunMain() {}

    /** The sweep both the child and the test run: {@code widths} widths times three blur radii. */
    static Sweep sweep(InvokeAIClient client, int widths) {
        List<Integer> values = new ArrayList<>();
        for (int i = 0; i < widths; i++) {
            values.add(16 + 8 * i);
        }
        return client.workflowFromJson(Resources.text("workflows/sweep-blank.json"))
                .sweep()
                .vary("Width", values)
                .vary("Blur Radius", 0.5, 1.0, 1.5);
    }

    public static void main(String[] args) {
        try (InvokeAIClient client = InvokeAIClient.builder().baseUrl(args[0]).build()) {
            ResumableRun run = sweep(client, Integer.parseInt(args[2])).resumable(Path.of(args[1]));
            run.onResult(r -> {
                System.out.println("saved " + r.index() + " " + r.files());
                System.out.flush();
            });
            RunReport report = run.run(Duration.ofMinutes(5));
            System.out.println("report " + report);
        }
    }
}
