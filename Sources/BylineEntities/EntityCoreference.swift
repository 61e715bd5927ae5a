import BylineCore

/// Links mentions of one entity within an article: fills `entityID` and `canonical`.
///
/// Rules (all within one document):
/// - the same name (case and "al-"/"Al-" folded) with the same type is one entity;
/// - a PERSON mention whose words end a longer PERSON name joins it ("Erdogan",
///   "Tayyip Erdogan" → "Recep Tayyip Erdogan"; "Assad", "Al-Assad" → "Bashar al-Assad"),
///   the nearest earlier full name first, else the first later one;
/// - an acronym in brackets right after a name whose capitalised words' initials spell it
///   joins that name and takes its type ("Federation of Sovereign Indigenous Nations (FSIN)");
///   so does an acronym used later without brackets ("United Nations" … "UN").
///
/// IDs are "E1", "E2", … in order of each entity's first mention; `canonical` is the mention
/// with the most words (then the most bytes, then the earliest), preferring mixed case over
/// an all-capitals headline form.
public struct EntityCoreference: Sendable {
  public init() {}

  /// `mentions` (in text order) with `entityID` and `canonical` set.
  public func link(_ mentions: [EntityMention], in document: Document) -> [EntityMention] {
    var ms = mentions.sorted { ($0.range.utf8Start, $0.range.utf8End) < ($1.range.utf8Start, $1.range.utf8End) }
    guard !ms.isEmpty else { return ms }
    var parent = Array(0..<ms.count)
    func find(_ x: Int) -> Int {
      var x = x
      while parent[x] != x {
        parent[x] = parent[parent[x]]
        x = parent[x]
      }
      return x
    }
    func union(_ a: Int, _ b: Int) {
      let ra = find(a)
      let rb = find(b)
      if ra != rb { parent[max(ra, rb)] = min(ra, rb) }
    }
    let texts = ms.map { document.string($0.range) }
    let wordKeys = texts.map { EntityCoreference.nameWords($0) }

    // Same name, same type.
    var firstByKey: [String: Int] = [:]
    for i in ms.indices {
      let k = ms[i].type.rawValue + "|" + wordKeys[i].joined(separator: " ")
      if let j = firstByKey[k] { union(i, j) } else { firstByKey[k] = i }
    }

    // Acronyms defined in brackets: "Long Form Name (LFN)".
    for i in ms.indices.dropFirst() {
      let acronym = texts[i].unicodeScalars.filter { $0 != "." }
      guard acronym.count >= 2, acronym.allSatisfy({ $0.properties.isUppercase }) else { continue }
      let long = ms[i - 1]
      guard EntityCoreference.onlyOpenBracket(document.bytes, long.range.utf8End, ms[i].range.utf8Start) else { continue }
      if EntityCoreference.initials(texts[i - 1]) == String(acronym) {
        ms[i].type = long.type
        union(i, i - 1)
      }
    }
    // An acronym used without a definition joins the name whose initials it spells, the
    // nearest earlier one first ("Kessel Liberation Front" … "the KLF"; "United Nations" … "UN").
    var byInitials: [String: Int] = [:]
    for i in ms.indices {
      let acronym = String(String.UnicodeScalarView(texts[i].unicodeScalars.filter { $0 != "." }))
      if acronym.unicodeScalars.count >= 2, acronym.unicodeScalars.allSatisfy({ $0.properties.isUppercase }),
        let long = byInitials[acronym], find(long) != find(i)
      {
        ms[i].type = ms[long].type
        union(i, long)
        continue
      }
      let initials = EntityCoreference.initials(texts[i])
      if initials.unicodeScalars.count >= 2, wordKeys[i].count >= 2 { byInitials[initials] = i }
    }
    // The acronym's other mentions follow it (their type may have changed above).
    firstByKey.removeAll()
    for i in ms.indices {
      let k = ms[i].type.rawValue + "|" + wordKeys[i].joined(separator: " ")
      if let j = firstByKey[k] { union(i, j) } else { firstByKey[k] = i }
    }

    // Shorter PERSON names join the full name they end.
    // Full names by their last word, in text order.
    var fullNames: [String: [Int]] = [:]
    for f in ms.indices where ms[f].type == .person && wordKeys[f].count >= 2 {
      fullNames[wordKeys[f].last!, default: []].append(f)
    }
    for i in ms.indices where ms[i].type == .person {
      let w = wordKeys[i]
      guard let last = w.last, let sameLast = fullNames[last] else { continue }
      var target: Int?
      for f in sameLast where wordKeys[f].count > w.count && Array(wordKeys[f].suffix(w.count)) == w {
        if f < i {
          target = f  // nearest earlier: keep the last one seen
        } else if target == nil {
          target = f
          break
        } else {
          break
        }
      }
      if let t = target { union(i, t) }
    }

    // IDs in order of first mention; canonical = fullest form.
    var idOf: [Int: String] = [:]
    var best: [Int: Int] = [:]
    func better(_ a: Int, _ b: Int) -> Bool {
      let ca = EntityCoreference.isMixedCase(texts[a])
      let cb = EntityCoreference.isMixedCase(texts[b])
      if ca != cb { return ca }
      if wordKeys[a].count != wordKeys[b].count { return wordKeys[a].count > wordKeys[b].count }
      if texts[a].utf8.count != texts[b].utf8.count { return texts[a].utf8.count > texts[b].utf8.count }
      return a < b
    }
    for i in ms.indices {
      let r = find(i)
      if idOf[r] == nil { idOf[r] = "E\(idOf.count + 1)" }
      if let b = best[r] {
        if better(i, b) { best[r] = i }
      } else {
        best[r] = i
      }
    }
    for i in ms.indices {
      let r = find(i)
      ms[i].entityID = idOf[r]!
      ms[i].canonical = texts[best[r]!]
    }
    return ms
  }

  /// Lower-cased words of a name with a leading "al-"-style particle dropped from each word
  /// ("Bashar Al-Assad" → ["bashar", "assad"]).
  static func nameWords(_ text: String) -> [String] {
    text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).map { w in
      let lower = w.lowercased()
      if let dash = lower.firstIndex(of: "-"), nameParticles.contains(String(lower[..<dash])) {
        return String(lower[lower.index(after: dash)...])
      }
      return lower
    }
  }

  /// First letters of the capitalised words ("Federation of Sovereign Indigenous Nations" →
  /// "FSIN").
  static func initials(_ text: String) -> String {
    var out = String.UnicodeScalarView()
    for w in text.split(separator: " ") {
      if let f = w.unicodeScalars.first, f.properties.isUppercase { out.append(f) }
    }
    return String(out)
  }

  /// True when only spaces and one "(" lie between `end` and `start`.
  static func onlyOpenBracket(_ b: [UInt8], _ end: Int, _ start: Int) -> Bool {
    guard end <= start else { return false }
    var sawBracket = false
    for i in end..<start {
      if b[i] == 0x28 && !sawBracket {
        sawBracket = true
      } else if b[i] != 0x20 {
        return false
      }
    }
    return sawBracket
  }

  /// True when the text has a lower-case letter (not a headline's all-capitals form).
  static func isMixedCase(_ text: String) -> Bool {
    text.unicodeScalars.contains { $0.properties.isLowercase }
  }
}
