package ir.peyk.answer;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The bot's last answers by question text, least recently used first out. Real bots are asked the same questions
 * again and again (a channel's readers ask what the story's first lines make them ask), and answering is the costliest
 * step of handling an update, so a repeated question costs a map lookup. An engine is built per article and holds its
 * own cache, so a new article starts with an empty one; the answer depends on the question's text alone (not on the
 * chat or its language: those only frame it), so the text is the whole key. Thread-safe; answering runs outside the
 * lock, so two workers may answer the same new question at once, which is cheaper than making others wait.
 *
 * <p>Size: {@code -Dpeyk.answers.cache=N} entries ({@value #DEFAULT_SIZE} by default; 0 turns it off). A question is
 * at most a few hundred characters and an answer shares the article's sentence strings, so the default stays within
 * a megabyte or two.
 */
final class AnswerCache {
    static final int DEFAULT_SIZE = 1024;

    private final int capacity;
    private final LinkedHashMap<String, Answer> map;

    AnswerCache(int capacity) {
        this.capacity = capacity;
        this.map = new LinkedHashMap<>(Math.min(capacity, 256), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Answer> eldest) {
                return size() > AnswerCache.this.capacity;
            }
        };
    }

    /** The size the bot runs with: {@code peyk.answers.cache}, else {@value #DEFAULT_SIZE}; never negative. */
    static int configuredSize() {
        return Math.max(0, Integer.getInteger("peyk.answers.cache", DEFAULT_SIZE));
    }

    /** The answer to {@code question}, cached, or {@code answer}'s, stored. */
    Answer get(String question, Function<String, Answer> answer) {
        if (capacity == 0) return answer.apply(question);
        synchronized (map) {
            Answer a = map.get(question);
            if (a != null) return a;
        }
        Answer a = answer.apply(question);
        synchronized (map) {
            map.put(question, a);
        }
        return a;
    }

    int size() {
        synchronized (map) {
            return map.size();
        }
    }
}
