package io.invokeai.client.tasks.txt2img;

import io.invokeai.client.InvokeAIException;
import io.invokeai.client.InvokeAIField;
import io.invokeai.client.InvokeAIImage;
import io.invokeai.client.JobResult;
import io.invokeai.client.NodeOutput;
import jakarta.json.JsonNumber;
import java.util.List;
import java.util.Objects;

/**
 * The typed result of a generation recipe ({@code text-to-image}, {@code image-to-image}, {@code controlnet},
 * {@code ip-adapter}): the images it saved and the seed it used, which the recipe chose at random when none was
 * given.
 *
 * <pre>{@code
 * GenerationResult result = GenerationResult.of(task.submit().await(Duration.ofMinutes(5)));
 * result.image().saveTo(Path.of("out"));
 * System.out.println("seed " + result.seed());
 * }</pre>
 */
public final class GenerationResult {
    private final JobResult job;
    private final List<InvokeAIImage> images;
    private final long seed;

    private GenerationResult(JobResult job, List<InvokeAIImage> images, long seed) {
        this.job = job;
        this.images = List.copyOf(images);
        this.seed = seed;
    }

    /**
     * Reads a job of a generation recipe.
     *
     * @throws InvokeAIException if the job has no seed output (it did not come from a generation recipe)
     */
    public static GenerationResult of(JobResult job) {
        Objects.requireNonNull(job, "job");
        NodeOutput seedOutput = job.output(TextToImage.SEED_NODE)
                .orElseThrow(() -> new InvokeAIException("The job has no '" + TextToImage.SEED_NODE
                        + "' output: it was not run by a generation recipe"));
        long seed = seedOutput
                .field("value")
                .map(InvokeAIField::toJson)
                .filter(JsonNumber.class::isInstance)
                .map(j -> ((JsonNumber) j).longValueExact())
                .orElseThrow(() -> new InvokeAIException("The '" + TextToImage.SEED_NODE + "' output has no value"));
        return new GenerationResult(job, job.images(), seed);
    }

    /** The images the job saved to the gallery (one for the built-in recipes). */
    public List<InvokeAIImage> images() {
        return images;
    }

    /**
     * The image.
     *
     * @throws InvokeAIException if the job saved no image or several
     */
    public InvokeAIImage image() {
        if (images.size() != 1) {
            throw new InvokeAIException("The job saved " + images.size() + " images; use images()");
        }
        return images.get(0);
    }

    /** The seed the image was generated with. */
    public long seed() {
        return seed;
    }

    /** The job's full result (every node's output). */
    public JobResult job() {
        return job;
    }

    @Override
    public String toString() {
        return "GenerationResult[seed=" + seed + ", images="
                + images.stream().map(InvokeAIImage::imageName).toList() + "]";
    }
}
