// kgforge test harness: turns the imported kgforge graph into the graph the picture draws.
// Entities without relations are left out (counted, named in the legend); every relation stays,
// but relations between the same two entities share one drawn edge whose label lists their types,
// so parallel edges do not hide each other: an arrow when the edge carries a directed type (the
// symmetric types ride along: they read both ways), none when all its types are symmetric; a
// second edge only for directed types the other way. Node size grows with the number of relations.
// Labels longer than a line are shortened with an ellipsis.
package kgforge.gephicheck;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.gephi.graph.api.Column;
import org.gephi.graph.api.Edge;
import org.gephi.graph.api.Graph;
import org.gephi.graph.api.GraphModel;
import org.gephi.graph.api.Node;
import org.gephi.graph.api.Table;

final class PictureGraph {
    // A name longer than this would spread the drawing (and shrink all text) for one label.
    static final int MAX_NODE_LABEL = 40;
    static final int MAX_EDGE_LABEL = 80;

    /** One entity type as the legend shows it. */
    record TypeEntry(String name, Color color, int count) {}

    final int nodesInFile;
    final int relationsInFile;
    final int isolated;
    final int drawnNodes;
    final int drawnEdges;
    final int relationsDrawn;
    final int maxDegree;
    final List<TypeEntry> types;

    private PictureGraph(int nodesInFile, int relationsInFile, int isolated, int drawnNodes, int drawnEdges,
            int relationsDrawn, int maxDegree, List<TypeEntry> types) {
        this.nodesInFile = nodesInFile;
        this.relationsInFile = relationsInFile;
        this.isolated = isolated;
        this.drawnNodes = drawnNodes;
        this.drawnEdges = drawnEdges;
        this.relationsDrawn = relationsDrawn;
        this.maxDegree = maxDegree;
        this.types = types;
    }

    static Comparator<Node> byId() {
        return Comparator.comparing(n -> String.valueOf(n.getId()));
    }

    /** Rewrites the graph in place; node sizes (disc radii) run from minSize (1 relation) to maxSize. */
    static PictureGraph prepare(GraphModel gm, float minSize, float maxSize) {
        Graph g = gm.getGraph();
        int nodesInFile = g.getNodeCount();
        Edge[] relations = g.getEdges().toArray();
        Arrays.sort(relations, Comparator.comparing(e -> String.valueOf(e.getId())));
        Column relationType = column(gm.getEdgeTable(), "type");
        Column symmetric = column(gm.getEdgeTable(), "symmetric");

        Map<Node, Integer> degree = new LinkedHashMap<>();
        // Unordered pair -> the types of its relations, split by how they will be drawn.
        Map<String, Pair> pairs = new TreeMap<>();
        for (Edge e : relations) {
            Node s = e.getSource();
            Node t = e.getTarget();
            degree.merge(s, 1, Integer::sum);
            if (t != s) {
                degree.merge(t, 1, Integer::sum);
            }
            String type = relationType != null && e.getAttribute(relationType) != null
                    ? String.valueOf(e.getAttribute(relationType))
                    : String.valueOf(e.getTypeLabel());
            boolean sym = symmetric != null && Boolean.TRUE.equals(e.getAttribute(symmetric));
            String a = String.valueOf(s.getId());
            String b = String.valueOf(t.getId());
            boolean forward = a.compareTo(b) <= 0;
            Pair p = pairs.computeIfAbsent(forward ? a + "\u0000" + b : b + "\u0000" + a,
                    k -> new Pair(forward ? s : t, forward ? t : s));
            if (sym) {
                p.symmetric.add(type);
            } else if (forward) {
                p.forward.add(type);
            } else {
                p.backward.add(type);
            }
        }

        // Leave out the entities without relations.
        Node[] nodes = g.getNodes().toArray();
        Arrays.sort(nodes, byId());
        int isolated = 0;
        for (Node n : nodes) {
            if (!degree.containsKey(n)) {
                g.removeNode(n);
                isolated++;
            }
        }

        // Replace the relations by the drawn edges (fresh edges: a drawn edge's direction is its
        // own, not that of one of its relations).
        for (Edge e : relations) {
            g.removeEdge(e);
        }
        int directedType = gm.addEdgeType("picture-directed");
        int symmetricType = gm.addEdgeType("picture-symmetric");
        int drawn = 0;
        for (Pair p : pairs.values()) {
            // Symmetric types read both ways, so they ride on a directed edge of the pair if there
            // is one: a second curve between the same two discs would need a much longer edge to
            // keep the two labels apart.
            boolean forwardDirected = !p.forward.isEmpty();
            if (forwardDirected || p.backward.isEmpty()) {
                p.forward.addAll(p.symmetric);
            } else {
                p.backward.addAll(p.symmetric);
            }
            if (!p.forward.isEmpty()) {
                drawn += add(gm, g, drawn, p.a, p.b, p.forward, forwardDirected ? directedType : symmetricType,
                        forwardDirected);
            }
            if (!p.backward.isEmpty()) {
                drawn += add(gm, g, drawn, p.b, p.a, p.backward, directedType, true);
            }
        }

        int maxDegree = degree.values().stream().mapToInt(Integer::intValue).max().orElse(1);
        Column entityType = column(gm.getNodeTable(), "type");
        Map<String, int[]> counts = new TreeMap<>();
        Map<String, Color> colors = new TreeMap<>();
        for (Node n : g.getNodes()) {
            int d = degree.get(n);
            double t = maxDegree > 1 ? Math.sqrt((d - 1) / (double) (maxDegree - 1)) : 0.0;
            n.setSize((float) (minSize + (maxSize - minSize) * t));
            if (n.getLabel() != null) {
                n.setLabel(shorten(n.getLabel().strip(), MAX_NODE_LABEL));
            }
            Color c = n.getColor();
            n.getTextProperties().setColor(new Color(c.getRed() * 3 / 5, c.getGreen() * 3 / 5, c.getBlue() * 3 / 5));
            String type = entityType != null && n.getAttribute(entityType) != null
                    ? String.valueOf(n.getAttribute(entityType))
                    : "unknown";
            counts.computeIfAbsent(type, k -> new int[1])[0]++;
            colors.putIfAbsent(type, n.getColor());
        }
        List<TypeEntry> types = new ArrayList<>();
        counts.forEach((k, v) -> types.add(new TypeEntry(displayName(k), colors.get(k), v[0])));
        types.sort(Comparator.comparingInt(TypeEntry::count).reversed().thenComparing(TypeEntry::name));
        return new PictureGraph(nodesInFile, relations.length, isolated, g.getNodeCount(), drawn,
                relations.length, maxDegree, types);
    }

    private static int add(GraphModel gm, Graph g, int index, Node from, Node to, List<String> types,
            int edgeType, boolean directed) {
        Edge e = gm.factory().newEdge("picture-" + index, from, to, edgeType, 1.0, directed);
        e.setLabel(shorten(String.join(", ", types), MAX_EDGE_LABEL));
        g.addEdge(e);
        return 1;
    }

    private static Column column(Table table, String name) {
        for (Column c : table) {
            if (!c.isProperty() && (c.getId().equalsIgnoreCase(name) || c.getTitle().equalsIgnoreCase(name))) {
                return c;
            }
        }
        return null;
    }

    /** At most max characters (code points), the cut marked with an ellipsis. */
    static String shorten(String text, int max) {
        if (text.codePointCount(0, text.length()) <= max) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, max - 1)) + "\u2026";
    }

    /** COUNTRY -> Country. */
    static String displayName(String type) {
        if (type.isEmpty()) {
            return type;
        }
        String lower = type.toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }

    private static final class Pair {
        final Node a;
        final Node b;
        final List<String> forward = new ArrayList<>();
        final List<String> backward = new ArrayList<>();
        final List<String> symmetric = new ArrayList<>();

        Pair(Node a, Node b) {
            this.a = a;
            this.b = b;
        }
    }
}
