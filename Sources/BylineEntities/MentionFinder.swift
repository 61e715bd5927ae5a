import BylineCore

/// Finds typed entity mentions in a tokenised document; ``EntityStage`` then links them.
///
/// Implementations return mentions in text order, non-overlapping, with `entityID` and
/// `canonical` left empty (``EntityCoreference`` fills them). The rule-based
/// ``RuleMentionFinder`` is the first implementation; a trained sequence tagger is meant to
/// conform to the same protocol.
public protocol MentionFinder: Sendable {
  /// Mentions in `document` (which has `tokens` and `sentences`).
  func mentions(in document: Document) -> [EntityMention]
}
