import BylineCore
import BylinePlaces

/// Finds PERSON / ORG / PLACE / MISC mentions with lexicons, capitalisation and context rules.
///
/// How it works, per document:
/// 1. Words (``WordBuilder``) are grouped into runs of capitalised words, allowing name
///    particles and "of"/"&" between them ("Ludwig van Beethoven", "Bank of England"). A run
///    never starts with a stop-word ("The European Union" → "European Union") nor contains a
///    month or weekday; a sentence-initial word that the article also uses in lower case is
///    dropped ("Reading the report" ↛ "Reading").
/// 2. Each run is typed by the first rule that applies (see ``classify``): known name,
///    organisation head, "<head> of <Name>", title before a name (title kept outside),
///    demonym, given name, gazetteer, cue verb, acronym.
/// 3. Document-level rules: a single word equal to the surname of a person named earlier or
///    later is that person ("Erdogan"); an untyped run takes the type of the same string
///    typed elsewhere; an untyped sentence-initial word with no other evidence is dropped.
/// 4. Sentences written in capitals or title case (headlines, datelines) are matched
///    case-insensitively against the names found in the body and the lexicons only.
///
/// Limits: English only; no nested entities; sports clubs named after places come out as
/// PLACE; types of unknown names are a guess (two or three capitalised words → PERSON,
/// one word → ORG).
public struct RuleMentionFinder: MentionFinder {
  public let lexicons: EntityLexicons
  public let gazetteer: Gazetteer
  /// Smallest population for a gazetteer city to count as a place when its word starts a
  /// sentence or stands in a headline (countries and first-order divisions always count).
  public var sentenceStartPopulation: Int

  public init(lexicons: EntityLexicons, gazetteer: Gazetteer, sentenceStartPopulation: Int = 100_000) {
    self.lexicons = lexicons
    self.gazetteer = gazetteer
    self.sentenceStartPopulation = sentenceStartPopulation
  }

  public func mentions(in document: Document) -> [EntityMention] {
    var scan = Scan(finder: self, words: WordBuilder.words(in: document, stopwords: lexicons.stopwords), sentenceCount: document.sentences.count)
    scan.findRuns()
    scan.resolveDocumentLevel()
    scan.matchCaselessSentences()
    scan.markResultLines()
    scan.markTeams()
    return scan.output()
  }
}

/// A typed (or not yet typed) span of words `first...last`.
struct Candidate {
  var first: Int
  var last: Int
  var type: EntityType?
  var rule: String
  /// A lone sentence-initial capitalised word: kept only with other evidence.
  var weak: Bool = false
}

/// The state of one document's analysis.
struct Scan {
  let finder: RuleMentionFinder
  let lex: EntityLexicons
  let words: [Word]
  var caseless: [Bool]
  /// Sentences made of names and numbers only: sports results and tables.
  var resultLine: [Bool]
  var lowerVocabulary: Set<String> = []
  var candidates: [Candidate] = []
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
    upperStopwords = Set(finder.lexicons.stopwords.map { $0.uppercased() }).union(
      finder.lexicons.calendar.map { $0.uppercased() })
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

  // MARK: Pass 1: runs of capitalised words

  /// Calendar words and (in mid-run) stop-words end a run.
  func breaksRun(_ w: Word) -> Bool {
    lex.calendar.contains(w.text) || (w.shape == .capitalized && lex.stopwords.contains(w.text))
  }

  mutating func findRuns() {
    var i = 0
    while i < words.count {
      let w = words[i]
      if caseless[w.sentence] || !w.isCapital {
        // "pro-Western", "anti-Israeli", "post-Soviet", "non-EU": a name with a prefix is MISC.
        if !caseless[w.sentence], w.shape == .lower, Scan.isPrefixedName(w.text) {
          emit(i, i, .misc, "entities.prefixed-name")
        }
        i += 1
        continue
      }
      var j = i
      while true {
        let n = j + 1
        guard n < words.count, words[n].sentence == w.sentence else { break }
        if words[n].isCapital, !breaksRun(words[n]) {
          j = n
          continue
        }
        if n + 1 < words.count, words[n + 1].sentence == w.sentence, Scan.connectors.contains(words[n].text),
          words[n + 1].isCapital, !breaksRun(words[n + 1])
        {
          j = n + 1
          continue
        }
        // "Securities and Exchange Commission", "Department of Health and Human Services".
        if words[n].text == "and", n + 1 < words.count, words[n + 1].sentence == w.sentence, words[n + 1].isCapital,
          joinsWithAnd(n + 1)
        {
          j = n + 1
          continue
        }
        // "Joost van der Westhuizen": two particles in a row.
        if n + 2 < words.count, words[n + 2].sentence == w.sentence, Scan.connectors.contains(words[n].text),
          Scan.connectors.contains(words[n + 1].text), words[n].text != "of", words[n].text != "for", words[n + 2].isCapital, !breaksRun(words[n + 2])
        {
          j = n + 2
          continue
        }
        break
      }
      addRun(i, j)
      i = j + 1
    }
  }

  /// True when words from `a` (up to `last`) begin a known multi-word place or name.
  func startsKnownName(_ a: Int, _ last: Int) -> Bool {
    guard a < last else { return false }
    for e in (a + 1)...min(last, a + max(lex.maxEntryWords, finder.gazetteer.maxNameWords) - 1) {
      let k = key(a, e)
      if lex.knownNames[k] != nil || lex.demonyms[k] != nil || finder.gazetteer.contains(k) { return true }
    }
    return false
  }

  /// Whether "and" before the capitalised words from `next` is inside one organisation name:
  /// they end in an organisation head ("Securities and Exchange Commission") that is not a
  /// known name of its own.
  func joinsWithAnd(_ next: Int) -> Bool {
    var e = next
    while e + 1 < words.count, words[e + 1].sentence == words[next].sentence, words[e + 1].isCapital { e += 1 }
    return e > next && lex.orgHeads.contains(words[e].text) && lex.knownNames[key(next, e)] == nil
  }

  /// Trims a run's leading stop-words, calendar words and sentence-initial common words,
  /// then classifies it.
  mutating func addRun(_ first: Int, _ last: Int) {
    var a = first
    while a <= last {
      let w = words[a]
      if lex.stopwords.contains(w.text) || lex.calendar.contains(w.text) || Scan.connectors.contains(w.text) {
        a += 1
        continue
      }
      // "Top-seeded Thomas Muster": a common derived adjective before a name.
      if Scan.isDerivedAdjective(w.text), !isNameAdjective(w.text) {
        a += 1
        continue
      }
      // "Reading the report…": a sentence-initial word the article also writes in lower case
      // (but "Northern Ireland", "Central Bank of …" keep theirs).
      if w.sentenceStart, !resultLine[w.sentence], !startsKnownName(a, last), w.shape == .capitalized, !(a < last && lex.firstNames.contains(w.text)),
        lowerVocabulary.contains(w.text.lowercased()) || lex.commonWords.contains(w.text.lowercased())
      {
        a += 1
        continue
      }
      break
    }
    var b = last
    while b >= a, Scan.connectors.contains(words[b].text) || lex.calendar.contains(words[b].text) { b -= 1 }
    guard a <= b else { return }
    // "W D L G": runs of single letters are table headings, not names.
    if (a...b).allSatisfy({ words[$0].text.unicodeScalars.count == 1 }) { return }
    // "Hong Kong-based", "United Nations-sponsored": a name turned adjective is MISC and ends
    // the name ("Bergamo-based Atalanta" → MISC + the club).
    if let c = (a...b).first(where: { isNameAdjective(words[$0].text) }) {
      emit(a, c, .misc, "entities.compound-adjective")
      if c < b { addRun(c + 1, b) }
      return
    }
    classify(a, b)
  }

  static let namePrefixes: Set<String> = ["pro", "anti", "post", "pre", "neo", "non", "mid", "ex", "pan", "trans"]

  static func isPrefixedName(_ text: String) -> Bool {
    guard let dash = text.firstIndex(of: "-"), namePrefixes.contains(String(text[..<dash])) else { return false }
    let rest = text[text.index(after: dash)...]
    guard let f = rest.unicodeScalars.first, f.properties.isUppercase else { return false }
    return !rest.contains("-")
  }

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

  /// The best gazetteer entry for a capitalised span, if it passes the thresholds.
  func place(_ text: String, strict: Bool) -> GazetteerEntry? {
    let cands = finder.gazetteer.candidates(for: text)
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
        || finder.gazetteer.candidates(for: s).contains { $0.feature == .country || $0.feature == .admin1 }
    }
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

  /// Types the run `a...b`; the first rule that applies wins.
  mutating func classify(_ a: Int, _ b: Int) {
    let k = key(a, b)
    let count = b - a + 1
    // "US$", "C$": currencies.
    if count == 1, k.hasSuffix("$") {
      emit(a, b, .misc, "entities.currency")
      return
    }
    // "NATO", "Arab League", "Ramadan".
    if let t = lex.knownNames[k] {
      emit(a, b, t, "entities.lexicon")
      return
    }
    // "West Bank", "Czech Republic", "New Zealand": a known multi-word place first.
    if count > 1, place(k, strict: false) != nil {
      emit(a, b, .place, "entities.gazetteer")
      return
    }
    // "Labour Party", "Palestinian Information Ministry".
    if count > 1, lex.orgHeads.contains(words[b].text) {
      emit(a, b, .org, "entities.org-head")
      return
    }
    // "U.S. Open", "Labor Day", "Venice Film Festival".
    if count > 1, lex.miscHeads.contains(words[b].text) {
      emit(a, b, .misc, "entities.event-head")
      return
    }
    // "Foreign Minister Sergei Lavrov": the title stays outside; "Syrian President X" keeps
    // "Syrian" as its own mention.
    for t in a...b {
      let n = titleLength(at: t, through: b)
      guard n > 0 else { continue }
      // "EU Farm Commissioner X": common words before a title belong to it.
      var l = t - 1
      while l >= a, (words[l].shape == .capitalized && isCommonNoun(words[l].text)) || Scan.connectors.contains(words[l].text) {
        l -= 1
      }
      if l >= a { classify(a, l) }
      var p = t + n
      while p <= b {  // "Gen. Sir John …"
        let m = titleLength(at: p, through: b)
        if m == 0 { break }
        p += m
      }
      // "Minister of Foreign Affairs Sergey Lavrov": the title's complement is common words.
      if p < b, words[p].text == "of" || words[p].text == "for" {
        var q = p + 1
        while q < b, isCommonNoun(words[q].text) || Scan.connectors.contains(words[q].text) { q += 1 }
        if q > p + 1, q < b, !lex.orgHeads.contains(words[b].text) {
          emit(q, b, .person, "entities.title")
          return
        }
      }
      if p <= b {
        if lex.orgHeads.contains(words[b].text) || lex.knownNames[key(p, b)] != nil {
          classify(p, b)
        } else if let o = (p...b).first(where: { words[$0].text == "of" || words[$0].text == "for" }) {
          // "Tono Eitel of Germany": the person, then the rest.
          if o > p { emit(p, o - 1, .person, "entities.title") }
          if o < b { classify(o + 1, b) }
        } else {
          emit(p, b, .person, "entities.title")
        }
      }
      return
    }
    // "Bank of England", "Organisation for Security and Cooperation"; otherwise split there.
    if let o = (a...b).first(where: { words[$0].text == "of" || words[$0].text == "for" }), o > a, o < b {
      let left = key(a, o - 1)
      if lex.orgOfHeads.contains(words[o - 1].text) || lex.orgHeads.contains(words[o - 1].text) {
        emit(a, b, .org, "entities.org-of")
      } else if lex.miscHeads.contains(words[o - 1].text) {
        emit(a, b, .misc, "entities.event-head")
      } else if words[o].text == "of", place(k, strict: false) != nil {
        emit(a, b, .place, "entities.gazetteer")
      } else if lex.knownNames[left] != nil || lex.demonyms[left] != nil || place(left, strict: false) != nil
        || words[o].text == "for" || place(key(o + 1, b), strict: false) != nil
      {
        classify(a, o - 1)
        classify(o + 1, b)
      } else {
        emit(a, b, nil, "entities.capitalized")
      }
      return
    }
    // "Orange County", "Royal Street", "Gaza Strip".
    if count > 1, lex.placeHeads.contains(words[b].text) {
      emit(a, b, .place, "entities.place-head")
      return
    }
    // "Syrian", "Syrians", "South African"; "German Bundesbank" → MISC + ORG.
    let d = demonymLength(at: a, through: b)
    if d == count {
      emit(a, b, .misc, "entities.demonym")
      return
    }
    if d > 0, !lex.firstNames.contains(words[a + d].text) || d + 1 < count {
      // "Iraqi Kurds", "Iraqi Kurdish": demonym + group name is one MISC name.
      let rest = key(a + d, b)
      if lex.knownNames[rest] == .misc || lex.demonyms[rest] != nil {
        emit(a, b, .misc, "entities.demonym")
        return
      }
      emit(a, a + d - 1, .misc, "entities.demonym")
      classify(a + d, b)
      return
    }
    let weakStart = count == 1 && words[a].sentenceStart && !resultLine[words[a].sentence]
    // "W. Athey", "P. Simmons": an initial starts a person's name.
    if count >= 2, words[a].text.utf8.count == 2, words[a].text.utf8.last == 0x2E {
      emit(a, b, .person, "entities.initials")
      return
    }
    let placeEntry = place(k, strict: weakStart)
    // "Israeli-PLO", "Russian-Chechen": two names joined by a hyphen, one of them a
    // demonym, a known name or a place, name a relation (MISC).
    if count == 1, placeEntry == nil, isNameCompound(k) {
      emit(a, b, .misc, "entities.compound")
      return
    }
    // "Nancy", "Austin": a given name that is also a town is the given name.
    if count == 1, lex.firstNames.contains(k), let p = placeEntry, p.feature != .country, p.population < 1_000_000 {
      emit(a, b, .person, "entities.first-name")
      return
    }
    // "Moscow", "New York", "Turkey".
    if placeEntry != nil {
      emit(a, b, .place, "entities.gazetteer")
      return
    }
    // "Recep Tayyip Erdogan", "Mary".
    if lex.firstNames.contains(words[a].text), count <= 4 {
      emit(a, b, .person, "entities.first-name")
      return
    }
    // "spokesman Shen Guofang", "president Erdogan".
    if a > 0, words[a - 1].shape == .lower, titleLength(at: a - 1, through: a - 1) == 1 {
      emit(a, b, .person, "entities.title")
      return
    }
    // "Hakan Fidan said", "Cotti said"; '…," said Parnevik.'
    if count <= 4, b + 1 < words.count, words[b + 1].shape == .lower, lex.cueVerbs.contains(words[b + 1].text),
      !(count == 1 && isCommonNoun(words[a].text))
    {
      emit(a, b, .person, "entities.cue-verb")
      return
    }
    if a > 0, words[a - 1].shape == .lower, lex.cueVerbs.contains(words[a - 1].text),
      b + 1 == words.count || words[b + 1].shape == .other
    {
      emit(a, b, .person, "entities.cue-verb")
      return
    }
    // "O'Brien", "McAllister": Irish and Scottish surname shapes.
    if count == 1, Scan.isGaelicSurname(words[a].text) {
      emit(a, b, .person, "entities.surname-shape")
      return
    }
    // "FSIN", "U.N." — short all-capital words.
    if count == 1, words[a].shape == .allCaps {
      let letters = words[a].text.unicodeScalars.filter { $0.properties.isAlphabetic }.count
      if letters >= 2 && letters <= 6 && !isCommonNoun(words[a].text) && !upperStopwords.contains(words[a].text) {
        emit(a, b, .org, "entities.acronym")
        return
      }
    }
    emit(a, b, nil, "entities.capitalized", weak: weakStart)
  }

  // MARK: Pass 2: document-level rules

  /// "Assad" for "al-Assad", lower-cased: the part of a surname that other mentions repeat.
  static func surnameKey(_ text: String) -> String {
    let lower = text.lowercased()
    if let dash = lower.firstIndex(of: "-"), nameParticles.contains(String(lower[..<dash])) {
      return String(lower[lower.index(after: dash)...])
    }
    return lower
  }

  static let placePrepositions: Set<String> = ["in", "at", "near", "outside", "across"]

  /// Two or three capitalised words, none a common word or a sizeable place ("Jimi
  /// Hendrix"; not "Philadelphia Eagles", "Wall Street").
  func looksLikePersonName(_ c: Candidate) -> Bool {
    let count = c.last - c.first + 1
    return count >= 2 && count <= 3
      && (c.first...c.last).allSatisfy({
        words[$0].shape == .capitalized && !lex.commonWords.contains(words[$0].text.lowercased())
          && (place(words[$0].text, strict: true) == nil)
      })
  }

  mutating func resolveDocumentLevel() {
    // Untyped full names that look like persons become persons first, so that their
    // surnames can type the short mentions ("Jimi Hendrix" … "Hendrix").
    var typedFirst = Set<String>()
    for c in candidates where c.type != nil { typedFirst.insert(key(c.first, c.last)) }
    for i in candidates.indices where candidates[i].type == nil && !candidates[i].weak {
      let c = candidates[i]
      if typedFirst.contains(key(c.first, c.last)) { continue }
      if c.first > 0, Scan.placePrepositions.contains(words[c.first - 1].text) { continue }
      if looksLikePersonName(c) {
        candidates[i].type = .person
        candidates[i].rule = "entities.default-person"
      }
    }
    // Surnames of persons named in full.
    var surnames = Set<String>()
    for c in candidates where c.type == .person && c.last > c.first {
      surnames.insert(Scan.surnameKey(words[c.last].text))
    }
    // Typed strings, first type seen (text order).
    var typed: [String: EntityType] = [:]
    var strongStrings = Set<String>()
    for c in candidates {
      let k = key(c.first, c.last)
      if let t = c.type, typed[k] == nil { typed[k] = t }
      if !c.weak { strongStrings.insert(k) }
    }
    var kept: [Candidate] = []
    kept.reserveCapacity(candidates.count)
    for var c in candidates {
      let k = key(c.first, c.last)
      let single = c.first == c.last
      if single, c.type == nil || c.rule == "entities.gazetteer" || c.rule == "entities.acronym",
        surnames.contains(Scan.surnameKey(k)),
        c.type == nil || finder.gazetteer.candidates(for: k).first?.feature != .country
      {
        c.type = .person
        c.rule = "entities.coreference"
      } else if c.type == nil, let t = typed[k] {
        c.type = t
        c.rule = "entities.propagated"
      } else if c.type == nil, isTeamContext(c) {
        // "Essex beat Gloucestershire", "Surrey v Kent".
        c.type = .org
        c.rule = "entities.team-context"
      } else if c.type == nil {
        if c.weak && !strongStrings.contains(k) { continue }
        // "W L PCT GB": table headings of short capitalised abbreviations.
        if c.last > c.first, (c.first...c.last).allSatisfy({ words[$0].text.utf8.count <= 3 && words[$0].isCapital }) {
          continue
        }
        // "Thousands", "Cash Equivalents", "RESEARCH ALERT": capitalised common words with no
        // other evidence.
        if (c.first...c.last).allSatisfy({ isCommonNoun(words[$0].text) || Scan.connectors.contains(words[$0].text) }) {
          continue
        }
        let count = c.last - c.first + 1
        // "Revenue 1,234 1,100": table row labels are not names.
        if resultLine[words[c.first].sentence], c.first == c.last, isCommonNoun(k) { continue }
        // "Zemun 1 Rad 0", "Bristol City 0": unknown one-word names, and names with a
        // town in them, in a results line are teams.
        if resultLine[words[c.first].sentence], c.first == c.last || (c.first...c.last).contains(where: {
          place(words[$0].text, strict: true) != nil
        }) {
          c.type = .org
          c.rule = "entities.results-line"
          kept.append(c)
          continue
        }
        // "in Tavildara", "at Edgbaston": an unknown name after "in"/"at"/"near" is a place.
        if c.first > 0, Scan.placePrepositions.contains(words[c.first - 1].text) {
          c.type = .place
          c.rule = "entities.place-context"
          kept.append(c)
          continue
        }
        if looksLikePersonName(c) {
          c.type = .person
          c.rule = "entities.default-person"
        } else {
          c.type = .org
          c.rule = "entities.default-org"
        }
      }
      kept.append(c)
    }
    candidates = kept
  }

  // MARK: Pass 3: headlines and datelines

  mutating func matchCaselessSentences() {
    guard caseless.contains(true) else { return }
    // Names found in the body, upper-cased, with their type.
    var known: [String: EntityType] = [:]
    var maxWords = max(lex.maxEntryWords, finder.gazetteer.maxNameWords)
    for c in candidates {
      guard let t = c.type else { continue }
      let k = key(c.first, c.last).uppercased()
      if known[k] == nil { known[k] = t }
      maxWords = max(maxWords, c.last - c.first + 1)
      if t == .person, c.last > c.first {
        let s = Scan.surnameKey(words[c.last].text).uppercased()
        if known[s] == nil { known[s] = .person }
      }
    }
    for (n, t) in lex.knownNames where known[n.uppercased()] == nil { known[n.uppercased()] = t }
    var demonyms = Set<String>()
    for d in lex.demonyms.keys { demonyms.insert(d.uppercased()) }
    var stop = Set<String>()
    for s in lex.stopwords { stop.insert(s.uppercased()) }
    for s in lex.calendar { stop.insert(s.uppercased()) }

    var added: [Candidate] = []
    var i = 0
    while i < words.count {
      guard caseless[words[i].sentence], words[i].shape != .other else {
        i += 1
        continue
      }
      var matched = 0
      var n = min(maxWords, words.count - i)
      while n >= 1 {
        let b = i + n - 1
        if words[b].sentence != words[i].sentence || words[b].shape == .other && n > 1 {
          n -= 1
          continue
        }
        let k = key(i, b).uppercased()
        if n == 1 && (stop.contains(k) || k.unicodeScalars.count < 2) {
          n -= 1
          continue
        }
        if let t = known[k] {
          added.append(Candidate(first: i, last: b, type: t, rule: "entities.headline-propagated"))
        } else if demonyms.contains(k) {
          added.append(Candidate(first: i, last: b, type: .misc, rule: "entities.demonym"))
        } else if place(k, strict: !isDateline(i, b)) != nil {
          added.append(Candidate(first: i, last: b, type: .place, rule: "entities.gazetteer"))
        } else {
          n -= 1
          continue
        }
        matched = n
        break
      }
      i += max(matched, 1)
    }
    candidates.append(contentsOf: added)
  }

  // MARK: Pass 4: sports results

  /// Words that may stand between team names in a fixture line ("Atlanta at Chicago").
  static let fixtureWords: Set<String> = ["at", "v", "vs", "AT", "V", "VS", "v.", "vs."]

  /// In a line of only names, numbers and "at"/"v" with at least two numbers, or of two
  /// names joined by "at"/"v", the places are teams: "Wigan 4 Chester 2", "Detroit 48 86
  /// .358", "Atlanta at Chicago" → ORG.
  /// Verbs after a team's name in sports reports ("Leicestershire beat Somerset").
  static let teamVerbsAfter: Set<String> = [
    "beat", "beats", "drew", "draw", "defeated", "edged", "routed", "thrashed", "crushed", "trounced",
    "overcame", "downed", "blanked", "outscored", "outplayed", "held", "hammered", "whipped", "swept",
  ]
  /// Words before a team's name ("beat Somerset", "Surrey v Kent").
  static let teamWordsBefore: Set<String> = ["beat", "beating", "defeated", "v", "vs", "vs."]

  /// The candidate stands before "beat"/"drew" or after "beat"/"v" in its sentence.
  func isTeamContext(_ c: Candidate) -> Bool {
    let s = words[c.first].sentence
    let before = c.first > 0 && words[c.first - 1].sentence == s && Scan.teamWordsBefore.contains(words[c.first - 1].text)
    let after = c.last + 1 < words.count && words[c.last + 1].sentence == s
      && Scan.teamVerbsAfter.contains(words[c.last + 1].text)
    return before || after
  }

  /// A town or division named as the subject or object of a sports result is a team:
  /// "Leicestershire beat Somerset", "Surrey v Kent" → ORG; every mention of the same name in
  /// the article follows. Only towns: countries and divisions ("England", "Scotland") name
  /// national teams, which stay places.
  mutating func markTeams() {
    var teams = Set<String>()
    for c in candidates where c.rule == "entities.results-line" { teams.insert(key(c.first, c.last).uppercased()) }
    for ci in candidates.indices where candidates[ci].type == .place {
      let c = candidates[ci]
      let k = key(c.first, c.last)
      if let e = place(k, strict: false), e.feature != .city { continue }
      if isTeamContext(c) { teams.insert(k.uppercased()) }
    }
    guard !teams.isEmpty else { return }
    for ci in candidates.indices where candidates[ci].type == .place {
      // Headlines and fixture lists in capitals name places by convention; keep those.
      if caseless[words[candidates[ci].first].sentence] { continue }
      if teams.contains(key(candidates[ci].first, candidates[ci].last).uppercased()) {
        candidates[ci].type = .org
        candidates[ci].rule = "entities.team-context"
      }
    }
  }

  mutating func markResultLines() {
    for ci in candidates.indices where resultLine[words[candidates[ci].first].sentence] {
      let f = candidates[ci].first
      // "Paul Koech ( Kenya ) 13:06.45": a bracketed country is the athlete's, not a team.
      if f > 0, words[f - 1].text == "(" { continue }
      // National teams are named by country and stay places, as datelines do.
      if candidates[ci].type == .place,
        place(key(f, candidates[ci].last), strict: false).map({ $0.feature != .country }) ?? true
      {
        candidates[ci].type = .org
        candidates[ci].rule = "entities.results-line"
      }
    }
  }

  /// "BONN 1996-08-22", "BONN, Aug 22": a name opening its line, then a comma or a number.
  func isDateline(_ a: Int, _ b: Int) -> Bool {
    guard words[a].sentenceStart, b + 1 < words.count, words[b + 1].sentence == words[a].sentence else { return false }
    let next = words[b + 1].text
    return next == "," || next.unicodeScalars.first?.properties.numericType != nil
  }

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
