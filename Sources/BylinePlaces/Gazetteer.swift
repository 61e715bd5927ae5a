import Foundation
import BylineCore

/// Place names → candidate places, loaded once and shared by the entity and place stages.
///
/// Lookup folds case and diacritics ("São Paulo" = "sao paulo"); candidates come back most
/// populous first. Load the shipped data with ``load(from:)``.
public final class Gazetteer: Sendable {
  private let entries: [GazetteerEntry]
  private let index: [String: [Int32]]
  private let byID: [Int: Int32]
  private let countryByCode: [String: Int32]
  /// The most tokens any name has (for greedy longest-match scanning).
  public let maxNameWords: Int

  /// A gazetteer over in-memory entries; `names` maps each spelling to entry indices.
  public init(entries: [GazetteerEntry], names: [(String, Int)]) {
    self.entries = entries
    var idx: [String: [Int32]] = [:]
    idx.reserveCapacity(names.count)
    var maxWords = 1
    for (n, i) in names {
      let key = Gazetteer.key(n)
      guard !key.isEmpty else { continue }
      let i32 = Int32(i)
      if let existing = idx[key] {
        if !existing.contains(i32) { idx[key]!.append(i32) }
      } else {
        idx[key] = [i32]
        var words = 1
        for b in key.utf8 where b == 32 { words += 1 }
        if words > maxWords { maxWords = words }
      }
    }
    for (k, v) in idx where v.count > 1 {
      // Population first; ties by feature rank then id so the order never depends on input order.
      idx[k] = v.sorted { a, b in
        let ea = entries[Int(a)], eb = entries[Int(b)]
        if ea.population != eb.population { return ea.population > eb.population }
        if ea.feature.rank != eb.feature.rank { return ea.feature.rank < eb.feature.rank }
        return ea.geonamesID < eb.geonamesID
      }
    }
    self.index = idx
    self.maxNameWords = maxWords
    var ids: [Int: Int32] = [:]
    var countries: [String: Int32] = [:]
    for (i, e) in entries.enumerated() {
      if e.geonamesID != 0, ids[e.geonamesID] == nil { ids[e.geonamesID] = Int32(i) }
      if e.feature == .country, let cc = e.countryCode, countries[cc] == nil { countries[cc] = Int32(i) }
    }
    self.byID = ids
    self.countryByCode = countries
  }

  /// Candidates for a name, most populous first; empty when the name is unknown.
  public func candidates(for name: String) -> [GazetteerEntry] {
    (index[Gazetteer.key(name)] ?? []).map { entries[Int($0)] }
  }

  /// True when `name` is a known spelling of some place.
  public func contains(_ name: String) -> Bool { index[Gazetteer.key(name)] != nil }

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
  public var nameCount: Int { index.count }

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
    var out = String.UnicodeScalarView()
    var pendingSpace = false
    for scalar in name.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars {
      if scalar == " " || scalar == "-" || scalar == "\u{00A0}" || scalar == "\t" {
        pendingSpace = !out.isEmpty
        continue
      }
      if (0x300...0x36F).contains(scalar.value) { continue }  // combining marks
      if Gazetteer.apostrophes.contains(scalar.value) { continue }
      if pendingSpace { out.append(" "); pendingSpace = false }
      out.append(scalar)
    }
    return String(out)
  }
}

extension Gazetteer {
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
