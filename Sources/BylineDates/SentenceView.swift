import BylineCore

/// One sentence's tokens prepared for the date rules: lowercased text, lexicon entries and
/// shape tests, all indexed 0..<count (local to the sentence).
struct SentenceView {
  let lexicon: DateLexicon
  let bytes: [UInt8]
  let ranges: [TextRange]
  let kinds: [Token.Kind]
  let low: [String]
  let words: [DateLexicon.Word?]
  var count: Int { low.count }

  init(document: Document, tokens: Range<Int>, lexicon: DateLexicon) {
    self.lexicon = lexicon
    bytes = document.bytes
    var ranges: [TextRange] = []
    var kinds: [Token.Kind] = []
    var low: [String] = []
    var words: [DateLexicon.Word?] = []
    ranges.reserveCapacity(tokens.count)
    for t in tokens {
      let tok = document.tokens[t]
      ranges.append(tok.range)
      kinds.append(tok.kind)
      let s = Self.lowered(document.bytes, tok.range)
      low.append(s)
      // A cheap (first byte, length) test skips the hash lookup for most words.
      let known = tok.kind != .punctuation || s == "'"
      words.append(known && lexicon.mayContain(s) ? lexicon.words[s] : nil)
    }
    self.ranges = ranges
    self.kinds = kinds
    self.low = low
    self.words = words
  }

  /// ASCII-lowercased token text; typographic apostrophes become `'`.
  private static func lowered(_ b: [UInt8], _ r: TextRange) -> String {
    String(unsafeUninitializedCapacity: r.utf8End - r.utf8Start) { out in
      var n = 0
      var i = r.utf8Start
      while i < r.utf8End {
        let c = b[i]
        if c == 0xE2, i + 2 < r.utf8End, b[i + 1] == 0x80, b[i + 2] == 0x99 || b[i + 2] == 0x98 {
          out[n] = 39
          n += 1
          i += 3
          continue
        }
        out[n] = c >= 65 && c <= 90 ? c + 32 : c
        n += 1
        i += 1
      }
      return n
    }
  }

  @inline(__always) func word(_ i: Int) -> DateLexicon.Word? { i >= 0 && i < count ? words[i] : nil }

  @inline(__always) func isText(_ i: Int, _ s: String) -> Bool { i >= 0 && i < count && low[i] == s }

  func role(_ i: Int, _ r: DateLexicon.Role) -> Bool { word(i)?.roles.contains(r) ?? false }

  /// The token's first byte is an ASCII capital.
  func capitalized(_ i: Int) -> Bool {
    guard i >= 0, i < count else { return false }
    let c = bytes[ranges[i].utf8Start]
    return c >= 65 && c <= 90
  }

  private func capitalizedAt(_ i: Int) -> Bool {
    let c = bytes[ranges[i].utf8Start]
    return c >= 65 && c <= 90
  }

  /// The original text of token `i`.
  func text(_ i: Int) -> String {
    String(decoding: bytes[ranges[i].utf8Start..<ranges[i].utf8End], as: UTF8.self)
  }

  /// Token `i` follows token `i - 1` with no space between.
  func glued(_ i: Int) -> Bool { i > 0 && i < count && ranges[i].utf8Start == ranges[i - 1].utf8End }

  /// Value of an all-ASCII-digit token, with its digit count.
  func digits(_ i: Int) -> (value: Int, length: Int)? {
    guard i >= 0, i < count, kinds[i] == .number else { return nil }
    let r = ranges[i]
    let len = r.utf8End - r.utf8Start
    guard len <= 9 else { return nil }
    var v = 0
    for k in r.utf8Start..<r.utf8End {
      let c = bytes[k]
      guard c >= 48, c <= 57 else { return nil }
      v = v * 10 + Int(c - 48)
    }
    return (v, len)
  }

  /// A four-digit year 1000–2199 at `i`.
  func year4(_ i: Int) -> Int? {
    guard let d = digits(i), d.length == 4, (1000...2199).contains(d.value) else { return nil }
    return d.value
  }

  /// A day of month at `i`: `15`, `15th`, `1st`. Returns the day.
  func dayNumber(_ i: Int) -> Int? {
    if let d = digits(i), d.length <= 2, (1...31).contains(d.value) { return d.value }
    if let (v, suffix) = numberWithSuffix(i), ["st", "nd", "rd", "th"].contains(suffix), (1...31).contains(v) { return v }
    // "March eighth"
    if let o = word(i)?.ordinal, (1...31).contains(o) { return o }
    return nil
  }

  /// `20th` → (20, "th"), `1990s` → (1990, "s"), `5pm` → (5, "pm"): leading ASCII digits and a
  /// lowercase letter suffix.
  func numberWithSuffix(_ i: Int) -> (Int, String)? {
    guard i >= 0, i < count, kinds[i] == .word else { return nil }
    let s = low[i].utf8
    var v = 0
    var n = 0
    for c in s {
      guard c >= 48, c <= 57 else { break }
      v = v * 10 + Int(c - 48)
      n += 1
      if n > 6 { return nil }
    }
    guard n > 0, n < s.count else { return nil }
    return (v, String(low[i].dropFirst(n)))
  }

  /// "a", "an", "the", "its", "their": words before a noun phrase.
  func isDeterminer(_ i: Int) -> Bool {
    ["a", "an", "the", "its", "their", "his", "her"].contains(low[i])
  }

  /// Tense roles of token `i` (exact word first, then word endings).
  func tenseRole(_ i: Int) -> DateLexicon.Role? {
    var role: DateLexicon.Role?
    if let w = words[i] {
      if w.roles.contains(.future) {
        // "had been due to expire Friday", "had been scheduled for Monday": a plan already past.
        if i > 1, low[i - 1] == "been", low[i - 2] == "had" { return .past }
        return .future
      }
      // "agreed to buy it in May", "set to resume Monday": intention points ahead.
      if w.roles.contains(.intent), i + 1 < count, words[i + 1]?.roles.contains(.infinitive) ?? false { return .future }
      // "has been searching since", "have risen": the present perfect reports the past.
      if w.roles.contains(.perfect), i + 1 < count {
        return low[i + 1] == "been" || (kinds[i + 1] == .word && low[i + 1].hasSuffix("ed")) ? .past : nil
      }
      // "is to resume trading Tuesday": an arrangement ahead.
      if w.roles.contains(.present), i + 2 < count, words[i + 1]?.roles.contains(.infinitive) ?? false, kinds[i + 2] == .word,
        !capitalized(i + 2), words[i + 2] == nil || words[i + 2]?.roles.contains(.present) == true
      {
        return .future
      }
      if w.roles.contains(.past) {
        role = .past
      } else if w.roles.contains(.present) {
        // A plain verb form after a modal, "to" or "did" is not the tense ("will meet Friday"
        // is future by "will"); after a determiner or a possessive it is a noun ("the vote
        // Tuesday", "Friday's vote").
        if i > 0, ["will", "would", "could", "can", "may", "might", "should", "must", "to", "not", "n't", "did", "does", "do", "'ll", "'s"]
          .contains(low[i - 1]) || isDeterminer(i - 1)
        {
          return nil
        }
        return .present
      }
      if role == nil, w.cardinal != nil || w.ordinal != nil || w.unit != nil { return nil }
    }
    if role == nil {
      // Word endings only for common words: "United States" is no past tense.
      guard kinds[i] == .word, low[i].utf8.count >= 5, i == 0 || !capitalized(i) else { return nil }
      for s in lexicon.suffixRoles where low[i].hasSuffix(s.suffix) {
        role = s.role
        break
      }
      // "a still unspecified date", "the newly elected council": after a determiner an "-ed"
      // word is an adjective, not a verb in the past.
      if role == .past, i > 0, isDeterminer(i - 1) || (i > 1 && isDeterminer(i - 2) && (low[i - 1].hasSuffix("ly") || low[i - 1] == "still")) {
        return nil
      }
    }
    // A participle after "be" is passive: "to be published", "will be held" look ahead,
    // "is expected" is present; after "was", "has", "had" it stays past.
    if role == .past, i > 0, low[i] != "was", low[i] != "were" {
      if low[i - 1] == "be" {
        return i > 1 && (words[i - 2]?.roles.contains(.infinitive) ?? false || words[i - 2]?.roles.contains(.future) ?? false)
          ? .future : nil
      }
      if words[i - 1]?.roles.contains(.present) ?? false { return .present }
    }
    return role
  }

}
