import BylineCore

/// Rules that sort a page's date signals: which ones date other stories, when a UTC stamp
/// names the day before the publisher's own, and the last places to look when a page has no
/// usual date signal at all.
extension MetadataExtractor {
  /// True when `n` sits in an item of a teaser list ("related", "more from this blog"): an
  /// `<li>` among other `<li>`s that also holds a headline link (four or more words) to
  /// another page. Dates there belong to the linked stories, not to the page.
  static func inTeaserItem(_ n: HTMLNode) -> Bool {
    var depth = 0
    var node = n.parent
    while let li = node, depth < 6 {
      defer {
        node = li.parent
        depth += 1
      }
      guard li.tag == "li" else { continue }
      guard let list = li.parent, list.children.filter({ $0.tag == "li" }).count >= 2 else { return false }
      let own = Set(n.ancestors.map { ObjectIdentifier($0) })
      return li.descendants().contains { a in
        a.tag == "a" && a.attribute("href") != nil && !own.contains(ObjectIdentifier(a))
          && HTMLText.wordCount(a.innerText) >= 4
      }
    }
    return false
  }

  /// Country codes of the Americas with how many hours after UTC midnight are still the
  /// previous day there all year: the United States, Canada and Mexico lie four or more hours
  /// behind UTC, the rest of the Americas three or more.
  static let americasLateHours: [String: Int] = {
    var t: [String: Int] = ["US": 4, "CA": 4, "MX": 4]
    for c in ["BR", "AR", "CL", "UY", "PY", "BO", "VE", "CO", "PE", "EC", "CU", "DO", "PR", "GT", "HN", "SV", "NI",
      "CR", "PA", "JM"]
    {
      t[c] = 3
    }
    return t
  }()

  /// The publisher's day for a UTC server stamp (`Z`, `+00:00`) written shortly after UTC
  /// midnight by a publisher in the Americas: `2020-05-02T02:54Z` on an `en-US` page is the
  /// evening of 1 May where it was published. The region is that of the page's first
  /// language tag (`<html lang>`, `content-language`, `dc.language`, JSON-LD, `og:locale`),
  /// or of a later tag of the same language (`en` then `en_US`); a
  /// site under a country domain outside the Americas (`.au`, `.de`) is never moved, since
  /// `en_US` is a common default there. Returns the previous day (without a time, which is
  /// not known locally), or nil when the rule does not apply, or when the URL path or the
  /// first date line after the headline give the stamp's own day.
  static func americasLocalDay(of stamp: PublicationDate, languageTags: [String], host: String?, url: String?,
    all: [HTMLNode], dayFirst: Bool
  ) -> PublicationDate? {
    guard stamp.utcOffsetMinutes == 0, let h = stamp.hour else { return nil }
    // The URL or the date line under the headline already give the stamp's own day.
    if let u = url, let inURL = dateInURL(u), inURL.dayNumber == stamp.dayNumber { return nil }
    if let v = visibleDateLine(all, dayFirst: dayFirst, within: 40), v.dayNumber == stamp.dayNumber { return nil }
    if let v = headlineDateLine(all, dayFirst: dayFirst), v.dayNumber == stamp.dayNumber { return nil }
    // The region of the page's first language: "en" then "en-US" is American, "de" then a
    // default "en_US" locale is not.
    let parsed = languageTags.map { $0.split(separator: "-").map { String($0) } }
    guard let language = parsed.first?.first?.lowercased(),
      let region = parsed.first(where: { $0.count >= 2 && $0[0].lowercased() == language && $0[1].count == 2 })?[1]
        .uppercased(),
      let late = americasLateHours[region], h < late
    else { return nil }
    if let host, let tld = host.split(separator: ".").last, tld.count == 2,
      americasLateHours[String(tld).uppercased()] == nil
    {
      return nil
    }
    return PublicationDate.fromDayNumber(stamp.dayNumber - 1)
  }

  /// Words that make a line an update stamp rather than the first publication.
  static let updateWords = [
    "update", "aktualisiert", "mis à jour", "mise à jour", "actualiz", "aggiornat", "modifi", "geändert",
    "bijgewerkt", "zuletzt", "edited", "обновлен", "оновлено",
  ]

  /// A short date line (at most 80 characters, at most five words besides the date, no
  /// update word) among the first `within`
  /// text nodes after the first `<h1>`, not counting the headline's own text: the story's
  /// date where the layout puts it, even when a date-named element elsewhere (the site's
  /// "today" in the header) says otherwise.
  static func headlineDateLine(_ all: [HTMLNode], dayFirst: Bool, within: Int = 4) -> PublicationDate? {
    // The first <h1> with text of its own: a logo or a site-name link is not the headline.
    guard let h = all.firstIndex(where: { n in
      n.tag == "h1" && !n.innerText.isEmpty && !n.descendants().contains { $0.tag == "a" && $0.innerText == n.innerText }
    }) else { return nil }
    let headline = all[h]
    let parser = DateLineParser(preferDayFirst: dayFirst)
    var looked = 0
    for n in all[(h + 1)...] where n.isText {
      guard let p = n.parent, !["script", "style", "noscript", "template", "option"].contains(p.tag) else { continue }
      let t = HTMLText.collapse(n.text)
      guard !t.isEmpty, !n.ancestors.contains(where: { $0 === headline }) else { continue }
      looked += 1
      if looked > within { break }
      guard t.unicodeScalars.count <= 80, !inCommentSection(n) else { continue }
      let lower = t.lowercased()
      guard !updateWords.contains(where: { lower.contains($0) }), !isSiteToday(n), let m = parser.firstMatch(in: t)
      else { continue }
      // A date line, not a standfirst sentence that names a day: few words around the date.
      let b = Array(t.utf8)
      let rest = String(decoding: b[..<m.utf8Start], as: UTF8.self) + " " + String(decoding: b[m.utf8End...], as: UTF8.self)
      if HTMLText.wordCount(rest) <= 5 { return m.date }
    }
    return nil
  }

  /// Class words of elements that hold a date and nothing else.
  static let dateElementWords: Set<String> = [
    "date", "time", "published", "publish", "pubdate", "datum", "timestamp", "dateline", "posted", "created",
  ]

  /// True when an element below `n` is named like a date and holds one
  /// (`<span class="entry-time">` in `<div class="entry-top">` that also holds the headline;
  /// an icon `<g id="time">` does not count, nor one the date scan passes over: in a comment
  /// section or a teaser item).
  static func hasDateNamedDescendant(_ n: HTMLNode) -> Bool {
    let parser = DateLineParser()
    return n.descendants().dropFirst().contains { d in
      guard !d.isText, d.classWords.contains(where: { dateElementWords.contains($0) }),
        !d.ancestors.contains(where: { $0.tag == "svg" }), !inCommentSection(d), !inTeaserItem(d)
      else { return false }
      if let v = d.attribute("datetime") ?? d.attribute("content"), parseDate(v) != nil { return true }
      guard let t = d.innerText(ifAtMost: 150), !t.isEmpty else { return false }
      return parser.parse(t) != nil
    }
  }

  /// The text nodes of a small element joined with spaces: a calendar badge
  /// `<span>Feb</span><span>18</span><span>2009</span>` reads "Feb 18 2009", where the
  /// inner text runs the day and year together.
  static func spacedText(_ n: HTMLNode) -> String {
    HTMLText.collapse(n.descendants().filter { $0.isText }.map { $0.text }.joined(separator: " "))
  }

  /// The modification date when the page shows it, and not the publication date, in the
  /// short date line under its headline: a republished or revised page presents itself as
  /// of that version (`datePublished` 2017, `dateModified` and the line under the headline
  /// 2019 → 2019). Nil otherwise.
  static func shownModifiedDate(published: PublicationDate, modified: [String?], all: [HTMLNode], dayFirst: Bool)
    -> PublicationDate?
  {
    guard let m = modified.compactMap({ $0 }).lazy.compactMap(parseDate).first,
      m.dayNumber > published.dayNumber,
      let line = headlineDateLine(all, dayFirst: dayFirst), line.dayNumber == m.dayNumber
    else { return nil }
    return m
  }

  /// Meta keys that name a first publication under a site's own vocabulary
  /// (`five_hundred_pixels:uploaded`, `og:created`): a date or creation word, and no word of
  /// change or expiry.
  static func isCreationMetaKey(_ key: String) -> Bool {
    let k = key.lowercased()
    guard ["date", "time", "publish", "created", "upload", "posted", "issued"].contains(where: { k.contains($0) }) else {
      return false
    }
    return !["modif", "updat", "expir", "valid", "revis", "edit", "end", "refresh"].contains(where: { k.contains($0) })
  }

  /// The last resort for a page with no usual date signal: a machine date in a meta tag of
  /// the site's own vocabulary; else a date line right before the headline (some layouts put
  /// it above); else a time stamp (`2020/04/17 01:43:09`, `2020-04-17 01:43`) in a script in
  /// the body that writes the date out on the reader's side.
  static func lastResortDate(metas: [(key: String, value: String)], all: [HTMLNode], dayFirst: Bool) -> PublicationDate? {
    for (k, v) in metas where isCreationMetaKey(k) {
      if v.first?.isNumber == true, v.utf8.count >= 10, let d = parseDate(v), d.year >= 1995 { return d }
    }
    if let d = dateLineBeforeHeadline(all, dayFirst: dayFirst) { return d }
    let bodyNodes = all.drop { $0.tag != "body" }
    for n in bodyNodes where n.tag == "script" && n.attribute("src") == nil {
      let t = n.children.filter { $0.isText }.map { $0.text }.joined()
      guard t.utf8.count <= 2000, let d = scriptTimeStamp(t) else { continue }
      return d
    }
    return nil
  }

  /// A short date line among the two text nodes right before the first `<h1>` (outside
  /// links and navigation).
  static func dateLineBeforeHeadline(_ all: [HTMLNode], dayFirst: Bool) -> PublicationDate? {
    guard let h = all.firstIndex(where: { $0.tag == "h1" }) else { return nil }
    let parser = DateLineParser(preferDayFirst: dayFirst)
    var looked = 0
    var i = h - 1
    while i >= 0, looked < 2 {
      let n = all[i]
      i -= 1
      guard n.isText, let p = n.parent else { continue }
      let t = HTMLText.collapse(n.text)
      guard !t.isEmpty else { continue }
      looked += 1
      guard !["script", "style", "a", "option", "title"].contains(p.tag), !n.ancestors.contains(where: { $0.tag == "nav" || $0.tag == "head" }),
        t.unicodeScalars.count <= 40
      else { continue }
      if let d = parser.parse(t), !isSiteToday(n) { return d }
    }
    return nil
  }

  /// True when `n` sits in an element that shows the site's current date, not the story's
  /// (`class="today"`, `"heute"`, `"current-date"`, `"date-edition"`): the day the page was
  /// fetched.
  static func isSiteToday(_ n: HTMLNode) -> Bool {
    var node: HTMLNode? = n.isText ? n.parent : n
    var depth = 0
    while let e = node, depth < 4, e.tag != "body" {
      let w = e.classWords
      if w.contains(where: { $0 == "today" || $0 == "heute" || $0 == "aujourdhui" })
        || (w.contains("date") && w.contains(where: { $0 == "current" || $0 == "edition" }))
      {
        return true
      }
      node = e.parent
      depth += 1
    }
    return false
  }

  /// The first `YYYY-MM-DD hh:mm` or `YYYY/MM/DD hh:mm` in script text, as a date with its time.
  static func scriptTimeStamp(_ s: String) -> PublicationDate? {
    let b = Array(s.utf8)
    func digits(_ i: Int, _ n: Int) -> Int? { ASCIIDigits.value(of: b, at: i, count: n) }
    var i = 0
    while i + 16 <= b.count {
      if (i == 0 || !(b[i - 1] >= 48 && b[i - 1] <= 57)), let y = digits(i, 4), (1995...2100).contains(y),
        b[i + 4] == 45 || b[i + 4] == 47, let m = digits(i + 5, 2), b[i + 7] == b[i + 4], let d = digits(i + 8, 2),
        b[i + 10] == 32 || b[i + 10] == 84, let hh = digits(i + 11, 2), b[i + 13] == 58, let mm = digits(i + 14, 2)
      {
        let date = PublicationDate(year: y, month: m, day: d, hour: hh, minute: mm)
        if date.isValid { return date }
      }
      i += 1
    }
    return nil
  }
}
