import BylineCore

/// One training sentence set: a document's features and its gold tags.
public struct NERExample: Sendable {
  public var features: NERFeatures
  public var gold: [UInt8]
  /// Tags whose mistakes are not learned from (a corpus without MISC: MISC and O).
  public var ignoreMisc: Bool

  public init(features: NERFeatures, gold: [UInt8], ignoreMisc: Bool = false) {
    self.features = features
    self.gold = gold
    self.ignoreMisc = ignoreMisc
  }
}

/// Trains ``PerceptronNERModel`` weights: greedy decoding with the model's own previous tags,
/// a perceptron update (+1 gold tag, −1 predicted tag on every feature row of the token) at
/// each wrong token, and weights averaged over all updates (kept exactly with the
/// `w − u/c` trick). Deterministic: the caller chooses the example order.
public struct PerceptronNERTrainer {
  public let extractor: NERFeatureExtractor
  var w: [Float]
  var u: [Double]
  var c: Double = 1

  public init(extractor: NERFeatureExtractor) {
    self.extractor = extractor
    let size = (1 << extractor.bucketBits) * NERTags.count
    w = [Float](repeating: 0, count: size)
    u = [Double](repeating: 0, count: size)
  }

  /// One pass over one example; returns the number of wrongly tagged tokens.
  @discardableResult
  public mutating func train(_ example: NERExample) -> Int {
    let f = example.features
    let T = NERTags.count
    var scores = [Float](repeating: 0, count: T)
    var prev = 0
    var prev2 = 0
    var errors = 0
    var rows: [Int32] = []
    for i in 0..<f.count {
      rows.removeAll(keepingCapacity: true)
      rows.append(contentsOf: f.buckets[Int(f.offsets[i])..<Int(f.offsets[i + 1])])
      if f.lineStart[i] {
        prev = 0
        prev2 = 0
      }
      let h = extractor.historyRows(f, i, prev, prev2)
      rows.append(contentsOf: [h.0, h.1, h.2, h.3, h.4])
      for t in 0..<T { scores[t] = 0 }
      for r in rows {
        let base = Int(r) * T
        for t in 0..<T { scores[t] += w[base + t] }
      }
      var best = 0
      var bestScore = -Float.infinity
      for t in 0..<T where NERTags.allowed(t, after: prev) && scores[t] > bestScore {
        best = t
        bestScore = scores[t]
      }
      let gold = Int(example.gold[i])
      let skip = example.ignoreMisc && (gold == 0 || gold >= 7) && (best == 0 || best >= 7)
      if best != gold, !skip {
        errors += 1
        for r in rows {
          let base = Int(r) * T
          w[base + gold] += 1
          u[base + gold] += c
          w[base + best] -= 1
          u[base + best] -= c
        }
      }
      c += 1
      prev2 = prev
      // Learn from the gold history's mistakes too: continue with the prediction.
      prev = best
    }
    return errors
  }

  /// The averaged weights as a model; averaged weights smaller than `pruneBelow` in magnitude
  /// are dropped.
  public func averagedModel(pruneBelow: Float = 0) -> PerceptronNERModel {
    var avg = [Float](repeating: 0, count: w.count)
    for i in 0..<w.count where w[i] != 0 || u[i] != 0 {
      let v = Float(Double(w[i]) - u[i] / c)
      avg[i] = abs(v) < pruneBelow ? 0 : v
    }
    return PerceptronNERModel(
      bucketBits: extractor.bucketBits, usesRules: extractor.rules != nil, usesGazetteer: extractor.gazetteer != nil,
      weights: avg)
  }
}
