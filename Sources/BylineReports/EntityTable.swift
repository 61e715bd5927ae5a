import BylineCore

/// The per-article entity table: one row per entity with its mentions folded together.
public enum EntityTable {
  /// One entity of an article.
  public struct Row: Hashable, Sendable {
    public let entityID: String
    public let type: String
    public let canonical: String
    public let mentions: Int
    /// Scalar offset of the first mention.
    public let firstStart: Int
    /// 0–1: share of the article's entity mentions, boosted for early first mention
    /// (headline and lede matter most in news).
    public let salience: Double
    /// Distinct surface forms, in order of first appearance.
    public let texts: [String]
  }

  /// Rows in order of first mention.
  public static func rows(_ doc: Document, map: ScalarOffsetMap) -> [Row] {
    guard !doc.entities.isEmpty else { return [] }
    var order: [String] = []
    var groups: [String: [EntityMention]] = [:]
    for e in doc.entities {
      let key = e.entityID.isEmpty ? "\(e.type.rawValue):\(doc.string(e.range))" : e.entityID
      if groups[key] == nil { order.append(key) }
      groups[key, default: []].append(e)
    }
    let total = Double(doc.entities.count)
    let length = Double(max(doc.bytes.count, 1))
    return order.map { key in
      let ms = groups[key]!
      let first = ms.map(\.range.utf8Start).min() ?? 0
      var seen: [String] = []
      for m in ms {
        let t = doc.string(m.range)
        if !seen.contains(t) { seen.append(t) }
      }
      let position = 1.0 - Double(first) / length
      let salience = min(1.0, Double(ms.count) / total * (0.5 + position))
      let canonical = ms[0].canonical.isEmpty ? seen[0] : ms[0].canonical
      return Row(
        entityID: ms[0].entityID, type: ms[0].type.rawValue, canonical: canonical,
        mentions: ms.count, firstStart: map.scalarOffset(first), salience: salience, texts: seen)
    }
  }
}
