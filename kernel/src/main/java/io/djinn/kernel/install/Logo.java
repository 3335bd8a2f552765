package io.djinn.kernel.install;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Draws the kernel's launcher logo at install time, so no binary image is kept in the repository. */
final class Logo {

    private static final Color BACKGROUND = new Color(0x4B, 0x2A, 0x86);
    private static final Color LETTERS = new Color(0xFF, 0xC8, 0x3D);

    private Logo() {}

    static void write(Path file, int size) throws IOException {
        System.setProperty("java.awt.headless", "true");
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(BACKGROUND);
            int arc = size / 4;
            g.fillRoundRect(0, 0, size, size, arc, arc);
            g.setColor(LETTERS);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, (int) (size * 0.5)));
            FontMetrics metrics = g.getFontMetrics();
            String text = "Dj";
            int x = (size - metrics.stringWidth(text)) / 2;
            int y = (size - metrics.getHeight()) / 2 + metrics.getAscent();
            g.drawString(text, x, y);
        } finally {
            g.dispose();
        }
        ImageIO.write(image, "png", file.toFile());
    }
}
