// kgforge test harness: where Gephi's preview will draw each node label, edge label and node disc,
// in preview coordinates (x right, y down = -graph y), computed the way Gephi 0.10.1's
// NodeLabelRenderer / EdgeLabelRenderer / curved EdgeRenderer place them. The layout uses the
// boxes to give LabelAdjust the label sizes and to count the overlaps left; the renderer uses
// their union as the view box (Gephi's own canvas size ignores labels).
package kgforge.gephicheck;

import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gephi.graph.api.Edge;
import org.gephi.graph.api.Graph;
import org.gephi.graph.api.Node;

final class LabelBoxes {
    /** Counts of overlapping pairs. */
    record Overlaps(int nodeLabels, int edgeLabels, int edgeAndNodeLabels, int labelsOnDiscs,
            int edgesThroughLabels) {
        /** Labels on labels or discs: text that cannot be read. */
        int hidden() {
            return nodeLabels + edgeLabels + edgeAndNodeLabels + labelsOnDiscs;
        }

        int total() {
            return hidden() + edgesThroughLabels;
        }
    }

    static final int SEGMENTS = 24;

    final Font nodeFont;
    final Font edgeFont;
    final float curveness;
    /** Space kept free around each label (the white outline and some air). */
    final float pad;
    private final FontMetrics nodeMetrics;
    private final FontMetrics edgeMetrics;
    // Layout asks for the same widths many thousand times; shaping complex scripts is slow.
    private final Map<String, Integer> widths = new HashMap<>();
    private final Map<String, Integer> edgeWidths = new HashMap<>();

    LabelBoxes(Font nodeFont, Font edgeFont, float curveness, float pad) {
        this.nodeFont = nodeFont;
        this.edgeFont = edgeFont;
        this.curveness = curveness;
        this.pad = pad;
        Graphics2D g = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB).createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        nodeMetrics = g.getFontMetrics(nodeFont);
        edgeMetrics = g.getFontMetrics(edgeFont);
        g.dispose();
    }

    float nodeLabelWidth(Node n) {
        return n.getLabel() == null ? 0f : widths.computeIfAbsent(n.getLabel(), nodeMetrics::stringWidth);
    }

    float nodeLabelHeight() {
        return nodeMetrics.getAscent() + nodeMetrics.getDescent();
    }

    float edgeLabelWidth(Edge e) {
        return e.getLabel() == null ? 0f : edgeWidths.computeIfAbsent(e.getLabel(), edgeMetrics::stringWidth);
    }

    /** NodeLabelRenderer: centred on x, baseline at y + descent. Null without a label. */
    Rectangle2D.Float nodeLabel(Node n) {
        if (n.getLabel() == null || n.getLabel().isBlank()) {
            return null;
        }
        float w = nodeLabelWidth(n);
        float x = n.x();
        float y = -n.y();
        float top = y + nodeMetrics.getDescent() - nodeMetrics.getAscent();
        return new Rectangle2D.Float(x - w / 2f - pad, top - pad, w + 2f * pad, nodeLabelHeight() + 2f * pad);
    }

    /** The node disc: NodeRenderer draws node size as its radius. */
    static Rectangle2D.Float disc(Node n) {
        float r = n.size();
        return new Rectangle2D.Float(n.x() - r, -n.y() - r, 2f * r, 2f * r);
    }

    /** The drawn edge as a polyline of SEGMENTS pieces: {x0, y0, x1, y1, ...}. */
    float[] curve(Edge e) {
        float x1 = e.getSource().x();
        float y1 = -e.getSource().y();
        float x2 = e.getTarget().x();
        float y2 = -e.getTarget().y();
        float len = (float) Math.hypot(x2 - x1, y2 - y1);
        float[] pts = new float[2 * (SEGMENTS + 1)];
        float dx = len > 0f ? (x2 - x1) / len : 0f;
        float dy = len > 0f ? (y2 - y1) / len : 0f;
        float f = curveness * len;
        // EdgeRenderer's cubic Bezier: control points f along the edge from each end, f across it.
        float c1x = x1 + dx * f + dy * f;
        float c1y = y1 + dy * f - dx * f;
        float c2x = x2 - dx * f + dy * f;
        float c2y = y2 - dy * f - dx * f;
        for (int i = 0; i <= SEGMENTS; i++) {
            float t = i / (float) SEGMENTS;
            float u = 1f - t;
            pts[2 * i] = u * u * u * x1 + 3f * u * u * t * c1x + 3f * u * t * t * c2x + t * t * t * x2;
            pts[2 * i + 1] = u * u * u * y1 + 3f * u * u * t * c1y + 3f * u * t * t * c2y + t * t * t * y2;
        }
        return pts;
    }

    /** The point of the polyline nearest to (px, py), or null if the polyline misses box r. */
    static float[] crossing(float[] pts, Rectangle2D.Float r, float px, float py) {
        boolean hit = false;
        float best = Float.POSITIVE_INFINITY;
        float bx = 0f;
        float by = 0f;
        for (int i = 0; i + 3 < pts.length; i += 2) {
            float ax = pts[i];
            float ay = pts[i + 1];
            float cx = pts[i + 2];
            float cy = pts[i + 3];
            hit |= r.intersectsLine(ax, ay, cx, cy);
            float vx = cx - ax;
            float vy = cy - ay;
            float l2 = vx * vx + vy * vy;
            float t = l2 > 0f ? Math.max(0f, Math.min(1f, ((px - ax) * vx + (py - ay) * vy) / l2)) : 0f;
            float qx = ax + t * vx;
            float qy = ay + t * vy;
            float d = (qx - px) * (qx - px) + (qy - py) * (qy - py);
            if (d < best) {
                best = d;
                bx = qx;
                by = qy;
            }
        }
        return hit ? new float[] {bx, by} : null;
    }

    /** EdgeLabelRenderer: centred on the middle of the (curved) edge, baseline at y + ascent / 2. */
    Rectangle2D.Float edgeLabel(Edge e) {
        if (e.getLabel() == null || e.getLabel().isBlank() || e.isSelfLoop()) {
            return null;
        }
        float x1 = e.getSource().x();
        float y1 = -e.getSource().y();
        float x2 = e.getTarget().x();
        float y2 = -e.getTarget().y();
        float mx = (x1 + x2) / 2f;
        float my = (y1 + y2) / 2f;
        float len = (float) Math.hypot(x2 - x1, y2 - y1);
        if (curveness > 0f && len > 0f) {
            // Cubic Bezier with both control points offset by curveness * length along the normal
            // (dy, -dx): its middle lies 3/4 of that offset away from the chord's middle.
            float dx = (x2 - x1) / len;
            float dy = (y2 - y1) / len;
            mx += 0.75f * curveness * len * dy;
            my += 0.75f * curveness * len * -dx;
        }
        float w = edgeLabelWidth(e);
        float baseline = my + edgeMetrics.getAscent() / 2f;
        float top = baseline - edgeMetrics.getAscent();
        return new Rectangle2D.Float(mx - w / 2f - pad, top - pad, w + 2f * pad,
                edgeMetrics.getAscent() + edgeMetrics.getDescent() + 2f * pad);
    }

    Overlaps overlaps(Graph g) {
        return overlaps(Arrays.asList(g.getNodes().toArray()), g.getEdges().toArray());
    }

    /** The overlaps among these nodes and edges only (one component of the drawing, say). */
    Overlaps overlaps(List<Node> nodes, Edge[] edges) {
        List<Rectangle2D.Float> nodeLabels = new ArrayList<>();
        List<Node> labelled = new ArrayList<>();
        for (Node n : nodes) {
            Rectangle2D.Float r = nodeLabel(n);
            if (r != null) {
                nodeLabels.add(r);
                labelled.add(n);
            }
        }
        List<Rectangle2D.Float> edgeLabels = new ArrayList<>();
        for (Edge e : edges) {
            Rectangle2D.Float r = edgeLabel(e);
            if (r != null) {
                edgeLabels.add(r);
            }
        }
        int nn = 0;
        for (int i = 0; i < nodeLabels.size(); i++) {
            for (int j = i + 1; j < nodeLabels.size(); j++) {
                nn += nodeLabels.get(i).intersects(nodeLabels.get(j)) ? 1 : 0;
            }
        }
        int ee = 0;
        for (int i = 0; i < edgeLabels.size(); i++) {
            for (int j = i + 1; j < edgeLabels.size(); j++) {
                ee += edgeLabels.get(i).intersects(edgeLabels.get(j)) ? 1 : 0;
            }
        }
        int en = 0;
        for (Rectangle2D.Float a : edgeLabels) {
            for (Rectangle2D.Float b : nodeLabels) {
                en += a.intersects(b) ? 1 : 0;
            }
        }
        // A label over another node's disc hides that node (its own disc is under it by design).
        int ld = 0;
        for (Node n : nodes) {
            Rectangle2D.Float d = disc(n);
            for (int i = 0; i < nodeLabels.size(); i++) {
                if (labelled.get(i) != n && nodeLabels.get(i).intersects(d)) {
                    ld++;
                }
            }
            for (Rectangle2D.Float a : edgeLabels) {
                ld += a.intersects(d) ? 1 : 0;
            }
        }
        // An edge drawn through a label it has nothing to do with (not its own, not its ends').
        int through = 0;
        for (Edge f : edges) {
            float[] pts = curve(f);
            for (int i = 0; i < nodeLabels.size(); i++) {
                Node n = labelled.get(i);
                Rectangle2D.Float r = nodeLabels.get(i);
                if (n != f.getSource() && n != f.getTarget()
                        && crossing(pts, r, (float) r.getCenterX(), (float) r.getCenterY()) != null) {
                    through++;
                }
            }
            for (Edge e : edges) {
                Rectangle2D.Float r = e == f ? null : edgeLabel(e);
                if (r != null && crossing(pts, r, (float) r.getCenterX(), (float) r.getCenterY()) != null) {
                    through++;
                }
            }
        }
        return new Overlaps(nn, ee, en, ld, through);
    }

    /** Pairs of edges without a common end whose curves cross. */
    int crossings(Graph g) {
        Edge[] edges = g.getEdges().toArray();
        float[][] curves = new float[edges.length][];
        for (int i = 0; i < edges.length; i++) {
            curves[i] = curve(edges[i]);
        }
        int count = 0;
        for (int i = 0; i < edges.length; i++) {
            for (int j = i + 1; j < edges.length; j++) {
                Edge a = edges[i];
                Edge b = edges[j];
                if (a.getSource() == b.getSource() || a.getSource() == b.getTarget()
                        || a.getTarget() == b.getSource() || a.getTarget() == b.getTarget()) {
                    continue;
                }
                count += cross(curves[i], curves[j]) ? 1 : 0;
            }
        }
        return count;
    }

    private static boolean cross(float[] p, float[] q) {
        for (int i = 0; i + 3 < p.length; i += 2) {
            for (int j = 0; j + 3 < q.length; j += 2) {
                if (java.awt.geom.Line2D.linesIntersect(p[i], p[i + 1], p[i + 2], p[i + 3], q[j], q[j + 1],
                        q[j + 2], q[j + 3])) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Union of every label box, disc and curve, grown by margin on each side: {minX, minY, maxX, maxY}. */
    float[] viewBox(Graph g, float margin) {
        Rectangle2D.Float all = null;
        List<Rectangle2D.Float> parts = new ArrayList<>();
        for (Node n : g.getNodes()) {
            parts.add(disc(n));
            Rectangle2D.Float r = nodeLabel(n);
            if (r != null) {
                parts.add(r);
            }
        }
        for (Edge e : g.getEdges()) {
            Rectangle2D.Float r = edgeLabel(e);
            if (r != null) {
                parts.add(r);
            }
            float[] pts = curve(e);
            for (int i = 0; i + 1 < pts.length; i += 2) {
                parts.add(new Rectangle2D.Float(pts[i], pts[i + 1], 0f, 0f));
            }
        }
        for (Rectangle2D.Float r : parts) {
            if (all == null) {
                all = new Rectangle2D.Float(r.x, r.y, r.width, r.height);
            } else {
                all.add(r);
            }
        }
        if (all == null) {
            return new float[] {-1f, -1f, 1f, 1f};
        }
        return new float[] {all.x - margin, all.y - margin, all.x + all.width + margin, all.y + all.height + margin};
    }
}
