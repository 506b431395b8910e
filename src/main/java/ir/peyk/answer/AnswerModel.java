package ir.peyk.answer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The decide step: a logistic model over the features of a question's best candidate ({@link Features#NAMES}) that
 * gives the probability that the candidate answers the question, and the threshold below which Peyk declines.
 * Weights and threshold are data ({@code /peyk/model/answer-model.tsv}), written by {@code peyk train} from labelled
 * questions, so the operating point is chosen from a measured curve rather than by feel.
 *
 * @param weights   one weight per feature, in {@link Features#NAMES} order
 * @param bias      the intercept
 * @param threshold answer when the probability is at least this
 */
public record AnswerModel(double[] weights, double bias, double threshold) {
    public static final String RESOURCE = "/peyk/model/answer-model.tsv";
    /** The feature names, in weight order. */
    public static final List<String> FEATURES = Features.NAMES;
    /** Per feature: +1 when its weight may not be negative, −1 when it may not be positive, 0 when free. */
    public static final List<Integer> SIGNS = Features.SIGNS;

    public AnswerModel {
        if (weights.length != Features.NAMES.size()) {
            throw new IllegalArgumentException("the model has " + weights.length + " weights for "
                    + Features.NAMES.size() + " features; retrain it with `peyk train`");
        }
        weights = weights.clone();
    }

    @Override
    public double[] weights() {
        return weights.clone();
    }

    /** The probability that the candidate with features {@code f} answers the question. */
    public double probability(double[] f) {
        double z = bias;
        for (int i = 0; i < weights.length; i++) z += weights[i] * f[i];
        return 1 / (1 + Math.exp(-z));
    }

    /** The shipped model. */
    public static AnswerModel shipped() {
        try (InputStream in = AnswerModel.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("missing resource " + RESOURCE);
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the TSV written by {@link #format}: {@code name<TAB>value} lines, {@code #} comments. */
    public static AnswerModel parse(String tsv) {
        Map<String, Double> v = new HashMap<>();
        try (BufferedReader r = new BufferedReader(new java.io.StringReader(tsv))) {
            for (String line; (line = r.readLine()) != null; ) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) continue;
                String[] kv = line.split("\t");
                if (kv.length != 2) throw new IllegalArgumentException("bad model line: " + line);
                v.put(kv[0], Double.parseDouble(kv[1]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> names = Features.NAMES;
        double[] w = new double[names.size()];
        for (int i = 0; i < w.length; i++) {
            Double x = v.get(names.get(i));
            if (x == null) throw new IllegalArgumentException("the model has no weight for " + names.get(i));
            w[i] = x;
        }
        return new AnswerModel(w, v.getOrDefault("bias", 0.0), v.getOrDefault("threshold", 0.5));
    }

    /** The model as TSV, with a comment header (what wrote it, on what data). */
    public String format(String header) {
        StringBuilder b = new StringBuilder();
        for (String line : header.split("\n")) b.append("# ").append(line).append('\n');
        for (int i = 0; i < weights.length; i++) {
            b.append(Features.NAMES.get(i)).append('\t').append(String.format(Locale.ROOT, "%.6f", weights[i])).append('\n');
        }
        b.append("bias\t").append(String.format(Locale.ROOT, "%.6f", bias)).append('\n');
        b.append("threshold\t").append(String.format(Locale.ROOT, "%.4f", threshold)).append('\n');
        return b.toString();
    }
}
