import BylineCore
import BylinePlaces

/// A typed (or not yet typed) span of words `first...last`.
struct Candidate {
  var first: Int
  var last: Int
  var type: EntityType?
  var rule: String
  /// A lone sentence-initial capitalised word: kept only with other evidence.
  var weak: Bool = false
}

/// The state of one document's analysis by ``RuleMentionFinder``: its words, per-sentence
/// flags and the candidates found so far. The passes live in `Scan+*.swift`.
struct Scan {
  let finder: RuleMentionFinder
  let lex: EntityLexicons
  let words: [Word]
  var caseless: [Bool]
  /// Sentences made of names and numbers only: sports results and tables.
  var resultLine: [Bool]
  var lowerVocabulary: Set<String> = []
  var candidates: [Candidate] = []
  /// Gazetteer lookups of this document (a reference: `Scan` is local to one call).
  let placeMemo = PlaceMemo()
  /// Stop-words and calendar words in capitals ("IT", "MAY").
  let upperStopwords: Set<String>

  /// Short words a title-case headline leaves in lower case.
  static let headlineLowerWords: Set<String> = [
    "a", "an", "the", "and", "or", "of", "in", "on", "at", "to", "for", "by", "with", "from", "as", "vs",
  ]
  /// Lower-case words allowed between capitalised words of one name.
  static let connectors: Set<String> = [
    "of", "&", "for", "de", "da", "das", "dos", "du", "del", "della", "der", "den", "di", "van", "von", "la", "le",
    "bin", "bint", "ibn", "abu", "ben", "al", "el", "y", "zu", "ter", "ten",
  ]

  init(finder: RuleMentionFinder, words: [Word], sentenceCount: Int) {
    self.finder = finder
    self.lex = finder.lexicons
    self.words = words
    upperStopwords = finder.lexicons.upperStopwords
    let n = max(sentenceCount, (words.last?.sentence ?? -1) + 1)
    var letterWords = [Int](repeating: 0, count: n)
    var capsWords = [Int](repeating: 0, count: n)
    var longWords = [Int](repeating: 0, count: n)
    var longCapWords = [Int](repeating: 0, count: n)
    var contentLower = [Int](repeating: 0, count: n)
    var commonCaps = [Int](repeating: 0, count: n)
    var numbers = [Int](repeating: 0, count: n)
    for w in words where w.shape == .other {
      if w.text.unicodeScalars.first?.properties.numericType != nil { numbers[w.sentence] += 1 }
    }
    for w in words where w.shape != .other {
      letterWords[w.sentence] += 1
      if w.shape == .allCaps { capsWords[w.sentence] += 1 }
      if w.text.utf8.count >= 4 {
        longWords[w.sentence] += 1
        if w.isCapital { longCapWords[w.sentence] += 1 }
        if w.shape == .capitalized, lex.commonWords.contains(w.text.lowercased()) { commonCaps[w.sentence] += 1 }
      }
      if w.shape == .lower {
        lowerVocabulary.insert(w.text)
        if !Scan.headlineLowerWords.contains(w.text) { contentLower[w.sentence] += 1 }
      }
    }
    // Results lines: names and numbers only ("Wigan 4 Chester 2", "Detroit 48 86 .358").
    var lowerWords = [Int](repeating: 0, count: n)
    for w in words where w.shape == .lower && !Scan.fixtureWords.contains(w.text) { lowerWords[w.sentence] += 1 }
    resultLine = (0..<n).map { s in numbers[s] >= 2 && lowerWords[s] == 0 && letterWords[s] > 0 }
    caseless = (0..<n).map { s in
      // All capitals ("LONDON 1996-08-30", "RUSSIA SAYS ..."), or title case with 4+ long words.
      (letterWords[s] > 0 && capsWords[s] * 10 >= letterWords[s] * 8)
        // Title case: every long word capitalised, some of them common words ("Says",
        // "Ready"), no numbers (a results line "Somerset 83 ( P. Simmons 4-38 )" is not one).
        || (longWords[s] >= 4 && longCapWords[s] == longWords[s] && contentLower[s] == 0 && commonCaps[s] >= 2
          && numbers[s] == 0)
    }
  }

  /// Prefixes of "pro-Western"-style words.
  static let namePrefixes: Set<String> = ["pro", "anti", "post", "pre", "neo", "non", "mid", "ex", "pan", "trans"]

  /// "pro-Western", "post-Soviet": a lower-case prefix glued to a capitalised name.
  static func isPrefixedName(_ text: String) -> Bool {
    guard let dash = text.firstIndex(of: "-"), namePrefixes.contains(String(text[..<dash])) else { return false }
    let rest = text[text.index(after: dash)...]
    guard let f = rest.unicodeScalars.first, f.properties.isUppercase else { return false }
    return !rest.contains("-")
  }

  /// "O'Brien", "McCarthy", "MacLeod".
  static func isGaelicSurname(_ text: String) -> Bool {
    let u = Array(text.unicodeScalars)
    guard u.count >= 4 else { return false }
    if u[0] == "O", u[1] == "'" || u[1] == "’", u[2].properties.isUppercase { return true }
    if u[0] == "M", u[1] == "c", u[2].properties.isUppercase { return true }
    if u.count >= 5, u[0] == "M", u[1] == "a", u[2] == "c", u[3].properties.isUppercase { return true }
    return false
  }

  /// "Kong-based", "Nations-sponsored": a capitalised word with a lower-case last part.
  static func isDerivedAdjective(_ text: String) -> Bool {
    guard let dash = text.lastIndex(of: "-"), let f = text.unicodeScalars.first, f.properties.isUppercase else {
      return false
    }
    let tail = text[text.index(after: dash)...]
    return tail.count >= 3 && tail.unicodeScalars.allSatisfy { $0.properties.isLowercase }
  }

  /// A derived adjective whose first part is a name, not a common word ("Top-seeded" is not).
  func isNameAdjective(_ text: String) -> Bool {
    guard Scan.isDerivedAdjective(text) else { return false }
    let head = text.prefix { $0 != "-" }
    return !lex.commonWords.contains(head.lowercased()) && !lex.stopwords.contains(String(head))
      && !lex.calendar.contains(String(head))
  }

  /// The words `a...b` joined by single spaces (the lexicon key of a span).
  func key(_ a: Int, _ b: Int) -> String {
    if a == b { return words[a].text }
    var s = words[a].text
    for k in (a + 1)...b {
      s += " "
      s += words[k].text
    }
    return s
  }

  /// Longest title starting at word `t` within `...b` (number of words), 0 if none.
  func titleLength(at t: Int, through b: Int) -> Int {
    var best = 0
    var k = ""
    for n in 1...lex.maxTitleWords where t + n - 1 <= b {
      k += (n > 1 ? " " : "") + words[t + n - 1].text.lowercased()
      if lex.titles.contains(k) { best = n }
    }
    return best
  }

  /// Longest demonym starting at `a` within `...b` (number of words), 0 if none.
  func demonymLength(at a: Int, through b: Int) -> Int {
    var best = 0
    for n in 1...lex.maxEntryWords where a + n - 1 <= b {
      if lex.demonyms[key(a, a + n - 1)] != nil { best = n }
    }
    return best
  }

  /// Gazetteer candidates for `text`, looked up once per document (the lookup key folds case
  /// and diacritics, which costs more than the rest of a rule).
  func placeCandidates(_ text: String) -> [GazetteerEntry] {
    if let hit = placeMemo.entries[text] { return hit }
    let found = finder.gazetteer.candidates(for: text)
    placeMemo.entries[text] = found
    return found
  }

  /// The best gazetteer entry for a capitalised span, if it passes the thresholds.
  func place(_ text: String, strict: Bool) -> GazetteerEntry? {
    let cands = placeCandidates(text)
    guard let best = cands.first else { return nil }
    // "WESTERN DIVISION", "WORLD" in a headline: common words are not evidence of a place.
    if strict && allCommonWords(text) { return nil }
    for c in cands where c.feature == .country || c.feature == .admin1 || c.feature == .region {
      return c
    }
    if strict && best.population < finder.sentenceStartPopulation { return nil }
    return best
  }

  /// "Israeli-PLO": capitalised parts joined by hyphens, one known as a demonym, a name or
  /// a country/division.
  func isNameCompound(_ text: String) -> Bool {
    let parts = text.split(separator: "-")
    guard parts.count >= 2,
      parts.allSatisfy({ $0.unicodeScalars.first.map { $0.properties.isUppercase } ?? false })
    else { return false }
    if nameParticles.contains(parts[0].lowercased()) { return false }  // "Al-Assad"
    return parts.contains { p in
      let s = String(p)
      return lex.demonyms[s] != nil || lex.knownNames[s] != nil
        || placeCandidates(s).contains { $0.feature == .country || $0.feature == .admin1 }
    }
  }

  /// A given name, or a hyphenated one starting with a given name ("Pierre-Yves").
  func isFirstName(_ text: String) -> Bool {
    if lex.firstNames.contains(text) { return true }
    guard let dash = text.firstIndex(of: "-") else { return false }
    let rest = text[text.index(after: dash)...]
    return lex.firstNames.contains(String(text[..<dash])) && (rest.unicodeScalars.first?.properties.isUppercase ?? false)
  }

  /// "Traders", "Analysts": a common word or the plural of one.
  func isCommonNoun(_ text: String) -> Bool {
    let l = text.lowercased()
    return lex.commonWords.contains(l) || (l.hasSuffix("s") && lex.commonWords.contains(String(l.dropLast())))
  }

  /// True when every word of `text` is a common lower-case word ("Western Division").
  func allCommonWords(_ text: String) -> Bool {
    text.split(separator: " ").allSatisfy { lex.commonWords.contains($0.lowercased()) }
  }

  mutating func emit(_ a: Int, _ b: Int, _ type: EntityType?, _ rule: String, weak: Bool = false) {
    candidates.append(Candidate(first: a, last: b, type: type, rule: rule, weak: weak))
  }

  /// Typed candidates as mentions, in text order.
  func output() -> [EntityMention] {
    var out: [EntityMention] = []
    out.reserveCapacity(candidates.count)
    for c in candidates {
      guard let t = c.type else { continue }
      out.append(
        EntityMention(
          range: TextRange(words[c.first].range.utf8Start, words[c.last].range.utf8End), type: t,
          rule: c.rule))
    }
    out.sort { $0.range.utf8Start < $1.range.utf8Start }
    return out
  }
}

/// A per-document memo of gazetteer lookups, owned by one ``Scan`` on one thread.
final class PlaceMemo {
  var entries: [String: [GazetteerEntry]] = [:]
}
