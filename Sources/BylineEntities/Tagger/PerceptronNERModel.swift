import BylineCore
import Foundation

/// The weights of the averaged-perceptron entity tagger, and greedy left-to-right decoding.
///
/// Weights are a dense table of `2^bucketBits` rows × ``NERTags/count`` Floats (36 MB at 20
/// bits); the file stores only the non-zero weights, quantised to 16 bits (see
/// ``write(to:)``).
public final class PerceptronNERModel: Sendable {
  /// log2 of the number of weight rows.
  public let bucketBits: Int
  /// The model was trained with the rule-based finder's output as features.
  public let usesRules: Bool
  /// The model was trained with gazetteer features.
  public let usesGazetteer: Bool
  let weights: [Float]

  public init(bucketBits: Int, usesRules: Bool, usesGazetteer: Bool, weights: [Float]) {
    precondition(weights.count == (1 << bucketBits) * NERTags.count)
    self.bucketBits = bucketBits
    self.usesRules = usesRules
    self.usesGazetteer = usesGazetteer
    self.weights = weights
  }

  /// Number of non-zero weights.
  public var nonZeroCount: Int { weights.reduce(0) { $0 + ($1 == 0 ? 0 : 1) } }

  /// The best tag sequence, greedily, each tag scored with the previous two as features;
  /// an I-tag may only continue its own type.
  public func tag(_ f: NERFeatures, extractor: NERFeatureExtractor) -> [UInt8] {
    weights.withUnsafeBufferPointer { w in
      PerceptronNERModel.decode(f, extractor: extractor, weights: w)
    }
  }

  static func decode(_ f: NERFeatures, extractor: NERFeatureExtractor, weights w: UnsafeBufferPointer<Float>) -> [UInt8] {
    let n = f.count
    var tags = [UInt8](repeating: 0, count: n)
    let T = NERTags.count
    var scores = [Float](repeating: 0, count: T)
    var prev = 0
    var prev2 = 0
    f.buckets.withUnsafeBufferPointer { buckets in
      for i in 0..<n {
        for t in 0..<T { scores[t] = 0 }
        for k in Int(f.offsets[i])..<Int(f.offsets[i + 1]) {
          let base = Int(buckets[k]) &* T
          for t in 0..<T { scores[t] += w[base &+ t] }
        }
        if f.lineStart[i] {
          prev = 0
          prev2 = 0
        }
        let h = extractor.historyRows(f, i, prev, prev2)
        for r in [h.0, h.1, h.2, h.3, h.4] {
          let base = Int(r) &* T
          for t in 0..<T { scores[t] += w[base &+ t] }
        }
        var best = 0
        var bestScore = -Float.infinity
        for t in 0..<T where NERTags.allowed(t, after: prev) && scores[t] > bestScore {
          best = t
          bestScore = scores[t]
        }
        tags[i] = UInt8(best)
        prev2 = prev
        prev = best
      }
    }
    return tags
  }

  static let magic = Array("BYLNER01".utf8)

  /// Writes the model: magic `BYLNER01`, then little-endian UInt32 bucket bits, tag count,
  /// flags (1 = rules, 2 = gazetteer), Float32 scale, UInt32 count of non-zero weights, the
  /// gaps between their indexes as UInt32, and their values as Int16 (value = q · scale).
  public func write(to url: URL) throws {
    var out = Data(PerceptronNERModel.magic)
    func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) } }
    u32(UInt32(bucketBits))
    u32(UInt32(NERTags.count))
    u32((usesRules ? 1 : 0) | (usesGazetteer ? 2 : 0))
    let maxAbs = weights.reduce(Float(0)) { max($0, abs($1)) }
    let scale = maxAbs > 0 ? maxAbs / 32767 : 1
    var indexes: [UInt32] = []
    var values: [Int16] = []
    var last = 0
    for (i, v) in weights.enumerated() {
      let q = Int16(clamping: Int((v / scale).rounded()))
      if q != 0 {
        indexes.append(UInt32(i - last))
        values.append(q)
        last = i
      }
    }
    withUnsafeBytes(of: scale.bitPattern.littleEndian) { out.append(contentsOf: $0) }
    u32(UInt32(indexes.count))
    for g in indexes { u32(g) }
    for v in values { withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) } }
    try out.write(to: url, options: .atomic)
  }

  /// Reads a model written by ``write(to:)``.
  public convenience init(contentsOf url: URL) throws {
    let data = try Data(contentsOf: url, options: .alwaysMapped)
    let bytes = [UInt8](data)
    var p = 0
    func fail(_ why: String) -> LexiconError { LexiconError.unreadable(file: url.path, reason: why) }
    func u32() throws -> UInt32 {
      guard p + 4 <= bytes.count else { throw fail("truncated model file") }
      let v = UInt32(bytes[p]) | UInt32(bytes[p + 1]) << 8 | UInt32(bytes[p + 2]) << 16 | UInt32(bytes[p + 3]) << 24
      p += 4
      return v
    }
    guard bytes.count >= 8, Array(bytes[0..<8]) == PerceptronNERModel.magic else { throw fail("not a Byline NER model") }
    p = 8
    let bits = Int(try u32())
    guard bits >= 4, bits <= 26, Int(try u32()) == NERTags.count else { throw fail("unsupported model shape") }
    let flags = try u32()
    let scale = Float(bitPattern: try u32())
    let count = Int(try u32())
    let size = (1 << bits) * NERTags.count
    guard p + count * 6 <= bytes.count else { throw fail("truncated model file") }
    var weights = [Float](repeating: 0, count: size)
    var index = 0
    var vp = p + count * 4
    for _ in 0..<count {
      index += Int(try u32())
      guard index < size else { throw fail("weight index out of range") }
      let q = Int16(bitPattern: UInt16(bytes[vp]) | UInt16(bytes[vp + 1]) << 8)
      vp += 2
      weights[index] = Float(q) * scale
    }
    self.init(bucketBits: bits, usesRules: flags & 1 != 0, usesGazetteer: flags & 2 != 0, weights: weights)
  }
}
