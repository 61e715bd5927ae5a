import BylineCore

/// A quote found by one of the rules, before its speaker is resolved.
struct QuoteCandidate {
  var pieces: [TextRange]
  var type: QuoteType
  var mention: SpeakerMention?
  /// Take the speaker of the previous quote (a quote paragraph continuing the last speaker).
  var inheritsSpeaker = false
  var cue: Range<Int>?
  /// A cue that is not a token run (the colon of a headline attribution).
  var cueRange: TextRange? = nil
  var rule: String

  var range: TextRange { TextRange(pieces[0].utf8Start, pieces[pieces.count - 1].utf8End) }
}
