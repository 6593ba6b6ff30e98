package io.invokeai.client;

import io.invokeai.client.internal.Futures;
import io.invokeai.client.internal.ImageCodec;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/**
 * An image stored on the server, e.g. a job's output. Heavy data travels by name: the bytes are downloaded only when
 * asked for.
 */
public interface InvokeAIImage {
    String imageName();

    CompletableFuture<byte[]> bytesAsync();

    /**
     * Saves the image into {@code directory} under its server name (sanitised so it can never escape the
     * directory), atomically: a reader never sees a partial file.
     */
    CompletableFuture<Path> saveToAsync(Path directory);

    default byte[] bytes() {
        return Futures.join(bytesAsync());
    }

    default Path saveTo(Path directory) {
        return Futures.join(saveToAsync(directory));
    }

    default BufferedImage toBufferedImage() {
        return ImageCodec.decode(imageName(), bytes());
    }
}
