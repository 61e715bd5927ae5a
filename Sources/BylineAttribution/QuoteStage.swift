import BylineCore

/// Finds who said what: direct quotes in quotation marks, reported (indirect) speech, and mixed
/// reported speech holding a quoted fragment, each with its speaker and cue.
///
/// - Requires: `tokens`, `sentences`, and `entities` when made with `usesEntities: true` (the
///   default; speakers then resolve to the entity's canonical name and carry its id).
/// - Produces: `quotes`.
/// - Options: the cue lexicon (`Lexicons/quotes/cues.tsv`), role words (`titles.tsv`), speaker
///   nouns (`speaker-nouns.tsv`) and nouns of saying (`cue-nouns.tsv`).
/// - Limits: English only; rule-based (no parser), so long subjects, nested reported speech and
///   speakers named only in a previous paragraph by a description are often missed; only
///   double quotation marks mark direct quotes. Reported speech follows PolNeAR's broad notion
///   of attribution (stances such as "called for", "criticized" count).
///
/// Rules (the `rule` of each quote):
/// - `quotes.direct-cue-after`: `"We are ready," al-Assad added.` / `"…," said Smith.`; with
///   `"…," she said, "…"` the two pieces form one quote.
/// - `quotes.direct-cue-before`: `al-Assad stated, "If …"` / `The mayor said: "…"`.
/// - `quotes.direct-colon`: `Smith: "…"` and `Clinton's response was: "…"`.
/// - `quotes.direct-continuation`: a quoted paragraph with no cue continues the last speaker.
/// - `quotes.mixed-cue-after`: `The plan is popular, but "it fails," Park said.`
/// - `quotes.indirect-cue` / `quotes.mixed-cue`: `X said (that) …`, `X told reporters …`;
///   mixed when the clause holds a quoted fragment.
/// - `quotes.indirect-cue-bare`: `Smith warned the deal would fail.` (no "that").
/// - `quotes.indirect-participle`: `He stressed …, noting that …` (speaker of the sentence).
/// - `quotes.indirect-cue-after`: `Prices will rise, the bank said.` / `…, said Smith.`
/// - `quotes.according-to`: `According to X, …` / `…, according to X.`
/// - `quotes.noun-cue`: `the governor's claim that …`, `her insistence that …` (may nest inside
///   the reported speech of a verb cue, as PolNeAR annotates both).
///
/// A second cue joined to the first (`X said A and warned B`, `…, but she said B`) starts a quote
/// of its own; cue words used as nouns (`the senator's call`, `a preliminary report`) are no cues.
/// - `quotes.in-poll`: `In a new Herald poll released Monday, 52 percent backed …` (the poll is
///   the source).
/// - `quotes.colon-attribution`: `Senior Hamas source to Al Mayadeen: We consider …` and
///   transcript lines `CLINTON: …` (the speaker must be named again in the article).
public struct QuoteStage: Stage {
  public let name = "quotes"
  public let summary = "direct, indirect and mixed quotes with speaker and cue (rule-based)"
  public let requires: Set<Layer>
  public let produces: Set<Layer> = [.quotes]
  let lexicon: QuoteLexicon

  /// A stage over an in-memory lexicon; `usesEntities: false` drops `entities` from `requires`
  /// (speakers then resolve from capitalised name runs only).
  public init(lexicon: QuoteLexicon, usesEntities: Bool = true) {
    self.lexicon = lexicon
    self.requires = usesEntities ? [.tokens, .sentences, .entities] : [.tokens, .sentences]
  }

  /// Loads the lexicons from `Lexicons/quotes/`.
  public init(lexicons: LexiconStore, usesEntities: Bool = true) throws {
    self.init(lexicon: try QuoteLexicon(lexicons: lexicons), usesEntities: usesEntities)
  }

  public func process(_ document: inout Document) throws {
    var finder = QuoteFinder(document: document, lexicon: lexicon)
    document.quotes = finder.run()
  }
}
