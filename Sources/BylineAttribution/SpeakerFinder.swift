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

  static let pronouns: Set<String> = ["he", "she", "they", "i", "we", "it", "you"]
  static let personalPronouns: Set<String> = ["he", "she"]
  /// Words between a subject and its verb ("X also said", "X has said").
  static let adverbs: Set<String> = [
    "also", "has", "have", "had", "later", "then", "previously", "recently", "reportedly",
    "again", "once", "further", "would", "will", "had", "earlier", "repeatedly", "publicly",
    "privately", "initially", "first", "quickly", "simply", "just", "often", "frequently",
    "separately", "similarly", "likewise", "still", "already", "ultimately", "finally", "once",
    "flatly", "openly", "explicitly", "specifically", "bluntly", "clearly", "angrily",
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

  init(view: TokenView, lexicon: QuoteLexicon) {
    self.view = view
    self.lex = lexicon
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
      let subject = view.sentence[first] >= 0 && (view.sentenceTokens[view.sentence[first]].lowerBound..<first).allSatisfy {
        lexicon.titles[view.low[$0]] != nil || view.cap[$0] || !view.isWord($0)
      }
      let inParens = first > 0 && view.low[first - 1] == "("
      guard subject, !inParens else { continue }
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
    while j >= lo, Self.adverbs.contains(view.low[j]) { j -= 1 }
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
    if view.low[j] == "," {
      // Apposition: "Smith, a spokesman for the ministry, said" → Smith; "His father, Ernie
      // LeBlanc, says" → Ernie LeBlanc.
      var k = j - 1
      while k >= lo, k > j - 26, view.low[k] != "," { k -= 1 }
      guard k >= lo, view.low[k] == ",", k - 1 >= lo else { return nil }
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
        if (Self.npStop.contains(w) && !linkingTo) || lex.cue(at: t, in: low, limit: end) != nil { break }
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
    let last = np.upperBound - 1
    if view.cap[last] {
      var r = last
      while r > np.lowerBound {
        let p = r - 1
        if view.cap[p] && view.isWord(p) { r = p; continue }
        if low[p] == "-" || low[p] == "." || Self.particles.contains(low[p]) { r = p; continue }
        break
      }
      while r < last, Self.functionWords.contains(low[r]) || !view.isWord(r) { r += 1 }
      // "Some suggested", "late Friday said": not names.
      if r == last, Self.functionWords.contains(low[r]) || Self.calendarWords.contains(low[r]) { return nil }
      if r > np.lowerBound, Self.prepositions.contains(low[r - 1]) {
        // "Jingyi Pan of IG": the name before the preposition.
        if r - 1 > np.lowerBound, view.cap[r - 2], let inner = classify(np.lowerBound..<(r - 1)), inner.kind == .name {
          return inner
        }
        return SpeakerMention(kind: .description, tokens: trimDescription(np), role: nil,
                              knownHead: lex.speakerNouns.contains(low[r - 2 >= np.lowerBound ? r - 2 : r]))
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
    let range = view.span(m.tokens)
    let role = m.role.map { view.text($0) }
    switch m.kind {
    case .pronoun:
      guard Self.personalPronouns.contains(view.low[m.tokens.lowerBound]) else {
        return ResolvedSpeaker(name: nil, entityID: nil, role: nil, range: range, isNamed: false)
      }
      if let p = lastPersonEntity(before: sentenceStart(m.tokens.lowerBound)) {
        return ResolvedSpeaker(name: p.canonical.isEmpty ? view.doc.string(p.range) : p.canonical,
                               entityID: p.entityID, role: nil, range: range, isNamed: false)
      }
      let start = sentenceStart(m.tokens.lowerBound)
      if entities.isEmpty, let p = people.last(where: { $0.offset < start }),
        p.offset > (lastPerson?.range.utf8Start ?? -1)
      {
        return ResolvedSpeaker(name: p.name, entityID: nil, role: nil, range: range, isNamed: false)
      }
      return ResolvedSpeaker(name: lastPerson?.name, entityID: lastPerson?.entityID, role: nil,
                             range: range, isNamed: false)
    case .name:
      if let e = entity(covering: view.range(m.tokens.upperBound - 1)) {
        return ResolvedSpeaker(name: e.canonical.isEmpty ? view.doc.string(e.range) : e.canonical,
                               entityID: e.entityID, role: role, range: range, isNamed: true)
      }
      return ResolvedSpeaker(name: fullestName(view.text(m.tokens)), entityID: nil, role: role,
                             range: range, isNamed: true)
    case .description:
      let head = view.low[m.tokens.upperBound - 1]
      if view.low[m.tokens.lowerBound] == "the", lex.titles[head] == true,
        let t = titled.last(where: { $0.offset < range.utf8Start && $0.roles.contains(head) })
      {
        return ResolvedSpeaker(name: fullestName(t.name), entityID: nil, role: view.text(m.tokens),
                               range: range, isNamed: false)
      }
      let e = entity(covering: view.range(m.tokens.upperBound - 1))
      return ResolvedSpeaker(name: e.map { $0.canonical.isEmpty ? view.doc.string($0.range) : $0.canonical } ?? view.text(m.tokens),
                             entityID: e?.entityID, role: nil, range: range, isNamed: false)
    }
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
      for n in names where n.tokens > bestCount && n.low.hasPrefix(key + " ") {
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

  private func lastPersonEntity(before offset: Int) -> EntityMention? {
    entities.last { $0.type == .person && $0.range.utf8End <= offset }
  }
}
