package ir.peyk.bench.tb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.fa.PersianAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * The comparison bot's "answer engine": the article's sentences in an in-memory Lucene index (PersianAnalyzer:
 * Persian normalisation and stop words), each question answered with the sentence BM25 ranks first. Work of the
 * kind a framework user would write in an afternoon; Peyk's engine does more (spans, typed answers, declining).
 */
final class SentenceIndex {
    private static final String FIELD = "text";
    static final String NO_MATCH = "پاسخی در متن خبر پیدا نشد.";

    private final Analyzer analyzer = new PersianAnalyzer();
    private final IndexSearcher searcher;

    SentenceIndex(List<String> sentences) {
        ByteBuffersDirectory dir = new ByteBuffersDirectory();
        try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(analyzer).setSimilarity(new BM25Similarity()))) {
            for (String s : sentences) {
                Document d = new Document();
                d.add(new TextField(FIELD, s, Field.Store.YES));
                w.addDocument(d);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            searcher = new IndexSearcher(DirectoryReader.open(dir));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        searcher.setSimilarity(new BM25Similarity());
    }

    /** The article's sentences, split simply: by line, then after . ! ? ؟ followed by a space. */
    static List<String> sentences(String article) {
        List<String> out = new ArrayList<>();
        for (String line : article.split("\\R")) {
            for (String s : line.split("(?<=[.!?؟])\\s+")) {
                if (!s.isBlank()) out.add(s.strip());
            }
        }
        return out;
    }

    /** The best-ranked sentence for the question, or {@link #NO_MATCH} when no word of it is in the article. */
    String best(String question) {
        try {
            BooleanQuery.Builder q = new BooleanQuery.Builder();
            int terms = 0;
            try (TokenStream ts = analyzer.tokenStream(FIELD, question)) {
                CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
                ts.reset();
                while (ts.incrementToken() && terms < IndexSearcher.getMaxClauseCount()) {
                    q.add(new TermQuery(new Term(FIELD, term.toString())), BooleanClause.Occur.SHOULD);
                    terms++;
                }
                ts.end();
            }
            if (terms == 0) return NO_MATCH;
            TopDocs top = searcher.search(q.build(), 1);
            if (top.scoreDocs.length == 0) return NO_MATCH;
            return searcher.storedFields().document(top.scoreDocs[0].doc).get(FIELD);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
