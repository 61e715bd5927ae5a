import BylineCore

/// Runs the source rules over one document.
struct SourceFinder {
  let view: TokenView
  let lex: SourceLexicon
  var found: [SourceCitation] = []

  static let determiners: Set<String> = [
    "a", "an", "the", "two", "three", "several", "some", "multiple", "other", "another", "many",
    "its", "his", "her", "their", "this", "that", "these", "those", "our",
  ]
  /// Phrases after an unnamed person that make it anonymous.
  static let anonymityTails: [[String]] = [
    ["who", "spoke", "on", "condition", "of", "anonymity"],
    ["speaking", "on", "condition", "of", "anonymity"],
    ["who", "requested", "anonymity"], ["who", "asked", "not", "to", "be", "named"],
    ["who", "asked", "not", "to", "be", "identified"], ["who", "declined", "to", "be", "named"],
    ["who", "declined", "to", "be", "identified"], ["who", "asked", "for", "anonymity"],
    ["on", "condition", "of", "anonymity"],
  ]
  /// Open tails whose object runs on ("familiar with the discussions", "close to the talks").
  static let openTails: [[String]] = [
    ["familiar", "with"], ["close", "to"], ["with", "knowledge", "of"], ["briefed", "on"],
    ["involved", "in"], ["knowledgeable", "about"],
  ]
  static let pronouns: Set<String> = ["he", "she", "they", "i", "we", "it", "you"]

  init(document: Document, lexicon: SourceLexicon) {
    view = TokenView(document)
    lex = lexicon
  }

  mutating func run() -> [SourceCitation] {
    guard view.count > 0 else { return [] }
    findOutlets()
    findAnonymous()
    findDocuments()
    addQuotedSpeakers()
    return found.sorted { $0.range != $1.range ? $0.range < $1.range : $0.name < $1.name }
  }

  // MARK: - Rules

  /// "the Daily Sabah reported", "told Reuters", "according to AFP", "(AP)".
  mutating func findOutlets() {
    var i = 0
    let bytes = view.doc.bytes
    while i < view.count {
      defer { i += 1 }
      guard view.isWord(i), let (o, len) = lex.outlet(at: view.range(i).utf8Start, in: bytes) else { continue }
      let end = view.range(i).utf8Start + len
      var j = i
      while j + 1 < view.count, view.range(j).utf8End < end { j += 1 }
      guard view.range(j).utf8End == end else { continue }
      // "The Independent Electoral Commission" is not The Independent.
      if j + 1 < view.count, view.cap[j + 1], view.isWord(j + 1), view.range(j + 1).utf8Start - end <= 1 { continue }
      let span = TextRange(view.range(i).utf8Start, end)
      guard let (cue, cueRange, rule) = outletCue(i, j, span) else { i = j; continue }
      let outlet = lex.outlets[o]
      add(SourceCitation(range: span, name: outlet.name, kind: outlet.kind, cue: cue, cueRange: cueRange,
                         entityID: entity(overlapping: span)?.entityID, rule: rule))
      i = j
    }
  }

  /// The cue citing the outlet spelled by tokens `i...j`.
  func outletCue(_ i: Int, _ j: Int, _ span: TextRange) -> (String?, TextRange?, String)? {
    let low = view.low
    var p = i - 1
    if p >= 0, low[p] == "the" { p -= 1 }
    if p >= 0, low[p] == "(", j + 1 < view.count, low[j + 1] == ")" {
      return (nil, nil, "sources.outlet-dateline")
    }
    if let q = quote(speakerOverlapping: span), let c = q.cue {
      return (c, q.cueRange, "sources.outlet-quoted")
    }
    let a = j + 1
    if a < view.count {
      if lex.citeVerbs.contains(low[a]) { return (view.text(a..<(a + 1)), view.range(a), "sources.outlet-cue-after") }
      if low[a] == "has" || low[a] == "have", a + 1 < view.count, lex.citeVerbs.contains(low[a + 1]) {
        return (view.text(a..<(a + 2)), view.span(a..<(a + 2)), "sources.outlet-cue-after")
      }
    }
    guard p >= 0 else { return nil }
    switch low[p] {
    case "told", "informed", "citing", "cited", "quoted", "quoting", "assured":
      return (view.text(p..<(p + 1)), view.range(p), "sources.outlet-cue-before")
    case "to":
      if p >= 1, low[p - 1] == "according" {
        return (view.text((p - 1)..<(p + 1)), view.span((p - 1)..<(p + 1)), "sources.outlet-cue-before")
      }
      let nextOK = a >= view.count || [":", ",", "that", "on", "in"].contains(low[a]) || view.isTerminal(a)
      let speechBefore = p >= 1 && ["said", "spoke", "speaking", "talking", "talked", "told", "source", "sources", "statement", "statements", "remarks", "comments"].contains(low[p - 1])
        || (p >= 1 && lex.citeVerbs.contains(low[p - 1]))
      if nextOK || speechBefore { return (view.text(p..<(p + 1)), view.range(p), "sources.outlet-cue-before") }
    case "with":
      if p >= 1, low[p - 1] == "interview" {
        var s = p - 1
        if s >= 1, low[s - 1] == "an" { s -= 1 }
        if s >= 1, low[s - 1] == "in" { s -= 1 }
        return (view.text(s..<(p + 1)), view.span(s..<(p + 1)), "sources.outlet-cue-before")
      }
    case "by":
      if p >= 1, ["reported", "quoted", "published", "cited", "obtained", "seen", "broadcast", "aired"].contains(low[p - 1]) {
        return (view.text((p - 1)..<(p + 1)), view.span((p - 1)..<(p + 1)), "sources.outlet-cue-before")
      }
    default: break
    }
    return nil
  }

  /// "sources familiar with the discussions", "a senior Hamas source", "officials who spoke on
  /// condition of anonymity".
  mutating func findAnonymous() {
    let low = view.low
    var h = 0
    while h < view.count {
      defer { h += 1 }
      guard lex.anonymousHeads.contains(low[h]), !view.cap[h] || isSentenceStart(h) else { continue }
      let start = phraseStart(h)
      var end = h + 1
      var tailed = false
      for t in Self.anonymityTails where matches(t, at: end) {
        end += t.count
        tailed = true
        break
      }
      if !tailed {
        for t in Self.openTails where matches(t, at: end) {
          var e = end + t.count
          let limit = min(view.count, e + 7)
          while e < limit, view.isWord(e), !lex.citeVerbs.contains(low[e]), low[e] != "that", low[e] != "who" { e += 1 }
          guard e > end + t.count else { break }
          end = e
          tailed = true
          break
        }
      }
      let head = low[h]
      let alwaysAnonymous = head == "source" || head == "sources" || head == "insider" || head == "insiders"
      guard alwaysAnonymous || tailed else { continue }
      if alwaysAnonymous, !tailed, end < view.count, ["of", "for"].contains(low[end]) { continue }
      let span = view.span(start..<end)
      guard let (cue, cueRange) = citingCue(start, end, span) else { continue }
      let text = view.text(start..<end)
      replaceOverlapping(span)
      add(SourceCitation(range: span, name: text, kind: .anonymous, cue: cue, cueRange: cueRange,
                         rule: "sources.anonymous"))
      h = end - 1
    }
  }

  /// "in a statement", "the report said", "according to a court filing".
  mutating func findDocuments() {
    let low = view.low
    for h in 0..<view.count where lex.documentHeads.contains(low[h]) && !view.cap[h] {
      let start = phraseStart(h)
      guard start < h, Self.determiners.contains(low[start]) else { continue }
      let span = view.span(start..<(h + 1))
      guard !found.contains(where: { $0.range.overlaps(span) }) else { continue }
      var cue: (String?, TextRange?)? = citingCue(start, h + 1, span)
      // "said in a statement": the verb before "in" cites the document.
      if cue == nil, start >= 2, low[start - 1] == "in", lex.citeVerbs.contains(low[start - 2]) {
        cue = (view.text((start - 2)..<start), view.span((start - 2)..<start))
      }
      guard let (c, cr) = cue else { continue }
      add(SourceCitation(range: span, name: view.text(start..<(h + 1)), kind: .document, cue: c, cueRange: cr,
                         rule: "sources.document"))
    }
  }

  /// Every named or described speaker of a quote not cited by the rules above.
  mutating func addQuotedSpeakers() {
    for q in view.doc.quotes {
      guard let r = q.speakerRange, !found.contains(where: { $0.range.overlaps(r) }) else { continue }
      let text = view.doc.string(r)
      let lowText = text.lowercased()
      guard !Self.pronouns.contains(lowText) else { continue }
      let words = lowText.split(whereSeparator: { !$0.isLetter }).map(String.init)
      let e = q.speakerEntityID.flatMap { id in view.doc.entities.first { $0.entityID == id } }
      var kind: SourceKind = .other
      if let last = words.last, lex.documentHeads.contains(last), !(view.doc.bytes[r.utf8Start] >= 65 && view.doc.bytes[r.utf8Start] <= 90 && words.count == 1) {
        kind = .document
      } else if q.speakerRole != nil || e?.type == .org || words.contains(where: { lex.officialWords.contains($0) }) {
        kind = .official
      }
      add(SourceCitation(range: r, name: q.speaker ?? text, kind: kind, cue: q.cue, cueRange: q.cueRange,
                         entityID: q.speakerEntityID ?? entity(overlapping: r)?.entityID, rule: "sources.quoted-speaker"))
    }
  }

  // MARK: - Helpers

  /// The cue citing a phrase spanning tokens `start..<end`: a quote attributed to it, a citing
  /// verb after it ("a source said"), or "citing", "according to", "quoting" before it.
  func citingCue(_ start: Int, _ end: Int, _ span: TextRange) -> (String?, TextRange?)? {
    let low = view.low
    if let q = quote(speakerOverlapping: span) { return (q.cue, q.cueRange) }
    var a = end
    if a < view.count, low[a] == "," { a += 1 }
    while a < view.count, ["also", "have", "has", "had"].contains(low[a]) { a += 1 }
    if a < view.count, lex.citeVerbs.contains(low[a]) { return (view.text(a..<(a + 1)), view.range(a)) }
    let p = start - 1
    if p >= 0, ["citing", "quoting", "cited", "quoted"].contains(low[p]) { return (view.text(p..<start), view.range(p)) }
    if p >= 1, low[p] == "to", low[p - 1] == "according" { return (view.text((p - 1)..<start), view.span((p - 1)..<start)) }
    if p >= 1, low[p] == "by", ["reported", "quoted", "cited", "seen", "obtained"].contains(low[p - 1]) {
      return (view.text((p - 1)..<start), view.span((p - 1)..<start))
    }
    return nil
  }

  /// The first token of the noun phrase headed by token `h`: up to three modifiers and a
  /// determiner ("a senior Hamas source").
  func phraseStart(_ h: Int) -> Int {
    var s = h
    var mods = 0
    while s > 0, mods < 3 {
      let p = s - 1
      let w = view.low[p]
      guard view.isWord(p) || w == "-" else { break }
      if Self.determiners.contains(w) { s = p; break }
      if SpeakerFinder.npStop.contains(w) || SpeakerFinder.prepositions.contains(w) || lex.citeVerbs.contains(w) { break }
      if view.sentence[p] != view.sentence[h] { break }
      s = p
      if w != "-" { mods += 1 }
    }
    return s
  }

  func isSentenceStart(_ i: Int) -> Bool {
    let s = view.sentence[i]
    return s >= 0 && view.sentenceTokens[s].lowerBound == i
  }

  func matches(_ words: [String], at i: Int) -> Bool {
    guard i + words.count <= view.count else { return false }
    for (k, w) in words.enumerated() where view.low[i + k] != w { return false }
    return true
  }

  func quote(speakerOverlapping r: TextRange) -> Quote? {
    view.doc.quotes.first { $0.speakerRange?.overlaps(r) ?? false }
  }

  func entity(overlapping r: TextRange) -> EntityMention? {
    view.doc.entities.first { $0.range.overlaps(r) }
  }

  mutating func add(_ c: SourceCitation) {
    guard !found.contains(where: { $0.range == c.range }) else { return }
    found.append(c)
  }

  mutating func replaceOverlapping(_ r: TextRange) {
    found.removeAll { $0.range.overlaps(r) && $0.kind != .agency && $0.kind != .media }
  }
}
