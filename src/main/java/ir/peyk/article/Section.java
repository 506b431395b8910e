package ir.peyk.article;

/** Where a sentence stands in the article. Only BODY feeds summaries and keyword statistics. */
public enum Section { TITLE, BODY, FOOTER }
