package ir.peyk.answer;

/**
 * How far a word typed in Latin letters (Rubika, Zarepour, karbar) is from a Persian word (روبیکا، زارعپور، کاربر):
 * a weighted edit distance between the Latin word's sounds and the Persian letters. Persian writes the long vowels
 * (ا و ی) and leaves the short ones out, so a Latin vowel costs little to drop and matches ا / و / ی / ع / final ه
 * cheaply; consonants must agree by sound class (t is ت or ط, s is س ص or ث, z is ز ذ ض or ظ, gh/q is غ or ق).
 * Nothing here knows any word: the article's own vocabulary is what a Latin word is compared with.
 */
final class Transliteration {
    private static final double VOWEL_EXTRA = 0.5;
    private static final double NO_MATCH = 9;

    private Transliteration() {}

    /** The Latin word's sounds: consonant classes (b, p, t, s, C=ch, X=kh, S=sh, Z=zh, Q=gh/q …) and vowels A E I O U. */
    static String sounds(String latin) {
        String s = latin.toLowerCase(java.util.Locale.ROOT);
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            char n = i + 1 < s.length() ? s.charAt(i + 1) : 0;
            String two = n == 0 ? "" : "" + c + n;
            char out;
            switch (two) {
                case "kh" -> out = 'X';
                case "sh" -> out = 'S';
                case "ch" -> out = 'C';
                case "zh" -> out = 'Z';
                case "gh" -> out = 'Q';
                case "th" -> out = 't';
                case "ph" -> out = 'f';
                case "ck" -> out = 'k';
                case "ou", "oo" -> out = 'U';
                case "ee" -> out = 'I';
                case "aa" -> out = 'A';
                default -> out = 0;
            }
            if (out != 0) {
                i++;
            } else {
                out = switch (c) {
                    case 'a' -> 'A';
                    case 'e' -> 'E';
                    case 'i' -> 'I';
                    case 'o' -> 'O';
                    case 'u' -> 'U';
                    case 'y' -> i == 0 || isVowel(n) ? 'y' : 'I';
                    case 'w', 'v' -> 'v';
                    case 'c' -> n == 'e' || n == 'i' || n == 'y' ? 's' : 'k';
                    case 'q' -> 'Q';
                    case 'x' -> 's';          // ks: the k is written just below
                    default -> c >= 'a' && c <= 'z' ? c : 0;
                };
                if (c == 'x') b.append('k');
            }
            if (out == 0) continue;
            if (b.length() > 0 && b.charAt(b.length() - 1) == out && !isVowelSound(out)) continue;   // doubled letters
            b.append(out);
        }
        return b.toString();
    }

    /** The Persian word's letters as classes: a (ا آ), w (و), y (ی), h (ه ح), 3 (ع ء), consonant classes as above. */
    static String letters(String persian) {
        StringBuilder b = new StringBuilder(persian.length());
        for (int i = 0; i < persian.length(); i++) {
            char c = switch (persian.charAt(i)) {
                case 'ا', 'آ', 'أ', 'إ' -> 'a';
                case 'و' -> 'w';
                case 'ی' -> 'y';
                case 'ه', 'ح' -> 'h';
                case 'ع', 'ء' -> '3';
                case 'ب' -> 'b';
                case 'پ' -> 'p';
                case 'ت', 'ط' -> 't';
                case 'ث', 'س', 'ص' -> 's';
                case 'ج' -> 'j';
                case 'چ' -> 'C';
                case 'خ' -> 'X';
                case 'د' -> 'd';
                case 'ذ', 'ز', 'ض', 'ظ' -> 'z';
                case 'ر' -> 'r';
                case 'ژ' -> 'Z';
                case 'ش' -> 'S';
                case 'غ', 'ق' -> 'Q';
                case 'ف' -> 'f';
                case 'ک' -> 'k';
                case 'گ' -> 'g';
                case 'ل' -> 'l';
                case 'م' -> 'm';
                case 'ن' -> 'n';
                default -> '?';
            };
            b.append(c);
        }
        return b.toString();
    }

    /**
     * The cost of reading Latin sounds {@code l} as Persian letters {@code p} (from {@link #sounds} and
     * {@link #letters}): 0 for a perfect reading, about 1 for each consonant that differs.
     */
    static double distance(String l, String p) {
        int n = l.length();
        int m = p.length();
        double[][] d = new double[n + 1][m + 1];
        for (int i = 1; i <= n; i++) d[i][0] = d[i - 1][0] + drop(l.charAt(i - 1));
        for (int j = 1; j <= m; j++) d[0][j] = d[0][j - 1] + extra(p.charAt(j - 1), j - 1, m);
        for (int i = 1; i <= n; i++) {
            for (int j = 1; j <= m; j++) {
                double best = d[i - 1][j - 1] + same(l.charAt(i - 1), p.charAt(j - 1), j - 1, m);
                best = Math.min(best, d[i - 1][j] + drop(l.charAt(i - 1)));
                best = Math.min(best, d[i][j - 1] + extra(p.charAt(j - 1), j - 1, m));
                d[i][j] = best;
            }
        }
        return d[n][m];
    }

    /** Whether a distance is small enough for a word of {@code sounds} Latin sounds to be read as that Persian word. */
    static boolean close(double distance, int sounds) {
        return sounds >= 3 && distance <= 0.3 + 0.1 * sounds;
    }

    /** Latin sound {@code c} read as Persian letter {@code p} at position {@code j} of {@code m}. */
    private static double same(char c, char p, int j, int m) {
        boolean first = j == 0;
        boolean last = j == m - 1;
        switch (c) {
            case 'A': return p == 'a' ? 0 : p == '3' ? 0.2 : last && p == 'h' ? 0.3 : last && p == 'y' ? 0.3 : NO_MATCH;   // عیسی: Isa
            case 'E': return first && p == 'a' ? 0.2 : p == 'a' ? 0.6 : p == 'y' ? 0.3 : last && p == 'h' ? 0.1
                    : p == '3' ? 0.2 : NO_MATCH;
            case 'I': return p == 'y' ? 0 : first && p == 'a' ? 0.3 : p == '3' ? 0.3 : NO_MATCH;
            case 'O': return p == 'w' ? 0 : first && p == 'a' ? 0.3 : p == '3' ? 0.3 : NO_MATCH;
            case 'U': return p == 'w' ? 0 : first && p == 'a' ? 0.4 : p == '3' ? 0.3 : NO_MATCH;
            case 'v': return p == 'w' ? 0 : 1;
            case 'y': return p == 'y' ? 0 : 1;
            case 'k': return p == 'k' ? 0 : p == 'Q' ? 0.6 : 1;
            case 'g': return p == 'g' ? 0 : p == 'Q' ? 0.5 : 1;
            default: return c == p ? 0 : 1;
        }
    }

    /** A Latin sound Persian does not write: a short vowel costs little, a consonant (but h) a whole point. */
    private static double drop(char c) {
        return switch (c) {
            case 'A', 'O' -> 0.25;
            case 'E' -> 0.15;
            case 'I' -> 0.45;
            case 'U' -> 0.5;
            case 'h' -> 0.5;
            default -> 1;
        };
    }

    /** A Persian letter the Latin does not spell: a vowel letter, ع or a final ه costs little. */
    private static double extra(char p, int j, int m) {
        return switch (p) {
            case '3' -> 0.3;
            case 'a', 'w', 'y' -> VOWEL_EXTRA;
            case 'h' -> j == m - 1 ? 0.3 : 1;
            default -> 1;
        };
    }

    private static boolean isVowel(char c) {
        return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
    }

    private static boolean isVowelSound(char c) {
        return c == 'A' || c == 'E' || c == 'I' || c == 'O' || c == 'U';
    }
}
