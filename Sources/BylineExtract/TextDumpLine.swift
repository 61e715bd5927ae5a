/// One non-empty line of a page dump with what the extractor learnt about it.
struct TextDumpLine: Sendable {
  /// What a line looks like.
  enum Kind: Sendable, Equatable {
    /// Prose: ≥ 10 words ending like a sentence, or very long.
    case prose
    /// A short line: menu item, headline, subheading, list item.
    case short
    /// Known junk: repeated menu item, caption, teaser link, counter, copyright, bullet.
    case boilerplate
    /// A byline, source or date line ("By Jane Doe", "22 Jul 2024 18:17").
    case meta
    /// A block header that starts a link list ("Most Read").
    case skipHeader
    /// The start of a comment section ("Leave a reply").
    case endHeader
  }

  /// Index of the line in the page's `\n`-separated lines.
  var index: Int
  /// The trimmed line.
  var text: String
  /// Size in words; a CJK character counts as half a word.
  var weight: Double
  /// Lowercased `\w+` words joined by one space: lines equal up to case and punctuation.
  var key: String
  /// The line had a bullet glyph in front.
  var isBullet: Bool
  var kind: Kind
}

extension TextDumpLine {
  /// Splits a page into classified non-empty lines.
  ///
  /// Rules, in order (first match wins); the wording comes from the lexicon:
  /// - block header: the whole line is a `skip` header ("Most Read", "Related News:"), or a
  ///   short line starts with a `skipprefix` ("More in Politics") or a `bio` word and a
  ///   capitalised name ("About Jane Doe"; the next prose line, the biography, is boilerplate;
  ///   so is a paragraph "Jane Doe is …" right under a line "Jane Doe").
  /// - comment header: an `end` header, also as a line start after a number ("34 responses
  ///   to …"), or "name says:".
  /// - boilerplate: a teaser `lead` ("Read more: …"); a caption ("… (AP)", "… [File:
  ///   Reuters]", "Photo: …", "Image caption …", "… Submitted photo"); a counter ("2 Shares",
  ///   "3 Min Read", "Image 1 of 23"); a copyright line; a bullet that is not meta; a line of
  ///   mostly numbers with ≥ 10 words; a `junk` phrase in a line of < 40 words ("Subscribe to
  ///   our newsletter"); a `legal` phrase ("registered trademarks", "… uses cookies …"); after
  ///   classifying, any short line or line of < 15 words that occurs twice on the page (menus).
  /// - meta: ≤ 12 words (≤ 16 for "By …") starting with a `byline`/`source` prefix or holding a
  ///   date ("22 Jul 2024 18:17", "3 hours ago").
  /// - prose: ≥ 10 words ending like a sentence and not cut off ("…", "[…]"), or ≥ 60 words.
  /// - short: everything else (menu items, headlines, subheadings, list items).
  static func classify(page: String, lexicon: TextDumpLexicon) -> [TextDumpLine] {
    var lines: [TextDumpLine] = []
    var index = 0
    for raw in page.split(separator: "\n", omittingEmptySubsequences: false) {
      defer { index += 1 }
      var text = TextDumpScan.trim(raw)
      guard !text.isEmpty else { continue }
      var isBullet = false
      if let stripped = TextDumpScan.stripBullet(text) {
        isBullet = true
        text = stripped
        if text.isEmpty { continue }
      }
      var weight = 0.0
      var nonCJK = String.UnicodeScalarView()
      for s in text.unicodeScalars {
        if TextDumpScan.isCJK(s) {
          weight += 0.5
          nonCJK.append(" ")
        } else {
          nonCJK.append(s)
        }
      }
      let words = TextDumpScan.words(String(nonCJK))
      weight += Double(words.count)
      let key = TextDumpScan.words(text).joined(separator: " ")
      lines.append(
        TextDumpLine(index: index, text: text, weight: weight, key: key, isBullet: isBullet, kind: .short))
      lines[lines.count - 1].kind = kindOf(lines[lines.count - 1], words: words, lexicon: lexicon)
    }
    // The paragraph under an author box header is the author's biography.
    for i in lines.indices where lines[i].kind == .skipHeader && lines[i].weight <= 8 {
      let l = lines[i]
      guard isAuthorBoxHeader(l.text.lowercased(), text: l.text, lexicon: lexicon) else { continue }
      for j in (i + 1)..<min(lines.count, i + 3) where lines[j].kind == .prose {
        lines[j].kind = .boilerplate
        break
      }
    }
    // An author box without a header: the name alone, then "Jane Doe is a writer …".
    for i in lines.indices where lines[i].kind == .prose {
      for j in max(0, i - 3)..<i where (2...4).contains(lines[j].weight) && lines[j].kind != .prose {
        let name = lines[j].key
        if ["is", "was", "has"].contains(where: { lines[i].key.hasPrefix(name + " " + $0 + " ") }) {
          lines[i].kind = .boilerplate
          break
        }
      }
    }
    var counts: [String: Int] = [:]
    for l in lines { counts[l.key, default: 0] += 1 }
    for i in lines.indices where lines[i].kind == .short || lines[i].kind == .prose {
      if lines[i].weight < 15 || lines[i].kind == .short, counts[lines[i].key, default: 0] > 1,
        !lines[i].key.isEmpty
      {
        lines[i].kind = .boilerplate  // menus and repeated link lists
      }
    }
    return lines
  }

  private static func kindOf(_ line: TextDumpLine, words: [String], lexicon: TextDumpLexicon)
    -> Kind
  {
    let text = line.text
    var lower = text.lowercased()
    while lower.hasSuffix(":") { lower.removeLast() }
    lower = TextDumpScan.trim(lower)
    if lexicon.skipHeaders.contains(lower) || (lexicon.leads.contains(lower) && text.hasSuffix(":")) {
      return .skipHeader  // "Most Read", or a bare teaser lead "More:"
    }
    if lexicon.endHeaders.contains(lower) { return .endHeader }
    if line.weight < 12, isCommentStart(line.key, text: text, lexicon: lexicon) { return .endHeader }
    if line.weight <= 8, isHeaderStart(lower, text: text, lexicon: lexicon) { return .skipHeader }
    if isLead(lower, lexicon: lexicon) { return .boilerplate }
    if isCaption(text, lower: lower, lexicon: lexicon) { return .boilerplate }
    if isCounter(words, lexicon: lexicon) { return .boilerplate }
    if text.hasPrefix("©") || lower.hasPrefix("copyright") || lower.contains("all rights reserved") {
      return .boilerplate
    }
    if (text.hasPrefix("—") || text.hasPrefix("–")) && text.contains("(@") {
      return .short  // the signature of an embedded post: "— Jane Doe (@jane) May 2, 2023"
    }
    if line.weight <= 12 || (line.weight <= 16 && bylineName(text, lexicon: lexicon) != nil),
      isMetaLine(text, lower: lower, lexicon: lexicon)
    {
      return .meta
    }
    if line.isBullet { return .boilerplate }
    let alpha = words.filter { w in w.unicodeScalars.contains { !($0.value >= 48 && $0.value <= 57) && $0 != "_" } }.count
    if !words.isEmpty, Double(alpha) < 0.6 * Double(words.count) {
      return line.weight < 10 ? .short : .boilerplate  // tables of numbers, archive lists
    }
    if TextDumpScan.endsTruncated(text) { return .short }
    if line.weight < 40, lexicon.junkPhrases.contains(where: lower.contains) { return .boilerplate }
    if lexicon.legalPhrases.contains(where: lower.contains) { return .boilerplate }
    if line.weight >= 10, TextDumpScan.endsSentence(text) { return .prose }
    if line.weight >= 60 { return .prose }
    return .short
  }

  /// "Leave a reply", "34 responses to …", "jane says:".
  private static func isCommentStart(_ key: String, text: String, lexicon: TextDumpLexicon) -> Bool {
    var k = Substring(key)
    while let f = k.first, f.isNumber { k = k.dropFirst() }
    k = k.drop(while: { $0 == " " })
    for h in lexicon.endHeaders where k.hasPrefix(h) {
      if k.count == h.count || k[k.index(k.startIndex, offsetBy: h.count)] == " " { return true }
    }
    if text.hasSuffix(" says:"), !text.dropLast(6).contains(" ") { return true }
    return false
  }

  /// "More in Politics", or an author box header.
  private static func isHeaderStart(_ lower: String, text: String, lexicon: TextDumpLexicon) -> Bool {
    for p in lexicon.skipPrefixes where lower.hasPrefix(p + " ") { return true }
    return isAuthorBoxHeader(lower, text: text, lexicon: lexicon)
  }

  /// "About Jane Doe", "Über Max Muster": a `bio` word, then a capitalised name of 1–4 words.
  static func isAuthorBoxHeader(_ lower: String, text: String, lexicon: TextDumpLexicon) -> Bool {
    for p in lexicon.bioPrefixes where lower.hasPrefix(p + " ") {
      let name = text.split(separator: " ").dropFirst(p.split(separator: " ").count)
      if (1...4).contains(name.count),
        name.allSatisfy({ $0.unicodeScalars.first!.properties.isUppercase })
      {
        return true
      }
    }
    return false
  }

  /// "Read more: …", "See also | …".
  private static func isLead(_ lower: String, lexicon: TextDumpLexicon) -> Bool {
    for lead in lexicon.leads where lower.hasPrefix(lead) {
      let rest = lower.dropFirst(lead.count).drop(while: { $0 == " " })
      if let c = rest.first, c == ":" || c == "|" || c == "-" || c == "–" || c == "—" { return true }
    }
    return false
  }

  /// "… Moscow, July 22, 2024 (AP)", "(AP Photo/Pamela Smith)", "Photo: Jane Doe", "… /Reuters".
  private static func isCaption(_ text: String, lower: String, lexicon: TextDumpLexicon) -> Bool {
    for (close, openChar) in [(")", "(" as Character), ("]", "[")] where lower.hasSuffix(close) {
      guard let open = lower.lastIndex(of: openChar) else { continue }
      let inner = lower[lower.index(after: open)..<lower.index(before: lower.endIndex)]
      let head = inner.prefix { $0 != "/" && $0 != ";" && $0 != "," && $0 != ":" }
      if lexicon.credits.contains(TextDumpScan.trim(head)) { return true }
      if inner.contains("illustrated by") || inner.contains("photo by") { return true }
    }
    if let colon = lower.firstIndex(of: ":"),
      lexicon.credits.contains(TextDumpScan.trim(lower[..<colon]))
    {
      return true
    }
    if let slash = lower.lastIndex(of: "/"),
      lexicon.credits.contains(TextDumpScan.trim(lower[lower.index(after: slash)...]))
    {
      return true
    }
    for c in ["getty images", "shutterstock"] where lower.hasSuffix(c) { return true }
    // "… Credit: Getty - Contributor", "Image caption …", "… Submitted photo".
    if lower.contains(" credit: ") || lower.hasPrefix("image caption") || lower.hasPrefix("caption:")
      || lower.hasPrefix("courtesy of ")
    {
      return true
    }
    let tail = TextDumpScan.words(lower).suffix(2)
    if tail.count == 2, lexicon.credits.contains(tail.joined(separator: " ")), tail.last == "photo" {
      return true
    }
    if lower.hasPrefix("(photo") || lower.hasPrefix("(image") || lower.hasPrefix("photo by")
      || lower.hasPrefix("photo courtesy") || lower.hasPrefix("image courtesy")
    {
      return true
    }
    return false
  }

  /// "2 Shares", "3 Min Read", "1.2K views".
  private static func isCounter(_ words: [String], lexicon: TextDumpLexicon) -> Bool {
    func isNumber(_ w: String) -> Bool { w.unicodeScalars.allSatisfy { $0.value >= 48 && $0.value <= 57 } }
    // Gallery positions: "1 of 23", "Image 1 of 23", "1 / 13".
    if (2...4).contains(words.count), isNumber(words[words.count - 1]) {
      let w = words.count == 4 ? Array(words.dropFirst()) : words
      if w.count == 3, isNumber(w[0]), w[1] == "of" { return true }
      if w.count == 2, isNumber(w[0]) { return true }
    }
    guard words.count >= 2, words.count <= 4, let n = words.first,
      n.unicodeScalars.allSatisfy({ $0.value >= 48 && $0.value <= 57 })
    else { return false }
    var rest = words.dropFirst()
    if let k = rest.first, k == "k" || k == "m" { rest = rest.dropFirst() }
    return lexicon.counters.contains(rest.joined(separator: " "))
  }

  /// A byline ("By …"), source ("Source: …") or date line.
  static func isMetaLine(_ text: String, lower: String, lexicon: TextDumpLexicon) -> Bool {
    if bylineName(text, lexicon: lexicon) != nil { return true }
    if sourceText(text, lexicon: lexicon) != nil { return true }
    return dateParser.parse(text) != nil || isRelativeAge(text)
  }

  /// The shared date-line reader ("22 Jul 2024 18:17", "July 22, 2024").
  static let dateParser = DateLineParser()

  /// "3 hours ago", "Posted 2 days ago".
  static func isRelativeAge(_ text: String) -> Bool {
    let w = TextDumpScan.words(text)
    let units: Set<String> = [
      "minute", "minutes", "mins", "hour", "hours", "hrs", "day", "days", "week", "weeks",
    ]
    for i in w.indices.dropLast(2)
    where w[i].unicodeScalars.allSatisfy({ $0.value >= 48 && $0.value <= 57 })
      && units.contains(w[i + 1]) && w[i + 2] == "ago"
    {
      return true
    }
    return false
  }

  /// The text after a byline prefix ("By Jane Doe" → "Jane Doe"), or nil.
  static func bylineName(_ text: String, lexicon: TextDumpLexicon) -> String? {
    afterPrefix(text, prefixes: lexicon.bylinePrefixes, needsCapital: true)
  }

  /// The text after a source prefix ("Source: Agencies" → "Agencies"), or nil.
  static func sourceText(_ text: String, lexicon: TextDumpLexicon) -> String? {
    afterPrefix(text, prefixes: lexicon.sourcePrefixes, needsCapital: false)
  }

  private static func afterPrefix(_ text: String, prefixes: [String], needsCapital: Bool) -> String? {
    let lower = text.lowercased()
    for p in prefixes where lower.hasPrefix(p) {
      let rest = text.unicodeScalars.dropFirst(p.unicodeScalars.count)
      // A word prefix ("by") must be followed by a space; a prefix ending in ":" need not.
      if !p.hasSuffix(":"), let f = rest.first, !TextDumpScan.isSpace(f) { continue }
      let name = TextDumpScan.trim(String(rest))
      guard let first = name.unicodeScalars.first else { continue }
      if needsCapital, !first.properties.isUppercase { continue }
      return name
    }
    return nil
  }
}
