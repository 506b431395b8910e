package ir.peyk.answer;

import ir.peyk.text.PersianText;
import java.util.List;

/**
 * Whether a text asks something: it ends with a question mark or holds a question word (Persian from
 * question-words.txt, English and Finglish from {@link EnglishQuestions}'s lists). The inline mode uses it to tell a
 * question the article does not answer ("the article does not say") from a word typed to search.
 */
public final class QuestionCues {
    private QuestionCues() {}

    public static boolean present(String text) {
        if (text == null) return false;
        String t = text.strip();
        if (t.endsWith("?") || t.endsWith("؟")) return true;
        List<String> words = PersianText.keyWords(t.length() > 300 ? t.substring(0, 300) : t);
        if (words.size() < 2) return false;
        for (String w : words) {
            if (Lang.CUES_BY_FIRST.containsKey(w) && Lang.isFunctionWord(w) || EnglishQuestions.isQuestionWord(w)) return true;
        }
        return false;
    }
}
