// kgforge test harness: lays the picture graph out so its labels can be read. Deterministic start
// (nodes on a spiral in id order), then the Toolkit's ForceAtlas 2 on one thread (no random in it)
// with overlap prevention (adjustSizes) against discs as wide as the labels, edges with long labels
// pulled less so they come out longer, then the Toolkit's LabelAdjust with the real label sizes.
// Edge labels, which no Gephi layout knows about, are then moved off other labels, discs and lines
// (pushing the ends of their edges); what still hides text is resolved by spreading that
// component's positions apart uniformly, a few percent at a time. Finally the components are
// packed (ComponentPacking).
package kgforge.gephicheck;

import java.awt.geom.Rectangle2D;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gephi.graph.api.Edge;
import org.gephi.graph.api.Graph;
import org.gephi.graph.api.GraphModel;
import org.gephi.graph.api.Node;
import org.gephi.layout.plugin.forceAtlas2.ForceAtlas2;
import org.gephi.layout.plugin.forceAtlas2.ForceAtlas2Builder;
import org.gephi.layout.plugin.labelAdjust.LabelAdjust;
import org.gephi.layout.plugin.labelAdjust.LabelAdjustBuilder;

final class PictureLayout {
    private static final double GOLDEN_ANGLE = Math.PI * (3.0 - Math.sqrt(5.0));

    /** One set of ForceAtlas 2 settings to try. */
    record Variant(double labelDisc, double scalingRatio, double gravity) {}

    // Tried in this order; the first best one wins ties. labelDisc: the share of its label's
    // width a node's disc gets during ForceAtlas 2 (wide labels need room, but circles as wide as
    // labels waste the space above and below them).
    static final Variant[] VARIANTS = {
        new Variant(0.5, 2.0, 3.0), new Variant(0.35, 2.0, 3.0), new Variant(0.25, 2.0, 3.0),
        new Variant(0.5, 1.0, 3.0), new Variant(0.35, 1.0, 3.0), new Variant(0.25, 1.0, 3.0),
    };
    /** Above this many nodes only the first variant runs (each try is a whole layout). */
    static final int SEARCH_LIMIT = 60;

    private final GraphModel gm;
    private final LabelBoxes boxes;
    private final long seed;
    private final boolean reseed;
    int fa2Iterations = 2000;
    int labelAdjustIterations = 3000;
    int edgeLabelRounds = 150;
    int maxSpreadRounds = 25;
    double spreadStep = 1.08;

    // Results (of the variant kept)
    int fa2Done;
    int labelAdjustDone;
    int edgeLabelDone;
    int spreadRounds;
    int components;
    double spread = 1.0;
    LabelBoxes.Overlaps overlaps;
    int crossings;
    Variant chosen;
    int tried;
    private Variant current;

    PictureLayout(GraphModel gm, LabelBoxes boxes, long seed, boolean reseed) {
        this.gm = gm;
        this.boxes = boxes;
        this.seed = seed;
        this.reseed = reseed;
    }

    /**
     * Lays the graph out with each variant from the same start and keeps the best drawing: no
     * hidden text first, then fewest lines through labels, then fewest crossing edges, then the
     * largest text once the drawing is scaled to the page (up to 1.1 times as tall as wide).
     */
    void run(float margin) {
        Graph g = gm.getGraph();
        Node[] nodes = g.getNodes().toArray();
        Arrays.sort(nodes, PictureGraph.byId());
        float[] bestPositions = null;
        double[] bestScore = null;
        PictureLayout keep = null;
        int count = g.getNodeCount() > SEARCH_LIMIT ? 1 : VARIANTS.length;
        for (int i = 0; i < count; i++) {
            PictureLayout attempt = new PictureLayout(gm, boxes, seed, reseed);
            attempt.current = VARIANTS[i];
            if (reseed) {
                SeededMathRandom.seed(seed + i); // each try the same, whatever ran before it
            }
            attempt.attempt(g, nodes);
            float[] box = boxes.viewBox(g, margin);
            double w = box[2] - box[0];
            double h = box[3] - box[1];
            double[] score = {attempt.overlaps.hidden(), attempt.overlaps.edgesThroughLabels(), boxes.crossings(g),
                Math.max(w, h / 1.1)};
            if (bestScore == null || Arrays.compare(score, bestScore) < 0) {
                bestScore = score;
                bestPositions = positions(nodes);
                keep = attempt;
            }
            tried++;
        }
        for (int i = 0; i < nodes.length; i++) {
            nodes[i].setX(bestPositions[2 * i]);
            nodes[i].setY(bestPositions[2 * i + 1]);
        }
        fa2Done = keep.fa2Done;
        labelAdjustDone = keep.labelAdjustDone;
        edgeLabelDone = keep.edgeLabelDone;
        spreadRounds = keep.spreadRounds;
        components = keep.components;
        spread = keep.spread;
        overlaps = boxes.overlaps(g);
        crossings = boxes.crossings(g);
        chosen = keep.current;
    }

    private void attempt(Graph g, Node[] nodes) {
        float labelHeight = boxes.nodeLabelHeight();
        for (int i = 0; i < nodes.length; i++) {
            double r = 3.0 * labelHeight * Math.sqrt(i + 0.5);
            nodes[i].setX((float) (r * Math.cos(i * GOLDEN_ANGLE)));
            nodes[i].setY((float) (r * Math.sin(i * GOLDEN_ANGLE)));
        }

        forceAtlas2(g, nodes);

        for (Node n : nodes) {
            n.getTextProperties().setDimensions(boxes.nodeLabelWidth(n) + 2f * boxes.pad,
                    boxes.nodeLabelHeight() + 2f * boxes.pad);
        }
        labelAdjust();
        // The pushes can cycle; keep the best positions seen (fewest hidden labels, then fewest
        // lines through labels; ties go to the earlier, less pushed, layout).
        overlaps = boxes.overlaps(g);
        float[] best = positions(nodes);
        LabelBoxes.Overlaps bestOverlaps = overlaps;
        for (int round = 0; round < edgeLabelRounds && overlaps.total() > 0; round++) {
            separateEdgeLabels(g, nodes);
            labelAdjust();
            edgeLabelDone++;
            overlaps = boxes.overlaps(g);
            if (score(overlaps) < score(bestOverlaps)) {
                best = positions(nodes);
                bestOverlaps = overlaps;
            }
        }
        for (int i = 0; i < nodes.length; i++) {
            nodes[i].setX(best[2 * i]);
            nodes[i].setY(best[2 * i + 1]);
        }
        // A line through a label leaves it readable (the label has a white outline) and spreading
        // does not remove crossings, so only hidden text makes a drawing spread; and only the
        // component where it is hidden, since the components are packed apart afterwards.
        List<List<Node>> parts = ComponentPacking.components(g, nodes);
        for (List<Node> part : parts) {
            Edge[] edges = edgesOf(g, part);
            LabelBoxes.Overlaps local = boxes.overlaps(part, edges);
            int rounds = 0;
            double factor = 1.0;
            while (local.hidden() > 0 && rounds < maxSpreadRounds) {
                if (Boolean.getBoolean("kgforge.debug")) {
                    System.err.println("spread round " + rounds + " of " + part.get(0).getId() + ": " + local);
                }
                double cx = 0.0;
                double cy = 0.0;
                for (Node n : part) {
                    cx += n.x() / (double) part.size();
                    cy += n.y() / (double) part.size();
                }
                for (Node n : part) {
                    n.setX((float) (cx + (n.x() - cx) * spreadStep));
                    n.setY((float) (cy + (n.y() - cy) * spreadStep));
                }
                factor *= spreadStep;
                rounds++;
                labelAdjust();
                local = boxes.overlaps(part, edges);
            }
            spreadRounds += rounds;
            spread = Math.max(spread, factor);
        }
        components = parts.size();
        ComponentPacking.pack(g, boxes, parts, 2f * labelHeight);
        overlaps = boxes.overlaps(g);
    }

    private static Edge[] edgesOf(Graph g, List<Node> part) {
        java.util.Set<Node> in = new java.util.HashSet<>(part);
        Edge[] all = g.getEdges().toArray();
        Arrays.sort(all, java.util.Comparator.comparing(e -> String.valueOf(e.getId())));
        return Arrays.stream(all).filter(e -> in.contains(e.getSource())).toArray(Edge[]::new);
    }

    private static int score(LabelBoxes.Overlaps o) {
        return 1000 * o.hidden() + o.edgesThroughLabels();
    }

    private static float[] positions(Node[] nodes) {
        float[] p = new float[2 * nodes.length];
        for (int i = 0; i < nodes.length; i++) {
            p[2 * i] = nodes[i].x();
            p[2 * i + 1] = nodes[i].y();
        }
        return p;
    }

    /**
     * One step of moving edge labels out of the way; false if none overlapped anything. An edge
     * label sits at its edge's middle, so it moves with both ends: a label over another node's
     * label or disc, or over another edge's label, pushes both apart (half each, along the axis
     * where they overlap least); a label over one of its own end's labels makes the edge longer.
     */
    private boolean separateEdgeLabels(Graph g, Node[] nodes) {
        Edge[] edges = g.getEdges().toArray();
        Arrays.sort(edges, java.util.Comparator.comparing(e -> String.valueOf(e.getId())));
        Map<Node, float[]> push = new HashMap<>();
        for (Node n : nodes) {
            push.put(n, new float[2]);
        }
        boolean any = false;
        for (int i = 0; i < edges.length; i++) {
            Edge e = edges[i];
            Rectangle2D.Float a = boxes.edgeLabel(e);
            if (a == null) {
                continue;
            }
            for (Node n : nodes) {
                for (Rectangle2D.Float b : new Rectangle2D.Float[] {boxes.nodeLabel(n), LabelBoxes.disc(n)}) {
                    float[] d = separation(a, b);
                    if (d == null) {
                        continue;
                    }
                    any = true;
                    if (n == e.getSource() || n == e.getTarget()) {
                        Node other = n == e.getSource() ? e.getTarget() : e.getSource();
                        float len = (float) Math.hypot(other.x() - n.x(), other.y() - n.y());
                        float step = Math.abs(d[0]) + Math.abs(d[1]);
                        if (len > 0f) {
                            add(push, other, step * (other.x() - n.x()) / len, -step * (other.y() - n.y()) / len);
                        }
                    } else {
                        add(push, e.getSource(), d[0] / 2f, d[1] / 2f);
                        add(push, e.getTarget(), d[0] / 2f, d[1] / 2f);
                        add(push, n, -d[0] / 2f, -d[1] / 2f);
                    }
                }
            }
            for (int j = i + 1; j < edges.length; j++) {
                Rectangle2D.Float c = boxes.edgeLabel(edges[j]);
                float[] d = c == null ? null : separation(a, c);
                if (d == null) {
                    continue;
                }
                any = true;
                Edge f = edges[j];
                if (samePair(e, f)) {
                    horizontal(push, e, Math.abs(d[0]) + Math.abs(d[1]));
                    continue;
                }
                add(push, e.getSource(), d[0] / 4f, d[1] / 4f);
                add(push, e.getTarget(), d[0] / 4f, d[1] / 4f);
                add(push, edges[j].getSource(), -d[0] / 4f, -d[1] / 4f);
                add(push, edges[j].getTarget(), -d[0] / 4f, -d[1] / 4f);
            }
        }
        // Edges drawn through a label that is not theirs: label and edge step apart.
        for (Edge f : edges) {
            float[] pts = boxes.curve(f);
            for (Node n : nodes) {
                Rectangle2D.Float r = boxes.nodeLabel(n);
                if (r == null || n == f.getSource() || n == f.getTarget()) {
                    continue;
                }
                float[] v = awayFromCurve(pts, r);
                if (v != null) {
                    any = true;
                    add(push, n, v[0], v[1]);
                    add(push, f.getSource(), -v[0] / 2f, -v[1] / 2f);
                    add(push, f.getTarget(), -v[0] / 2f, -v[1] / 2f);
                }
            }
            for (Edge e : edges) {
                Rectangle2D.Float r = e == f ? null : boxes.edgeLabel(e);
                float[] v = r == null ? null : awayFromCurve(pts, r);
                if (v != null && samePair(e, f)) {
                    any = true;
                    horizontal(push, e, Math.abs(v[0]) + Math.abs(v[1]));
                } else if (v != null) {
                    any = true;
                    add(push, e.getSource(), v[0] / 2f, v[1] / 2f);
                    add(push, e.getTarget(), v[0] / 2f, v[1] / 2f);
                    add(push, f.getSource(), -v[0] / 2f, -v[1] / 2f);
                    add(push, f.getTarget(), -v[0] / 2f, -v[1] / 2f);
                }
            }
        }
        for (Node n : nodes) {
            float[] p = push.get(n);
            // Half steps: several overlaps often push the same node, and they add up.
            n.setX(n.x() + 0.5f * p[0]);
            n.setY(n.y() - 0.5f * p[1]); // preview y points down
        }
        return any;
    }

    /** A step moving box r off the curve (from the curve's nearest point through r's centre). */
    private float[] awayFromCurve(float[] pts, Rectangle2D.Float r) {
        float cx = (float) r.getCenterX();
        float cy = (float) r.getCenterY();
        float[] q = LabelBoxes.crossing(pts, r, cx, cy);
        if (q == null) {
            return null;
        }
        float vx = cx - q[0];
        float vy = cy - q[1];
        float len = (float) Math.hypot(vx, vy);
        if (len < 1e-3f) { // the curve runs through the centre: step across the chord
            vx = pts[pts.length - 1] - pts[1];
            vy = -(pts[pts.length - 2] - pts[0]);
            len = Math.max(1e-3f, (float) Math.hypot(vx, vy));
        }
        float step = 0.5f * boxes.nodeLabelHeight();
        return new float[] {step * vx / len, step * vy / len};
    }

    private static boolean samePair(Edge e, Edge f) {
        return (f.getSource() == e.getSource() && f.getTarget() == e.getTarget())
                || (f.getSource() == e.getTarget() && f.getTarget() == e.getSource());
    }

    /**
     * The two curves of one pair carry their labels apart by 0.3 of the edge's length across it,
     * and their (wide) labels clear of the other curve only when the edge lies about flat: turn
     * the edge a few degrees towards horizontal about its middle; once flat, lengthen it.
     */
    private static void horizontal(Map<Node, float[]> push, Edge e, float step) {
        Node a = e.getSource();
        Node b = e.getTarget();
        double vx = b.x() - a.x();
        double vy = b.y() - a.y();
        double len = Math.hypot(vx, vy);
        if (len == 0.0) {
            return;
        }
        double sin = vy / len;
        double cos = vx / len;
        double nx;
        double ny;
        if (Math.abs(sin) > 0.1) {
            // Rotate by up to 4 degrees, the way that reduces |sin|.
            double delta = Math.toRadians(4.0) * (sin * cos >= 0 ? -1.0 : 1.0);
            nx = vx * Math.cos(delta) - vy * Math.sin(delta);
            ny = vx * Math.sin(delta) + vy * Math.cos(delta);
        } else {
            nx = vx * (len + step) / len;
            ny = vy * (len + step) / len;
        }
        // New ends about the same middle, as preview-coordinate pushes (y down); doubled because
        // pushes are applied at half strength.
        float dax = (float) (-(nx - vx) / 2.0) * 2f;
        float day = (float) (-(ny - vy) / 2.0) * 2f;
        add(push, a, dax, -day);
        add(push, b, -dax, day);
    }

    private static void add(Map<Node, float[]> push, Node n, float dx, float dy) {
        float[] p = push.get(n);
        p[0] += dx;
        p[1] += dy;
    }

    /** How far to move a (preview coordinates) so it stops overlapping b; null if apart. */
    private static float[] separation(Rectangle2D.Float a, Rectangle2D.Float b) {
        if (b == null || !a.intersects(b)) {
            return null;
        }
        float dx = (float) (a.getCenterX() - b.getCenterX());
        float dy = (float) (a.getCenterY() - b.getCenterY());
        float penX = (a.width + b.width) / 2f - Math.abs(dx) + 1f;
        float penY = (a.height + b.height) / 2f - Math.abs(dy) + 1f;
        if (penY <= penX) {
            return new float[] {0f, dy >= 0f ? penY : -penY};
        }
        return new float[] {dx >= 0f ? penX : -penX, 0f};
    }

    private void forceAtlas2(Graph g, Node[] nodes) {
        // FA2 keeps discs apart (adjustSizes) using node size as their radius: make each disc
        // about as wide as its label for the layout, and restore the drawn sizes afterwards.
        Map<Node, Float> drawnSize = new HashMap<>();
        for (Node n : nodes) {
            drawnSize.put(n, n.size());
            n.setSize(Math.max(n.size(), (float) current.labelDisc() * boxes.nodeLabelWidth(n) + boxes.nodeLabelHeight()));
        }
        // Attraction is proportional to the edge weight: an edge whose label is long pulls less,
        // so it ends up long enough to carry it.
        float reference = 4f * boxes.nodeLabelHeight();
        for (Edge e : g.getEdges()) {
            float need = boxes.edgeLabelWidth(e) + reference;
            e.setWeight(Math.min(1.0, reference / need));
        }

        ForceAtlas2 fa2 = new ForceAtlas2Builder().buildLayout();
        fa2.setGraphModel(gm);
        fa2.resetPropertiesValues();
        fa2.setThreadsCount(1); // one thread: the same forces in the same order on every run
        fa2.setBarnesHutOptimize(false);
        fa2.setLinLogMode(false);
        fa2.setEdgeWeightInfluence(1.0);
        fa2.setScalingRatio(current.scalingRatio());
        fa2.setGravity(current.gravity()); // compact components (ComponentPacking undoes interleaving)
        fa2.setStrongGravityMode(false);
        fa2.setJitterTolerance(0.5);
        fa2.setAdjustSizes(false);
        fa2.initAlgo();
        int done = 0;
        while (done < fa2Iterations && fa2.canAlgo()) {
            if (done == fa2Iterations / 3) {
                fa2.setAdjustSizes(true); // spread out first, then push overlapping discs apart
            }
            fa2.goAlgo();
            done++;
        }
        fa2.endAlgo();
        fa2Done = done;

        for (Node n : nodes) {
            n.setSize(drawnSize.get(n));
        }
        for (Edge e : g.getEdges()) {
            e.setWeight(1.0); // the preview draws thickness from the weight
        }
    }

    private void labelAdjust() {
        LabelAdjust la = new LabelAdjustBuilder().buildLayout();
        la.setGraphModel(gm);
        la.resetPropertiesValues();
        la.setAdjustBySize(true);
        la.initAlgo();
        int done = 0;
        while (done < labelAdjustIterations && la.canAlgo()) {
            la.goAlgo();
            done++;
        }
        la.endAlgo();
        labelAdjustDone += done;
    }
}
