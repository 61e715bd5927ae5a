import BylineCore

/// Finds who an article cites for its information: news agencies and media, officials and
/// institutions, anonymous sources, and documents.
///
/// - Requires: `tokens`, `quotes`, and `entities` when made with `usesEntities: true` (the
///   default; citations then carry the entity's id, and an ORG or titled PERSON speaker is an
///   official).
/// - Produces: `sources`, one citation per mention (the same source cited twice in an article
///   gives two citations; identical spans are merged).
/// - Options: `Lexicons/sources/outlets.tsv` (outlets and spellings) and `nouns.tsv`.
/// - Limits: an outlet counts only when a cue cites it ("reported", "told", "according to",
///   "citing", "in an interview with", a "(AP)" dateline, or a quote attributed to it); plain
///   mentions ("an article in The Guardian") are not citations.
public struct SourceStage: Stage {
  public let name = "sources"
  public let summary = "cited agencies, media, officials, anonymous sources and documents"
  public let requires: Set<Layer>
  public let produces: Set<Layer> = [.sources]
  let lexicon: SourceLexicon

  public init(lexicon: SourceLexicon, usesEntities: Bool = true) {
    self.lexicon = lexicon
    self.requires = usesEntities ? [.tokens, .entities, .quotes] : [.tokens, .quotes]
  }

  /// Loads `Lexicons/sources/`.
  public init(lexicons: LexiconStore, usesEntities: Bool = true) throws {
    self.init(lexicon: try SourceLexicon(lexicons: lexicons), usesEntities: usesEntities)
  }

  public func process(_ document: inout Document) throws {
    var finder = SourceFinder(document: document, lexicon: lexicon)
    document.sources = finder.run()
  }
}
