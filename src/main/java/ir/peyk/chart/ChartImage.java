package ir.peyk.chart;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.font.LineBreakMeasurer;
import java.awt.font.TextAttribute;
import java.awt.font.TextLayout;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.AttributedString;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Renders a {@link BarChart} to PNG with Java2D, in-process (no display, no browser, no chart library).
 *
 * <p>Persian needs two things Java2D does only on request: <b>shaping</b> (each Arabic-script letter takes its joined
 * form) and <b>bidirectional ordering</b> (right-to-left runs, with Latin and digits inside them left-to-right). Every
 * string is therefore drawn as a {@link TextLayout} over an {@link AttributedString} whose run direction is set — never
 * with {@code drawString} on raw chars — and with a font that has the Persian letters (DejaVu Sans, shipped in the jar
 * under {@code peyk/fonts/} with its licence, so the image looks the same on any server, fonts installed or not).
 *
 * <p>Thread-safe: each call draws on its own image.
 */
public final class ChartImage {
    static final int WIDTH = 800;
    private static final int PAD = 32;
    private static final int ROW = 38;
    private static final int BAR_HEIGHT = 22;
    private static final int VALUE_ROOM = 70;
    private static final int MAX_LINE_CHARS = 300;
    private static final Color BACKGROUND = new Color(0xFAFAF7);
    private static final Color INK = new Color(0x1F2933);
    private static final Color MUTED = new Color(0x52606D);
    private static final Color BAR = new Color(0x2A9D8F);
    private static final Color TRACK = new Color(0xE4E7EB);
    private static final Font BASE = loadFont();

    private ChartImage() {}

    private static Font loadFont() {
        System.setProperty("java.awt.headless", "true"); // a server has no display; rendering to an image needs none
        try (InputStream in = ChartImage.class.getResourceAsStream("/peyk/fonts/DejaVuSans.ttf")) {
            if (in == null) throw new IllegalStateException("the chart font peyk/fonts/DejaVuSans.ttf is not in the jar");
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException | FontFormatException e) {
            throw new IllegalStateException("the chart font could not be read: " + e.getMessage(), e);
        }
    }

    /** The chart as PNG bytes. */
    public static byte[] png(BarChart chart) {
        BufferedImage image = render(chart);
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // writing to memory: cannot happen
        }
        return out.toByteArray();
    }

    static BufferedImage render(BarChart chart) {
        // Measure first (the height depends on how the title wraps), then draw on an image of that height.
        int height = new Painter(null, chart.rtl()).paint(chart);
        BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setColor(BACKGROUND);
            g.fillRect(0, 0, WIDTH, height);
            new Painter(g, chart.rtl()).paint(chart);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** Lays the chart out top to bottom; with no graphics it only measures. */
    private static final class Painter {
        private final Graphics2D g;
        private final boolean rtl;
        private final FontRenderContext frc = new FontRenderContext(null, true, true);
        private final Font title = BASE.deriveFont(Font.BOLD, 26f);
        private final Font heading = BASE.deriveFont(Font.BOLD, 19f);
        private final Font text = BASE.deriveFont(Font.PLAIN, 17f);
        private float y = PAD;

        Painter(Graphics2D g, boolean rtl) {
            this.g = g;
            this.rtl = rtl;
        }

        /** Draws (or measures) everything; returns the height used. */
        int paint(BarChart chart) {
            for (TextLayout line : wrap(chart.title(), title, WIDTH - 2 * PAD, 2)) line(line, INK, PAD, WIDTH - PAD);
            y += 6;
            for (String f : chart.facts()) line(fit(f, text, WIDTH - 2 * PAD), MUTED, PAD, WIDTH - PAD);
            if (chart.sections().isEmpty()) {
                y += 18;
                for (TextLayout line : wrap(chart.emptyNote(), text, WIDTH - 2 * PAD, 3)) line(line, MUTED, PAD, WIDTH - PAD);
            }
            float labelWidth = labelWidth(chart);
            for (BarChart.Section s : chart.sections()) {
                y += 18;
                line(fit(s.heading(), heading, WIDTH - 2 * PAD), INK, PAD, WIDTH - PAD);
                y += 4;
                for (BarChart.Bar b : s.bars()) bar(b, labelWidth);
            }
            return Math.round(y + PAD);
        }

        /** The widest label, bounded so bars keep at least half the width. */
        private float labelWidth(BarChart chart) {
            float w = 0;
            for (BarChart.Section s : chart.sections()) {
                for (BarChart.Bar b : s.bars()) w = Math.max(w, fit(b.label(), text, WIDTH).getAdvance());
            }
            return Math.min(w, (WIDTH - 2 * PAD) * 0.42f);
        }

        private void bar(BarChart.Bar b, float labelWidth) {
            float top = y + (ROW - BAR_HEIGHT) / 2f;
            TextLayout label = fit(b.label(), text, labelWidth);
            TextLayout value = layout(b.valueText(), text);
            float area = WIDTH - 2 * PAD - labelWidth - 14 - VALUE_ROOM;
            float length = Math.max(3, (float) (area * b.fraction()));
            float baseline = y + ROW / 2f + (label.getAscent() - label.getDescent()) / 2f;
            if (g != null) {
                // RTL: [value][bar ←——][label] with the label against the right margin; LTR mirrors it.
                float labelX = rtl ? WIDTH - PAD - label.getAdvance() : PAD;
                float trackStart = rtl ? PAD + VALUE_ROOM : PAD + labelWidth + 14;
                float barX = rtl ? trackStart + area - length : trackStart;
                float valueX = rtl ? barX - 8 - value.getAdvance() : barX + length + 8;
                g.setColor(TRACK);
                g.fill(new RoundRectangle2D.Float(trackStart, top, area, BAR_HEIGHT, 8, 8));
                g.setColor(BAR);
                g.fill(new RoundRectangle2D.Float(barX, top, length, BAR_HEIGHT, 8, 8));
                g.setColor(INK);
                label.draw(g, labelX, baseline);
                g.setColor(MUTED);
                value.draw(g, valueX, baseline);
            }
            y += ROW;
        }

        /** One line of text, aligned to the reading direction's start between {@code left} and {@code right}. */
        private void line(TextLayout t, Color color, float left, float right) {
            y += t.getAscent();
            if (g != null) {
                g.setColor(color);
                t.draw(g, rtl ? right - t.getAdvance() : left, y);
            }
            y += t.getDescent() + t.getLeading() + 4;
        }

        private TextLayout layout(String s, Font f) {
            return new TextLayout(attributed(s.isEmpty() ? " " : s, f).getIterator(), frc);
        }

        private AttributedString attributed(String s, Font f) {
            AttributedString a = new AttributedString(s);
            a.addAttribute(TextAttribute.FONT, f);
            a.addAttribute(TextAttribute.RUN_DIRECTION, rtl ? TextAttribute.RUN_DIRECTION_RTL : TextAttribute.RUN_DIRECTION_LTR);
            return a;
        }

        /** {@code s} in one line of at most {@code width}, cut at a word (or a character) with "…" when longer. */
        private TextLayout fit(String s, Font f, float width) {
            // No line of the image holds more than ~150 characters: measuring more is wasted (and hostile text is long).
            String text = s.length() > MAX_LINE_CHARS ? s.substring(0, MAX_LINE_CHARS) : s;
            TextLayout t = layout(text, f);
            if (text.length() == s.length() && t.getAdvance() <= width) return t;
            int lo = 0, hi = text.length(); // the longest prefix that fits with "…", by bisection
            while (lo < hi) {
                int mid = (lo + hi + 1) / 2;
                if (layout(prefix(text, mid) + "…", f).getAdvance() <= width) lo = mid;
                else hi = mid - 1;
            }
            int space = text.lastIndexOf(' ', lo);
            int cut = space > lo / 2 ? space : lo; // prefer a word boundary when one is near
            return layout(prefix(text, cut) + "…", f);
        }

        private static String prefix(String s, int n) {
            int end = n > 0 && n < s.length() && Character.isHighSurrogate(s.charAt(n - 1)) ? n - 1 : n;
            return s.substring(0, end).strip();
        }

        /** {@code s} over at most {@code maxLines} lines of {@code width}; the last line is cut with "…" if needed. */
        private List<TextLayout> wrap(String s, Font f, float width, int maxLines) {
            List<TextLayout> lines = new ArrayList<>();
            if (s == null || s.isBlank()) return lines;
            if (s.length() > MAX_LINE_CHARS * maxLines) s = s.substring(0, MAX_LINE_CHARS * maxLines);
            AttributedString a = attributed(s, f);
            LineBreakMeasurer m = new LineBreakMeasurer(a.getIterator(), frc);
            while (m.getPosition() < s.length()) {
                if (lines.size() == maxLines - 1) {
                    lines.add(fit(s.substring(m.getPosition()).strip(), f, width));
                    break;
                }
                lines.add(m.nextLayout(width));
            }
            return lines;
        }
    }
}
