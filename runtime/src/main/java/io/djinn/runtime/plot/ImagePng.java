package io.djinn.runtime.plot;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import io.djinn.api.UsageException;
import io.djinn.runtime.render.ImageRenderer;
import java.awt.image.BufferedImage;

/**
 * An NDArray image (HW, HWC or CHW with 1, 3 or 4 channels) as a PNG. Values in [0, 1] are scaled to
 * [0, 255]; other values are clipped to [0, 255].
 */
final class ImagePng {

    private ImagePng() {}

    static String base64(NDArray image) {
        Shape shape = image.getShape();
        int rank = shape.dimension();
        int height;
        int width;
        int channels;
        boolean channelsFirst;
        if (rank == 2) {
            height = (int) shape.get(0);
            width = (int) shape.get(1);
            channels = 1;
            channelsFirst = false;
        } else if (rank == 3 && isChannels(shape.get(2))) {
            height = (int) shape.get(0);
            width = (int) shape.get(1);
            channels = (int) shape.get(2);
            channelsFirst = false;
        } else if (rank == 3 && isChannels(shape.get(0))) {
            channels = (int) shape.get(0);
            height = (int) shape.get(1);
            width = (int) shape.get(2);
            channelsFirst = true;
        } else {
            throw new UsageException("image needs an NDArray of shape (H, W), (H, W, C) or (C, H, W) with C = 1, 3"
                    + " or 4; got " + shape);
        }
        double[] values = Series.doubles(image);
        double max = 0;
        for (double value : values) {
            max = Math.max(max, value);
        }
        double scale = max <= 1.0 ? 255.0 : 1.0;
        BufferedImage picture = new BufferedImage(width, height,
                channels == 4 ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int[] rgba = new int[4];
                rgba[3] = 255;
                for (int c = 0; c < channels; c++) {
                    int index = channelsFirst ? (c * height + y) * width + x : (y * width + x) * channels + c;
                    rgba[c] = (int) Math.max(0, Math.min(255, Math.round(values[index] * scale)));
                }
                if (channels == 1) {
                    rgba[1] = rgba[0];
                    rgba[2] = rgba[0];
                }
                picture.setRGB(x, y, rgba[3] << 24 | rgba[0] << 16 | rgba[1] << 8 | rgba[2]);
            }
        }
        return ImageRenderer.pngBase64(picture);
    }

    private static boolean isChannels(long size) {
        return size == 1 || size == 3 || size == 4;
    }
}
