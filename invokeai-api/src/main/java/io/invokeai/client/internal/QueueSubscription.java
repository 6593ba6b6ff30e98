package io.invokeai.client.internal;

import io.invokeai.client.InvokeAIException;
import io.invokeai.client.Subscription;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A {@link Subscription} fed by a producer: {@link #offer} elements, then {@link #end()}. Unbounded for elements
 * that must not be lost; when a capacity is given, droppable elements (e.g. progress updates) beyond it evict the
 * oldest droppable one, so a slow consumer never makes memory grow. Thread-safe; one consumer.
 */
public final class QueueSubscription<T> implements Subscription<T> {
    private final ArrayDeque<T> queue = new ArrayDeque<>();
    private final int droppableCapacity;
    private final Predicate<? super T> droppable;
    private int droppableCount;
    private boolean ended;
    private boolean closed;

    /** Keeps every element. */
    public QueueSubscription() {
        this(Integer.MAX_VALUE, t -> false);
    }

    /**
     * @param droppableCapacity how many droppable elements may wait; more evict the oldest droppable one
     * @param droppable which elements may be dropped
     */
    public QueueSubscription(int droppableCapacity, Predicate<? super T> droppable) {
        if (droppableCapacity < 1) {
            throw new IllegalArgumentException("droppableCapacity must be positive, was " + droppableCapacity);
        }
        this.droppableCapacity = droppableCapacity;
        this.droppable = droppable;
    }

    /** Adds an element; ignored after {@link #end()} or {@link #close()}. */
    public synchronized void offer(T element) {
        if (ended || closed || element == null) {
            return;
        }
        if (droppable.test(element)) {
            if (droppableCount >= droppableCapacity) {
                var it = queue.iterator();
                while (it.hasNext()) {
                    if (droppable.test(it.next())) {
                        it.remove();
                        droppableCount--;
                        break;
                    }
                }
            }
            droppableCount++;
        }
        queue.addLast(element);
        notifyAll();
    }

    /** Marks the end: the consumer gets what is queued, then the sequence ends. */
    public synchronized void end() {
        ended = true;
        notifyAll();
    }

    @Override
    public synchronized boolean hasNext() {
        while (queue.isEmpty() && !ended && !closed) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InvokeAIException("Interrupted while waiting", e);
            }
        }
        return !queue.isEmpty() && !closed;
    }

    @Override
    public synchronized T next() {
        if (!hasNext()) {
            throw new NoSuchElementException("The subscription has ended");
        }
        return take();
    }

    @Override
    public synchronized Optional<T> poll(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (queue.isEmpty() && !ended && !closed) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return Optional.empty();
            }
            try {
                long ms = left / 1_000_000;
                wait(ms, (int) (left % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InvokeAIException("Interrupted while waiting", e);
            }
        }
        return queue.isEmpty() || closed ? Optional.empty() : Optional.of(take());
    }

    private T take() {
        T element = queue.removeFirst();
        if (droppable.test(element)) {
            droppableCount--;
        }
        return element;
    }

    @Override
    public synchronized boolean isFinished() {
        return closed || (ended && queue.isEmpty());
    }

    @Override
    public synchronized void close() {
        closed = true;
        queue.clear();
        droppableCount = 0;
        notifyAll();
    }
}
