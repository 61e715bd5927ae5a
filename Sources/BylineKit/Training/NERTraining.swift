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

extension NERTraining {
  /// Model load time and tagging speed (features + decoding, rule features included when the
  /// extractor has rules) over `items`, one thread, best of three passes.
  public static func measure(model url: URL, on items: [NERCorpus.Item], extractor: NERFeatureExtractor) throws -> String {
    let clock = ContinuousClock()
    let t0 = clock.now
    let model = try PerceptronNERModel(contentsOf: url)
    let load = clock.now - t0
    let tokens = items.reduce(0) { $0 + $1.document.tokens.count }
    func seconds(_ d: Duration) -> Double { Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18 }
    func best(_ body: () -> Void) -> Double {
      var b = Double.infinity
      for _ in 0..<3 {
        let s = clock.now
        body()
        b = min(b, seconds(clock.now - s))
      }
      return b
    }
    var sink = 0
    let full = best { for item in items { sink &+= model.tag(extractor.features(item.document), extractor: extractor).count } }
    let features = items.map { extractor.features($0.document) }
    let decode = best { for f in features { sink &+= model.tag(f, extractor: extractor).count } }
    var out = "model load \(Int(seconds(load) * 1000)) ms; \(tokens) tokens: "
    out += "features+decoding \(Int(Double(tokens) / full)) tokens/s, decoding alone \(Int(Double(tokens) / decode)) tokens/s"
    if let rules = extractor.rules {
      let r = best { for item in items { sink &+= rules.mentions(in: item.document).count } }
      out += "; of which rule finder alone \(Int(Double(tokens) / r)) tokens/s"
    }
    return sink < 0 ? "" : out
  }
}
