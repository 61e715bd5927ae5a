import BylineCore

/// Finds who said what: direct quotes in quotation marks, reported (indirect) speech, and mixed
/// reported speech holding a quoted fragment, each with its speaker and cue.
///
/// - Requires: `tokens`, `sentences`, and `entities` when made with `usesEntities: true` (the
///   default; speakers then resolve to the entity's canonical name and carry its id).
/// - Produces: `quotes`.
/// - Options: the cue lexicon (`Lexicons/quotes/cues.tsv`), role words (`titles.tsv`) and
///   speaker nouns (`speaker-nouns.tsv`).
/// - Limits: English only; rule-based (no parser), so long subjects, nested reported speech and
///   speakers named only in a previous paragraph by a description are often missed; only
///   double quotation marks mark direct quotes.
public struct QuoteStage: Stage {
  public let name = "quotes"
  public let summary = "direct, indirect and mixed quotes with speaker and cue (rule-based)"
  public let requires: Set<Layer>
  public let produces: Set<Layer> = [.quotes]
  let lexicon: QuoteLexicon

  /// A stage over an in-memory lexicon.
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
