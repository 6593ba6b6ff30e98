package io.invokeai.client.internal;

import io.invokeai.client.InvokeAIException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;

/** Decodes downloaded image bytes. */
public final class ImageCodec {
    private ImageCodec() {}

    public static BufferedImage decode(String imageName, byte[] bytes) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
            if (image == null) {
                throw new InvokeAIException("Image '" + imageName + "' is not in a format ImageIO can decode");
            }
            return image;
        } catch (IOException e) {
            throw new InvokeAIException("Cannot decode image '" + imageName + "'", e);
        }
    }
}
