import BylineCore
import Foundation

/// Container pairs ("Paris, Texas") and same-named divisions ("Moscow" the city, not the oblast).
extension PlaceResolver {
  // MARK: - Containers ("Paris, Texas")

  mutating func applyContainers() {
    var i = 0
    while i < mentions.count {
      let m = mentions[i]
      if let ck = m.containerKey { fixPair(inner: m.key, outer: ck) }
      guard i + 1 < mentions.count else { break }
      let next = mentions[i + 1]
      if isCommaGap(from: m.range.utf8End, to: next.range.utf8Start) {
        // "Washington, D.C." split in two by the entity stage is one name.
        let whole = TextRange(m.range.utf8Start, next.range.utf8End)
        if !m.embedded && !next.embedded, let k = known(document.string(whole)) {
          mentions[i] = Mention(range: whole, entityID: m.entityID, key: k, containerKey: nil)
          mentions.remove(at: i + 1)
          continue
        }
        fixPair(inner: m.key, outer: next.key)
      }
      i += 1
    }
  }

  /// True when only ", " (a comma and spaces) lies between the two offsets.
  func isCommaGap(from a: Int, to b: Int) -> Bool {
    guard b > a, b - a <= 4 else { return false }
    let bytes = document.bytes
    guard bytes[a] == UInt8(ascii: ",") else { return false }
    for i in (a + 1)..<b where bytes[i] != 32 { return false }
    return true
  }

  mutating func fixPair(inner: String, outer: String) {
    guard inner != outer, fixed[inner] == nil, let ci = candidates[inner], let co = candidates[outer]
    else { return }
    var best: (GazetteerEntry, GazetteerEntry, Double)? = nil
    for o in co where o.feature == .country || o.feature == .admin1 {
      for c in ci where c.feature != .country && c.countryCode == o.countryCode && c.geonamesID != o.geonamesID {
        if o.feature == .admin1 {
          guard let a = c.admin1, Gazetteer.key(a) == Gazetteer.key(o.name) else { continue }
        }
        let s = prior(c, inner) + prior(o, outer)
        if best == nil || s > best!.2 { best = (c, o, s) }
      }
    }
    guard let (c, o, _) = best else { return }
    fixed[inner] = Choice(entry: c, rule: "places.container")
    if fixed[outer] == nil { fixed[outer] = Choice(entry: o, rule: "places.container") }
  }

  // MARK: - Same-named divisions ("Moscow" city vs Moscow oblast)

  /// Drops a division when a big city or the capital of the same country has the same name,
  /// unless a mention is followed by a word like "region" or "state".
  mutating func pruneSameNamedDivisions() {
    var divisionKeys: Set<String> = []
    for m in mentions where m.division || followedByDivisionWord(m.range.utf8End) {
      divisionKeys.insert(m.key)
    }
    for k in keys {
      guard let c = candidates[k], c.contains(where: { $0.feature == .admin1 }),
        c.contains(where: { $0.feature == .city })
      else { continue }
      let preferDivision = divisionKeys.contains(k)
      candidates[k] = c.filter { e in
        let cities = c.filter { $0.feature == .city && $0.countryCode == e.countryCode }
        if e.feature == .admin1 {
          if preferDivision { return true }
          if (nameBonus[k]?[e.geonamesID] ?? 0) > 0 { return true }  // an alias names it
          return !cities.contains { $0.featureCode == "PPLC" || $0.population * 5 >= e.population }
        }
        if e.feature == .city && preferDivision {
          return !c.contains { $0.feature == .admin1 && $0.countryCode == e.countryCode }
        }
        return true
      }
    }
  }

  func followedByDivisionWord(_ end: Int) -> Bool {
    let b = document.bytes
    var i = end
    while i < b.count && b[i] == 32 { i += 1 }
    var j = i
    while j < b.count && ((b[j] >= 97 && b[j] <= 122) || (b[j] >= 65 && b[j] <= 90)) { j += 1 }
    guard j > i else { return false }
    return Self.divisionWords.contains(String(decoding: b[i..<j], as: UTF8.self).lowercased())
  }

}
