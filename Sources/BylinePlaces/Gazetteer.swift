import Foundation
import BylineCore

/// Place names → candidate places, loaded once and shared by the entity and place stages.
///
/// Lookup folds case and diacritics ("São Paulo" = "sao paulo"); candidates come back most
/// populous first. Load the shipped data with ``load(from:)``.
public final class Gazetteer: Sendable {
  private let entries: [GazetteerEntry]
  /// Lookup key → first posting; postings form linked lists (`postingNext`, -1 ends), which is
  /// much cheaper to build than one array per key.
  private let heads: [String: Int32]
  private let postingEntry: [Int32]
  private let postingNext: [Int32]
  /// True when the posting's spelling is the entry's own name (not an alternate or alias).
  private let postingPrimary: [Bool]
  /// True when the posting comes from a hand-written alias ("Gaza" → Gaza Strip).
  private let postingAlias: [Bool]
  private let byID: [Int: Int32]
  private let countryByCode: [String: Int32]
  /// The most tokens any name has (for greedy longest-match scanning).
  public let maxNameWords: Int

  /// A gazetteer over in-memory entries; `names` maps each spelling to entry indices.
  public convenience init(entries: [GazetteerEntry], names: [(String, Int)]) {
    self.init(entries: entries, names: names, aliases: [])
  }

  /// A gazetteer whose `aliases` (hand-written spellings such as "Gaza" → Gaza Strip) are
  /// marked, so that the place stage can prefer what they name.
  public init(entries: [GazetteerEntry], names: [(String, Int)], aliases: [(String, Int)]) {
    self.entries = entries
    var heads: [String: Int32] = [:]
    heads.reserveCapacity(names.count)
    var pEntry: [Int32] = []
    var pNext: [Int32] = []
    var pPrimary: [Bool] = []
    var pAlias: [Bool] = []
    pEntry.reserveCapacity(names.count)
    pNext.reserveCapacity(names.count)
    pPrimary.reserveCapacity(names.count)
    pAlias.reserveCapacity(names.count)
    var maxWords = 1
    for (k, (n, i)) in (names + aliases).enumerated() {
      let isAlias = k >= names.count
      let key = Gazetteer.key(n)
      guard !key.isEmpty else { continue }
      let i32 = Int32(i)
      if let h = heads[key] {
        var p = h
        var seen = false
        while p >= 0 {
          if pEntry[Int(p)] == i32 {
            seen = true
            if isAlias { pAlias[Int(p)] = true }
            break
          }
          p = pNext[Int(p)]
        }
        if seen { continue }
        pEntry.append(i32)
        pNext.append(h)
        pPrimary.append(n == entries[i].name)
        pAlias.append(isAlias)
        heads[key] = Int32(pEntry.count - 1)
      } else {
        pEntry.append(i32)
        pNext.append(-1)
        pPrimary.append(n == entries[i].name)
        pAlias.append(isAlias)
        heads[key] = Int32(pEntry.count - 1)
        var words = 1
        for b in key.utf8 where b == 32 { words += 1 }
        if words > maxWords { maxWords = words }
      }
    }
    self.heads = heads
    self.postingEntry = pEntry
    self.postingNext = pNext
    self.postingPrimary = pPrimary
    self.postingAlias = pAlias
    self.maxNameWords = maxWords
    var ids: [Int: Int32] = [:]
    ids.reserveCapacity(entries.count)
    var countries: [String: Int32] = [:]
    for (i, e) in entries.enumerated() {
      if e.geonamesID != 0, ids[e.geonamesID] == nil { ids[e.geonamesID] = Int32(i) }
      if e.feature == .country, let cc = e.countryCode, countries[cc] == nil { countries[cc] = Int32(i) }
    }
    self.byID = ids
    self.countryByCode = countries
  }

  /// Candidates for a name, most populous first (ties: countries, divisions, cities, regions,
  /// then GeoNames id); empty when the name is unknown.
  public func candidates(for name: String) -> [GazetteerEntry] {
    rankedCandidates(for: name).map(\.entry)
  }

  /// Candidates in ``candidates(for:)`` order, each with whether `name` is the place's own name
  /// (up to case and diacritics) rather than an alternate spelling, and whether a hand-written
  /// alias gives it.
  public func rankedCandidates(for name: String) -> [(entry: GazetteerEntry, ownName: Bool, alias: Bool)] {
    guard var p = heads[Gazetteer.key(name)] else { return [] }
    var out: [(entry: GazetteerEntry, ownName: Bool, alias: Bool)] = []
    while p >= 0 {
      out.append((entries[Int(postingEntry[Int(p)])], postingPrimary[Int(p)], postingAlias[Int(p)]))
      p = postingNext[Int(p)]
    }
    if out.count > 1 {
      out.sort { x, y in
        let a = x.entry, b = y.entry
        if a.population != b.population { return a.population > b.population }
        if a.feature.rank != b.feature.rank { return a.feature.rank < b.feature.rank }
        return a.geonamesID < b.geonamesID
      }
    }
    return out
  }

  /// True when `name` is a known spelling of some place.
  public func contains(_ name: String) -> Bool { heads[Gazetteer.key(name)] != nil }

  /// The entry with this GeoNames id, if any.
  public func entry(geonamesID: Int) -> GazetteerEntry? {
    byID[geonamesID].map { entries[Int($0)] }
  }

  /// The country entry for an ISO 3166-1 alpha-2 code ("RU").
  public func country(code: String) -> GazetteerEntry? {
    countryByCode[code].map { entries[Int($0)] }
  }

  /// Number of places.
  public var count: Int { entries.count }

  /// Number of distinct lookup keys.
  public var nameCount: Int { heads.count }

  /// The lookup key: lower-cased, diacritics and apostrophes removed (`'`, `’`, `‘`, `ʻ`, `ʼ`,
  /// `ʿ`, `ʾ`, `` ` ``: "‘Afrīn" = "Afrin", "Hawai'i" = "Hawaii"), runs of spaces/hyphens as one
  /// space.
  public static func key(_ name: String) -> String {
    // Fast path: pure ASCII (most names and most lookups), done on bytes.
    var ascii = true
    for b in name.utf8 where b >= 0x80 { ascii = false; break }
    if ascii {
      var out: [UInt8] = []
      out.reserveCapacity(name.utf8.count)
      var pendingSpace = false
      for b in name.utf8 {
        if b == 32 || b == 45 || b == 9 {
          pendingSpace = !out.isEmpty
          continue
        }
        if b == 39 || b == 96 { continue }  // apostrophes
        if pendingSpace { out.append(32); pendingSpace = false }
        out.append(b >= 65 && b <= 90 ? b + 32 : b)
      }
      return String(decoding: out, as: UTF8.self)
    }
    var out: [UInt8] = []
    out.reserveCapacity(name.utf8.count)
    var pendingSpace = false
    for scalar in name.unicodeScalars {
      if scalar == " " || scalar == "-" || scalar == "\u{00A0}" || scalar == "\t" {
        pendingSpace = !out.isEmpty
        continue
      }
      let v = scalar.value
      if v < 0x80 {
        if v == 39 || v == 96 { continue }
        if pendingSpace { out.append(32); pendingSpace = false }
        out.append(v >= 65 && v <= 90 ? UInt8(v + 32) : UInt8(v))
        continue
      }
      let folded = Gazetteer.foldUTF8(scalar)
      if folded.isEmpty { continue }  // a combining mark or an apostrophe
      if pendingSpace { out.append(32); pendingSpace = false }
      out.append(contentsOf: folded)
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// One scalar lower-cased, decomposed, without combining marks or apostrophes ("É" → "e"), as
  /// UTF-8. Latin letters come from a table made once; others are folded on the spot.
  static func foldUTF8(_ scalar: Unicode.Scalar) -> [UInt8] {
    let v = scalar.value
    if v < 0x250 { return foldTable[Int(v)] }
    if v >= 0x1E00 && v < 0x1F00 { return foldTable[0x250 + Int(v - 0x1E00)] }
    if (0x300...0x36F).contains(v) || apostrophes.contains(v) { return [] }
    return Array(String(String.UnicodeScalarView(foldSlow(scalar))).utf8)
  }

  private static func foldSlow(_ scalar: Unicode.Scalar) -> [Unicode.Scalar] {
    if apostrophes.contains(scalar.value) { return [] }
    // Letters with a stroke have no canonical decomposition; fold them as GeoNames' ASCII
    // names spell them ("Đà Nẵng" → "da nang", "Łódź" → "lodz", "Søndre" → "sondre").
    if let plain = strokeLetters[scalar.value] { return Array(plain.unicodeScalars) }
    return String(scalar).lowercased().decomposedStringWithCanonicalMapping.unicodeScalars
      .filter { !(0x300...0x36F).contains($0.value) && !apostrophes.contains($0.value) }
  }

  /// Folded UTF-8 of U+0000–U+024F and U+1E00–U+1EFF (Latin and Latin Extended Additional).
  private static let foldTable: [[UInt8]] = {
    func utf8(_ v: Int) -> [UInt8] {
      guard let s = Unicode.Scalar(UInt32(v)) else { return [] }
      return Array(String(String.UnicodeScalarView(foldSlow(s))).utf8)
    }
    return (0..<0x250).map(utf8) + (0x1E00..<0x1F00).map(utf8)
  }()
}

extension Gazetteer {
  /// Latin letters with a stroke or bar, which NFD leaves whole, and their plain letters.
  static let strokeLetters: [UInt32: String] = [
    0x110: "d", 0x111: "d", 0x141: "l", 0x142: "l", 0xD8: "o", 0xF8: "o", 0x126: "h", 0x127: "h",
    0x166: "t", 0x167: "t", 0x180: "b", 0x197: "i", 0x268: "i", 0x1B5: "z", 0x1B6: "z",
  ]

  /// Apostrophe-like marks left out of keys.
  static let apostrophes: Set<UInt32> = [0x27, 0x60, 0x2018, 0x2019, 0x2BB, 0x2BC, 0x2BE, 0x2BF]
}

extension PlaceFeature {
  /// Countries first, then divisions, cities, regions, other (for stable tie-breaking).
  var rank: Int {
    switch self {
    case .country: return 0
    case .admin1: return 1
    case .city: return 2
    case .region: return 3
    case .other: return 4
    }
  }
}
