import BylineCore

/// Reads title, authors, site name, publication date, source line and tags from the lines
/// around an article body found in a page dump.
///
/// Rules:
/// - `textdump.meta_cluster`: the byline/date block is the nearest run of meta lines ("By …",
///   "Source: …", a date) within 25 lines before the body, with bullets and counters
///   ("2 Shares") around it.
/// - `textdump.browser_title`: the headline repeated from the dump's first line (the browser
///   title "Headline - Site"), when there is one before the body.
/// - `textdump.title`: otherwise the line just before that block ("Erdogan, Assad to hold historic
///   meeting in Moscow" above "• By Al Mayadeen English"); without a block, the nearest short
///   line of 3–25 words within 6 lines before the body.
/// - `textdump.byline`: "By Jane Doe and John Roe" → two authors; a byline name that is also a
///   line of its own among the page's first 10 lines (the masthead), or a part that holds an
///   organisation word ("Gazette Staff", "Al Mayadeen English"), an acronym ("CNN") or a domain
///   ("Example.com"), is the site name, not an author; job titles and credentials are dropped.
/// - `textdump.date`: the first date in the block ("22 Jul 2024 18:17" → 2024-07-22T18:17).
/// - `textdump.source`: "Source: Agencies" → source line "Agencies".
/// - `textdump.tags`: the bullet list (items of ≤ 6 words) right after the last body line.
struct TextDumpMetadataReader {
  let lexicon: TextDumpLexicon

  func read(lines: [TextDumpLine], body: [Int], page: String) -> ArticleMetadata {
    var meta = ArticleMetadata()
    guard let first = body.first, let last = body.last else { return meta }
    let cluster = metaCluster(lines, before: first)
    if let c = cluster {
      meta.title = browserTitleHeadline(lines, before: first) ?? title(lines, at: c.lowerBound - 1)
      // The masthead: the site's name stands alone near the top of the page.
      let masthead = Set(lines.prefix(10).filter { !$0.isBullet }.map(\.key))
      for i in c {
        let text = lines[i].text
        if meta.published == nil, lines[i].weight <= 12, let d = TextDumpLine.dateParser.parse(text) {
          meta.published = d
        }
        if meta.sourceLine == nil, let s = TextDumpLine.sourceText(text, lexicon: lexicon) {
          meta.sourceLine = s
        } else if meta.authors.isEmpty, let b = TextDumpLine.bylineName(text, lexicon: lexicon) {
          let (authors, site) = splitByline(b, masthead: masthead)
          meta.authors = authors
          if meta.siteName == nil { meta.siteName = site }
        }
      }
    } else if let t = browserTitleHeadline(lines, before: first) {
      meta.title = t
    } else {
      for i in stride(from: first - 1, through: max(0, first - 6), by: -1)
      where lines[i].kind == .short && (3...25).contains(lines[i].weight)
        && !TextDumpScan.endsSentence(lines[i].text) && plausibleTitle(lines[i])
      {
        meta.title = lines[i].text
        break
      }
    }
    meta.tags = tags(lines, after: last)
    return meta
  }

  /// The lines of the byline/date block before line `first`, or nil.
  private func metaCluster(_ lines: [TextDumpLine], before first: Int) -> Range<Int>? {
    let floor = max(0, first - 25)
    guard
      let m = stride(from: first - 1, through: floor, by: -1).first(where: {
        lines[$0].kind == .meta
      })
    else { return nil }
    func belongs(_ l: TextDumpLine) -> Bool {
      l.kind == .meta || (l.isBullet && l.weight <= 6) || (l.kind == .boilerplate && l.weight <= 4)
    }
    var lo = m
    while lo > 0, belongs(lines[lo - 1]) { lo -= 1 }
    var hi = m + 1
    while hi < first, belongs(lines[hi]) { hi += 1 }
    return lo..<hi
  }

  private func title(_ lines: [TextDumpLine], at i: Int) -> String? {
    guard i >= 0 else { return nil }
    let l = lines[i]
    guard l.kind == .short || l.kind == .prose, (1...30).contains(l.weight), plausibleTitle(l) else {
      return nil
    }
    return l.text
  }

  /// Not a handle, e-mail address, label ("Tags:"), byline or date line.
  private func plausibleTitle(_ l: TextDumpLine) -> Bool {
    !l.text.contains("@") && !TextDumpScan.endsWithColon(l.text)
      && TextDumpLine.bylineName(l.text, lexicon: lexicon) == nil
      && TextDumpLine.dateParser.parse(l.text) == nil
  }

  /// Rule `textdump.browser_title`: a dump often starts with the browser title ("Headline -
  /// Site"); the line nearest before the body (within 60 lines) whose words are part of that
  /// first line, with ≥ 3 words and ≥ 40 % of its letters, is the headline.
  private func browserTitleHeadline(_ lines: [TextDumpLine], before first: Int) -> String? {
    guard first > 1 else { return nil }
    let pageTitle = lines[0].key
    guard pageTitle.count >= 15 else { return nil }
    for i in stride(from: first - 1, through: max(1, first - 60), by: -1) {
      let l = lines[i]
      guard l.weight >= 3, l.key.count >= 15, Double(l.key.count) >= 0.4 * Double(pageTitle.count),
        l.kind != .meta, pageTitle.contains(l.key), plausibleTitle(l)
      else { continue }
      // A first line of a few words that recurs as a whole is the site's name, not a headline.
      if l.key == pageTitle, lines[0].weight <= 4 { continue }
      return l.text
    }
    return nil
  }

  /// Authors and site name from a byline's name part ("Jane Doe and John Roe").
  /// Authors and site name from a byline's name part: "Jane Doe and John Roe" → two authors;
  /// "Eric Song, IGN Staff" → author "Eric Song", site "IGN Staff"; "Al Mayadeen English" (also
  /// the masthead) → site only; "Michael Hiltzik Business Columnist" → "Michael Hiltzik";
  /// credentials ("MS", "RD") and single names are dropped.
  private func splitByline(_ name: String, masthead: Set<String>) -> (authors: [String], site: String?) {
    var s = name
    for cut in [" - ", " – ", " — ", " | ", " • ", " on ", " at "] {
      if let r = s.range(of: cut) { s = String(s[..<r.lowerBound]) }
    }
    s = TextDumpScan.trim(s)
    while let last = s.unicodeScalars.last, "-–—|•,;:".unicodeScalars.contains(last) {
      s = TextDumpScan.trim(String(s.unicodeScalars.dropLast()))
    }
    let key = TextDumpScan.words(s).joined(separator: " ")
    if masthead.contains(key) { return ([], s) }
    var authors: [String] = []
    var site: String?
    var rest = s
    for sep in [", and ", " and ", " & ", ", ", "; ", " / "] {
      rest = rest.replacingOccurrences(of: sep, with: "\u{1F}")
    }
    var previousWasPerson = false
    for p in rest.split(separator: "\u{1F}") {
      var t = TextDumpScan.trim(p)
      var words = t.split(separator: " ")
      // "Michael Hiltzik Business Columnist" → "Michael Hiltzik": a name, then a desk and role.
      if let r = words.firstIndex(where: { lexicon.roleWords.contains($0.lowercased()) }) {
        let name = words.prefix(while: {
          !lexicon.roleWords.contains($0.lowercased()) && !lexicon.orgWords.contains($0.lowercased())
        })
        guard words.count >= 4, name.count >= 2, r >= 2 else {
          previousWasPerson = false
          continue
        }
        words = Array(name)
        t = words.joined(separator: " ")
      }
      let isAcronym =
        t.unicodeScalars.count >= 2 && t.unicodeScalars.allSatisfy { $0.properties.isUppercase }
      let isDomain = t.contains(".") && !t.hasSuffix(".")
      if words.count == 1, previousWasPerson,
        lexicon.credentials.contains(TextDumpScan.words(t).joined())
      {
        continue  // a credential after a name: "Jane Doe, MS, RD"
      }
      previousWasPerson = false
      if isOrganisation(t) || (words.count == 1 && (isAcronym || isDomain)) {
        if site == nil { site = t }  // "IGN Staff", "Cleveland.com", "CNN"
      } else if looksLikePerson(t) {
        authors.append(t)
        previousWasPerson = true
      }
    }
    return (authors, site)
  }

  private func isOrganisation(_ name: String) -> Bool {
    TextDumpScan.words(name).contains { lexicon.orgWords.contains($0) }
  }

  /// 2–5 words, no digits, each word capitalised except name particles ("al", "van", "de").
  private func looksLikePerson(_ name: String) -> Bool {
    let words = name.split(separator: " ")
    guard (2...5).contains(words.count), !isOrganisation(name) else { return false }
    let particles: Set<String> = ["al", "el", "bin", "ibn", "van", "von", "der", "de", "da", "di", "la", "le", "du"]
    for w in words {
      if w.unicodeScalars.contains(where: { $0.properties.numericType != nil }) { return false }
      guard let f = w.unicodeScalars.first else { return false }
      if !f.properties.isUppercase, !particles.contains(String(w).lowercased().split(separator: "-").first.map(String.init) ?? "") {
        return false
      }
    }
    return true
  }

  /// Bullet items (≤ 6 words, not dates) right after line `last`.
  private func tags(_ lines: [TextDumpLine], after last: Int) -> [String] {
    var out: [String] = []
    var i = last + 1
    while i < lines.count, lines[i].isBullet, lines[i].weight <= 6, lines[i].kind != .meta {
      out.append(lines[i].text)
      i += 1
    }
    return out
  }
}
