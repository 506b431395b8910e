package ir.peyk.answer;

/** What kind of answer a question expects (see question-words.txt for the cues). */
enum AnswerType {
    /** A person: a name with its title. */
    PERSON,
    /** The person who said something ("چه کسی گفت …"). */
    SPEAKER,
    /** What someone said about something ("وزیر درباره X چه گفت"). */
    QUOTE,
    /** A number with its unit and qualifier. */
    NUMBER,
    /** A calendar date or a relative time. */
    DATE,
    /** A place from the gazetteer. */
    LOCATION,
    /** The clause after a reason marker (به دلیل، زیرا …). */
    REASON,
    /** How something is done: a manner phrase, or the sentence. */
    MANNER,
    /** Items of a list after the head noun, or the head noun with its modifiers. */
    LIST,
    /** "کدام / چه X": the head noun with its modifiers, or a list after it. */
    WHICH,
    /** "X چیست / درباره چه": the clause that holds the matched words. */
    DEFINITION,
    /** "آیا …": whether a matching sentence exists, and its polarity. */
    YESNO,
    /** The outlet that published the news. */
    SOURCE,
    /** When the news was published (the dateline). */
    PUBLISHED,
    /** کی: who or when, decided from the words around it. */
    WHO_OR_WHEN,
    /** No question word: treated like DEFINITION. */
    UNKNOWN
}
