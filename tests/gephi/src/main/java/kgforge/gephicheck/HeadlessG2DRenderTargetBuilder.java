// kgforge test harness. Gephi 0.10.1's own "g2d" render target asks the screen device for a
// compatible image (GraphicsEnvironment.getDefaultScreenDevice()), which throws HeadlessException
// under -Djava.awt.headless=true, so PNGExporter cannot run on a server/CI machine. This builder
// registers an off-screen "g2d" target first (META-INF/services, #position=1): it draws into a
// plain BufferedImage and lets Gephi's own preview renderers (nodes, edges, arrows, labels) paint
// into it through PreviewController.render; PNGExporter then writes that image unchanged.
package kgforge.gephicheck;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Image;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import org.gephi.preview.api.CanvasSize;
import org.gephi.preview.api.G2DTarget;
import org.gephi.preview.api.Item;
import org.gephi.preview.api.PreviewController;
import org.gephi.preview.api.PreviewModel;
import org.gephi.preview.api.PreviewProperty;
import org.gephi.preview.api.RenderTarget;
import org.gephi.preview.api.Vector;
import org.gephi.preview.spi.RenderTargetBuilder;
import org.gephi.preview.spi.Renderer;
import org.openide.util.Lookup;

public final class HeadlessG2DRenderTargetBuilder implements RenderTargetBuilder {
    /** Preview property: float[] {minX, minY, maxX, maxY} to show, in preview coordinates. */
    static final String VIEW_BOX = "kgforge.view-box";

    @Override
    public RenderTarget buildRenderTarget(PreviewModel model) {
        Object w = model.getProperties().getValue("width");
        Object h = model.getProperties().getValue("height");
        int width = w instanceof Integer i ? Math.max(1, i) : 1024;
        int height = h instanceof Integer i ? Math.max(1, i) : 768;
        return new Target(model, width, height);
    }

    @Override
    public String getName() {
        return RenderTarget.G2D_TARGET;
    }

    /**
     * Bounds of the drawing: nodes and edges, plus labels clipped to that box grown by half its
     * size on each side (so one 10,000-character label cannot shrink the graph to a dot).
     * (PreviewModel.getGraphicsCanvasSize() in 0.10.1 also starts its max at Float.MIN_VALUE, the
     * smallest positive float, so a drawing lying entirely at negative y ends up off-centre.)
     */
    static CanvasSize drawingBounds(PreviewModel model) {
        float[] core = bounds(model, new String[] {Item.NODE, Item.EDGE}, null);
        if (core == null) {
            return model.getGraphicsCanvasSize();
        }
        float gw = Math.max(core[2] - core[0], 1f) / 2f;
        float gh = Math.max(core[3] - core[1], 1f) / 2f;
        float[] clip = {core[0] - gw, core[1] - gh, core[2] + gw, core[3] + gh};
        float[] labels = bounds(model, new String[] {Item.NODE_LABEL, Item.EDGE_LABEL}, clip);
        if (labels != null) {
            core[0] = Math.min(core[0], labels[0]);
            core[1] = Math.min(core[1], labels[1]);
            core[2] = Math.max(core[2], labels[2]);
            core[3] = Math.max(core[3], labels[3]);
        }
        return new CanvasSize(core[0], core[1], core[2] - core[0], core[3] - core[1]);
    }

    /** {minX, minY, maxX, maxY} of the items of the given types, optionally clipped; null if none. */
    private static float[] bounds(PreviewModel model, String[] types, float[] clip) {
        float x1 = Float.POSITIVE_INFINITY;
        float y1 = Float.POSITIVE_INFINITY;
        float x2 = Float.NEGATIVE_INFINITY;
        float y2 = Float.NEGATIVE_INFINITY;
        for (Renderer r : model.getManagedEnabledRenderers()) {
            for (String type : types) {
                for (Item item : model.getItems(type)) {
                    if (!r.isRendererForitem(item, model.getProperties())) {
                        continue;
                    }
                    CanvasSize c = r.getCanvasSize(item, model.getProperties());
                    if (c == null || !Float.isFinite(c.getX()) || !Float.isFinite(c.getMaxX())
                            || !Float.isFinite(c.getY()) || !Float.isFinite(c.getMaxY())
                            || (c.getWidth() == 0f && c.getHeight() == 0f)) { // "no extent" default
                        continue;
                    }
                    float a = c.getX();
                    float b = c.getY();
                    float cmax = c.getMaxX();
                    float dmax = c.getMaxY();
                    if (clip != null) {
                        a = Math.max(a, clip[0]);
                        b = Math.max(b, clip[1]);
                        cmax = Math.min(cmax, clip[2]);
                        dmax = Math.min(dmax, clip[3]);
                        if (a > cmax || b > dmax) {
                            continue;
                        }
                    }
                    x1 = Math.min(x1, a);
                    y1 = Math.min(y1, b);
                    x2 = Math.max(x2, cmax);
                    y2 = Math.max(y2, dmax);
                }
            }
        }
        return (x2 >= x1 && y2 >= y1) ? new float[] {x1, y1, x2, y2} : null;
    }

    static final class Target implements G2DTarget {
        private final PreviewModel model;
        private int width;
        private int height;
        private BufferedImage image;
        private Graphics2D g2;
        private final Vector translate = new Vector();
        private float scaling = 1f;

        Target(PreviewModel model, int width, int height) {
            this.model = model;
            resize(width, height);
        }

        @Override
        public Graphics2D getGraphics() {
            return g2;
        }

        @Override
        public Image getImage() {
            return image;
        }

        @Override
        public int getWidth() {
            return width;
        }

        @Override
        public int getHeight() {
            return height;
        }

        @Override
        public void resize(int w, int h) {
            width = Math.max(1, w);
            height = Math.max(1, h);
            if (g2 != null) {
                g2.dispose();
            }
            image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
            g2 = image.createGraphics();
            g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g2.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g2.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g2.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        }

        @Override
        public void setMoving(boolean moving) {}

        @Override
        public Vector getTranslate() {
            return translate;
        }

        @Override
        public float getScaling() {
            return scaling;
        }

        @Override
        public void setScaling(float s) {
            scaling = s;
        }

        @Override
        public void reset() {
            scaling = 1f;
            translate.set(0f, 0f);
        }

        @Override
        public void refresh() {
            // Clear to the preview background (transparent if the exporter asked for it).
            g2.setTransform(new AffineTransform());
            Color bg = model.getProperties().getColorValue(PreviewProperty.BACKGROUND_COLOR);
            g2.setComposite(java.awt.AlphaComposite.Src);
            g2.setColor(bg != null ? bg : new Color(0, 0, 0, 0));
            g2.fillRect(0, 0, width, height);
            g2.setComposite(java.awt.AlphaComposite.SrcOver);

            // Fit the whole drawing (Gephi's canvas bounds incl. labels) into the image, with the
            // exporter's margin (percent of the drawing size), centred.
            CanvasSize cs = drawingBounds(model);
            float margin = 0f;
            Object m = model.getProperties().getValue(PreviewProperty.MARGIN);
            if (m instanceof Number n) {
                margin = n.floatValue() / 100f;
            }
            // An explicit view box (the picture's, which knows where the labels are) wins.
            if (model.getProperties().getValue(VIEW_BOX) instanceof float[] box && box.length == 4) {
                cs = new CanvasSize(box[0], box[1], box[2] - box[0], box[3] - box[1]);
                margin = 0f;
            }
            if (Boolean.getBoolean("kgforge.debug")) {
                System.err.printf("canvas x=%f y=%f w=%f h=%f%n", cs.getX(), cs.getY(), cs.getWidth(), cs.getHeight());
            }
            float cw = Math.max(cs.getWidth(), 1e-3f) * (1f + 2f * margin);
            float ch = Math.max(cs.getHeight(), 1e-3f) * (1f + 2f * margin);
            scaling = Math.min(width / cw, height / ch);
            float cx = cs.getX() + cs.getWidth() / 2f;
            float cy = cs.getY() + cs.getHeight() / 2f;
            translate.set(width / 2f / scaling - cx, height / 2f / scaling - cy);
            g2.translate(width / 2.0, height / 2.0);
            g2.scale(scaling, scaling);
            g2.translate(-cx, -cy);

            Lookup.getDefault().lookup(PreviewController.class).render(this);
        }
    }
}
