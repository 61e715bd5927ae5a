import BylineCore

/// A mention a quote is attributed to.
struct SpeakerMention {
  enum Kind { case pronoun, name, description }
  var kind: Kind
  /// The mention's tokens (for a name: the name without its role).
  var tokens: Range<Int>
  /// The stated role before the name ("Syrian President"), if any.
  var role: Range<Int>?
  /// For descriptions: true when the head noun is a known speaker noun ("source", "ministry").
  var knownHead: Bool
  /// The mention's span when it is not `tokens`: the relative pronoun in "Barkley, who said"
  /// (`tokens` then hold the antecedent that names the speaker).
  var span: Range<Int>? = nil
}

/// A resolved speaker.
struct ResolvedSpeaker {
  var name: String?
  var entityID: String?
  var role: String?
  var range: TextRange
  /// True when `name` is a person's or organisation's name (not a description or "they").
  var isNamed: Bool
}

/// Finds the subject mention next to a cue and resolves it to the fullest name in the article.
struct SpeakerFinder {
  let view: TokenView
  let lex: QuoteLexicon
  /// Name runs of the article (roles and leading function words removed), lower-cased, with
  /// their text; the fullest name for a surname is the longest run ending with it.
  private let names: [(low: String, text: String, tokens: Int)]
  /// Name runs that look like people ("Dave Martell", then "Martell"), with their start
  /// offsets: the antecedents of "he"/"she" when the entity stage has not run.
  private let people: [(offset: Int, name: String)]
  /// Names with the role words before them, for "the mayor"-style descriptions.
  private let titled: [(offset: Int, roles: Set<String>, name: String)]
  /// Pronoun evidence per person (full name, lower-cased): the first "he" after a mention in
  /// its sentence ("Jayme told police she …") counts +1, "she" −1. Keeps "he" from resolving to a woman and "she" to a man.
  private var gender: [String: Int] = [:]
  static let calendarWords: Set<String> = [
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "today", "yesterday", "tonight",
  ]
  /// Words that make a capitalised run an organisation, place or date rather than a person.
  static let nonPersonWords: Set<String> = [
    "university", "college", "school", "hospital", "centre", "center", "council", "department",
    "ministry", "police", "service", "services", "news", "agency", "association", "party", "inc",
    "ltd", "corp", "company", "club", "league", "hotel", "street", "avenue", "road", "bank",
    "court", "house", "office", "committee", "commission", "institute", "foundation", "group",
    "union", "church", "airport", "river", "lake", "park", "county", "city", "province", "state",
    "states", "republic", "kingdom", "nations", "army", "forces", "force", "network", "times",
    "post", "press", "journal", "tribune", "media", "games", "cup", "day", "monday", "tuesday",
    "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
    "april", "may", "june", "july", "august", "september", "october", "november", "december",
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "new",
    "government", "authority", "board", "system", "program", "programme", "project", "act",
    "bill", "fund", "world", "international", "national", "federal", "american", "canadian",
    "assembly", "congress", "senate", "parliament", "cabinet", "administration", "airlines",
    "corporation", "industries", "holdings", "capital", "partners", "global", "sea", "ocean",
    "island", "islands", "valley", "bay", "region", "district", "square", "tower", "centre",
    "stadium", "arena", "museum", "library", "prize", "award", "awards", "festival", "series",
  ]
  /// PERSON and ORG mentions in text order.
  private let entities: [EntityMention]
  /// The contents of quoted spans, in text order: a person named inside a quote ("…meeting
  /// President Erdogan…," al-Assad said) is talked about, not talking, so never a pronoun's
  /// antecedent.
  private let quoted: [TextRange]

  static let pronouns: Set<String> = ["he", "she", "they", "i", "we", "it", "you"]
  static let appositionMarks: Set<String> = [",", "—", "–", "--"]
  static let personalPronouns: Set<String> = ["he", "she"]
  /// Words between a subject and its verb ("X also said", "X has said").
  static let adverbs: Set<String> = [
    "also", "has", "have", "had", "later", "then", "previously", "recently", "reportedly",
    "again", "once", "further", "would", "will", "had", "earlier", "repeatedly", "publicly",
    "privately", "initially", "first", "quickly", "simply", "just", "often", "frequently",
    "separately", "similarly", "likewise", "still", "already", "ultimately", "finally", "once",
    "flatly", "openly", "explicitly", "specifically", "bluntly", "clearly", "angrily",
    // Auxiliaries of progressive cues: "He's claiming", "his doctor is calling".
    "is", "are", "was", "were", "am", "been", "be", "'s", "’s", "'re", "’re", "now", "not",
  ]
  /// Words that cannot be inside a subject noun phrase: a phrase search stops there.
  static let npStop: Set<String> = [
    "that", "which", "who", "whom", "whose", "when", "while", "where", "if", "because", "as",
    "since", "after", "before", "and", "but", "or", "nor", "than", "so", "though", "although",
    "during", "into", "is", "was", "are", "were", "be", "been", "being", "has", "have", "had",
    "do", "does", "did", "will", "would", "could", "should", "may", "might", "must", "can",
    "not", "also", "there", "here", "what", "how", "why", "whether", "until", "unless", "this",
    "these", "those", "it", "its", "to", "by", "says", "said", "say", "told", "tells", "tell",
    "he", "she", "they", "we", "i", "you", "about", "against", "between", "through", "over", "under", "without",
    "within", "not", "no", "yes", "now", "yet", "however", "meanwhile", "instead", "even",
  ]
  static let prepositions: Set<String> = ["in", "on", "at", "from", "of", "for", "with", "among", "near", "outside", "inside"]
  static let determiners: Set<String> = ["the", "a", "an"]
  /// Lower-case words that join a capitalised name ("Bashar al-Assad", "Ludwig van Beethoven").
  static let particles: Set<String> = [
    "al", "el", "bin", "ibn", "abu", "abd", "de", "del", "della", "di", "da", "du", "van", "von",
    "der", "den", "la", "le", "ben", "bint", "dos", "das",
  ]
  /// Capitalised sentence openers that are not names.
  static let functionWords: Set<String> = [
    "the", "a", "an", "in", "on", "at", "but", "and", "or", "so", "for", "from", "to", "by",
    "after", "before", "despite", "during", "when", "while", "if", "as", "since", "yesterday",
    "today", "however", "meanwhile", "moreover", "also", "then", "this", "that", "these", "those",
    "his", "her", "their", "its", "our", "my", "with", "without", "under", "over", "about",
    "according", "read", "following", "although", "though", "because", "last", "next", "now",
    "some", "many", "several", "two", "three", "both", "all", "each", "every", "other", "another",
  ]

  init(view: TokenView, lexicon: QuoteLexicon, quoted: [TextRange] = []) {
    self.view = view
    self.lex = lexicon
    self.quoted = quoted.sorted()
    self.entities = view.doc.entities.filter { $0.type == .person || $0.type == .org }
      .sorted { $0.range < $1.range }
    var names: [(String, String, Int)] = []
    var runs: [((low: String, text: String, tokens: Int), Range<Int>)] = []
    var i = 0
    let n = view.count
    while i < n {
      guard view.cap[i], view.isWord(i) else { i += 1; continue }
      var j = i + 1
      while j < n {
        if view.cap[j] && view.isWord(j) { j += 1; continue }
        if view.low[j] == "-" || Self.particles.contains(view.low[j]), j + 1 < n,
          view.cap[j + 1] || view.low[j + 1] == "-"
        {
          j += 1
          continue
        }
        // "Kim Jong-un": a lower-case part glued on by a hyphen.
        if view.low[j] == "-", j + 1 < n, view.isWord(j + 1), view.glued(j - 1, j + 1) {
          j += 2
          continue
        }
        break
      }
      var s = i
      while s < j, Self.functionWords.contains(view.low[s]) { s += 1 }
      let r = s < j ? Self.stripRole(s..<j, view: view, lex: lexicon).name : s..<s
      if !r.isEmpty {
        names.append((view.text(r).lowercased(), view.text(r), r.count))
        runs.append(((view.text(r).lowercased(), view.text(r), r.count), r))
      }
      i = j
    }
    self.names = names
    // Person-like runs: two or more capitalised words with no organisation word, then later
    // mentions of their surnames.
    var people: [(Int, String)] = []
    var surnames: [String: String] = [:]
    for (n, r) in runs {
      let words = n.low.split(whereSeparator: { $0 == " " }).map(String.init)
      let first = r.lowerBound
      let subject = Self.inSubjectPosition(first, r.upperBound, view: view, lex: lexicon)
      let inParens = first > 0 && view.low[first - 1] == "("
      guard subject, !inParens, !Self.isQuoted(view.range(first), in: self.quoted) else { continue }
      if words.count >= 2, words.count <= 4, !words.contains(where: { Self.nonPersonWords.contains($0) }) {
        people.append((view.range(r.lowerBound).utf8Start, n.text))
        surnames[words.last!] = n.text
      } else if words.count == 1, let full = surnames[words[0]] {
        people.append((view.range(r.lowerBound).utf8Start, full))
      }
    }
    self.people = people
    // Names with the role words written before them ("Surrey Mayor Doug McCallum"), so that
    // "the mayor" can find its antecedent.
    var titled: [(Int, Set<String>, String)] = []
    for (n, r) in runs {
      var roleWords: Set<String> = []
      var k = r.lowerBound - 1
      while k >= 0, k >= r.lowerBound - 6, view.isWord(k) || view.low[k] == "-" {
        let w = view.low[k]
        if lexicon.titles[w] != nil { roleWords.insert(w) } else if !view.cap[k] { break }
        k -= 1
      }
      if !roleWords.isEmpty { titled.append((view.range(r.lowerBound).utf8Start, roleWords, n.text)) }
    }
    self.titled = titled
    var mentions: [(Int, String)] = people.map { ($0.0, $0.1) }
    for e in entities where e.type == .person {
      mentions.append((e.range.utf8Start, fuller(entityName(e), view.doc.string(e.range))))
    }
    for (offset, name) in mentions {
      var k = view.doc.tokenIndex(atOrAfter: offset)
      let startSentence = k < view.count ? view.sentence[k] : -1
      let limit = min(view.count, k + 40)
      while k < limit {
        if view.sentence[k] != startSentence { break }
        let w = view.low[k]
        if w == "he" || w == "himself" { gender[name.lowercased(), default: 0] += 1; break }
        if w == "she" || w == "herself" { gender[name.lowercased(), default: 0] -= 1; break }
        k += 1
      }
    }
  }

  /// True when `r` lies inside one of the sorted quoted ranges.
  static func isQuoted(_ r: TextRange, in quoted: [TextRange]) -> Bool {
    var lo = 0
    var hi = quoted.count
    while lo < hi {
      let mid = (lo + hi) / 2
      if quoted[mid].utf8Start <= r.utf8Start { lo = mid + 1 } else { hi = mid }
    }
    // Quoted ranges do not nest much; look back over a few for one that still covers `r`.
    var k = lo - 1
    while k >= 0, k >= lo - 4 {
      if quoted[k].utf8Start <= r.utf8Start, quoted[k].utf8End >= r.utf8End { return true }
      k -= 1
    }
    return false
  }

  /// Whether the name run `start..<end` is its sentence's subject: only role words and
  /// capitalised words before it ("Syrian President Bashar al-Assad"), or an apposition to a
  /// short subject phrase ("The Front's chief negotiator, Dario Fenwick, rejected …").
  static func inSubjectPosition(_ start: Int, _ end: Int, view: TokenView, lex: QuoteLexicon) -> Bool {
    guard start < view.count, view.sentence[start] >= 0 else { return false }
    let s0 = view.sentenceTokens[view.sentence[start]].lowerBound
    if (s0..<start).allSatisfy({ lex.titles[view.low[$0]] != nil || view.cap[$0] || !view.isWord($0) }) { return true }
    guard start - s0 >= 2, start - s0 <= 10, view.low[start - 1] == ",", end < view.count,
      Self.appositionMarks.contains(view.low[end])
    else { return false }
    let np = s0..<(start - 1)
    return view.cap[s0] && !np.contains { k in
      let w = view.low[k]
      return w == "," || Self.npStop.contains(w) || Self.pronouns.contains(w) || (!view.cap[k] && lex.cue(at: k, in: view.low, limit: start) != nil)
    }
  }

  /// Whether `name` can be the antecedent of `pronoun` ("he"/"she").
  private func agrees(_ name: String?, _ pronoun: String) -> Bool {
    guard let n = name, let g = gender[n.lowercased()] else { return true }
    return pronoun == "he" ? g >= 0 : g <= 0
  }

  /// Splits a capitalised run into role and name: "Syrian President Bashar al-Assad" →
  /// role "Syrian President", name "Bashar al-Assad".
  static func stripRole(_ run: Range<Int>, view: TokenView, lex: QuoteLexicon) -> (role: Range<Int>?, name: Range<Int>) {
    var lastTitle: Int? = nil
    var k = run.lowerBound
    while k < run.upperBound - 1 {
      let w = view.low[k].hasSuffix(".") ? String(view.low[k].dropLast()) : view.low[k]
      if lex.titles[w] != nil || lex.honorifics.contains(w) { lastTitle = k }
      k += 1
    }
    guard let t = lastTitle else { return (nil, run) }
    var nameStart = t + 1
    while nameStart < run.upperBound, !view.isWord(nameStart) { nameStart += 1 }
    var roleEnd = t + 1
    // The role is the run up to the last full title; honorifics ("Mr.") belong to neither.
    var r = t
    while r >= run.lowerBound, lex.honorifics.contains(view.low[r]) || !view.isWord(r) { r -= 1 }
    roleEnd = r + 1
    let role: Range<Int>? = roleEnd > run.lowerBound ? run.lowerBound..<roleEnd : nil
    return (role, nameStart..<run.upperBound)
  }

  /// The subject noun phrase ending just before token `cue` ("al-Assad" in "al-Assad stated"),
  /// no further left than `lowerBound`.
  func before(_ cue: Int, lowerBound lo: Int) -> SpeakerMention? {
    var j = cue - 1
    while j >= lo, isAdverb(j) { j -= 1 }
    // "who in 2010 said", "which on Monday reported": a short time phrase after the relative pronoun.
    if j - 2 >= lo, ["in", "on", "at", "last", "earlier", "this"].contains(view.low[j - 1]) || ["in", "on"].contains(view.low[j - 2]),
      view.doc.tokens[j].kind == .number || Self.calendarWords.contains(view.low[j]) || ["week", "month", "year"].contains(view.low[j])
    {
      var k = j - 1
      while k > lo, k > j - 4, !["who", "which"].contains(view.low[k]) { k -= 1 }
      if k >= lo, ["who", "which"].contains(view.low[k]), k < j - 1 { j = k }
    }
    // "Barkley, who said …", "the police department which reported …": the relative pronoun is
    // the mention, its antecedent the speaker.
    if j > lo, view.low[j] == "who" || view.low[j] == "which" {
      let k = view.low[j - 1] == "," ? j - 1 : j
      guard k > lo, var m = beforeAntecedent(k, lowerBound: lo) else { return nil }
      m.span = j..<(j + 1)
      return m
    }
    return beforeAntecedent(cue, lowerBound: lo)
  }

  /// Nouns ending in "-ly" that are no adverbs ("the family said").
  static let lyNouns: Set<String> = [
    "family", "ally", "assembly", "rally", "supply", "monopoly", "anomaly", "bully", "homily",
    "italy", "july", "daily", "weekly", "monthly", "quarterly", "elderly",
  ]

  /// Words between a subject and its verb: the listed ones, and "-ly" adverbs ("Smith sharply
  /// criticized", "she flatly denied").
  func isAdverb(_ j: Int) -> Bool {
    let w = view.low[j]
    if Self.adverbs.contains(w) { return true }
    return !view.cap[j] && w.count > 4 && w.hasSuffix("ly") && !Self.lyNouns.contains(w) && view.isWord(j)
  }

  private func beforeAntecedent(_ cue: Int, lowerBound lo: Int) -> SpeakerMention? {
    var j = cue - 1
    while j >= lo, isAdverb(j) { j -= 1 }
    guard j >= lo else { return nil }
    // "Stevie Wonder, who joked": the relative clause's antecedent.
    if view.low[j] == "who", j - 2 >= lo, view.low[j - 1] == "," { j -= 2 }
    if view.low[j] == ")" {
      // A parenthesis after the name: "Gwen Moore (D-Wis.) said".
      var k = j - 1
      while k >= lo, k > j - 12, view.low[k] != "(" { k -= 1 }
      guard k > lo, view.low[k] == "(" else { return nil }
      j = k - 1
    }
    if Self.appositionMarks.contains(view.low[j]) {
      // Apposition: "Smith, a spokesman for the ministry, said" → Smith; "His father, Ernie
      // LeBlanc, says" → Ernie LeBlanc; "Joyce — a lawyer — told".
      let mark = view.low[j]
      var k = j - 1
      while k >= lo, k > j - 26, view.low[k] != mark { k -= 1 }
      guard k >= lo, view.low[k] == mark, k - 1 >= lo else { return nil }
      let inner = k + 1 < j ? classify((k + 1)..<j) : nil
      if let outer = before(k, lowerBound: lo) {
        if outer.kind == .description, let n = inner, n.kind == .name { return n }
        return outer
      }
      return inner?.kind == .name ? inner : nil
    }
    let low = view.low
    if Self.pronouns.contains(low[j]) {
      return SpeakerMention(kind: .pronoun, tokens: j..<(j + 1), role: nil, knownHead: true)
    }
    let end = j + 1
    var s = end
    while s > lo, end - s < 10 {
      let t = s - 1
      let w = low[t]
      if view.isWord(t) {
        // "a source close to him", "an adviser to Mr. Sanders".
        let linkingTo = w == "to" && t > lo && (low[t - 1] == "close" || lex.titles[low[t - 1]] != nil || lex.speakerNouns.contains(low[t - 1]))
        // A capitalised cue word is a name here ("Ian Read said").
        if (Self.npStop.contains(w) && !linkingTo) || (!view.cap[t] && lex.cue(at: t, in: low, limit: end) != nil) { break }
        s -= 1
        continue
      }
      if w == "-" || (w == "." && !view.isFullStop(t)) || w == "&" || w == "'s" || w == "’s" || w == "'" || w == "’" {
        s -= 1
        continue
      }
      break
    }
    while s < end, Self.prepositions.contains(low[s]) || !view.isWord(s) { s += 1 }
    guard s < end else { return nil }
    return classify(s..<end)
  }

  /// The noun phrase right after a cue ("said Smith", "said the minister"), up to a comma or
  /// `upperBound`.
  func after(_ cueEnd: Int, upperBound hi: Int) -> SpeakerMention? {
    guard cueEnd < hi else { return nil }
    let low = view.low
    if Self.pronouns.contains(low[cueEnd]) {
      return SpeakerMention(kind: .pronoun, tokens: cueEnd..<(cueEnd + 1), role: nil, knownHead: true)
    }
    var e = cueEnd
    while e < hi, e - cueEnd < 10 {
      let w = low[e]
      if view.isWord(e) {
        // "said oil and gas worker Mike Wipf": a coordinated modifier before the name.
        if w == "and", e > cueEnd, !view.cap[e - 1] {
          var j = e + 1
          while j < hi, j < e + 5, view.isWord(j), !view.cap[j], !Self.npStop.contains(view.low[j]) { j += 1 }
          if j < hi, j > e + 1, view.cap[j], view.isWord(j) { e = j; continue }
        }
        if Self.npStop.contains(w) || (Self.prepositions.contains(w) && !(e + 1 < hi && view.cap[e + 1])) { break }
        e += 1
        continue
      }
      if w == "-" || (w == "." && !view.isFullStop(e)) || w == "&" || w == "'s" || w == "’s" { e += 1; continue }
      break
    }
    while e > cueEnd, !view.isWord(e - 1) { e -= 1 }
    guard e > cueEnd else { return nil }
    return classify(cueEnd..<e)
  }

  /// Names a phrase: a pronoun, a (titled) name ending the phrase, or a description.
  func classify(_ np: Range<Int>) -> SpeakerMention? {
    let low = view.low
    if np.count == 1, Self.pronouns.contains(low[np.lowerBound]) {
      return SpeakerMention(kind: .pronoun, tokens: np, role: nil, knownHead: true)
    }
    var last = np.upperBound - 1
    // "Kim Jong-un": a lower-case part glued to a name by a hyphen.
    if !view.cap[last], last - 2 >= np.lowerBound, view.low[last - 1] == "-", view.cap[last - 2], view.glued(last - 2, last) {
      last -= 2
    }
    if view.cap[last] {
      var r = last
      while r > np.lowerBound {
        let p = r - 1
        if view.cap[p] && view.isWord(p) { r = p; continue }
        if low[p] == "-" || low[p] == "." || Self.particles.contains(low[p]) { r = p; continue }
        // "Secretary of State Mike Pompeo": "of" after a capitalised title is part of the role.
        if low[p] == "of", p - 1 >= np.lowerBound, view.cap[p - 1], lex.titles[low[p - 1]] != nil { r = p; continue }
        break
      }
      while r < last, Self.functionWords.contains(low[r]) || !view.isWord(r) { r += 1 }
      // "Some suggested", "late Friday said": not names.
      if r == last, Self.functionWords.contains(low[r]) || Self.calendarWords.contains(low[r]) { return nil }
      // "Tim Guest with the Nova Scotia Health Authority": a determiner between the preposition
      // and the run.
      let pr = r - 1 > np.lowerBound && Self.determiners.contains(low[r - 1]) && Self.prepositions.contains(low[r - 2]) ? r - 1 : r
      if pr > np.lowerBound, Self.prepositions.contains(low[pr - 1]) {
        // "Jingyi Pan of IG": the name before the preposition.
        let runHasTitle = (r..<np.upperBound).contains { lex.titles[low[$0]] == true }
        if !runHasTitle, pr - 1 > np.lowerBound, view.cap[pr - 2], lex.titles[low[pr - 2]] == nil,
          let inner = classify(np.lowerBound..<(pr - 1)), inner.kind == .name
        {
          return inner
        }
        return SpeakerMention(kind: .description, tokens: trimDescription(np), role: nil,
                              knownHead: lex.speakerNouns.contains(low[pr - 2 >= np.lowerBound ? pr - 2 : pr]))
      }
      var (role, name) = Self.stripRole(r..<np.upperBound, view: view, lex: lex)
      // Lower-case role words before the run ("White House spokesman Josh Earnest").
      var rs = role?.lowerBound ?? name.lowerBound
      var k = rs - 1
      var sawTitle = role != nil
      while k >= np.lowerBound, view.isWord(k) {
        let w = low[k]
        if lex.titles[w] != nil { sawTitle = true; rs = k; k -= 1; continue }
        if view.cap[k] && sawTitle { rs = k; k -= 1; continue }
        break
      }
      if sawTitle, rs < name.lowerBound { role = rs..<(role?.upperBound ?? name.lowerBound) }
      if lex.titles[low[last]] != nil && name.count == 1 && role == nil && !lex.honorifics.contains(low[last]) {
        // "the President said": a description, not a name.
        return SpeakerMention(kind: .description, tokens: trimDescription(np), role: nil, knownHead: true)
      }
      guard !name.isEmpty else { return nil }
      return SpeakerMention(kind: .name, tokens: name, role: role, knownHead: true)
    }
    let d = trimDescription(np)
    guard !d.isEmpty else { return nil }
    // The head may come before a modifier ("a source close to him").
    let known = d.contains { lex.speakerNouns.contains(low[$0]) || lex.titles[low[$0]] == true }
    return SpeakerMention(kind: .description, tokens: d, role: nil, knownHead: known)
  }

  private func trimDescription(_ np: Range<Int>) -> Range<Int> {
    var s = np.lowerBound
    while s < np.upperBound, Self.prepositions.contains(view.low[s]) || !view.isWord(s) { s += 1 }
    return s..<np.upperBound
  }

  /// Resolves a mention: the entity's canonical name, the fullest name with the same surname,
  /// a pronoun's antecedent (`lastPerson`), or a description's own words.
  func resolve(_ m: SpeakerMention, lastPerson: ResolvedSpeaker?) -> ResolvedSpeaker {
    let range = view.span(m.span ?? m.tokens)
    let role = m.role.map { view.text($0) }
    switch m.kind {
    case .pronoun:
      guard Self.personalPronouns.contains(view.low[m.tokens.lowerBound]) else {
        return ResolvedSpeaker(name: nil, entityID: nil, role: nil, range: range, isNamed: false)
      }
      return resolvePronoun(view.low[m.tokens.lowerBound], at: m.tokens.lowerBound, range: range, lastPerson: lastPerson)
    case .name:
      if let e = entity(covering: view.range(m.tokens.upperBound - 1)) {
        return ResolvedSpeaker(name: expandedAbbreviation(fuller(entityName(e), view.text(m.tokens))), entityID: e.entityID, role: role,
                               range: range, isNamed: true)
      }
      return ResolvedSpeaker(name: expandedAbbreviation(fullestName(view.text(m.tokens))), entityID: nil, role: role,
                             range: range, isNamed: true)
    case .description:
      let head = view.low[m.tokens.upperBound - 1]
      // "her statement read", "his letter said": the writer is the possessive's antecedent.
      let first = view.low[m.tokens.lowerBound]
      if m.tokens.count == 2, first == "his" || first == "her", Self.writtenWords.contains(head) {
        var r = resolvePronoun(first == "his" ? "he" : "she", at: m.tokens.lowerBound, range: range, lastPerson: lastPerson)
        r.role = nil
        return r
      }
      return resolveDescription(m, head: head, range: range)
    }
  }

  /// Head nouns of descriptions that stand for an organisation named before ("the company").
  static let organisationHeads: Set<String> = [
    "company", "firm", "department", "ministry", "agency", "union", "team", "club", "association",
    "organization", "organisation", "group", "commission", "council", "board", "party", "campaign",
    "network", "bank", "university", "hospital", "school", "authority", "league", "corporation",
    "charity", "foundation", "institute", "retailer", "airline", "broadcaster", "startup", "insurer",
    "automaker", "manufacturer", "developer", "utility", "regulator", "watchdog",
  ]

  /// The organisation named last before `offset` for a description with head noun `head`: an ORG
  /// entity whose name holds the head ("the department" → "Department of Health"), else the last
  /// ORG entity of the preceding 1,500 characters that is not inside a quote. An all-capital
  /// abbreviation gives way to the spelled-out name it abbreviates.
  func lastOrganisation(head: String, before offset: Int) -> (name: String, id: String?)? {
    let orgs = entities.filter { $0.type == .org && $0.range.utf8End <= offset && !Self.isQuoted($0.range, in: quoted) }
    let pick = orgs.last { entityName($0).lowercased().split(separator: " ").contains(Substring(head)) }
      ?? orgs.last.flatMap { $0.range.utf8End + 1500 >= offset ? $0 : nil }
    guard let e = pick else { return nil }
    return (expandedAbbreviation(entityName(e)), e.entityID)
  }

  /// "IRCC" → "Immigration, Refugees and Citizenship Canada" when an entity of the article has
  /// those initials (function words and punctuation skipped); else the name itself.
  func expandedAbbreviation(_ name: String) -> String {
    let letters = Array(name.unicodeScalars)
    guard letters.count >= 2, letters.count <= 6, name == name.uppercased(), name.allSatisfy({ $0.isLetter }) else { return name }
    let skip: Set<String> = ["of", "and", "the", "for", "&", "de", "du", "des", "la", "le", "on", "in"]
    for e in entities where e.type == .org || e.type == .person {
      let full = entityName(e)
      let words = full.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "-" }).map(String.init)
        .filter { !skip.contains($0.lowercased()) }
      guard words.count == letters.count, words.count >= 2 else { continue }
      let initials = words.compactMap { $0.first.map { String($0).uppercased() } }.joined()
      if initials == name { return full }
    }
    return name
  }

  /// Whether a resolved named speaker can be the antecedent of "he"/"she": not an organisation
  /// entity, no organisation word, no all-capital abbreviation ("GOP", "AFN Youth Council").
  func isPersonLike(_ r: ResolvedSpeaker) -> Bool {
    guard let name = r.name else { return false }
    if let id = r.entityID, let e = entities.first(where: { $0.entityID == id }), e.type != .person { return false }
    if let e = entities.first(where: { $0.range.overlaps(r.range) }), e.type != .person { return false }
    let words = name.split(separator: " ").map(String.init)
    if words.contains(where: { Self.nonPersonWords.contains($0.lowercased()) }) { return false }
    if words.count == 1, name.count >= 2, name == name.uppercased() { return false }
    // "Prosecutors said …": a capitalised speaker noun opening a sentence is no person's name.
    if words.count == 1, lex.speakerNouns.contains(name.lowercased()) { return false }
    return true
  }

  /// Documents that speak for their writer ("her statement read").
  static let writtenWords: Set<String> = [
    "statement", "letter", "tweet", "post", "email", "memo", "release", "remarks", "speech", "book",
    "column", "op-ed", "website", "message", "note", "affidavit", "testimony", "lawsuit", "complaint",
  ]

  /// "he"/"she" at token `at`: the latest person in subject position before its sentence,
  /// unless a named speaker (`lastPerson`) came after it.
  private func resolvePronoun(_ pronoun: String, at: Int, range: TextRange, lastPerson: ResolvedSpeaker?) -> ResolvedSpeaker {
      // The latest person in subject position before this sentence, unless a named speaker
      // came after it: entity mentions when the entity stage ran, else person-like name runs.
      let start = sentenceStart(at)
      let speaker = agrees(lastPerson?.name, pronoun) ? lastPerson : nil
      if let p = lastSubjectPersonEntity(before: start, where: { agrees(fuller(entityName($0), view.doc.string($0.range)), pronoun) }),
        p.range.utf8Start > (speaker?.range.utf8Start ?? -1)
      {
        return ResolvedSpeaker(name: fuller(entityName(p), view.doc.string(p.range)), entityID: p.entityID,
                               role: nil, range: range, isNamed: false)
      }
      if entities.isEmpty, let p = people.last(where: { $0.offset < start && agrees($0.name, pronoun) }),
        p.offset > (speaker?.range.utf8Start ?? -1)
      {
        return ResolvedSpeaker(name: p.name, entityID: nil, role: nil, range: range, isNamed: false)
      }
      if speaker == nil, let p = lastPersonEntity(before: start, where: { agrees(fuller(entityName($0), view.doc.string($0.range)), pronoun) }) {
        return ResolvedSpeaker(name: fuller(entityName(p), view.doc.string(p.range)), entityID: p.entityID,
                               role: nil, range: range, isNamed: false)
      }
      return ResolvedSpeaker(name: speaker?.name, entityID: speaker?.entityID, role: nil,
                             range: range, isNamed: false)
  }

  /// A description: the titled person it names ("the mayor"), the person introduced with its
  /// head noun ("the rookie defenceman"), the entity it spells out, or its own words.
  private func resolveDescription(_ m: SpeakerMention, head: String, range: TextRange) -> ResolvedSpeaker {
      // "the WHL commissioner said …" with "WHL commissioner Ron Robison" before it, or else later
      // in the article.
      if view.low[m.tokens.lowerBound] == "the", lex.titles[head] == true,
        let t = titled.last(where: { $0.offset < range.utf8Start && $0.roles.contains(head) })
          ?? titled.first(where: { $0.offset > range.utf8End && $0.roles.contains(head) && m.tokens.count >= 3 })
      {
        return ResolvedSpeaker(name: fullestName(t.name), entityID: nil, role: view.text(m.tokens),
                               range: range, isNamed: false)
      }
      if view.low[m.tokens.lowerBound] == "the", m.tokens.count >= 2, m.tokens.count <= 4, !view.cap[m.tokens.upperBound - 1],
        entity(covering: view.range(m.tokens.upperBound - 1)) == nil,
        let name = describedPerson(head: head, before: m.tokens.lowerBound)
      {
        return ResolvedSpeaker(name: name, entityID: nil, role: view.text(m.tokens), range: range, isNamed: false)
      }
      // "The RCMP statement said": a document speaks for the organisation or person named in it.
      if Self.writtenWords.contains(head), m.tokens.count <= 4,
        let e = entities.first(where: { $0.range.utf8Start >= range.utf8Start && $0.range.utf8End <= range.utf8End })
      {
        return ResolvedSpeaker(name: entityName(e), entityID: e.entityID, role: view.text(m.tokens), range: range, isNamed: false)
      }
      // "the company said", "the department added": the organisation of that kind named last.
      if view.low[m.tokens.lowerBound] == "the", m.tokens.count <= 3, Self.organisationHeads.contains(head),
        entity(covering: view.range(m.tokens.upperBound - 1)) == nil,
        let org = lastOrganisation(head: head, before: range.utf8Start)
      {
        return ResolvedSpeaker(name: org.name, entityID: org.id, role: view.text(m.tokens), range: range, isNamed: false)
      }
      // "A spokeswoman for Trudeau" is not Trudeau: a description keeps its own words, and its
      // entity only when the entity is the whole phrase ("the European Commission").
      let e = entity(covering: view.range(m.tokens.upperBound - 1))
      let whole = e.map { view.doc.tokenIndices(in: $0.range).lowerBound <= m.tokens.lowerBound + 1 } ?? false
      return ResolvedSpeaker(name: whole ? entityName(e!) : view.text(m.tokens),
                             entityID: whole ? e?.entityID : nil, role: nil, range: range, isNamed: false)
  }

  /// The last person introduced with the description's head noun before token `limit`:
  /// "rookie defenceman Caleb Jones" or "Caleb Jones, the rookie defenceman" for "the rookie
  /// defenceman"; nil when none is found within the preceding 3,000 tokens.
  func describedPerson(head: String, before limit: Int) -> String? {
    guard !Self.npStop.contains(head), !Self.functionWords.contains(head) else { return nil }
    var k = limit - 1
    while k >= 1, k >= limit - 3000 {
      defer { k -= 1 }
      guard view.low[k] == head, !view.cap[k] else { continue }
      // "rookie defenceman Caleb Jones"
      if k + 1 < view.count, view.cap[k + 1], view.isWord(k + 1), !Self.functionWords.contains(view.low[k + 1]) {
        var e = k + 1
        while e < view.count, e < k + 5, view.cap[e] && view.isWord(e) || (view.low[e] == "-" && view.glued(e - 1, e + 1)) { e += 1 }
        if let m = classify((k + 1)..<e), m.kind == .name, isPersonName(m.tokens) { return fullestName(view.text(m.tokens)) }
      }
      // "Caleb Jones, the rookie defenceman"
      var d = k - 1
      while d > 0, d > k - 6, view.isWord(d), !view.cap[d] { d -= 1 }
      guard d > 0, view.low[d] == ",", Self.determiners.contains(view.low[d + 1]) else { continue }
      var s = d
      while s > 0, s > d - 5, view.cap[s - 1] && view.isWord(s - 1) || view.low[s - 1] == "-" || Self.particles.contains(view.low[s - 1]) { s -= 1 }
      if s < d, let m = classify(s..<d), m.kind == .name, isPersonName(m.tokens) { return fullestName(view.text(m.tokens)) }
    }
    return nil
  }

  /// A name of one to four words with no organisation or place word.
  private func isPersonName(_ r: Range<Int>) -> Bool {
    let words = r.filter { view.isWord($0) }.map { view.low[$0] }
    return !words.isEmpty && words.count <= 4 && !words.contains { Self.nonPersonWords.contains($0) || Self.calendarWords.contains($0) }
  }

  /// The latest person in subject position before `offset` (an entity when the entity stage
  /// ran, else a person-like name run).
  func lastSubjectPerson(before offset: Int) -> (name: String, entityID: String?)? {
    if let e = lastSubjectPersonEntity(before: offset, where: { _ in true }) {
      return (fuller(entityName(e), view.doc.string(e.range)), e.entityID)
    }
    if entities.isEmpty, let p = people.last(where: { $0.offset < offset }) { return (p.name, nil) }
    return nil
  }

  /// The longest name run in the article ending with `name`'s words ("al-Assad" →
  /// "Bashar al-Assad"); `name` itself when there is none.
  func fullestName(_ name: String) -> String {
    let key = name.lowercased()
    var best = name
    var bestCount = 0
    for n in names where n.tokens > bestCount && n.low.hasSuffix(key) {
      let cut = n.low.utf8.count - key.utf8.count
      if cut == 0 { if bestCount == 0 { best = n.text; bestCount = n.tokens }; continue }
      let before = Array(n.low.utf8)[cut - 1]
      if before == 32 || before == 45 {
        best = n.text
        bestCount = n.tokens
      }
    }
    if bestCount <= 1, !key.contains(" "), !key.contains("-") {
      // A first name alone ("Jayme", "Kim"): the longest run starting with it.
      for n in names where n.tokens > bestCount && n.low.hasPrefix(key + " ") && n.tokens <= 4
        && n.text != n.text.uppercased()
        && !n.low.split(separator: " ").contains(where: { Self.nonPersonWords.contains(String($0)) })
      {
        best = n.text
        bestCount = n.tokens
      }
    }
    return best
  }

  private func sentenceStart(_ i: Int) -> Int {
    let s = view.sentence[i]
    return s >= 0 ? view.doc.sentences[s].utf8Start : view.range(i).utf8Start
  }

  private func entity(covering r: TextRange) -> EntityMention? {
    entities.first { $0.range.overlaps(r) }
  }

  private func entityName(_ e: EntityMention) -> String {
    e.canonical.isEmpty ? view.doc.string(e.range) : e.canonical
  }

  /// The entity's canonical name, or the fullest name run for `mention` when that one is longer
  /// and shares its last or first word ("Kim" → "Kim Jong-un" when the entity stage kept "Kim").
  private func fuller(_ canonical: String, _ mention: String) -> String {
    let mine = fullestName(mention)
    let a = canonical.lowercased().split(separator: " ")
    let b = mine.lowercased().split(separator: " ")
    // "Kim Jong" → "Kim Jong-un": the same words with a glued tail.
    if b.count == a.count, mine.utf8.count > canonical.utf8.count, mine.lowercased().hasPrefix(canonical.lowercased()) { return mine }
    guard b.count > a.count, let al = a.last, let af = a.first else { return canonical }
    return b.last == al || b.first == af ? mine : canonical
  }

  /// The latest PERSON mention before `offset` that opens its sentence (after any role words).
  private func lastSubjectPersonEntity(before offset: Int, where ok: (EntityMention) -> Bool) -> EntityMention? {
    entities.last { e in
      guard e.type == .person, e.range.utf8End <= offset, ok(e) else { return false }
      // Two-word names without organisation words, never a photo credit in parentheses.
      let words = entityName(e).lowercased().split(separator: " ").map(String.init)
      guard words.count >= 2, !words.contains(where: { Self.nonPersonWords.contains($0) }) else { return false }
      let t = view.doc.tokenIndex(atOrAfter: e.range.utf8Start)
      guard t < view.count, view.sentence[t] >= 0, t == 0 || view.low[t - 1] != "(" else { return false }
      // "Jim Eglinski, Yellowhead MP, said": a role set off after a name is not a second person.
      if t >= 2, view.low[t - 1] == ",", view.cap[t - 2], view.isWord(t - 2) { return false }
      guard !Self.isQuoted(e.range, in: quoted) else { return false }
      return Self.inSubjectPosition(t, view.doc.tokenIndex(atOrAfter: e.range.utf8End), view: view, lex: lex)
    }
  }

  private func lastPersonEntity(before offset: Int, where ok: (EntityMention) -> Bool) -> EntityMention? {
    entities.last { $0.type == .person && $0.range.utf8End <= offset && ok($0) && !Self.isQuoted($0.range, in: quoted) }
  }
}
