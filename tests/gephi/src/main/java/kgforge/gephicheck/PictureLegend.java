// kgforge test harness: Gephi's preview draws no legend, so the picture gets one here: a band
// above the PNG the Toolkit exported, drawn with Java2D: the title, one coloured disc per entity
// type with its count, and a line saying how to read sizes, edges and what was left out.
package kgforge.gephicheck;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

final class PictureLegend {
    private PictureLegend() {}

    static BufferedImage compose(BufferedImage drawing, String title, List<PictureGraph.TypeEntry> types,
            String note) {
        int w = drawing.getWidth();
        float u = w / 2400f;
        Font titleFont = new Font(Font.SANS_SERIF, Font.BOLD, Math.round(46 * u));
        Font typeFont = new Font(Font.SANS_SERIF, Font.PLAIN, Math.round(36 * u));
        Font noteFont = new Font(Font.SANS_SERIF, Font.PLAIN, Math.round(28 * u));
        int pad = Math.round(40 * u);
        int disc = Math.round(32 * u);

        BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D pg = probe.createGraphics();
        FontMetrics tm = pg.getFontMetrics(titleFont);
        FontMetrics ym = pg.getFontMetrics(typeFont);
        FontMetrics nm = pg.getFontMetrics(noteFont);
        pg.dispose();
        int titleBase = pad + tm.getAscent();
        int typeBase = titleBase + tm.getDescent() + Math.round(28 * u) + ym.getAscent();
        int noteBase = typeBase + ym.getDescent() + Math.round(22 * u) + nm.getAscent();
        List<String> noteLines = wrap(note, nm, w - 2 * pad);
        int band = noteBase + (noteLines.size() - 1) * nm.getHeight() + nm.getDescent() + pad;

        BufferedImage out = new BufferedImage(w, band + drawing.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, out.getHeight());
        g.drawImage(drawing, 0, band, null);

        g.setColor(new Color(0x22, 0x22, 0x22));
        g.setFont(titleFont);
        g.drawString(title, pad, titleBase);

        int x = pad;
        g.setFont(typeFont);
        for (PictureGraph.TypeEntry t : types) {
            float cy = typeBase - ym.getAscent() / 2f + ym.getDescent() / 2f;
            Ellipse2D.Float dot = new Ellipse2D.Float(x, cy - disc / 2f, disc, disc);
            g.setColor(t.color());
            g.fill(dot);
            g.setColor(t.color().darker());
            g.setStroke(new BasicStroke(Math.max(1f, 2f * u)));
            g.draw(dot);
            x += disc + Math.round(14 * u);
            String text = t.name() + " (" + t.count() + ")";
            g.setColor(new Color(0x22, 0x22, 0x22));
            g.drawString(text, x, typeBase);
            x += ym.stringWidth(text) + Math.round(56 * u);
        }

        g.setFont(noteFont);
        g.setColor(new Color(0x55, 0x55, 0x55));
        for (int i = 0; i < noteLines.size(); i++) {
            g.drawString(noteLines.get(i), pad, noteBase + i * nm.getHeight());
        }

        g.setColor(new Color(0xdd, 0xdd, 0xdd));
        g.setStroke(new BasicStroke(Math.max(1f, 2f * u)));
        g.drawLine(pad, band - Math.round(6 * u), w - pad, band - Math.round(6 * u));
        g.dispose();
        return out;
    }

    /** Greedy word wrap to lines no wider than width (a single longer word keeps its own line). */
    private static List<String> wrap(String text, FontMetrics fm, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = line.length() == 0 ? word : line + " " + word;
            if (line.length() > 0 && fm.stringWidth(candidate) > width) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        lines.add(line.toString());
        return lines;
    }
}
