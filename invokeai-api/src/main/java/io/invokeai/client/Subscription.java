package io.invokeai.client;

import java.time.Duration;
import java.util.Iterator;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A live sequence of events or results that ends when its source does (a job finishes, every item of a sweep has
 * a result). {@link #next()} blocks until the next element arrives; {@link #poll(Duration)} waits at most a given
 * time. One consumer at a time; elements are handed out once and not kept. {@link #close()} stops early (the source
 * itself goes on).
 *
 * <pre>{@code
 * try (Subscription<ProgressEvent> progress = job.progress()) {
 *     progress.forEachRemaining(p -> System.out.println(p.step().orElse(0) + "/" + p.totalSteps().orElse(0)));
 * }
 * }</pre>
 */
public interface Subscription<T> extends Iterator<T>, AutoCloseable {

    /** Blocks until the next element is available or the sequence ends; {@code false} at the end. */
    @Override
    boolean hasNext();

    /** The next element, waiting for it as long as the source runs. */
    @Override
    T next();

    /**
     * The next element, waiting at most {@code timeout}; empty if none came in time or the sequence ended (then
     * {@link #isFinished()} is true).
     */
    Optional<T> poll(Duration timeout);

    /** True once the source ended and every element was handed out, or after {@link #close()}. */
    boolean isFinished();

    /** Stops the subscription; elements not yet handed out are dropped. */
    @Override
    void close();

    /** The remaining elements as a sequential stream; closing the stream closes the subscription. */
    default Stream<T> stream() {
        return StreamSupport.stream(
                        Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED | Spliterator.NONNULL), false)
                .onClose(this::close);
    }
}
