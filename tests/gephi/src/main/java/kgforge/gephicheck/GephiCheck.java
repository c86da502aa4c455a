// kgforge test harness: open a GraphML / GEXF file with the real Gephi Toolkit importer, the way
// Gephi Desktop does, and report what Gephi saw. Test-only, never shipped (Gephi is CDDL/GPL).
//
// usage: check FILE.(graphml|gexf)... [--png OUT.png] [--width N] [--height N]
//                  [--expect-nodes N] [--expect-edges M] [--expect-edge-kinds a,b,...]
//                  [--layout forceatlas2|yifanhu|none] [--iterations N] [--layout-seconds S]
//                  [--no-edge-labels] [--fail-on-warning]
//
// stdout: one JSON object per file (a JSON array when several files are given; with --png
// OUT.png and several files, each PNG is OUT-<file name>.png); see tests/gephi/README.md.
// Logs go to stderr.
// exit: 0 ok; 1 an expectation failed, or Gephi reported SEVERE/CRITICAL issues (or WARNING with
//       --fail-on-warning); 2 usage error or the file could not be imported at all.
package kgforge.gephicheck;

import java.awt.Color;
import java.awt.Font;
import java.io.File;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.gephi.graph.api.Column;
import org.gephi.graph.api.Edge;
import org.gephi.graph.api.Graph;
import org.gephi.graph.api.GraphController;
import org.gephi.graph.api.GraphModel;
import org.gephi.graph.api.Node;
import org.gephi.io.exporter.api.ExportController;
import org.gephi.io.exporter.preview.PNGExporter;
import org.gephi.io.importer.api.Container;
import org.gephi.io.importer.api.ImportController;
import org.gephi.io.importer.api.Issue;
import org.gephi.io.importer.api.Report;
import org.gephi.io.processor.plugin.DefaultProcessor;
import org.gephi.layout.plugin.forceAtlas2.ForceAtlas2;
import org.gephi.layout.plugin.forceAtlas2.ForceAtlas2Builder;
import org.gephi.layout.plugin.force.StepDisplacement;
import org.gephi.layout.plugin.force.yifanHu.YifanHuLayout;
import org.gephi.layout.spi.Layout;
import org.gephi.preview.api.PreviewController;
import org.gephi.preview.api.PreviewModel;
import org.gephi.preview.api.PreviewProperty;
import org.gephi.preview.types.DependantColor;
import org.gephi.preview.types.EdgeColor;
import org.gephi.project.api.ProjectController;
import org.gephi.project.api.Workspace;
import org.openide.util.Lookup;

public final class GephiCheck {
    private static final int MAX_VALUES = 100;

    private GephiCheck() {}

    public static void main(String[] argv) {
        System.setProperty("java.awt.headless", "true");
        int rc;
        boolean picture = argv.length > 0 && argv[0].equals("picture");
        try {
            List<String> args = new ArrayList<>(Arrays.asList(argv));
            if (picture) {
                args.remove(0);
                rc = GephiPicture.run(args);
            } else {
                rc = run(args);
            }
        } catch (UsageException e) {
            System.err.println("gephi-check: " + e.getMessage());
            if (picture) {
                System.err.println("usage: picture FILE.gexf --png OUT.png [--width 2400] [--title TEXT]"
                        + " [--seed 42] [--fail-on-overlap]");
            } else {
                System.err.println("usage: check FILE.(graphml|gexf) [--png OUT.png] [--width N] [--height N]"
                        + " [--expect-nodes N] [--expect-edges M] [--expect-edge-kinds a,b]"
                        + " [--layout forceatlas2|yifanhu|none] [--iterations N] [--layout-seconds S]"
                        + " [--no-edge-labels] [--fail-on-warning]");
            }
            rc = 2;
        } catch (Throwable t) {
            t.printStackTrace();
            Json j = new Json();
            j.put("ok", false);
            j.put("error", t.toString());
            System.out.println(j);
            rc = 2;
        }
        System.out.flush();
        // NetBeans/Gephi leave non-daemon threads behind; exit explicitly.
        Runtime.getRuntime().halt(rc);
    }

    static final class UsageException extends Exception {
        UsageException(String m) {
            super(m);
        }
    }

    static String opt(List<String> a, String name, String def) throws UsageException {
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i).equals(name)) {
                if (i + 1 >= a.size()) {
                    throw new UsageException(name + " needs a value");
                }
                String v = a.get(i + 1);
                a.remove(i + 1);
                a.remove(i);
                return v;
            }
            if (a.get(i).startsWith(name + "=")) {
                return a.remove(i).substring(name.length() + 1);
            }
        }
        return def;
    }

    private static boolean flag(List<String> a, String name) {
        return a.remove(name);
    }

    private static int run(List<String> a) throws Exception {
        if (!a.isEmpty() && a.get(0).equals("check")) {
            a.remove(0);
        }
        png = opt(a, "--png", null);
        width = Integer.parseInt(opt(a, "--width", "1200"));
        height = Integer.parseInt(opt(a, "--height", "900"));
        expNodes = opt(a, "--expect-nodes", null);
        expEdges = opt(a, "--expect-edges", null);
        expKinds = opt(a, "--expect-edge-kinds", null);
        layoutName = opt(a, "--layout", "forceatlas2").toLowerCase(Locale.ROOT);
        iterations = Integer.parseInt(opt(a, "--iterations", "500"));
        layoutSeconds = Double.parseDouble(opt(a, "--layout-seconds", "20"));
        showEdgeLabels = !flag(a, "--no-edge-labels");
        failOnWarning = flag(a, "--fail-on-warning");
        if (a.isEmpty()) {
            throw new UsageException("no input file");
        }
        List<File> files = new ArrayList<>();
        for (String f : a) {
            if (f.startsWith("--")) {
                throw new UsageException("unknown option " + f);
            }
            File file = new File(f).getAbsoluteFile();
            if (!file.isFile()) {
                throw new UsageException("no such file: " + file);
            }
            files.add(file);
        }
        if (!layoutName.matches("forceatlas2|yifanhu|none")) {
            throw new UsageException("unknown --layout " + layoutName);
        }
        // One file: one JSON object. Several files (checked in turn, same expectations): a JSON
        // array of such objects; the exit code is the worst one.
        List<Json> results = new ArrayList<>();
        int rc = 0;
        for (File file : files) {
            String pngFor = png;
            if (png != null && files.size() > 1) {
                String base = file.getName().replaceAll("[^A-Za-z0-9._-]", "_");
                pngFor = png.endsWith(".png") ? png.substring(0, png.length() - 4) + "-" + base + ".png"
                        : png + "-" + base + ".png";
            }
            try {
                rc = Math.max(rc, checkFile(file, pngFor, results));
            } catch (Exception e) { // e.g. XML that is not well-formed: the importer throws
                e.printStackTrace();
                Json j = new Json();
                j.put("file", file.getPath());
                j.put("ok", false);
                j.put("error", e.toString());
                results.add(j);
                rc = 2;
            }
        }
        if (results.size() == 1) {
            System.out.println(results.get(0));
        } else {
            System.out.println(Json.array(results));
        }
        return rc;
    }

    private static String png;
    private static int width;
    private static int height;
    private static String expNodes;
    private static String expEdges;
    private static String expKinds;
    private static String layoutName;
    private static int iterations;
    private static double layoutSeconds;
    private static boolean showEdgeLabels;
    private static boolean failOnWarning;

    private static int checkFile(File file, String png, List<Json> results) throws Exception {
        Json out = new Json();
        out.put("file", file.getPath());
        List<String> failures = new ArrayList<>();

        ProjectController pc = Lookup.getDefault().lookup(ProjectController.class);
        if (pc.getCurrentProject() != null) {
            pc.closeCurrentProject();
        }
        pc.newProject();
        Workspace ws = pc.getCurrentWorkspace();

        ImportController ic = Lookup.getDefault().lookup(ImportController.class);
        if (ic.getFileImporter(file) == null) {
            out.put("ok", false);
            out.put("error", "Gephi has no importer for " + file.getName());
            results.add(out);
            return 2;
        }
        out.put("importer", ic.getFileImporter(file).getClass().getSimpleName());
        long t0 = System.nanoTime();
        Container container = ic.importFile(file);
        if (container == null) {
            out.put("ok", false);
            out.put("error", "Gephi importer returned no container (file rejected)");
            results.add(out);
            return 2;
        }
        // Keep the edge direction default that the importer read from the file
        // (GraphML edgedefault, GEXF defaultedgetype); do not override it.
        out.put("edge_default", String.valueOf(container.getUnloader().getEdgeDefault()));
        boolean verified = container.verify();
        out.put("container_verified", verified);
        Report report = container.getReport();
        List<Issue> issueList = report == null ? List.of() : new ArrayList<>(report.getIssuesList(Integer.MAX_VALUE));
        String reportText = report == null ? "" : report.getText();
        ic.process(container, new DefaultProcessor(), ws);
        out.put("import_ms", (System.nanoTime() - t0) / 1_000_000);

        // Import report (importer + processor issues)
        Map<Issue.Level, Integer> counts = new EnumMap<>(Issue.Level.class);
        for (Issue.Level l : Issue.Level.values()) {
            counts.put(l, 0);
        }
        List<Json> issues = new ArrayList<>(); // WARNING, SEVERE, CRITICAL
        List<Json> infos = new ArrayList<>();
        {
            for (Issue is : issueList) {
                counts.merge(is.getLevel(), 1, Integer::sum);
                Json ij = new Json();
                ij.put("level", is.getLevel().name());
                ij.put("message", is.getMessage());
                if (is.getLevel().toInteger() >= Issue.Level.WARNING.toInteger()) {
                    issues.add(ij);
                } else if (infos.size() < MAX_VALUES) {
                    infos.add(ij);
                }
            }
        }
        Json cj = new Json();
        counts.forEach((k, v) -> cj.put(k.name(), v));
        out.put("issue_counts", cj);
        out.put("issues", issues);
        out.put("info_issues", infos);
        if (Boolean.getBoolean("kgforge.debug")) {
            System.err.println("report text:\n" + reportText);
        }
        if (counts.get(Issue.Level.SEVERE) + counts.get(Issue.Level.CRITICAL) > 0) {
            failures.add("Gephi reported SEVERE/CRITICAL import issues");
        }
        if (failOnWarning && counts.get(Issue.Level.WARNING) > 0) {
            failures.add("Gephi reported WARNING import issues (--fail-on-warning)");
        }
        // Edges pointing at undeclared node ids: Gephi silently creates the nodes (INFO level).
        boolean autoNodes = issueList.stream()
                .anyMatch(i -> String.valueOf(i.getMessage()).contains("created based on edges"));
        out.put("auto_created_nodes", autoNodes);
        if (failOnWarning && autoNodes) {
            failures.add("edges reference undeclared nodes; Gephi auto-created them (--fail-on-warning)");
        }

        GraphModel gm = Lookup.getDefault().lookup(GraphController.class).getGraphModel(ws);
        Graph g = gm.getGraph();
        out.put("directed", gm.isDirected());
        out.put("undirected", gm.isUndirected());
        out.put("mixed", gm.isMixed());
        int nodes = g.getNodeCount();
        int edges = g.getEdgeCount();
        out.put("nodes", nodes);
        out.put("edges", edges);

        TreeSet<String> nodeLabels = new TreeSet<>();
        TreeSet<String> nodeColors = new TreeSet<>();
        for (Node n : g.getNodes()) {
            if (n.getLabel() != null) {
                nodeLabels.add(n.getLabel());
            }
            nodeColors.add(hex(n.getColor()));
        }
        TreeSet<String> edgeLabels = new TreeSet<>();
        TreeSet<String> edgeKinds = new TreeSet<>();
        TreeSet<String> edgeColors = new TreeSet<>();
        int directedEdges = 0;
        for (Edge e : g.getEdges()) {
            if (e.getLabel() != null) {
                edgeLabels.add(e.getLabel());
            }
            Object k = e.getTypeLabel();
            if (k != null) {
                edgeKinds.add(String.valueOf(k));
            }
            if (e.alpha() > 0f) {
                edgeColors.add(hex(e.getColor()));
            }
            if (e.isDirected()) {
                directedEdges++;
            }
        }
        out.put("directed_edges", directedEdges);
        out.put("node_label_count", nodeLabels.size());
        out.put("node_labels", cap(nodeLabels));
        out.put("edge_kinds", cap(edgeKinds));        // GEXF kind / Gephi edge type labels
        out.put("edge_labels", cap(edgeLabels));
        out.put("node_colors", cap(nodeColors));
        out.put("edge_colors", cap(edgeColors));
        out.put("node_attributes", attributes(gm.getNodeTable(), g.getNodes().toCollection()));
        out.put("edge_attributes", attributes(gm.getEdgeTable(), g.getEdges().toCollection()));
        // Convenience: values of an edge attribute literally named "type" (GraphML key attr.name="type")
        Column typeCol = null;
        for (Column c : gm.getEdgeTable()) {
            if (!c.isProperty() && (c.getId().equalsIgnoreCase("type") || c.getTitle().equalsIgnoreCase("type"))) {
                typeCol = c;
            }
        }
        if (typeCol != null) {
            TreeSet<String> vals = new TreeSet<>();
            for (Edge e : g.getEdges()) {
                Object v = e.getAttribute(typeCol);
                if (v != null) {
                    vals.add(String.valueOf(v));
                }
            }
            out.put("edge_type_attribute", cap(vals));
        }

        if (expNodes != null && nodes != Integer.parseInt(expNodes)) {
            failures.add("expected " + expNodes + " nodes, Gephi has " + nodes);
        }
        if (expEdges != null && edges != Integer.parseInt(expEdges)) {
            failures.add("expected " + expEdges + " edges, Gephi has " + edges);
        }
        if (expKinds != null) {
            TreeSet<String> want = new TreeSet<>();
            for (String s : expKinds.split(",")) {
                if (!s.isBlank()) {
                    want.add(s.trim());
                }
            }
            TreeSet<String> have = new TreeSet<>(edgeKinds);
            if (typeCol != null) {
                for (Edge e : g.getEdges()) {
                    Object v = e.getAttribute(typeCol);
                    if (v != null) {
                        have.add(String.valueOf(v));
                    }
                }
            }
            if (!have.equals(want)) {
                failures.add("expected edge kinds " + want + ", Gephi has " + have);
            }
        }

        // Layout
        if (!layoutName.equals("none") && nodes > 0) {
            Layout layout;
            if (layoutName.equals("yifanhu")) {
                YifanHuLayout yh = new YifanHuLayout(null, new StepDisplacement(1f));
                yh.setGraphModel(gm);
                yh.resetPropertiesValues();
                layout = yh;
            } else if (layoutName.equals("forceatlas2")) {
                ForceAtlas2 fa2 = new ForceAtlas2Builder().buildLayout();
                fa2.setGraphModel(gm);
                fa2.resetPropertiesValues();
                fa2.setThreadsCount(1);
                fa2.setAdjustSizes(false);
                fa2.setBarnesHutOptimize(nodes > 1000);
                fa2.setScalingRatio(nodes < 100 ? 20.0 : 10.0);
                fa2.setGravity(1.0);
                layout = fa2;
            } else {
                throw new IllegalStateException("unknown layout " + layoutName);
            }
            long l0 = System.nanoTime();
            long deadline = l0 + (long) (layoutSeconds * 1e9);
            layout.initAlgo();
            int done = 0;
            while (done < iterations && layout.canAlgo() && System.nanoTime() < deadline) {
                if (layout instanceof ForceAtlas2 fa2 && done == iterations / 2) {
                    fa2.setAdjustSizes(true); // second half: push overlapping nodes apart
                }
                layout.goAlgo();
                done++;
            }
            layout.endAlgo();
            Json lj = new Json();
            lj.put("algorithm", layoutName);
            lj.put("iterations", done);
            lj.put("ms", (System.nanoTime() - l0) / 1_000_000);
            boolean finite = true;
            for (Node n : g.getNodes()) {
                if (!Float.isFinite(n.x()) || !Float.isFinite(n.y())) {
                    finite = false;
                    break;
                }
            }
            lj.put("positions_finite", finite);
            if (!finite) {
                failures.add("layout produced non-finite positions");
            }
            out.put("layout", lj);
            if (Boolean.getBoolean("kgforge.debug")) {
                for (Node n : g.getNodes()) {
                    System.err.printf("node %s x=%f y=%f size=%f%n", n.getLabel(), n.x(), n.y(), n.size());
                }
            }
        }

        // Preview + PNG
        if (png != null && nodes > 1) {
            // Uniformly rescale the laid-out positions so fixed-size labels stay readable
            // (topology and relative placement unchanged).
            float minX = Float.MAX_VALUE, maxX = -Float.MAX_VALUE, minY = Float.MAX_VALUE, maxY = -Float.MAX_VALUE;
            for (Node n : g.getNodes()) {
                minX = Math.min(minX, n.x());
                maxX = Math.max(maxX, n.x());
                minY = Math.min(minY, n.y());
                maxY = Math.max(maxY, n.y());
            }
            double span = Math.max(maxX - minX, maxY - minY);
            double want = 250.0 * Math.sqrt(nodes);
            if (span > 0 && Double.isFinite(span)) {
                float f = (float) (want / span);
                for (Node n : g.getNodes()) {
                    n.setX(n.x() * f);
                    n.setY(n.y() * f);
                }
            }
        }
        if (png != null) {
            PreviewController prev = Lookup.getDefault().lookup(PreviewController.class);
            PreviewModel model = prev.getModel(ws);
            model.getProperties().putValue(PreviewProperty.BACKGROUND_COLOR, Color.WHITE);
            model.getProperties().putValue(PreviewProperty.SHOW_NODE_LABELS, Boolean.TRUE);
            model.getProperties().putValue(PreviewProperty.NODE_LABEL_PROPORTIONAL_SIZE, Boolean.FALSE);
            model.getProperties().putValue(PreviewProperty.NODE_LABEL_FONT, new Font(Font.SANS_SERIF, Font.PLAIN, 14));
            model.getProperties().putValue(PreviewProperty.NODE_LABEL_OUTLINE_SIZE, 3f);
            model.getProperties().putValue(PreviewProperty.NODE_LABEL_OUTLINE_COLOR, new DependantColor(Color.WHITE));
            model.getProperties().putValue(PreviewProperty.SHOW_EDGE_LABELS, showEdgeLabels);
            model.getProperties().putValue(PreviewProperty.EDGE_LABEL_FONT, new Font(Font.SANS_SERIF, Font.PLAIN, 10));
            model.getProperties().putValue(PreviewProperty.EDGE_CURVED, Boolean.FALSE);
            model.getProperties().putValue(PreviewProperty.EDGE_COLOR, new EdgeColor(EdgeColor.Mode.ORIGINAL));
            model.getProperties().putValue(PreviewProperty.EDGE_THICKNESS, 1.5f);
            model.getProperties().putValue(PreviewProperty.ARROW_SIZE, 6f);
            prev.refreshPreview(ws);

            ExportController ec = Lookup.getDefault().lookup(ExportController.class);
            PNGExporter pe = (PNGExporter) ec.getExporter("png");
            pe.setWorkspace(ws);
            pe.setWidth(width);
            pe.setHeight(height);
            pe.setTransparentBackground(false);
            File pngFile = new File(png).getAbsoluteFile();
            long p0 = System.nanoTime();
            ec.exportFile(pngFile, pe);
            Json pj = new Json();
            pj.put("path", pngFile.getPath());
            pj.put("bytes", pngFile.isFile() ? pngFile.length() : 0);
            pj.put("width", width);
            pj.put("height", height);
            pj.put("ms", (System.nanoTime() - p0) / 1_000_000);
            out.put("png", pj);
            if (!pngFile.isFile() || pngFile.length() == 0) {
                failures.add("PNG export produced no file");
            }
        }

        out.put("failures", failures);
        out.put("ok", failures.isEmpty());
        results.add(out);
        return failures.isEmpty() ? 0 : 1;
    }

    private static Json attributes(org.gephi.graph.api.Table table,
            java.util.Collection<? extends org.gephi.graph.api.Element> elems) {
        Json j = new Json();
        for (Column c : table) {
            if (c.isProperty()) {
                continue; // id, label, weight, timeset...
            }
            TreeSet<String> vals = new TreeSet<>();
            for (org.gephi.graph.api.Element e : elems) {
                Object v = e.getAttribute(c);
                if (v != null) {
                    vals.add(v.getClass().isArray() ? Arrays.deepToString(new Object[] {v}) : String.valueOf(v));
                }
                if (vals.size() > MAX_VALUES) {
                    break;
                }
            }
            Json cj = new Json();
            cj.put("id", c.getId());
            cj.put("type", c.getTypeClass().getSimpleName());
            cj.put("values", cap(vals));
            j.put(c.getTitle(), cj);
        }
        return j;
    }

    private static List<String> cap(TreeSet<String> s) {
        List<String> l = new ArrayList<>();
        for (String v : s) {
            if (l.size() >= MAX_VALUES) {
                l.add("...");
                break;
            }
            l.add(v);
        }
        return l;
    }

    private static String hex(Color c) {
        return String.format("#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
    }

    /** Tiny insertion-ordered JSON object writer. */
    static final class Json {
        private final Map<String, Object> m = new LinkedHashMap<>();

        static String array(List<Json> items) {
            StringBuilder b = new StringBuilder();
            write(b, items, 0);
            return b.toString();
        }

        void put(String k, Object v) {
            m.put(k, v);
        }

        @Override
        public String toString() {
            StringBuilder b = new StringBuilder();
            write(b, this, 0);
            return b.toString();
        }

        private static void write(StringBuilder b, Object v, int ind) {
            if (v == null) {
                b.append("null");
            } else if (v instanceof Json j) {
                if (j.m.isEmpty()) {
                    b.append("{}");
                    return;
                }
                b.append("{");
                boolean first = true;
                for (Map.Entry<String, Object> e : j.m.entrySet()) {
                    b.append(first ? "\n" : ",\n").append("  ".repeat(ind + 1));
                    str(b, e.getKey());
                    b.append(": ");
                    write(b, e.getValue(), ind + 1);
                    first = false;
                }
                b.append("\n").append("  ".repeat(ind)).append("}");
            } else if (v instanceof List<?> l) {
                b.append("[");
                boolean simple = l.stream().noneMatch(x -> x instanceof Json);
                for (int i = 0; i < l.size(); i++) {
                    if (i > 0) {
                        b.append(simple ? ", " : ",");
                    }
                    if (!simple) {
                        b.append("\n").append("  ".repeat(ind + 1));
                    }
                    write(b, l.get(i), ind + 1);
                }
                if (!simple && !l.isEmpty()) {
                    b.append("\n").append("  ".repeat(ind));
                }
                b.append("]");
            } else if (v instanceof Number || v instanceof Boolean) {
                b.append(v);
            } else {
                str(b, String.valueOf(v));
            }
        }

        private static void str(StringBuilder b, String s) {
            b.append('"');
            for (char c : s.toCharArray()) {
                switch (c) {
                    case '"' -> b.append("\\\"");
                    case '\\' -> b.append("\\\\");
                    case '\n' -> b.append("\\n");
                    case '\r' -> b.append("\\r");
                    case '\t' -> b.append("\\t");
                    default -> {
                        if (c < 0x20) {
                            b.append(String.format("\\u%04x", (int) c));
                        } else {
                            b.append(c);
                        }
                    }
                }
            }
            b.append('"');
        }
    }
}
