/// The kinds of attributed speech in the report contract.
public enum QuoteType: String, Sendable, Hashable, Codable {
  /// Inside quotation marks; the span excludes the marks.
  case direct
  /// Reported speech; the span is the reported content.
  case indirect
  /// Reported speech holding a quoted fragment.
  case mixed
}

/// One attribution: who said what, with which cue.
public struct Quote: Hashable, Sendable, Attributed {
  /// The whole quoted content (from the first piece's start to the last piece's end).
  public var range: TextRange
  /// The pieces when the attribution splits the quote (`"X," she said, "Y."`); otherwise one.
  public var pieces: [TextRange]
  public var type: QuoteType
  /// The resolved speaker name (fullest name in the article), nil when unknown.
  public var speaker: String?
  /// The mention the attribution rests on ("he", "the minister", "al-Assad").
  public var speakerRange: TextRange?
  /// The speaker's entity, when the entity stage knows it.
  public var speakerEntityID: String?
  /// The speaker's role when stated ("Iraqi Prime Minister").
  public var speakerRole: String?
  /// The cue verb or phrase as written ("said", "according to").
  public var cue: String?
  public var cueRange: TextRange?
  public var rule: String

  public init(
    range: TextRange, pieces: [TextRange]? = nil, type: QuoteType, speaker: String? = nil,
    speakerRange: TextRange? = nil, speakerEntityID: String? = nil, speakerRole: String? = nil,
    cue: String? = nil, cueRange: TextRange? = nil, rule: String
  ) {
    self.range = range
    self.pieces = pieces ?? [range]
    self.type = type
    self.speaker = speaker
    self.speakerRange = speakerRange
    self.speakerEntityID = speakerEntityID
    self.speakerRole = speakerRole
    self.cue = cue
    self.cueRange = cueRange
    self.rule = rule
  }
}
