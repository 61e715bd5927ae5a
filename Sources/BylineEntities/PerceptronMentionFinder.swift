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
    let tags = model.tag(extractor.features(document), extractor: extractor)
    return NERTags.decode(tags, tokens: document.tokens, rule: "entities.tagger")
  }
}
