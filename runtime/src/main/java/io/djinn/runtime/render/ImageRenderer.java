package io.djinn.runtime.render;

import ai.djl.modality.cv.Image;
import io.djinn.api.MimeBundle;
import io.djinn.api.Renderer;
import java.awt.image.RenderedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import javax.imageio.ImageIO;

/** A {@link RenderedImage} (a BufferedImage, say) or a DJL {@link Image} as a PNG, as IJava showed them. */
public final class ImageRenderer implements Renderer {

    @Override
    public boolean canRender(Object value) {
        return value instanceof RenderedImage || value instanceof Image;
    }

    @Override
    public MimeBundle render(Object value) {
        if (value instanceof RenderedImage image) {
            return new MimeBundle().put(MimeBundle.TEXT, describe(value, image.getWidth(), image.getHeight()))
                    .put(MimeBundle.PNG, pngBase64(image));
        }
        Image image = (Image) value;
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            image.save(png, "png");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new MimeBundle().put(MimeBundle.TEXT, describe(value, image.getWidth(), image.getHeight()))
                .put(MimeBundle.PNG, Base64.getEncoder().encodeToString(png.toByteArray()));
    }

    /** The image as a base64 PNG, as notebooks embed images. */
    public static String pngBase64(RenderedImage image) {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", png)) {
                throw new IllegalArgumentException("no PNG writer for this kind of image: " + image);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getEncoder().encodeToString(png.toByteArray());
    }

    private static String describe(Object image, int width, int height) {
        return image.getClass().getSimpleName() + " " + width + "×" + height;
    }
}
