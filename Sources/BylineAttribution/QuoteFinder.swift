import BylineCore

/// Runs the quote rules over one document (one instance per document).
struct QuoteFinder {
  let view: TokenView
  let lex: QuoteLexicon
  let speakers: SpeakerFinder
  let spans: [QuotedSpan]
  var consumed: [Bool]
  var candidates: [QuoteCandidate] = []
  /// Cue tokens already used by a direct quote ("…," Smith said in a statement).
  var usedCues: Set<Int> = []
  /// Words that open an adverbial, not reported content, after a cue without "that"
  /// ("said in a statement", "said while sitting in a church").
  static let adverbialOpeners: Set<String> = [
    "in", "on", "at", "by", "during", "while", "after", "before", "when", "from", "outside",
    "inside", "as", "of", "to", "with", "via", "through", "for", "about", "over", "into",
  ]
  /// Time words that may sit between a cue and its content ("said Tuesday the talks …").
  static let timeWords: Set<String> = [
    "yesterday", "today", "tonight", "earlier", "later", "recently", "monday", "tuesday",
    "wednesday", "thursday", "friday", "saturday", "sunday", "also", "again", "repeatedly",
  ]

  init(document: Document, lexicon: QuoteLexicon) {
    view = TokenView(document)
    lex = lexicon
    spans = QuoteMarkScanner.scan(document)
    speakers = SpeakerFinder(view: view, lexicon: lexicon, quoted: spans.map(\.content))
    consumed = [Bool](repeating: false, count: spans.count)
  }

  mutating func run() -> [Quote] {
    guard view.count > 0 else { return [] }
    findDirect()
    for s in 0..<view.sentenceTokens.count { findIndirect(inSentence: s) }
    for s in 0..<view.sentenceTokens.count { findNounCues(inSentence: s) }
    findColonAttributions()
    findContinuations()
    return resolve()
  }

  // MARK: - Direct quotes

  /// Quotes with a cue right after the closing mark or right before the opening mark.
  mutating func findDirect() {
    var n = 0
    while n < spans.count {
      defer { n += 1 }
      if consumed[n] { continue }
      let q = spans[n]
      if let (mention, cue, endTok) = attributionAfter(q) {
        var pieces = q.pieces
        consumed[n] = true
        // "…," al-Assad said, "…": one quote in two pieces.
        if n + 1 < spans.count, !consumed[n + 1], continuesSentence(from: endTok, to: spans[n + 1]) {
          pieces += spans[n + 1].pieces
          consumed[n + 1] = true
        }
        // `The issue is partisan, but "that doesn't account for it," he said.`: the words before
        // the quote in its sentence are reported too (mixed); a quoted title after "on"/"in" is
        // no quote at all.
        if let lead = leadIn(q) {
          if lead.isEmpty { consumed[n] = false; continue }
          usedCues.insert(cue.lowerBound)
          let first = view.span(lead)
          add(QuoteCandidate(pieces: [TextRange(first.utf8Start, pieces[0].utf8End)] + pieces.dropFirst(), type: .mixed,
                             mention: mention, cue: cue, rule: "quotes.mixed-cue-after"))
          continue
        }
        usedCues.insert(cue.lowerBound)
        add(QuoteCandidate(pieces: pieces, type: .direct, mention: mention, cue: cue, rule: "quotes.direct-cue-after"))
      } else if let (mention, cue, rule) = attributionBefore(q) {
        consumed[n] = true
        if let c = cue.0 { usedCues.insert(c.lowerBound) }
        add(QuoteCandidate(pieces: q.pieces, type: .direct, mention: mention, cue: cue.0, cueRange: cue.1, rule: rule))
      }
    }
  }

  /// For a quote that does not open its sentence: the tokens of the sentence before it
  /// (empty when the quote is a title after a preposition, "on “Face the Nation,” Pence said");
  /// nil when the quote opens its sentence or follows a colon or dash.
  func leadIn(_ q: QuotedSpan) -> Range<Int>? {
    guard !startsSentence(q.openMark) else { return nil }
    let p = view.doc.tokenIndex(atOrAfter: q.openMark.utf8Start) - 1
    guard p >= 0, view.blockTokens[q.block].contains(p) else { return nil }
    if [":", "—", "–", "--"].contains(view.low[p]) { return nil }
    if Self.titleOpeners.contains(view.low[p]) { return 0..<0 }
    let lo = max(view.sentenceRange(of: p).lowerBound, view.blockTokens[q.block].lowerBound)
    var s = lo
    while s <= p, !view.isWord(s) { s += 1 }
    guard s <= p, wordCount(s..<(p + 1)) >= 2 else { return nil }
    return s..<(p + 1)
  }
  static let titleOpeners: Set<String> = ["on", "in", "to", "of", "at", "from", "titled", "entitled", "the", "a", "an"]

  /// True when `next` opens after a comma or colon in the same sentence as token `from`
  /// (`"…," Tester said, referring to the excuse, "you give …"`).
  func continuesSentence(from: Int, to next: QuotedSpan) -> Bool {
    var k = from
    let open = next.openMark.utf8Start
    while k < view.count, k < from + 20, view.range(k).utf8Start < open {
      if view.isTerminal(k) || isMark(k) { return false }
      k += 1
    }
    guard k < view.count, view.range(k).utf8Start == open, k > from else { return false }
    return view.low[k - 1] == "," || view.low[k - 1] == ":"
  }

  /// `"…," X said.` / `"…," said X.` / `"…" she asked.`: the speaker and cue after the closing
  /// mark, and the token after the attribution.
  func attributionAfter(_ q: QuotedSpan) -> (SpeakerMention, Range<Int>, Int)? {
    guard let close = q.closeMark else { return nil }
    var i = view.doc.tokenIndex(atOrAfter: close.utf8End)
    let block = q.pieces.count > 1 ? view.doc.blockIndex(containing: close.utf8Start) ?? q.block : q.block
    guard i < view.count, view.blockTokens[block].contains(i) else { return nil }
    let b = view.doc.bytes
    var k = close.utf8Start - 1
    while k > 0, QuoteMarkScanner.isSpace(b[k]) { k -= 1 }
    let last = b[k]
    // A reader's comment signed with a dash: "…” ― Jane Doe", "…”― Jane Doe." (any final
    // punctuation inside the quote).
    if ["―", "—", "–"].contains(view.low[i]) {
      var e = i + 1
      while e < view.blockTokens[block].upperBound, e < i + 6, view.cap[e] || view.low[e] == "-" || view.low[e] == "." && !view.isFullStop(e) { e += 1 }
      let closes = e == view.blockTokens[block].upperBound || isMark(e)
        || (view.isTerminal(e) && e + 1 == view.blockTokens[block].upperBound)
      if closes, e - i >= 2, let m = speakers.classify((i + 1)..<e), m.kind == .name {
        return (m, i..<(i + 1), m.tokens.upperBound)
      }
    }
    let punctuated = last == 44 || last == 63 || last == 33 || last == 45 || (last == 0x94 && k >= 2 && b[k - 2] == 0xE2)
    let lowerNext = view.isWord(i) && !view.cap[i]
    // `"We can do it" union president Jeff Traeger said.`: no comma, but a whole quoted clause
    // opening its sentence.
    let unterminated = !(last == 46 || last == 63 || last == 33)
    let opensSentence = unterminated && wordCount(view.doc.tokenIndices(in: q.content)) >= 4 && startsSentence(q.openMark)
    guard punctuated || view.low[i] == "," || lowerNext || opensSentence else { return nil }
    if view.low[i] == "," { i += 1 }
    // `"… a gun," but he said that …`: a conjunction opens a clause of its own, which attributes
    // what follows, not this quote.
    if i < view.count, Self.clauseConjunctions.contains(view.low[i]) { return nil }
    let blockEnd = view.blockTokens[block].upperBound
    var we = i
    var firstComma: Int? = nil
    while we < blockEnd, we < i + 32 {
      let w = view.low[we]
      if view.isTerminal(we) || isMark(we) { break }
      if w == ",", firstComma == nil { firstComma = we }
      we += 1
    }
    guard i < we else { return nil }
    // A reader's comment signed with a dash: "…” ― Jane Doe".
    if ["―", "—", "–"].contains(view.low[i]), we == blockEnd || isMark(we), we - i >= 2, we - i <= 5,
      (i + 1..<we).allSatisfy({ view.cap[$0] || !view.isWord($0) }),
      let m = speakers.classify((i + 1)..<we), m.kind == .name
    {
      return (m, i..<(i + 1), m.tokens.upperBound)
    }
    if let (cue, cr) = lex.cue(at: i, in: view.low, limit: we), cue.kind != .according {
      guard let m = speakers.after(cr.upperBound, upperBound: firstComma ?? we) else { return nil }
      return (m, cr, m.tokens.upperBound)
    }
    var k2 = i + 1
    while k2 < min(we, i + 30) {
      // A long phrase before the first comma is no speaker, unless it is a name with a
      // suffix after it: `"…," Senate Majority Leader Mitch McConnell, R-Ky., said`.
      if view.low[k2] == "," && firstComma == k2 && k2 > i + 4 && !(k2 - i <= 6 && speakers.classify(i..<k2)?.kind == .name) { break }
      if let (cue, cr) = lex.cue(at: k2, in: view.low, limit: we), cue.kind != .according, !nounUse(k2) {
        // `"…" and that it had offered …`: a subordinate clause goes on, no attribution.
        if (i..<k2).contains(where: { view.low[$0] == "that" }) { return nil }
        // `"…," Scott Pruitt, the attorney general of Oklahoma, one of the states suing, said`:
        // the name opening the window is the speaker.
        if let fc = firstComma, fc < k2, k2 - 1 > fc, view.low[k2 - 1] == ",", fc - i <= 6,
          let m = speakers.classify(i..<fc), m.kind == .name
        {
          return (m, cr, cr.upperBound)
        }
        guard k2 - i <= 14 else { return nil }
        guard let m = speakers.before(k2, lowerBound: i), m.tokens.lowerBound <= i + 2 || m.kind == .name
        else { return nil }
        if m.kind == .description, !m.knownHead, m.tokens.count > 4 { return nil }
        return (m, cr, cr.upperBound)
      }
      k2 += 1
    }
    return nil
  }

  /// Conjunctions that open a new clause after a closing quotation mark.
  static let clauseConjunctions: Set<String> = [
    "but", "and", "while", "although", "though", "because", "when", "so", "yet", "or", "if", "whereas", "since",
  ]

  /// `X said: "…"`, `X said, "…"`, `X said in a statement: "…"`, `Smith: "…"`.
  func attributionBefore(_ q: QuotedSpan) -> (SpeakerMention, (Range<Int>?, TextRange?), String)? {
    let o = q.openMark.utf8Start
    let p = view.doc.tokenIndex(atOrAfter: o) - 1
    guard p >= 0 else { return nil }
    // `Caddell continued:` closing one paragraph, the quote opening the next.
    var block = q.block
    if !view.blockTokens[q.block].contains(p) {
      guard q.block > 0, view.low[p] == ":", view.blockTokens[q.block - 1].contains(p) else { return nil }
      block = q.block - 1
    }
    let lo = max(view.sentenceRange(of: p).lowerBound, view.blockTokens[block].lowerBound)
    var j = p
    var punct = false
    if [",", ":", "—", "-", "–"].contains(view.low[j]) { punct = true; j -= 1 }
    guard j >= lo else { return nil }
    // The cue ends right before the mark.
    for cs in stride(from: j, through: max(lo, j - 2), by: -1) {
      if let (cue, cr) = lex.cue(at: cs, in: view.low, limit: j + 1), cr.upperBound == j + 1, cue.kind != .according {
        // `it had offered "significant improvements"`: a stance verb right before a short quoted
        // phrase quotes an object, not a statement (the reported-speech rules take it).
        if !punct, cue.kind == .report, wordCount(view.doc.tokenIndices(in: q.content)) < 4 { return nil }
        if let m = speakers.before(cs, lowerBound: lo) { return (m, (cr, nil), "quotes.direct-cue-before") }
        if punct, let m = speakers.after(cr.upperBound, upperBound: j + 1) { return (m, (cr, nil), "quotes.direct-cue-before") }
        return nil
      }
    }
    guard punct else { return nil }
    // A cue a few words back: "said in a statement:", "told reporters,".
    var c = j
    while c >= max(lo, j - 8) {
      let w = view.low[c]
      if w == "that" || w == "," || isMark(c) { break }
      // `According to Limbaugh, "…"`: the source follows the cue.
      if c == lo || (c == lo + 1 && !view.isWord(lo)), let (cue, cr) = lex.cue(at: c, in: view.low, limit: j + 1), cue.kind == .according,
        view.low[p] == ",", cr.upperBound <= j, let m = speakers.classify(cr.upperBound..<(j + 1))
      {
        return (m, (cr, nil), "quotes.direct-according-to")
      }
      if let (cue, cr) = lex.cue(at: c, in: view.low, limit: j + 1), cue.kind != .according {
        if let m = speakers.before(c, lowerBound: lo) { return (m, (cr, nil), "quotes.direct-cue-before") }
        if let m = speakers.after(cr.upperBound, upperBound: j + 1), m.kind == .name {
          return (m, (cr, nil), "quotes.direct-cue-before")
        }
        return nil
      }
      c -= 1
    }
    // "Smith: "…"" at the start of a sentence.
    if view.low[p] == ":", p - lo <= 6, p > lo, let m = speakers.classify(lo..<p),
      m.tokens.lowerBound == lo || view.low[lo] == "the",
      m.kind == .name || (m.kind == .description && m.knownHead && m.tokens.count >= 2)
    {
      return (m, (nil, view.range(p)), "quotes.direct-colon")
    }
    // `Clinton's response was: "…"`, `The email goes on to say: "…"`: the sentence's subject
    // speaks; the cue is the last reporting word before the colon, else the colon.
    if view.low[p] == ":", p > lo, let m = subject(lo, p) {
      if let c = (lo..<p).last(where: { lex.cue(at: $0, in: view.low, limit: p) != nil }),
        let (_, cr) = lex.cue(at: c, in: view.low, limit: p)
      {
        return (m, (cr, nil), "quotes.direct-colon")
      }
      return (m, (nil, view.range(p)), "quotes.direct-colon")
    }
    return nil
  }

  // MARK: - Reported speech

  /// `X said (that) …`, `X told reporters …`, `…, X said.`, `according to X, …`.
  mutating func findIndirect(inSentence s: Int) {
    let sr = view.sentenceTokens[s]
    let (a, b) = (datelineEnd(sr), trimmedEnd(sr))
    guard a < b else { return }
    // "READ MORE: Minister says …", "WATCH: …": links to other stories.
    if b - a > 2, ["read", "watch", "related", "listen", "see", "also"].contains(view.low[a]),
      (a + 1..<min(b, a + 3)).contains(where: { view.low[$0] == ":" })
    {
      return
    }
    var i = a
    if let next = inPoll(a, b) { i = next }
    var lastMention: SpeakerMention? = nil
    while i < b {
      guard !insideQuote(i), !usedCues.contains(i), !(i > a && SourceFinder.determiners.contains(view.low[i - 1])),
        !(i > a && nounUse(i)), !inTitleRun(i, b),
        let (cue, cr) = lex.cue(at: i, in: view.low, limit: b), cue.kind != .direct
      else {
        i += 1
        continue
      }
      if cue.kind == .according {
        if let next = accordingTo(cr, a, b) { i = next; continue }
        i = cr.upperBound
        continue
      }
      if let (next, m) = speakerFirst(cue, cr, a, b, inherited: lastMention) {
        lastMention = m
        i = next
        continue
      }
      if let next = contentFirst(cue, cr, a, b) { i = next; continue }
      i = cr.upperBound
    }
  }

  /// True when a capitalised cue word belongs to a role ("State" in "Norwegian State Secretary
  /// Erik Haugland"): it qualifies a title written right after it.
  func inTitleRun(_ i: Int, _ b: Int) -> Bool {
    guard view.cap[i] else { return false }
    // "the United States pledged": a capitalised cue word after a capitalised word is part of a
    // name, except in title-case headlines ("Trump Says He Will Win").
    if i > 0, view.cap[i - 1], view.isWord(i - 1), view.sentence[i] >= 0, view.sentence[i - 1] == view.sentence[i] {
      let sr = view.sentenceTokens[view.sentence[i]]
      let words = sr.filter { view.isWord($0) && view.doc.tokens[$0].kind == .word }
      let capped = words.filter { view.cap[$0] }.count
      if capped * 10 < words.count * 6 { return true }
    }
    guard lex.titles[view.low[i]] != nil else { return false }
    // "Secretary of State Mike Pompeo", "Norwegian State Secretary".
    if i >= 2, view.low[i - 1] == "of", view.cap[i - 2], lex.titles[view.low[i - 2]] != nil { return true }
    guard i + 1 < b, view.cap[i + 1] else { return false }
    return lex.titles[view.low[i + 1]] != nil
  }

  /// The first token of a sentence after a dateline that opens its paragraph ("GENEVA (Byline
  /// Wire) — Talks …", "WASHINGTON, March 3 -- …"): a dateline is never reported content.
  func datelineEnd(_ sr: Range<Int>) -> Int {
    let a = sr.lowerBound
    guard a < sr.upperBound, let block = view.doc.blockIndex(containing: view.range(a).utf8Start),
      view.blockTokens[block].lowerBound == a
    else { return a }
    let first = view.doc.string(view.range(a))
    guard first.utf8.count >= 2, first == first.uppercased(), first != first.lowercased() else { return a }
    var k = a + 1
    var depth = 0
    while k < min(sr.upperBound, a + 14) {
      let w = view.low[k]
      if w == "(" { depth += 1 } else if w == ")" { depth -= 1 }
      if depth == 0, ["—", "–", "--", "-"].contains(w) {
        guard k + 1 < sr.upperBound else { return a }
        return k + 1
      }
      // Inside the dateline only names, dates, numbers and commas.
      if depth == 0, view.isWord(k), !view.cap[k], view.doc.tokens[k].kind != .number { return a }
      k += 1
    }
    return a
  }

  /// `X said (that) CONTENT`: returns the token after the content.
  mutating func speakerFirst(_ cue: Cue, _ cr: Range<Int>, _ a: Int, _ b: Int, inherited: SpeakerMention?)
    -> (Int, SpeakerMention)?
  {
    let i = cr.lowerBound
    let participle = view.low[i].hasSuffix("ing")
    var mention: SpeakerMention?
    var rule = "quotes.indirect-cue"
    if participle, i > a, view.low[i - 1] == "," {
      // `"…," he said, noting that …`: the speaker of the quote this sentence attributes.
      let direct = candidates.last { c in
        c.cue.map { $0.upperBound <= i && $0.lowerBound >= a } ?? false
      }
      mention = inherited ?? direct?.mention ?? subject(a, i)
      rule = "quotes.indirect-participle"
    } else if i > a, view.low[i - 1] == "and" || view.low[i - 1] == "but" {
      // "De Blasio called Trump a blowhard and said …": the sentence's subject.
      mention = inherited ?? subject(a, i)
      // "It was approved in March and challenged by …": the first verb was passive, so is this one.
      if inherited == nil, let m = mention, m.tokens.upperBound + 1 < i,
        ["was", "were", "is", "are", "has been", "had been"].contains(view.low[m.tokens.upperBound]),
        view.low[m.tokens.upperBound + 1].hasSuffix("ed")
      {
        return nil
      }
    } else {
      mention = speakers.before(i, lowerBound: a)
      // "A Western diplomat who spoke on condition of anonymity because the talks were private
      // said …": the relative clause's antecedent speaks.
      if mention.map({ $0.kind == .description && !$0.knownHead }) ?? true,
        i > a + 1, let w = (max(a + 1, i - 16)..<i).last(where: { view.low[$0] == "who" }),
        w + 3 < i, !(w..<i).contains(where: { view.low[$0] == "," || isMark($0) }),
        let m2 = speakers.before(w, lowerBound: a), m2.kind == .name || m2.knownHead
      {
        mention = m2
      }
    }
    guard var m = mention else { return nil }
    // "the prize, which was announced on Monday": a thing's passive reports nothing.
    if i >= a + 2, ["was", "were", "is", "are"].contains(view.low[i - 1]), view.low[i - 2] == "which" { return nil }
    // "the city was recognised for …", "it was challenged by …": a passive names no speaker.
    if i >= a + 1, ["was", "were", "been", "be", "being"].contains(view.low[i - 1]), cr.upperBound < b,
      ["by", "for"].contains(view.low[cr.upperBound])
    {
      return nil
    }
    var k = cr.upperBound
    var that: Int? = nil
    var t = k
    while t < min(b, k + 9) {
      let w = view.low[t]
      // "that" closing the clause ("… could change that.") is a pronoun, not a complementizer.
      if w == "that" {
        if t + 1 < b, view.isWord(t + 1) || isMark(t + 1) { that = t }
        break
      }
      // "…, the vice president said, that if …"
      if w == ",", t == k, t + 1 < b, view.low[t + 1] == "that" { that = t + 1; break }
      if w == "," || w == ":" || isMark(t) || lex.cue(at: t, in: view.low, limit: b) != nil { break }
      t += 1
    }
    // An unknown description speaks only with "say", or when "that" follows the cue right away
    // ("one questioner claimed that …", "another slide shows that …"): the clause is then plainly
    // reported content whoever the subject is.
    if m.kind == .description, !m.knownHead {
      let thatNext = that.map { $0 <= cr.upperBound + 1 } ?? false
      // A longer subject opening its clause speaks with "say" ("Experts on the region and its
      // history said …").
      let limit = isSubjectPhrase(m.tokens, a, strict: true) ? (cue.kind == .say ? 8 : 6) : (thatNext ? 6 : 4)
      if m.tokens.count > limit || !isSubjectPhrase(m.tokens, a) { return nil }
      // "others pointed to the households that …": a "that" further on opens a relative clause.
      if cue.kind != .say, that != nil, !thatNext { return nil }
      // A phrase in mid-clause ("… warned the country …") is more likely an object than the
      // speaker: the sentence's subject speaks when it is a clear one.
      if !isSubjectPhrase(m.tokens, a, strict: true), let subj = subject(a, i), subj.tokens.upperBound <= m.tokens.lowerBound {
        m = subj
      }
    }
    if let th = that {
      k = th + 1
    } else if cue.kind == .report {
      // Without "that" only after a clear speaker: "Smith warned the deal would fail."
      guard m.kind != .description || m.knownHead || m.tokens.count <= 6, cue.lemma != "add" || m.kind == .pronoun, k < b, view.isWord(k)
      else { return nil }
      rule = "quotes.indirect-cue-bare"
      // "The Union pledged €350 million, but little was paid, an official said.": the sentence is
      // the official's content; a stance verb inside it leaves it whole to that attribution.
      if let t = (max(k, b - 8)..<b).first(where: { lex.cue(at: $0, in: view.low, limit: b).map { $0.cue.kind == .say || $0.cue.kind == .tell } ?? false }),
        (max(k, t - 6)..<t).contains(where: { view.low[$0] == "," })
      {
        return nil
      }
    } else if cue.kind == .tell {
      guard k < b else { return nil }
      // Skip the addressee: "told reporters", "told the Daily Sabah", "told him".
      if view.low[k] == "the" { k += 1 }
      while k < b, view.cap[k] || view.low[k] == "-" { k += 1 }
      if k == cr.upperBound || (k < b && view.low[k] == "the") { k += 1 }
      if k < b, view.low[k] == "," { k += 1 }
    } else if k < b, view.low[k] == "," || view.low[k] == ":" {
      k += 1
    }
    if that == nil {
      while k < b, Self.timeWords.contains(view.low[k]) { k += 1 }
      // "said in his speech he was ready …": step over a short adverbial before the clause's
      // subject pronoun.
      if k < b, Self.adverbialOpeners.contains(view.low[k]),
        let p = (k + 1..<min(b, k + 7)).first(where: { ["he", "she", "they", "we", "i", "it"].contains(view.low[$0]) }),
        (k..<p).allSatisfy({ view.isWord($0) || view.low[$0] == "'s" || view.low[$0] == "’s" }), wordCount(p..<b) >= 4
      {
        k = p
      }
      // "…, the Daily Sabah reported citing sources": the content came before the speaker.
      if k < b, view.low[k].hasSuffix("ing"), lex.cue(at: k, in: view.low, limit: b) != nil || view.low[k] == "citing" {
        return nil
      }
      // "said in a statement.": only an adverbial, no content; "said of the plan …" is a topic.
      if k < b, Self.adverbialOpeners.contains(view.low[k]), wordCount(k..<b) <= 7 {
        return nil
      }
    }
    // A direct quote right after the cue is already a quote of its own.
    if k < b, isMark(k), let n = spanIndex(openingAt: k), consumed[n] { return nil }
    var end = b
    // "the department, which reported 2,521 incidents, declined …": a relative clause ends at its comma.
    if m.span != nil, let c = (k..<b).first(where: { view.low[$0] == "," && !insideQuote($0) }), c > k + 1 { end = c }
    var e = k
    while e + 1 < end {
      if view.low[e] == ",", let (c2, _) = lex.cue(at: e + 1, in: view.low, limit: b), c2.kind != .direct,
        view.low[e + 1].hasSuffix("ing")
      {
        end = e
        break
      }
      if let cut = coordinatedCue(at: e, k, b) {
        end = cut
        break
      }
      // Bare content is a short object or clause: "X blamed the storm, but Y …" ends at the
      // contrasting clause.
      if rule == "quotes.indirect-cue-bare", view.low[e] == ",", e > k + 1, Self.contrastJoiners.contains(view.low[e + 1]) {
        end = e
        break
      }
      e += 1
    }
    guard k < end, wordCount(k..<end) >= (rule == "quotes.indirect-cue-bare" ? 2 : 3) else { return nil }
    // "An aid worker who asked not to be named … said that …": a relative clause's cue whose
    // clause runs into the sentence's own speech verb reports nothing.
    if m.span != nil, (k..<end).contains(where: { lex.cue(at: $0, in: view.low, limit: end)?.cue.kind == .say && !insideQuote($0) }) {
      return nil
    }
    var pieces = [view.span(k..<end)]
    // "The drugs have limited uses, he says, and are mostly meant …": the clause before the
    // attribution is reported too.
    let npStart = m.role.map { min($0.lowerBound, m.tokens.lowerBound) } ?? m.tokens.lowerBound
    if !participle, npStart - 1 > a, view.low[npStart - 1] == ",", cr.upperBound < b,
      view.low[cr.upperBound] == ",", wordCount(a..<(npStart - 1)) >= 3
    {
      var s0 = a
      while s0 < npStart - 1, !view.isWord(s0) { s0 += 1 }
      if s0 < npStart - 1 { pieces.insert(view.span(s0..<(npStart - 1)), at: 0) }
    }
    let hull = TextRange(pieces[0].utf8Start, pieces[pieces.count - 1].utf8End)
    guard !overlapsConsumedDirect(hull) else { return nil }
    let type: QuoteType = absorbQuotedFragments(hull) ? .mixed : .indirect
    add(QuoteCandidate(pieces: pieces, type: type, mention: m, cue: cr, rule: type == .mixed ? "quotes.mixed-cue" : rule))
    return (end, m)
  }

  /// Words before a noun, not a verb ("any mention", "each state").
  static let nounMarkers: Set<String> = [
    "any", "no", "every", "each", "my", "your", "whose", "such", "first", "last", "latest", "new",
    "additional", "further", "four", "five", "six", "seven", "eight", "nine", "ten",
  ]

  /// Cue lemmas whose base form is also a common noun ("claim", "call").
  static let nounLemmas: Set<String> = [
    "claim", "call", "report", "plan", "question", "state", "view", "support", "comment", "note",
    "answer", "request", "order", "demand", "hope", "fear", "promise", "charge", "offer",
    "challenge", "credit", "estimate", "dispute", "doubt", "push", "list", "post", "tweet", "quote",
    "vow", "pledge", "threat", "warning", "concern", "attack", "praise", "blame", "reply", "response",
    "echo", "forecast", "counter", "signal", "hint", "project", "decline", "back", "favor", "show",
  ]

  /// True when the cue word at `i` (> sentence start) is used as a noun: after a possessive
  /// ("the candidate's call came", "the president's claims"), a noun marker ("any mention") or
  /// a number ("1995 state tax return").
  func nounUse(_ i: Int) -> Bool {
    guard i > 0 else { return false }
    let p = view.low[i - 1]
    // "the question", "the various views": after a determiner, or an adjective after one.
    let articles: Set<String> = ["a", "an", "the", "this", "that", "these", "those", "its", "his", "her", "their", "our"]
    if articles.contains(p) { return true }
    if i >= 2, articles.contains(view.low[i - 2]), !view.cap[i - 1], view.isWord(i - 1),
      ["various", "same", "other", "latest", "recent", "early", "earlier", "initial", "final", "public", "official"].contains(p)
    {
      return true
    }
    // "state senator", "GOP state Sen.": a modifier of a title.
    if i + 1 < view.count, lex.titles[view.low[i + 1]] == true, Self.nounLemmas.contains(view.low[i]) { return true }
    // "additional reporting", but "he further wrote".
    if Self.nounMarkers.contains(p), !["further", "additional"].contains(p) || view.low[i].hasSuffix("ing") { return true }
    if view.doc.tokens[i - 1].kind == .number, Self.nounLemmas.contains(view.low[i]) { return true }
    // "a preliminary report found …": after "a"/"an" and an adjective a base form is a noun (a
    // singular subject would take "reports").
    if i >= 2, !view.cap[i - 1], view.isWord(i - 1),
      let (cue, _) = lex.cue(at: i, in: view.low, limit: view.count), cue.lemma.split(separator: " ").first.map(String.init) == view.low[i]
    {
      if ["a", "an"].contains(view.low[i - 2]) { return true }
      // "the initial call", "the civil claim": only for base forms that are common nouns ("the
      // officials say" stays a cue).
      if ["the", "this", "that", "his", "her", "their", "its", "our"].contains(view.low[i - 2]), Self.nounLemmas.contains(view.low[i]),
        !view.low[i - 1].hasSuffix("s")
      {
        return true
      }
    }
    // "'s" after a noun is a possessive; after a pronoun it is "is"/"has" ("he's claiming").
    if p == "'s" || p == "’s", i >= 2, !view.low[i].hasSuffix("ing"),
      !SpeakerFinder.pronouns.contains(view.low[i - 2]), !["that", "there", "what", "who", "here"].contains(view.low[i - 2])
    {
      return true
    }
    return false
  }

  /// Words that may open a clause right before its subject.
  static let clauseOpeners: Set<String> = [
    ",", "and", "but", "that", "while", "when", "if", "because", "as", "though", "although", "since",
    "—", "–", "--", ":", ";", "(", "so", "yet", "after", "before", "where", "whereas",
  ]
  /// Verb-like endings and time words that show a phrase is not a subject noun phrase.
  static let nonSubjectEnds: Set<String> = ["week", "month", "year", "day", "night", "morning", "afternoon", "evening"]

  /// True when `r` reads as the subject of its clause: it opens the sentence or follows a clause
  /// opener, and its last word is no adverb, participle or time word ("last month said" is no
  /// subject).
  func isSubjectPhrase(_ r: Range<Int>, _ a: Int, strict: Bool = false) -> Bool {
    guard !r.isEmpty else { return false }
    var s = r.lowerBound
    while s > a, SpeakerFinder.determiners.contains(view.low[s - 1]) || ["some", "many", "most", "all", "few", "several", "both"].contains(view.low[s - 1]) { s -= 1 }
    guard s <= a || Self.clauseOpeners.contains(view.low[s - 1]) || isMark(s - 1) || !strict else { return false }
    let last = view.low[r.upperBound - 1]
    if !view.isWord(r.upperBound - 1) || Self.nonSubjectEnds.contains(last) || SpeakerFinder.calendarWords.contains(last) { return false }
    if !view.cap[r.upperBound - 1], last.hasSuffix("ly") || last.hasSuffix("ing") || last.hasSuffix("ed") { return false }
    return true
  }

  /// Words joining a second reporting clause to the first ("… and said …", "…, though she
  /// acknowledged …").
  static let clauseJoiners: Set<String> = ["and", "but", "though", "although", "while", "yet"]
  /// Words opening a contrasting clause after a comma.
  static let contrastJoiners: Set<String> = ["but", "though", "although", "while", "yet", "whereas"]
  /// Adverbs that may sit between the joiner and the second cue ("and also said", "even suggesting").
  static let cueAdverbs: Set<String> = ["also", "even", "later", "then", "further", "again", "repeatedly", "still"]

  /// Where reported content should stop because a second attribution starts at token `e`:
  /// `X said A and warned B`, `X urged A, and criticized B`, `A, but he said B`, `A, though she
  /// acknowledged B`, `A, even suggesting B`. The second clause is a quote of its own (found when the
  /// sentence scan reaches its cue), so the first one ends before the joiner. Returns the cut token,
  /// or nil when no second attribution starts at `e`.
  func coordinatedCue(at e: Int, _ k: Int, _ b: Int) -> Int? {
    guard e > k + 1, !insideQuote(e) else { return nil }
    let w = view.low[e]
    var j = e
    if w == "," {
      j += 1
      guard j < b else { return nil }
      if Self.clauseJoiners.contains(view.low[j]) { j += 1 }
    } else if Self.clauseJoiners.contains(w) {
      j += 1
    } else {
      return nil
    }
    guard j < b else { return nil }
    // A pronoun subject of its own: "…, but he said …".
    if SpeakerFinder.pronouns.contains(view.low[j]), j > e + 1 || w != "," { j += 1 }
    if j < b, ["has", "had", "have"].contains(view.low[j]) { j += 1 }
    while j < b, Self.cueAdverbs.contains(view.low[j]) { j += 1 }
    guard j < b, !insideQuote(j), let (c2, cr2) = lex.cue(at: j, in: view.low, limit: b),
      c2.kind != .direct, c2.kind != .according
    else { return nil }
    // A bare comma needs a participle ("…, even suggesting …"); a joiner takes any verb form, but
    // a form that is also a noun or adjective ("and plans", "and calls") needs more than itself
    // before the content ("and plans to …" is fine: the content follows).
    if j == e + 1, w == "," { return nil }
    if w == ",", j == e + 1 || (j == e + 2 && Self.cueAdverbs.contains(view.low[e + 1])) {
      guard view.low[j].hasSuffix("ing") else { return nil }
    }
    guard cr2.upperBound < b, view.isWord(cr2.upperBound) || view.low[cr2.upperBound] == "," || isMark(cr2.upperBound) else { return nil }
    var cut = e
    while cut > k, !view.isWord(cut - 1), !isMark(cut - 1) { cut -= 1 }
    return cut > k ? cut : nil
  }

  /// Possessive pronouns that own a noun cue ("her claim that …").
  static let possessives: Set<String> = ["his", "her", "their", "its", "our", "my"]

  /// `the senator's claim that CONTENT`, `her insistence that CONTENT`: a noun of saying owned by
  /// its speaker reports the "that" clause (to the clause's end). Runs after the verb rules, so
  /// content they already took stays theirs.
  mutating func findNounCues(inSentence s: Int) {
    let sr = view.sentenceTokens[s]
    let (a, b) = (datelineEnd(sr), trimmedEnd(sr))
    var t = a + 1
    while t + 2 < b {
      defer { t += 1 }
      guard lex.cueNouns.contains(view.low[t]), view.low[t + 1] == "that", !insideQuote(t) else { continue }
      // The owner: a possessive pronoun, or a noun phrase with "'s", right before the noun or
      // before one adjective ("his earlier claim that").
      var o = t - 1
      if o > a, !Self.possessives.contains(view.low[o]), view.low[o] != "'s", view.low[o] != "’s", view.isWord(o), !view.cap[o] { o -= 1 }
      var mention: SpeakerMention?
      if Self.possessives.contains(view.low[o]) {
        mention = SpeakerMention(kind: .pronoun, tokens: o..<(o + 1), role: nil, knownHead: true)
      } else if view.low[o] == "'s" || view.low[o] == "’s", o > a {
        mention = speakers.before(o, lowerBound: a)
      }
      guard let m = mention else { continue }
      var end = b
      for e in (t + 2)..<b where coordinatedCue(at: e, t + 2, b) != nil {
        end = coordinatedCue(at: e, t + 2, b)!
        break
      }
      guard wordCount((t + 2)..<end) >= 3 else { continue }
      let content = view.span((t + 2)..<end)
      // Nested attribution ("critics pointed to the governor's claim that …") is kept inside the
      // outer reported speech, as PolNeAR annotates both; it may not cross another quote.
      let own = view.span(o..<end)
      guard !candidates.contains(where: { $0.range.overlaps(content) && ($0.type == .direct || !($0.range.utf8Start <= own.utf8Start && $0.range.utf8End >= own.utf8End)) })
      else { continue }
      let type: QuoteType = spans.contains(where: { $0.content.overlaps(content) }) ? .mixed : .indirect
      _ = absorbQuotedFragments(content)
      candidates.append(QuoteCandidate(pieces: [content], type: type, mention: m, cue: t..<(t + 1), rule: "quotes.noun-cue"))
      t = end
    }
  }

  /// `CONTENT, X said.` / `CONTENT, said X.`: returns the token after the attribution.
  mutating func contentFirst(_ cue: Cue, _ cr: Range<Int>, _ a: Int, _ b: Int) -> Int? {
    let i = cr.lowerBound
    guard i > a + 3 else { return nil }
    var mention: SpeakerMention?
    var comma: Int
    var tailStart: Int
    if view.low[i - 1] == "," {
      mention = speakers.after(cr.upperBound, upperBound: b)
      comma = i - 1
      // "The Front's negotiator, Dario Fenwick, rejected the charge.": a name set off by commas
      // right before the cue is the subject's apposition; the object after the cue is no speaker.
      if let m = mention, m.kind == .description, !m.knownHead { return nil }
      if let prev = (max(a, comma - 6)..<comma).last(where: { view.low[$0] == "," }), prev > a,
        speakers.classify((prev + 1)..<comma)?.kind == .name
      {
        return nil
      }
      tailStart = mention.map { $0.tokens.upperBound } ?? b
    } else {
      mention = speakers.before(i, lowerBound: a)
      guard let m = mention else { return nil }
      // "The Front's chief negotiator, Dario Fenwick, rejected the charge.": the name is an
      // apposition to the subject, and the words before it are the speaker, not content.
      if (m.tokens.upperBound..<i).contains(where: { SpeakerFinder.appositionMarks.contains(view.low[$0]) }) { return nil }
      comma = m.tokens.lowerBound - 1
      if let r = m.role { comma = min(comma, r.lowerBound - 1) }
      // "…, Ms. Gedrich said": step over honorifics, titles and determiners.
      while comma > a, SpeakerFinder.determiners.contains(view.low[comma]) || view.low[comma] == "."
        || lex.honorifics.contains(view.low[comma]) || lex.titles[view.low[comma]] != nil
      {
        comma -= 1
      }
      tailStart = cr.upperBound
    }
    guard let m = mention, comma > a, view.low[comma] == "," else { return nil }
    if m.kind == .description, !m.knownHead, m.tokens.count > 3 { return nil }
    // Only a short tail may follow: "…, he said on Monday.", "…, told a Senate panel.", or an
    // apposition: "…, says Dante Scala, a political scientist at …".
    let apposition = tailStart < b && view.low[tailStart] == ","
    let tailLimit = cue.kind == .tell ? 10 : 6
    guard apposition || b - tailStart <= tailLimit, !(tailStart..<b).contains(where: { view.low[$0] == "that" }) else { return nil }
    var s = a
    while s < comma, !view.isWord(s) { s += 1 }
    guard wordCount(s..<comma) >= 4 else { return nil }
    let content = view.span(s..<comma)
    guard !overlapsConsumedDirect(content) else { return nil }
    let type: QuoteType = absorbQuotedFragments(content) ? .mixed : .indirect
    add(QuoteCandidate(pieces: [content], type: type, mention: m, cue: cr, rule: "quotes.indirect-cue-after"))
    return b
  }

  /// `According to X, CONTENT.` / `CONTENT, according to X.` / `CONTENT, according to X, CONTENT.`
  mutating func accordingTo(_ cr: Range<Int>, _ a: Int, _ b: Int) -> Int? {
    let i = cr.lowerBound
    var source: Range<Int>
    var pieces: [Range<Int>]
    var c = cr.upperBound
    // A source closing its sentence may be long: "…, according to a new poll by the Harvard
    // Institute of Politics and the polling firm it hired." One opening the sentence ends at a comma.
    let window = i <= a + 1 ? 12 : 24
    while c < b, view.low[c] != ",", c < cr.upperBound + window { c += 1 }
    if i <= a + 1 {
      guard c < b, view.low[c] == "," else { return nil }
      source = cr.upperBound..<c
      pieces = [(c + 1)..<b]
    } else if view.low[i - 1] == "," {
      guard c == b || view.low[c] == "," else { return nil }
      source = cr.upperBound..<c
      pieces = [a..<(i - 1)]
      // "One decision, according to a person close to the process, is to …": the rest counts.
      if c < b, wordCount((c + 1)..<b) >= 2 { pieces.append((c + 1)..<b) }
    } else {
      return nil
    }
    guard !source.isEmpty, let m = speakers.classify(source) else { return nil }
    var ranges: [TextRange] = []
    for p in pieces {
      var cs = p.lowerBound
      while cs < p.upperBound, !view.isWord(cs) { cs += 1 }
      var ce = p.upperBound
      while ce > cs, !view.isWord(ce - 1) { ce -= 1 }
      if cs < ce { ranges.append(view.span(cs..<ce)) }
    }
    guard !ranges.isEmpty, ranges.reduce(0, { $0 + wordCount(view.doc.tokenIndices(in: $1)) }) >= 3 else { return nil }
    let hull = TextRange(ranges[0].utf8Start, ranges[ranges.count - 1].utf8End)
    guard !overlapsConsumedDirect(hull) else { return nil }
    let type: QuoteType = absorbQuotedFragments(hull) ? .mixed : .indirect
    add(QuoteCandidate(pieces: ranges, type: type, mention: m, cue: cr, rule: "quotes.according-to"))
    return b
  }

  /// Poll words that make a sentence-opening "In …," phrase the source of what follows.
  static let pollHeads: Set<String> = ["poll", "polls", "survey", "surveys"]

  /// `In a new Westmoor Herald poll released Monday, 52 percent backed the plan.`: the poll is the
  /// source and the clause after the comma its finding. Returns the token after the content.
  mutating func inPoll(_ a: Int, _ b: Int) -> Int? {
    guard b - a > 6, view.low[a] == "in", !insideQuote(a),
      let c = (a + 2..<min(b, a + 16)).first(where: { view.low[$0] == "," }),
      let head = (a + 1..<c).last(where: { Self.pollHeads.contains(view.low[$0]) })
    else { return nil }
    guard let m = speakers.classify((a + 1)..<c) ?? speakers.classify((a + 1)..<(head + 1)) else { return nil }
    var cs = c + 1
    while cs < b, !view.isWord(cs) { cs += 1 }
    var ce = b
    while ce > cs, !view.isWord(ce - 1) { ce -= 1 }
    guard cs < ce, wordCount(cs..<ce) >= 4 else { return nil }
    let content = view.span(cs..<ce)
    guard !overlapsConsumedDirect(content) else { return nil }
    let type: QuoteType = absorbQuotedFragments(content) ? .mixed : .indirect
    add(QuoteCandidate(pieces: [content], type: type, mention: m, cue: a..<(a + 1), rule: "quotes.in-poll"))
    return b
  }

  /// The subject at the start of a sentence ("He" in "He stressed …, noting …"; "Trump" in
  /// "On Monday, Trump attacked …, saying …").
  func subject(_ a: Int, _ limit: Int) -> SpeakerMention? {
    var s = a
    // Skip an opening adverbial: "On Monday, …".
    if let comma = (a..<min(limit, a + 7)).first(where: { view.low[$0] == "," }), comma + 1 < limit { s = comma + 1 }
    guard s < limit else { return nil }
    if SpeakerFinder.pronouns.contains(view.low[s]) { return speakers.classify(s..<(s + 1)) }
    var e = s
    while e < limit, e < s + 8, view.isWord(e) || view.low[e] == "-" || view.low[e] == "." {
      let w = view.low[e]
      if SpeakerFinder.npStop.contains(w) || lex.cue(at: e, in: view.low, limit: limit) != nil { break }
      if e > s, !view.cap[e], view.cap[e - 1], lex.titles[w] == nil, !SpeakerFinder.functionWords.contains(view.low[e - 1]) {
        break
      }
      e += 1
    }
    while e > s, !view.isWord(e - 1) { e -= 1 }
    guard e > s, let m = speakers.classify(s..<e) else { return nil }
    guard m.kind != .description || m.knownHead else { return nil }
    return m
  }

  // MARK: - Headline colons and quote paragraphs

  /// "Senior Hamas source to Al Mayadeen: We consider …": the content after the colon.
  mutating func findColonAttributions() {
    for block in view.blockTokens where !block.isEmpty {
      // A transcript paragraph may open with a quotation mark: `"PENCE: Well, …`.
      let br = isMark(block.lowerBound) && block.count > 2 ? (block.lowerBound + 1)..<block.upperBound : block
      var c = br.lowerBound
      while c < min(br.upperBound, br.lowerBound + 10), view.low[c] != ":" { c += 1 }
      guard c < br.upperBound, view.low[c] == ":", c > br.lowerBound else { continue }
      let prefix = br.lowerBound..<c
      if prefix.contains(where: { lex.cue(at: $0, in: view.low, limit: c) != nil || !view.isWord($0) && view.low[$0] != "-" }) { continue }
      var speakerEnd = c
      if let to = prefix.first(where: { view.low[$0] == "to" }), to + 1 < c, view.cap[to + 1] { speakerEnd = to }
      guard speakerEnd > br.lowerBound, let m = speakers.classify(br.lowerBound..<speakerEnd) else { continue }
      // "Poll: Clinton and Trump tied": a poll reports its finding.
      let poll = c == br.lowerBound + 1 && Self.pollHeads.contains(view.low[br.lowerBound])
      let ok = poll || (speakerEnd < c ? (m.kind != .pronoun) : colonSpeaker(m, prefix))
      guard ok else { continue }
      let end = trimmedEnd(view.sentenceRange(of: c + 1 < br.upperBound ? c + 1 : c).lowerBound..<br.upperBound)
      var s = c + 1
      while s < end, !view.isWord(s) { s += 1 }
      guard s < end, wordCount(s..<end) >= 4 else { continue }
      let content = view.span(s..<end)
      guard !candidates.contains(where: { $0.range.overlaps(content) }) else { continue }
      let type: QuoteType = absorbQuotedFragments(content) ? .direct : .indirect
      let cue = speakerEnd < c ? Optional(speakerEnd..<(speakerEnd + 1)) : nil
      add(QuoteCandidate(pieces: [content], type: type, mention: m, cue: cue, cueRange: cue == nil ? view.range(c) : nil,
                         rule: "quotes.colon-attribution"))
    }
  }

  /// Whether a block-opening "X:" names a speaker: a described source ("Senior Hamas source"),
  /// a person's name ("Marco Rubio"), or a transcript's speaker ("CLINTON").
  func colonSpeaker(_ m: SpeakerMention, _ prefix: Range<Int>) -> Bool {
    switch m.kind {
    case .pronoun: return false
    case .description: return m.knownHead && m.tokens.count >= 2
    case .name:
      guard m.tokens.lowerBound == prefix.lowerBound || m.role != nil, m.tokens.count <= 4 else { return false }
      if Self.notSpeakers.contains(view.low[prefix.lowerBound]) { return false }
      let words = m.tokens.filter { view.isWord($0) }.map { view.low[$0] }
      if words.contains(where: { SpeakerFinder.nonPersonWords.contains($0) }) { return false }
      // The name must come back in the article ("Rubio" after "Marco Rubio: …"; "Clinton"
      // after "CLINTON: …"), which section labels ("ENERGY:", "Relevant Reading:") do not.
      guard let last = words.last else { return false }
      let elsewhere = (0..<view.count).contains { k in
        !prefix.contains(k) && view.low[k] == last && view.cap[k]
          && view.doc.string(view.range(k)) != view.doc.string(view.range(k)).uppercased()
      }
      return elsewhere
    }
  }
  /// Block openers before a colon that are page furniture, not speakers.
  static let notSpeakers: Set<String> = [
    "read", "related", "watch", "update", "updated", "photo", "photos", "source", "sources", "note",
    "editor", "warning", "breaking", "exclusive", "analysis", "opinion", "video", "live", "more",
    "see", "also", "listen", "credit", "image", "images", "caption", "file", "tags", "topics",
  ]

  /// A whole quoted paragraph with no cue continues the previous speaker.
  mutating func findContinuations() {
    let b = view.doc.bytes
    for (n, q) in spans.enumerated() where !consumed[n] {
      let tokens = view.doc.tokenIndices(in: q.content)
      let previous = candidates.filter { $0.range.utf8End <= q.openMark.utf8Start }.max { $0.range < $1.range }
      let followsDirect = previous.map {
        $0.type == .direct && view.doc.blockIndex(containing: $0.range.utf8Start) == q.block
      } ?? false
      guard wordCount(tokens) >= (followsDirect ? 2 : 6) else { continue }
      let blockStart = view.doc.blocks[q.block].range.utf8Start
      var k = q.openMark.utf8Start - 1
      while k >= blockStart, QuoteMarkScanner.isSpace(b[k]) || (b[k] == 0xA0 && k > blockStart && b[k - 1] == 0xC2) {
        k -= b[k] == 0xA0 ? 2 : 1
      }
      guard k < blockStart || b[k] == 46 || b[k] == 63 || b[k] == 33 else { continue }
      var last = q.content.utf8End - 1
      while last > q.content.utf8Start, b[last] == 0x27 || b[last] == 0x29 || b[last] == 0x5D { last -= 1 }
      if last >= 2, b[last - 2] == 0xE2, b[last - 1] == 0x80, b[last] == 0x99 { last -= 3 }
      let lc = b[last]
      guard lc == 46 || lc == 63 || lc == 33 || q.closeMark == nil || (lc >= 0x80) else { continue }
      guard !candidates.contains(where: { $0.range.overlaps(q.content) }) else { continue }
      consumed[n] = true
      var c = QuoteCandidate(pieces: q.pieces, type: .direct, mention: nil, cue: nil, rule: "quotes.direct-continuation")
      c.inheritsSpeaker = true
      add(c)
    }
  }

  // MARK: - Resolution

  mutating func resolve() -> [Quote] {
    let order = candidates.sorted { $0.range < $1.range }
    var quotes: [Quote] = []
    var lastPerson: ResolvedSpeaker? = nil
    var previous: (name: String?, id: String?, range: TextRange?, cue: Range<Int>?, block: Int)? = nil
    for c in order {
      var q = Quote(range: c.range, pieces: c.pieces, type: c.type, rule: c.rule)
      if let cue = c.cue {
        q.cueRange = view.span(cue)
        q.cue = view.text(cue)
      } else if let r = c.cueRange {
        q.cueRange = r
        q.cue = view.doc.string(r)
      }
      let block = view.doc.blockIndex(containing: c.range.utf8Start) ?? 0
      if let m = c.mention {
        let r = speakers.resolve(m, lastPerson: lastPerson)
        q.speaker = r.name
        q.speakerRange = r.range
        q.speakerEntityID = r.entityID
        q.speakerRole = r.role
        if m.kind == .name, speakers.isPersonLike(r) { lastPerson = r }
      } else if c.inheritsSpeaker, let p = previous, block - p.block <= 2 {
        // The attribution rests on the previous quote's speaker mention.
        q.speaker = p.name
        q.speakerEntityID = p.id
        q.speakerRange = p.range
      } else if c.inheritsSpeaker, let person = speakers.lastSubjectPerson(before: c.range.utf8Start) {
        // A quote paragraph after narration about someone: that person (no mention to point at).
        q.speaker = person.name
        q.speakerEntityID = person.entityID
      }
      previous = (q.speaker, q.speakerEntityID, q.speakerRange, c.cue, block)
      quotes.append(q)
    }
    return quotes
  }

  // MARK: - Helpers

  mutating func add(_ c: QuoteCandidate) {
    let r = c.range
    guard !r.isEmpty, !candidates.contains(where: { $0.range.overlaps(r) }) else { return }
    candidates.append(c)
  }

  /// Marks quoted spans inside `content` as part of it; true when there was one.
  mutating func absorbQuotedFragments(_ content: TextRange) -> Bool {
    var found = false
    for (n, q) in spans.enumerated() where q.content.overlaps(content) && !consumed[n] {
      consumed[n] = true
      found = true
    }
    return found
  }

  func overlapsConsumedDirect(_ r: TextRange) -> Bool {
    candidates.contains { $0.range.overlaps(r) }
  }

  func insideQuote(_ i: Int) -> Bool {
    let r = view.range(i)
    return spans.contains { $0.content.contains(r) && $0.content.utf8Length > r.utf8Length }
  }

  func spanIndex(openingAt token: Int) -> Int? {
    let s = view.range(token).utf8Start
    return spans.firstIndex { $0.openMark.utf8Start == s }
  }

  func isMark(_ i: Int) -> Bool {
    let r = view.range(i)
    let b = view.doc.bytes[r.utf8Start]
    if b == 0x22 || b == 0x60 { return true }
    if b == 0x27 { return r.utf8Start + 1 < view.doc.bytes.count && view.doc.bytes[r.utf8Start + 1] == 0x27 }
    if b == 0xE2, r.utf8Length >= 3 {
      let c = view.doc.bytes[r.utf8Start + 2]
      return view.doc.bytes[r.utf8Start + 1] == 0x80 && (c == 0x9C || c == 0x9D || c == 0x9E)
    }
    if b == 0xC2, r.utf8Length >= 2 { return view.doc.bytes[r.utf8Start + 1] == 0xAB || view.doc.bytes[r.utf8Start + 1] == 0xBB }
    return false
  }

  /// True when only spaces or sentence-ending punctuation precede `mark` in its block.
  func startsSentence(_ mark: TextRange) -> Bool {
    let b = view.doc.bytes
    guard let block = view.doc.blockIndex(containing: mark.utf8Start) else { return false }
    let start = view.doc.blocks[block].range.utf8Start
    var k = mark.utf8Start - 1
    // Spaces, including a no-break space (C2 A0) that web text often leaves before a quote.
    while k >= start, QuoteMarkScanner.isSpace(b[k]) || (b[k] == 0xA0 && k > start && b[k - 1] == 0xC2) {
      k -= b[k] == 0xA0 ? 2 : 1
    }
    return k < start || b[k] == 46 || b[k] == 63 || b[k] == 33
  }

  func wordCount(_ r: Range<Int>) -> Int { r.reduce(0) { $0 + (view.isWord($1) ? 1 : 0) } }

  /// A sentence's end without its final punctuation and closing marks.
  func trimmedEnd(_ r: Range<Int>) -> Int {
    var e = r.upperBound
    while e > r.lowerBound, !view.isWord(e - 1), !isMark(e - 1) || true {
      let w = view.low[e - 1]
      if w == "." || w == "!" || w == "?" || w == ";" || w == ":" || isMark(e - 1) { e -= 1 } else { break }
    }
    return e
  }
}
