import Foundation
import BylineCore

/// Place names → candidate places, loaded once and shared by the entity and place stages.
///
/// Lookup folds case and diacritics ("São Paulo" = "sao paulo"); candidates come back most
/// populous first.
public final class Gazetteer: Sendable {
  private let entries: [GazetteerEntry]
  private let index: [String: [Int32]]
  /// The most tokens any name has (for greedy longest-match scanning).
  public let maxNameWords: Int

  /// A gazetteer over in-memory entries; `names` maps each spelling to entry indices.
  public init(entries: [GazetteerEntry], names: [(String, Int)]) {
    self.entries = entries
    var idx: [String: [Int32]] = [:]
    var maxWords = 1
    for (n, i) in names {
      let key = Gazetteer.key(n)
      guard !key.isEmpty else { continue }
      if !(idx[key]?.contains(Int32(i)) ?? false) { idx[key, default: []].append(Int32(i)) }
      maxWords = max(maxWords, key.split(separator: " ").count)
    }
    for (k, v) in idx {
      idx[k] = v.sorted { entries[Int($0)].population > entries[Int($1)].population }
    }
    self.index = idx
    self.maxNameWords = maxWords
  }

  /// Candidates for a name, most populous first; empty when the name is unknown.
  public func candidates(for name: String) -> [GazetteerEntry] {
    (index[Gazetteer.key(name)] ?? []).map { entries[Int($0)] }
  }

  /// True when `name` is a known spelling of some place.
  public func contains(_ name: String) -> Bool { index[Gazetteer.key(name)] != nil }

  /// The lookup key: lower-cased, diacritics removed, runs of spaces/hyphens as one space.
  public static func key(_ name: String) -> String {
    var out = ""
    out.reserveCapacity(name.utf8.count)
    var pendingSpace = false
    for scalar in name.unicodeScalars {
      if scalar == " " || scalar == "-" || scalar == "\u{00A0}" || scalar == "\t" {
        pendingSpace = !out.isEmpty
        continue
      }
      if (0x300...0x36F).contains(scalar.value) { continue }  // combining marks
      if pendingSpace { out.append(" "); pendingSpace = false }
      out.unicodeScalars.append(contentsOf: String(scalar).decomposedLowercase)
    }
    return out
  }
}

extension String {
  /// Lower-cased with combining marks dropped ("É" → "e").
  fileprivate var decomposedLowercase: String.UnicodeScalarView {
    var v = String.UnicodeScalarView()
    for s in self.lowercased().decomposedStringWithCanonicalMappingIfAvailable.unicodeScalars
    where !(0x300...0x36F).contains(s.value) {
      v.append(s)
    }
    return v
  }

  fileprivate var decomposedStringWithCanonicalMappingIfAvailable: String {
    // Foundation's NFD; kept behind one accessor so the stage can swap in a table later.
    self.decomposedStringWithCanonicalMapping
  }
}
