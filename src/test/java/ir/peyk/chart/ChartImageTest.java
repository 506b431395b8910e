package ir.peyk.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The renderer on its own: direction, empty charts, hostile text. Shaping was checked by eye (see the README). */
class ChartImageTest {
    static final int BAR_RGB = 0x2A9D8F;

    @Test
    void rightToLeftBarsGrowFromTheRightWithTheLabelAgainstTheRightMargin() {
        BufferedImage rtl = ChartImage.render(chart(true));
        BufferedImage ltr = ChartImage.render(chart(false));
        int row = barRow(rtl);
        // A full bar: in RTL its right end is left of the label, in LTR its left end is right of the label.
        int[] r = barSpan(rtl, row);
        int[] l = barSpan(ltr, barRow(ltr));
        assertTrue(r[1] < ChartImage.WIDTH - 100, "RTL: the label sits right of the bar: " + r[0] + ".." + r[1]);
        assertTrue(l[0] > 100, "LTR: the label sits left of the bar: " + l[0] + ".." + l[1]);
        // The half bar of the second row ends at the right in RTL (grows leftwards from the label side).
        int[] half = barSpan(rtl, row + 38);
        assertEquals(r[1], half[1], 3.0, "both RTL bars start at the label side");
        assertTrue(half[0] > r[0] + (r[1] - r[0]) / 3, "and the half bar is shorter: " + half[0] + " vs " + r[0]);
    }

    @Test
    void aChartWithNothingToDrawSaysWhyAndIsStillAPng() throws Exception {
        byte[] png = ChartImage.png(new BarChart("خبری بی‌عدد", List.of("۱۲ کلمه"),
                List.of(new BarChart.Section("کلیدواژه‌ها", List.of())), "این خبر کلیدواژه یا عددی برای نمودار ندارد.", true));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertNotNull(image);
        assertTrue(image.getHeight() < 250, "no empty sections drawn: " + image.getHeight());
    }

    @Test
    void hostileTextAndValuesDoNotBreakTheImage() {
        String huge = "ب".repeat(5000) + "\u202E\u0000" + "x".repeat(3000);
        BarChart c = new BarChart(huge, List.of(huge), List.of(new BarChart.Section(huge, List.of(
                new BarChart.Bar(huge, Double.NaN, 0, huge),
                new BarChart.Bar("", Double.POSITIVE_INFINITY, 1, ""),
                new BarChart.Bar("a", -5, 10, "-5")))), "", true);
        BufferedImage image = ChartImage.render(c);
        assertEquals(ChartImage.WIDTH, image.getWidth());
        assertTrue(image.getHeight() < 600, "long text is cut, not wrapped without end: " + image.getHeight());
    }

    private static BarChart chart(boolean rtl) {
        return new BarChart("عنوان خبر", List.of("۲۹۴ کلمه"), List.of(new BarChart.Section("کلیدواژه‌ها", List.of(
                new BarChart.Bar("پلتفرم‌ها", 10, 10, "۱۰"),
                new BarChart.Bar("مردم", 5, 10, "۵")))), "", rtl);
    }

    /** The first image row crossing a bar (the bar colour somewhere on it). */
    private static int barRow(BufferedImage img) {
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) if (isBar(img.getRGB(x, y))) return y + 6;
        }
        throw new AssertionError("no bar drawn");
    }

    private static int[] barSpan(BufferedImage img, int y) {
        int first = -1, last = -1;
        for (int x = 0; x < img.getWidth(); x++) {
            if (isBar(img.getRGB(x, y))) {
                if (first < 0) first = x;
                last = x;
            }
        }
        if (first < 0) throw new AssertionError("no bar on row " + y);
        return new int[] {first, last};
    }

    private static boolean isBar(int rgb) {
        return (rgb & 0xFFFFFF) == BAR_RGB;
    }
}
