package ir.peyk.article;

/** An input that cannot be stored as an article. The message is one line that names the problem for the user. */
public class ArticleException extends Exception {
    public ArticleException(String message) {
        super(message);
    }
}
