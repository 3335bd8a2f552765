package io.djinn.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

class RenderersTest {

    @Test
    void plainObjectsAndNullAreText() {
        assertEquals("{\"data\":{\"text/plain\":\"42\"},\"metadata\":{}}", Renderers.render(42, List.of()).toJson());
        assertEquals("null", Renderers.render(null, List.of()).data().get(MimeBundle.TEXT));
    }

    @Test
    void arraysShowTheirContents() {
        assertEquals("[1, 2, 3]", Renderers.render(new int[] {1, 2, 3}, List.of()).toString());
        assertEquals("[[a], [b, c]]", Renderers.render(new String[][] {{"a"}, {"b", "c"}}, List.of()).toString());
    }

    @Test
    void mimeTypesCanBeRestricted() {
        MimeBundle bundle = MimeBundle.html("<b>x</b>", "x");
        assertEquals(List.of(MimeBundle.HTML), List.copyOf(Renderers.render(bundle, List.of(MimeBundle.HTML)).data().keySet()));
    }

    @Test
    void aStringAskedForAsAMimeTypeIsThatRepresentation() {
        MimeBundle bundle = Renderers.render("<b>bold</b>", List.of(MimeBundle.HTML));
        assertEquals(java.util.Map.of(MimeBundle.HTML, "<b>bold</b>"), bundle.data());
        assertEquals("<b>bold</b>", Renderers.render("<b>bold</b>", List.of()).data().get(MimeBundle.TEXT));
    }

    @Test
    void aMimeTypeTheValueCannotBeShownAsIsAClearError() {
        UsageException error = org.junit.jupiter.api.Assertions.assertThrows(UsageException.class,
                () -> Renderers.render(42, List.of(MimeBundle.HTML)));
        assertEquals("cannot show java.lang.Integer as text/html; it can be shown as text/plain", error.getMessage());
    }

    @Test
    void imagesArePngs() throws Exception {
        java.awt.image.BufferedImage picture = new java.awt.image.BufferedImage(3, 2, java.awt.image.BufferedImage.TYPE_INT_RGB);
        picture.setRGB(1, 1, 0xff0000);
        MimeBundle bundle = Renderers.render(picture, List.of());
        assertEquals("BufferedImage 3×2", bundle.data().get(MimeBundle.TEXT));
        byte[] png = java.util.Base64.getDecoder().decode((String) bundle.data().get(MimeBundle.PNG));
        java.awt.image.BufferedImage decoded = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png));
        assertEquals(0xff0000, decoded.getRGB(1, 1) & 0xffffff);

        ai.djl.modality.cv.Image djlImage = ai.djl.modality.cv.ImageFactory.getInstance().fromImage(picture);
        MimeBundle djl = Renderers.render(djlImage, List.of());
        assertTrue(((String) djl.data().get(MimeBundle.TEXT)).endsWith(" 3×2"), djl.toString());
        byte[] djlPng = java.util.Base64.getDecoder().decode((String) djl.data().get(MimeBundle.PNG));
        assertEquals(0xff0000, javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(djlPng)).getRGB(1, 1) & 0xffffff);
    }

    @Test
    void registeredRenderersComeFirstAndBrokenOnesAreSkipped() {
        Renderers.register(new Renderer() {
            @Override public boolean canRender(Object value) { return value instanceof StringBuilder; }
            @Override public MimeBundle render(Object value) { throw new IllegalStateException("broken"); }
        });
        Renderers.register(new Renderer() {
            @Override public boolean canRender(Object value) { return value instanceof Character; }
            @Override public MimeBundle render(Object value) { return MimeBundle.text("char " + value); }
        });
        assertEquals("char q", Renderers.render('q', List.of()).toString());
        assertEquals("still text", Renderers.render(new StringBuilder("still text"), List.of()).toString());
    }

    @Test
    void tableShowsHeadTailAndSize() {
        Table table = Table.create("metrics", IntColumn.create("epoch", java.util.stream.IntStream.range(0, 12).toArray()),
                DoubleColumn.create("loss", java.util.stream.IntStream.range(0, 12).mapToDouble(i -> i / 2.0).toArray()));
        String html = (String) Renderers.render(table, List.of()).data().get(MimeBundle.HTML);
        assertTrue(html.contains("<b>metrics</b>"));
        assertTrue(html.contains("<th>4</th>") && html.contains("<th>7</th>") && html.contains("<th>11</th>"), html);
        assertFalse(html.contains("<th>5</th>") || html.contains("<th>6</th>"), html);
        assertTrue(html.contains("12 rows × 2 columns"));
        assertTrue(html.contains("title=\"DOUBLE\""), html);
    }

    @Test
    void tableCellsAreEscaped() {
        Table table = Table.create("t", tech.tablesaw.api.StringColumn.create("s", "<script>"));
        String html = (String) Renderers.render(table, List.of()).data().get(MimeBundle.HTML);
        assertTrue(html.contains("&lt;script&gt;") && !html.contains("<script>"), html);
    }

    @Test
    void ndarrayShowsShapeTypeDeviceAndValues() {
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            NDArray array = manager.arange(6f).reshape(2, 3);
            MimeBundle bundle = Renderers.render(array, List.of());
            String text = bundle.toString();
            assertTrue(text.startsWith("NDArray (2, 3) float32 on cpu()"), text);
            assertTrue(text.contains("5."), text);
            assertTrue(((String) bundle.data().get(MimeBundle.HTML)).contains("<code>(2, 3)</code>"));
            array.close();
            assertEquals("NDArray (closed)", Renderers.render(array, List.of()).toString());
            NDArray big = manager.arange(1_000_000f).reshape(1000, 1000);
            String abbreviated = Renderers.render(big, List.of()).toString();
            assertTrue(abbreviated.length() < 2000, "not abbreviated: " + abbreviated.length() + " chars");
            assertTrue(abbreviated.startsWith("NDArray (1000, 1000) float32 on cpu()\nfirst values, [0:6, 0:12]:"),
                    abbreviated);
            assertTrue(abbreviated.contains("1.00100000e+03"), abbreviated); // row 1, column 1 of the corner
        }
    }
}
