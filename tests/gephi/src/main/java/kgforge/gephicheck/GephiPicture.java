// kgforge test harness: the README's picture. Imports a kgforge GEXF with the real Gephi Toolkit,
// keeps the entities that have relations (PictureGraph), lays them out so labels do not collide
// (PictureLayout: ForceAtlas 2 + LabelAdjust), renders with Gephi's preview (curved edges labelled
// with their relation types, discs sized by relations and coloured by the file's viz:color) through
// PNGExporter, adds a legend (PictureLegend) and writes the PNG atomically.
//
// usage: picture FILE.gexf --png OUT.png [--width 2400] [--title TEXT] [--seed 42]
//                [--fail-on-overlap]
// stdout: JSON (counts in the file and drawn, overlaps left, image size); see tests/gephi/README.md.
// exit: 0 ok; 1 --fail-on-overlap and labels still overlap, or Math.random() could not be seeded;
//       2 usage error or the file could not be imported.
package kgforge.gephicheck;

import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.gephi.graph.api.GraphController;
import org.gephi.graph.api.GraphModel;
import org.gephi.io.exporter.api.ExportController;
import org.gephi.io.exporter.preview.PNGExporter;
import org.gephi.io.importer.api.Container;
import org.gephi.io.importer.api.ImportController;
import org.gephi.io.processor.plugin.DefaultProcessor;
import org.gephi.preview.api.PreviewController;
import org.gephi.preview.api.PreviewModel;
import org.gephi.preview.api.PreviewProperties;
import org.gephi.preview.api.PreviewProperty;
import org.gephi.preview.plugin.renderers.EdgeRenderer;
import org.gephi.preview.types.DependantColor;
import org.gephi.preview.types.DependantOriginalColor;
import org.gephi.preview.types.EdgeColor;
import org.gephi.project.api.ProjectController;
import org.gephi.project.api.Workspace;
import org.openide.util.Lookup;

final class GephiPicture {
    // Sizes in preview units; the picture maps the drawing onto --width pixels.
    private static final float NODE_FONT = 30f;
    private static final float EDGE_FONT = 22f;
    private static final float MIN_RADIUS = 24f;
    private static final float MAX_RADIUS = 56f;
    private static final float CURVENESS = 0.2f;
    private static final Color EDGE = new Color(0xa0, 0xa0, 0xa0);
    private static final Color EDGE_LABEL = new Color(0x4a, 0x4a, 0x6a);

    private GephiPicture() {}

    static int run(List<String> a) throws Exception {
        String png = GephiCheck.opt(a, "--png", null);
        int width = Integer.parseInt(GephiCheck.opt(a, "--width", "2400"));
        String title = GephiCheck.opt(a, "--title", null);
        long seed = Long.parseLong(GephiCheck.opt(a, "--seed", "42"));
        boolean failOnOverlap = a.remove("--fail-on-overlap");
        if (png == null) {
            throw new GephiCheck.UsageException("--png OUT.png is required");
        }
        if (a.size() != 1 || a.get(0).startsWith("--")) {
            throw new GephiCheck.UsageException("expected one input file, got " + a);
        }
        File file = new File(a.get(0)).getAbsoluteFile();
        if (!file.isFile()) {
            throw new GephiCheck.UsageException("no such file: " + file);
        }
        if (width < 200 || width > 20000) {
            throw new GephiCheck.UsageException("--width must be in 200..20000");
        }

        GephiCheck.Json out = new GephiCheck.Json();
        out.put("file", file.getPath());
        List<String> failures = new ArrayList<>();
        boolean seeded = SeededMathRandom.seed(seed);
        out.put("seed", seed);
        out.put("seeded_random", seeded);
        if (!seeded) {
            failures.add("Math.random() could not be seeded: the picture is not reproducible");
        }

        ProjectController pc = Lookup.getDefault().lookup(ProjectController.class);
        pc.newProject();
        Workspace ws = pc.getCurrentWorkspace();
        ImportController ic = Lookup.getDefault().lookup(ImportController.class);
        Container container = ic.importFile(file);
        if (container == null) {
            out.put("ok", false);
            out.put("error", "Gephi importer returned no container (file rejected)");
            System.out.println(out);
            return 2;
        }
        ic.process(container, new DefaultProcessor(), ws);
        GraphModel gm = Lookup.getDefault().lookup(GraphController.class).getGraphModel(ws);

        PictureGraph pg = PictureGraph.prepare(gm, MIN_RADIUS, MAX_RADIUS);
        out.put("nodes_in_file", pg.nodesInFile);
        out.put("relations_in_file", pg.relationsInFile);
        out.put("isolated_left_out", pg.isolated);
        out.put("drawn_nodes", pg.drawnNodes);
        out.put("drawn_edges", pg.drawnEdges);
        out.put("relations_drawn", pg.relationsDrawn);
        List<GephiCheck.Json> types = new ArrayList<>();
        for (PictureGraph.TypeEntry t : pg.types) {
            GephiCheck.Json tj = new GephiCheck.Json();
            tj.put("type", t.name());
            tj.put("color", String.format("#%02x%02x%02x", t.color().getRed(), t.color().getGreen(), t.color().getBlue()));
            tj.put("count", t.count());
            types.add(tj);
        }
        out.put("legend", types);
        if (pg.drawnNodes < 2) {
            out.put("ok", false);
            out.put("error", "fewer than two entities with relations: nothing to draw");
            System.out.println(out);
            return 2;
        }

        Font nodeFont = new Font(Font.SANS_SERIF, Font.BOLD, Math.round(NODE_FONT));
        Font edgeFont = new Font(Font.SANS_SERIF, Font.PLAIN, Math.round(EDGE_FONT));
        LabelBoxes boxes = new LabelBoxes(nodeFont, edgeFont, CURVENESS, 0.7f * EDGE_FONT);
        PictureLayout layout = new PictureLayout(gm, boxes, seed, seeded);
        float margin = 1.5f * NODE_FONT;
        long l0 = System.nanoTime();
        layout.run(margin);
        GephiCheck.Json lj = new GephiCheck.Json();
        lj.put("variants_tried", layout.tried);
        GephiCheck.Json vj = new GephiCheck.Json();
        vj.put("label_disc", layout.chosen.labelDisc());
        vj.put("scaling_ratio", layout.chosen.scalingRatio());
        vj.put("gravity", layout.chosen.gravity());
        lj.put("forceatlas2", vj);
        lj.put("forceatlas2_iterations", layout.fa2Done);
        lj.put("labeladjust_iterations", layout.labelAdjustDone);
        lj.put("edge_label_rounds", layout.edgeLabelDone);
        lj.put("spread_rounds", layout.spreadRounds);
        lj.put("components", layout.components);
        lj.put("spread", Math.round(layout.spread * 1000.0) / 1000.0);
        lj.put("ms", (System.nanoTime() - l0) / 1_000_000);
        out.put("layout", lj);
        GephiCheck.Json oj = new GephiCheck.Json();
        oj.put("node_labels", layout.overlaps.nodeLabels());
        oj.put("edge_labels", layout.overlaps.edgeLabels());
        oj.put("edge_and_node_labels", layout.overlaps.edgeAndNodeLabels());
        oj.put("labels_on_other_discs", layout.overlaps.labelsOnDiscs());
        oj.put("edges_through_labels", layout.overlaps.edgesThroughLabels());
        oj.put("edge_crossings", layout.crossings);
        out.put("overlaps", oj);
        if (failOnOverlap && layout.overlaps.hidden() > 0) {
            failures.add("labels still overlap after layout: " + layout.overlaps);
        }

        float[] box = boxes.viewBox(gm.getGraph(), margin);
        float scale = width / (box[2] - box[0]);
        int height = Math.max(1, Math.round((box[3] - box[1]) * scale));
        byte[] drawing = render(ws, box, width, height, nodeFont, edgeFont);

        String heading = (title != null ? title + " \u00b7 " : "") + pg.drawnNodes + " entities, "
                + pg.relationsDrawn + " relations";
        String note = String.format(Locale.ROOT,
                "Disc size: number of relations (1 to %d). Edge label: relation type(s); the arrow points the way"
                        + " of the directed ones, symmetric types (e.g. TRADES_WITH) read both ways, an edge without"
                        + " arrow has only symmetric ones. %s. Gephi Toolkit 0.10.1: ForceAtlas 2 + LabelAdjust.",
                pg.maxDegree, pg.isolated == 0 ? "Every entity has a relation"
                        : pg.isolated + (pg.isolated == 1 ? " entity" : " entities") + " without relations left out");
        BufferedImage picture = PictureLegend.compose(ImageIO.read(new ByteArrayInputStream(drawing)), heading,
                pg.types, note);
        Path target = new File(png).getAbsoluteFile().toPath();
        writeAtomically(picture, target);

        GephiCheck.Json pj = new GephiCheck.Json();
        pj.put("path", target.toString());
        pj.put("bytes", Files.size(target));
        pj.put("width", picture.getWidth());
        pj.put("height", picture.getHeight());
        pj.put("node_label_px", Math.round(NODE_FONT * scale * 10f) / 10.0);
        pj.put("edge_label_px", Math.round(EDGE_FONT * scale * 10f) / 10.0);
        out.put("png", pj);
        out.put("failures", failures);
        out.put("ok", failures.isEmpty());
        System.out.println(out);
        return failures.isEmpty() ? 0 : 1;
    }

    // EdgeRenderer.BEZIER_CURVENESS is deprecated in 0.10.1, yet its EdgeRenderer and
    // EdgeLabelRenderer still read it; LabelBoxes assumes the same value.
    @SuppressWarnings("deprecation")
    private static byte[] render(Workspace ws, float[] box, int width, int height, Font nodeFont, Font edgeFont) {
        PreviewController prev = Lookup.getDefault().lookup(PreviewController.class);
        PreviewModel model = prev.getModel(ws);
        PreviewProperties p = model.getProperties();
        p.putValue(PreviewProperty.BACKGROUND_COLOR, Color.WHITE);
        p.putValue(PreviewProperty.NODE_BORDER_WIDTH, 2f);
        p.putValue(PreviewProperty.NODE_BORDER_COLOR, new DependantColor(DependantColor.Mode.DARKER));
        p.putValue(PreviewProperty.NODE_OPACITY, 100f);
        p.putValue(PreviewProperty.SHOW_NODE_LABELS, Boolean.TRUE);
        p.putValue(PreviewProperty.NODE_LABEL_PROPORTIONAL_SIZE, Boolean.FALSE);
        p.putValue(PreviewProperty.NODE_LABEL_FONT, nodeFont);
        // Each label in a darker shade of its disc's colour (set by PictureGraph): type at a glance.
        p.putValue(PreviewProperty.NODE_LABEL_COLOR, new DependantOriginalColor(DependantOriginalColor.Mode.ORIGINAL));
        // Gephi scales the outline by font size / 32.
        p.putValue(PreviewProperty.NODE_LABEL_OUTLINE_SIZE, 8f);
        p.putValue(PreviewProperty.NODE_LABEL_OUTLINE_OPACITY, 90f);
        p.putValue(PreviewProperty.NODE_LABEL_OUTLINE_COLOR, new DependantColor(Color.WHITE));
        p.putValue(PreviewProperty.SHOW_EDGES, Boolean.TRUE);
        p.putValue(PreviewProperty.EDGE_CURVED, Boolean.TRUE);
        p.putValue(EdgeRenderer.BEZIER_CURVENESS, CURVENESS);
        p.putValue(PreviewProperty.EDGE_COLOR, new EdgeColor(EDGE));
        p.putValue(PreviewProperty.EDGE_OPACITY, 100f);
        p.putValue(PreviewProperty.EDGE_THICKNESS, 3f);
        p.putValue(PreviewProperty.EDGE_RESCALE_WEIGHT, Boolean.FALSE);
        p.putValue(PreviewProperty.ARROW_SIZE, 5f);
        p.putValue(PreviewProperty.SHOW_EDGE_LABELS, Boolean.TRUE);
        p.putValue(PreviewProperty.EDGE_LABEL_FONT, edgeFont);
        p.putValue(PreviewProperty.EDGE_LABEL_COLOR, new DependantOriginalColor(EDGE_LABEL));
        p.putValue(PreviewProperty.EDGE_LABEL_SHORTEN, Boolean.FALSE);
        p.putValue(PreviewProperty.EDGE_LABEL_OUTLINE_SIZE, 10f);
        p.putValue(PreviewProperty.EDGE_LABEL_OUTLINE_OPACITY, 90f);
        p.putValue(PreviewProperty.EDGE_LABEL_OUTLINE_COLOR, new DependantColor(Color.WHITE));
        p.putValue(HeadlessG2DRenderTargetBuilder.VIEW_BOX, box);
        prev.refreshPreview(ws);

        ExportController ec = Lookup.getDefault().lookup(ExportController.class);
        PNGExporter pe = (PNGExporter) ec.getExporter("png");
        pe.setWorkspace(ws);
        pe.setWidth(width);
        pe.setHeight(height);
        pe.setMargin(0);
        pe.setTransparentBackground(false);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ec.exportStream(bytes, pe);
        return bytes.toByteArray();
    }

    /** Temp file beside the target, then rename: a reader never sees half a PNG. */
    private static void writeAtomically(BufferedImage image, Path target) throws IOException {
        Path dir = target.getParent() != null ? target.getParent() : Path.of(".");
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            if (!ImageIO.write(image, "png", tmp.toFile())) {
                throw new IOException("no PNG writer");
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
