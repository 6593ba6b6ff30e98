package io.invokeai.client.examples;

import io.invokeai.client.ClientWorkflow;
import io.invokeai.client.InvokeAIClient;
import io.invokeai.client.InvokeAIImage;
import io.invokeai.client.JobResult;
import java.nio.file.Path;
import java.time.Duration;

/** The README's quick start, compiled so that it stays true. Args: server URL, workflow file, SDXL model name. */
public final class QuickStart {
    private QuickStart() {}

    public static void main(String[] args) {
        try (var client = InvokeAIClient.builder().baseUrl(args[0]).build()) {
            ClientWorkflow workflow = client.workflow(Path.of(args[1]));
            System.out.println(workflow.describeInputs()); // names, types, values, ranges
            workflow.set("Model", args[2]) // resolved on the server by name
                    .set("positive prompt", "a lighthouse at dusk")
                    .set("Width", 1024)
                    .set("Height", 1024)
                    .set("Steps", 30)
                    .set("Scheduler", "euler");
            JobResult result = workflow.submit().await(Duration.ofMinutes(10));
            for (InvokeAIImage image : result.images()) {
                System.out.println("saved " + image.saveTo(Path.of("out")));
            }
        }
    }
}
