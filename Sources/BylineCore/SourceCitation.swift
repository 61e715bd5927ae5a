/// What kind of source an article cites.
public enum SourceKind: String, Sendable, Hashable, Codable {
  case agency, media, official, anonymous, document, other
}

/// A source the article rests on: an agency, outlet, official, document or anonymous source.
public struct SourceCitation: Hashable, Sendable, Attributed {
  /// The mention in the text ("Daily Sabah", "sources familiar with the discussions").
  public var range: TextRange
  /// Normalised name ("Daily Sabah", "AFP"); for anonymous sources the descriptive phrase.
  public var name: String
  public var kind: SourceKind
  /// The citing cue ("reported", "according to", "told"), when there is one.
  public var cue: String?
  public var cueRange: TextRange?
  /// The entity the source is, when the entity stage knows it.
  public var entityID: String?
  public var rule: String

  public init(
    range: TextRange, name: String, kind: SourceKind, cue: String? = nil,
    cueRange: TextRange? = nil, entityID: String? = nil, rule: String
  ) {
    self.range = range
    self.name = name
    self.kind = kind
    self.cue = cue
    self.cueRange = cueRange
    self.entityID = entityID
    self.rule = rule
  }
}
