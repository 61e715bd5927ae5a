import BylineCore
import BylinePlaces
import Foundation

/// Finds PERSON / ORG / PLACE / MISC mentions with a trained averaged-perceptron tagger.
///
/// Tokens are tagged O / B-type / I-type left to right (``PerceptronNERModel``) from the
/// features of ``NERFeatureExtractor``; when the model was trained with rule features, the
/// ``RuleMentionFinder``'s output is one of them (the tagger learns when to trust each rule).
/// Mentions carry the rule `entities.tagger`.
///
/// Limits: types and spans follow the training data (CoNLL-2003 conventions); no nested
/// entities; English.
public struct PerceptronMentionFinder: MentionFinder {
  public let model: PerceptronNERModel
  public let extractor: NERFeatureExtractor

  /// A finder over `model`; `rules` and `gazetteer` must be given when the model was trained
  /// with them (they are ignored otherwise).
  public init(model: PerceptronNERModel, lexicons: EntityLexicons, gazetteer: Gazetteer?, rules: RuleMentionFinder?) {
    self.model = model
    extractor = NERFeatureExtractor(
      lexicons: lexicons, gazetteer: model.usesGazetteer ? gazetteer : nil, rules: model.usesRules ? rules : nil,
      bucketBits: model.bucketBits)
  }

  public func mentions(in document: Document) -> [EntityMention] {
    var tags = model.tag(extractor.features(document), extractor: extractor)
    PerceptronMentionFinder.trimDashes(&tags, in: document)
    return NERTags.decode(tags, tokens: document.tokens, rule: "entities.tagger")
      .filter { !PerceptronMentionFinder.isNumberWord($0, in: document) }
  }

  /// Cardinal number words are never names on their own: the tagger, which saw them
  /// capitalised only at sentence starts, takes "Five cities on four continents…" for MISC.
  static let numberWords: Set<String> = [
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "twenty", "thirty", "forty", "fifty", "hundred", "hundreds", "thousand",
    "thousands", "dozen", "dozens", "million", "millions", "billion", "billions",
  ]

  /// True when `m` is a single number word (any case).
  static func isNumberWord(_ m: EntityMention, in document: Document) -> Bool {
    let r = m.range
    guard r.utf8End - r.utf8Start <= 9 else { return false }
    let text = String(decoding: document.bytes[r.utf8Start..<r.utf8End], as: UTF8.self)
    return numberWords.contains(text.lowercased())
  }

  /// Dashes never begin or end a name: "US-" → "US", "GDRs --" → "GDRs"; a mention of dashes
  /// alone is dropped.
  static func trimDashes(_ tags: inout [UInt8], in document: Document) {
    let bytes = document.bytes
    func isDash(_ i: Int) -> Bool {
      let r = document.tokens[i].range
      for k in r.utf8Start..<r.utf8End where bytes[k] != 45 { return false }
      return true
    }
    var i = 0
    while i < tags.count {
      guard tags[i] != 0 else { i += 1; continue }
      let t = (Int(tags[i]) - 1) / 2
      var j = i + 1
      while j < tags.count, Int(tags[j]) == 2 + 2 * t { j += 1 }
      var s = i
      var e = j
      while s < e, isDash(s) { tags[s] = 0; s += 1 }
      while e > s, isDash(e - 1) { tags[e - 1] = 0; e -= 1 }
      if s < e { tags[s] = UInt8(1 + 2 * t) }
      i = j
    }
  }
}
