import BylineCore

/// A news agency or media outlet.
public struct Outlet: Sendable, Hashable {
  public var name: String
  public var kind: SourceKind

  public init(name: String, kind: SourceKind) {
    self.name = name
    self.kind = kind
  }
}

/// The lists the source stage reads: outlets and their spellings, and the words marking
/// anonymous sources, documents, officials and citing verbs.
public struct SourceLexicon: Sendable {
  /// Outlet spellings as UTF-8, grouped by their first byte, longest first.
  let spellings: [UInt8: [(bytes: [UInt8], outlet: Int)]]
  let outlets: [Outlet]
  let anonymousHeads: Set<String>
  let documentHeads: Set<String>
  let officialWords: Set<String>
  let citeVerbs: Set<String>

  /// Builds a lexicon from in-memory lists; `outlets` pairs each outlet with its spellings
  /// (the name is always one of them).
  public init(
    outlets: [(Outlet, [String])], anonymousHeads: Set<String>, documentHeads: Set<String>,
    officialWords: Set<String>, citeVerbs: Set<String>
  ) {
    var spellings: [UInt8: [(bytes: [UInt8], outlet: Int)]] = [:]
    for (n, (outlet, aliases)) in outlets.enumerated() {
      for a in Set([outlet.name] + aliases).sorted() where !a.isEmpty {
        let bytes = Array(a.utf8)
        spellings[bytes[0], default: []].append((bytes, n))
      }
    }
    for k in spellings.keys { spellings[k]!.sort { $0.bytes.count > $1.bytes.count } }
    self.spellings = spellings
    self.outlets = outlets.map(\.0)
    self.anonymousHeads = anonymousHeads
    self.documentHeads = documentHeads
    self.officialWords = officialWords
    self.citeVerbs = citeVerbs
  }

  /// Loads `sources/outlets.tsv` and `sources/nouns.tsv`.
  public init(lexicons: LexiconStore) throws {
    let t = try lexicons.table("sources/outlets.tsv", requiredColumns: ["name", "aliases", "kind"])
    let (nc, ac, kc) = (t.column("name")!, t.column("aliases")!, t.column("kind")!)
    var outlets: [(Outlet, [String])] = []
    for (n, row) in t.rows.enumerated() {
      guard row[kc] == "agency" || row[kc] == "media", let kind = SourceKind(rawValue: row[kc]) else {
        throw t.error(row: n, "kind must be agency or media, not \"\(row[kc])\"")
      }
      guard !row[nc].isEmpty else { throw t.error(row: n, "empty name") }
      let aliases = row[ac].split(separator: "|").map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
      outlets.append((Outlet(name: row[nc], kind: kind), aliases))
    }
    let w = try lexicons.table("sources/nouns.tsv", requiredColumns: ["word", "kind"])
    let (wc, wk) = (w.column("word")!, w.column("kind")!)
    var sets: [String: Set<String>] = [:]
    for (n, row) in w.rows.enumerated() {
      guard ["anonymous", "document", "official", "cite"].contains(row[wk]) else {
        throw w.error(row: n, "unknown kind \"\(row[wk])\"")
      }
      sets[row[wk], default: []].insert(row[wc].lowercased())
    }
    self.init(
      outlets: outlets, anonymousHeads: sets["anonymous"] ?? [], documentHeads: sets["document"] ?? [],
      officialWords: sets["official"] ?? [], citeVerbs: sets["cite"] ?? [])
  }

  /// The outlet spelled at byte `offset` of `bytes` (a whole-word match), with its length.
  func outlet(at offset: Int, in bytes: [UInt8]) -> (outlet: Int, length: Int)? {
    guard let list = spellings[bytes[offset]] else { return nil }
    for s in list where offset + s.bytes.count <= bytes.count {
      var ok = true
      for (k, c) in s.bytes.enumerated() where bytes[offset + k] != c { ok = false; break }
      guard ok else { continue }
      let end = offset + s.bytes.count
      if end < bytes.count, isWordByte(bytes[end]) { continue }
      return (s.outlet, s.bytes.count)
    }
    return nil
  }
}

@inline(__always) func isWordByte(_ c: UInt8) -> Bool {
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c >= 0x80
}
