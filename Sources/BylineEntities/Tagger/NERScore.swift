import BylineCore

/// Exact-match mention scoring (same span and type), as in CoNLL evaluation.
public struct NERScore: Sendable, CustomStringConvertible {
  public var truePositives = 0
  public var falsePositives = 0
  public var falseNegatives = 0

  public init() {}

  /// Adds one document's predicted and gold mentions.
  public mutating func add(predicted: [EntityMention], gold: [EntityMention]) {
    struct Key: Hashable { var range: TextRange; var type: EntityType }
    let g = Set(gold.map { Key(range: $0.range, type: $0.type) })
    let p = Set(predicted.map { Key(range: $0.range, type: $0.type) })
    let hit = g.intersection(p).count
    truePositives += hit
    falsePositives += p.count - hit
    falseNegatives += g.count - hit
  }

  public var precision: Double { truePositives == 0 ? 0 : Double(truePositives) / Double(truePositives + falsePositives) }
  public var recall: Double { truePositives == 0 ? 0 : Double(truePositives) / Double(truePositives + falseNegatives) }
  public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }

  public var description: String {
    func f(_ x: Double) -> String { String(Double(Int((x * 10000).rounded())) / 10000) }
    return "P \(f(precision)) R \(f(recall)) F1 \(f(f1))"
  }
}
