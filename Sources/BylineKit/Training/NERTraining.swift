import BylineCore
import BylineEntities
import Foundation

/// Trains the averaged-perceptron entity tagger on gold documents and picks the epoch with
/// the best dev F1.
///
/// Deterministic: the training documents are visited in an order shuffled each epoch by
/// ``SplitMix64`` from `seed`; no other randomness.
public struct NERTraining {
  public var epochs: Int
  public var seed: UInt64
  /// Averaged weights below this magnitude are dropped from the model.
  public var pruneBelow: Float

  public init(epochs: Int = 10, seed: UInt64 = 2003, pruneBelow: Float = 0.05) {
    self.epochs = epochs
    self.seed = seed
    self.pruneBelow = pruneBelow
  }

  /// One epoch's outcome.
  public struct Epoch: Sendable {
    public var number: Int
    /// Wrongly tagged training tokens during the epoch.
    public var trainErrors: Int
    public var trainTokens: Int
    public var dev: NERScore
  }

  /// Trains, calling `progress` after each epoch; returns the best epoch's model (the last
  /// one when `dev` is empty) and that epoch.
  public func train(
    _ train: [NERCorpus.Item], dev: [NERCorpus.Item], extractor: NERFeatureExtractor,
    progress: (Epoch) -> Void = { _ in }
  ) -> (model: PerceptronNERModel, epoch: Epoch) {
    let examples = train.map {
      NERExample(
        features: extractor.features($0.document), gold: NERTags.encode($0.gold, tokens: $0.document.tokens),
        ignoreMisc: $0.lacksMisc)
    }
    let devFeatures = dev.map { extractor.features($0.document) }
    let tokens = examples.reduce(0) { $0 + $1.features.count }
    var trainer = PerceptronNERTrainer(extractor: extractor)
    var rng = SplitMix64(seed: seed)
    var order = Array(examples.indices)
    var best: (PerceptronNERModel, Epoch)? = nil
    for e in 1...max(1, epochs) {
      order.shuffle(using: &rng)
      var errors = 0
      for i in order { errors += trainer.train(examples[i]) }
      let model = trainer.averagedModel(pruneBelow: pruneBelow)
      var score = NERScore()
      for (item, f) in zip(dev, devFeatures) {
        let tags = model.tag(f, extractor: extractor)
        score.add(predicted: NERTags.decode(tags, tokens: item.document.tokens, rule: "tagger"), gold: item.gold)
      }
      let epoch = Epoch(number: e, trainErrors: errors, trainTokens: tokens, dev: score)
      progress(epoch)
      if best == nil || dev.isEmpty || score.f1 > best!.1.dev.f1 { best = (model, epoch) }
    }
    return best!
  }
}
