// kgforge test harness: a graph of several articles falls apart into separate components. Under
// ForceAtlas 2 they either drift far apart (weak gravity: much white space, small text) or
// interleave (strong gravity: lines cross unrelated stories). So the layout uses strong gravity
// (compact components) and the finished components are then moved apart as wholes and packed:
// largest first, each next one in the free spot (beside, above or below one already placed) that
// keeps the whole drawing smallest on the page. Deterministic: a fixed order of tries.
package kgforge.gephicheck;

import java.awt.geom.Rectangle2D;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.gephi.graph.api.Edge;
import org.gephi.graph.api.Graph;
import org.gephi.graph.api.Node;

final class ComponentPacking {
    private static final double ASPECT = 4.0 / 3.0;

    private ComponentPacking() {}

    /** Connected components (ignoring direction), each sorted by id, largest first. */
    static List<List<Node>> components(Graph g, Node[] sortedNodes) {
        Set<Node> seen = new HashSet<>();
        List<List<Node>> out = new ArrayList<>();
        for (Node start : sortedNodes) {
            if (!seen.add(start)) {
                continue;
            }
            List<Node> comp = new ArrayList<>();
            Deque<Node> todo = new ArrayDeque<>();
            todo.add(start);
            while (!todo.isEmpty()) {
                Node n = todo.poll();
                comp.add(n);
                Node[] next = g.getNeighbors(n).toArray();
                Arrays.sort(next, PictureGraph.byId());
                for (Node m : next) {
                    if (seen.add(m)) {
                        todo.add(m);
                    }
                }
            }
            comp.sort(PictureGraph.byId());
            out.add(comp);
        }
        // Stable sort: equal sizes keep the order of their smallest id.
        out.sort(Comparator.comparingInt((List<Node> c) -> c.size()).reversed());
        return out;
    }

    /** Moves whole components so their boxes (labels included) sit gap apart, compactly. */
    static void pack(Graph g, LabelBoxes boxes, List<List<Node>> components, float gap) {
        if (components.size() < 2) {
            return;
        }
        List<Rectangle2D.Float> extent = new ArrayList<>();
        for (List<Node> comp : components) {
            extent.add(bounds(g, boxes, comp));
        }

        List<Rectangle2D.Float> placed = new ArrayList<>();
        for (int i = 0; i < components.size(); i++) {
            Rectangle2D.Float box = extent.get(i);
            Rectangle2D.Float spot;
            if (placed.isEmpty()) {
                spot = new Rectangle2D.Float(0f, 0f, box.width, box.height);
            } else {
                spot = bestSpot(placed, box.width, box.height, gap);
            }
            placed.add(spot);
            float dx = spot.x - box.x;
            float dy = spot.y - box.y; // preview coordinates: graph y = -preview y
            for (Node n : components.get(i)) {
                n.setX(n.x() + dx);
                n.setY(n.y() - dy);
            }
        }
    }

    private static Rectangle2D.Float bestSpot(List<Rectangle2D.Float> placed, float w, float h, float gap) {
        Rectangle2D.Float best = null;
        double bestScore = Double.POSITIVE_INFINITY;
        for (Rectangle2D.Float p : placed) {
            float[][] candidates = {
                {p.x + p.width + gap, p.y}, {p.x + p.width + gap, p.y + p.height - h},
                {p.x, p.y + p.height + gap}, {p.x + p.width - w, p.y + p.height + gap},
                {p.x - gap - w, p.y}, {p.x - gap - w, p.y + p.height - h},
                {p.x, p.y - gap - h}, {p.x + p.width - w, p.y - gap - h},
            };
            for (float[] c : candidates) {
                Rectangle2D.Float r = new Rectangle2D.Float(c[0], c[1], w, h);
                if (collides(r, placed, gap)) {
                    continue;
                }
                Rectangle2D.Float all = new Rectangle2D.Float(r.x, r.y, r.width, r.height);
                for (Rectangle2D.Float q : placed) {
                    all.add(q);
                }
                // The drawing is scaled to a fixed width, so what costs is the side that limits
                // the scale on a landscape page.
                double score = Math.max(all.width, all.height * ASPECT);
                if (score < bestScore - 1e-3) {
                    bestScore = score;
                    best = r;
                }
            }
        }
        return best; // never null: right of the right-most box is always free
    }

    private static boolean collides(Rectangle2D.Float r, List<Rectangle2D.Float> placed, float gap) {
        Rectangle2D.Float grown = new Rectangle2D.Float(r.x - gap / 2f, r.y - gap / 2f, r.width + gap, r.height + gap);
        for (Rectangle2D.Float q : placed) {
            Rectangle2D.Float qg = new Rectangle2D.Float(q.x - gap / 2f, q.y - gap / 2f, q.width + gap, q.height + gap);
            if (grown.intersects(qg)) {
                return true;
            }
        }
        return false;
    }

    /** Everything drawn for a component: discs, labels, its edges' labels and curves. */
    private static Rectangle2D.Float bounds(Graph g, LabelBoxes boxes, List<Node> comp) {
        Rectangle2D.Float all = null;
        List<Rectangle2D.Float> parts = new ArrayList<>();
        for (Node n : comp) {
            parts.add(LabelBoxes.disc(n));
            Rectangle2D.Float r = boxes.nodeLabel(n);
            if (r != null) {
                parts.add(r);
            }
            for (Edge e : g.getEdges(n)) {
                Rectangle2D.Float l = boxes.edgeLabel(e);
                if (l != null) {
                    parts.add(l);
                }
                float[] pts = boxes.curve(e);
                for (int i = 0; i + 1 < pts.length; i += 2) {
                    parts.add(new Rectangle2D.Float(pts[i], pts[i + 1], 0f, 0f));
                }
            }
        }
        for (Rectangle2D.Float r : parts) {
            if (all == null) {
                all = new Rectangle2D.Float(r.x, r.y, r.width, r.height);
            } else {
                all.add(r);
            }
        }
        return all;
    }
}
