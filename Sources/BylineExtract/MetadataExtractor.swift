import BylineCore

/// Reads an article's metadata from the whole page (before any pruning).
///
/// - title: JSON-LD `headline`, `og:title`, `twitter:title`, the first `<h1>`, `<title>`; the
///   visible `<h1>` wins when a meta title (site name removed) equals it loosely or starts
///   with it; the site-name suffix is removed (``TitleCleaner``).
/// - authors: JSON-LD `author`, `<meta name=author>` and similar, `article:author` when not a
///   URL, `rel=author` / `itemprop=author` / byline-class elements (``AuthorCleaner``).
/// - published, first found of: JSON-LD `datePublished`; `article:published_time` and other
///   date metas; `itemprop=datePublished`; elements named for publishing (`class="PublishDate"`);
///   a visible "Published …/Veröffentlicht am …" line; `<time>` nearest the headline; a date
///   line under the headline with a time and zone ("22:11 GMT+10"); visible dates in
///   date/byline-named elements; a date in the URL (`/2024/07/22/`); the first date
///   line after the headline; modification dates last. A UTC time near midnight one day off
///   the URL's day yields the URL's day. A UTC stamp one day off the date line near the
///   headline yields the publisher's local day (``localDay(of:visible:)``). A short date line
///   right under the headline comes before date-named elements; dates in teaser lists
///   (``inTeaserItem(_:)``) and the site's "today" (``isSiteToday(_:)``) are passed over; a
///   container yields to the date element inside it; a modification date shown under the
///   headline (``shownModifiedDate(published:modified:all:dayFirst:)``) and a MediaWiki page's
///   latest revision win over the first publication; an early UTC stamp of a publisher in
///   the Americas takes the evening before (``americasLocalDay(of:languageTags:host:url:all:dayFirst:)``);
///   with no signal at all, ``lastResortDate(metas:all:dayFirst:)``.
/// - language (`<html lang>`, `content-language`, `og:locale`), canonical URL
///   (`rel=canonical`, `og:url`), site name (`og:site_name`, JSON-LD publisher), tags
///   (`article:tag`, `keywords`, JSON-LD `keywords`).
enum MetadataExtractor {
  static let dateMetaKeys: [String] = [
    "article:published_time", "og:article:published_time", "article:published", "datepublished",
    "og:published_time", "published_time", "publishdate", "publish-date", "publish_date",
    "pubdate", "date", "dc.date", "dc.date.issued", "dc.date.created", "dcterms.date",
    "dcterms.issued", "dcterms.created", "sailthru.date", "parsely-pub-date", "article.published",
    "originalpublicationdate", "article_date_original", "cxenseparse:recs:publishtime",
    "last-modified", "created", "date.created", "datecreated", "live_date", "pub_date",
    "releasedate", "displaydate", "og:updated_time", "article:modified_time", "dc.date.modified",
    "datemodified",
  ]

  static let authorMetaKeys: [String] = [
    "author", "article:author", "dc.creator", "dcterms.creator", "sailthru.author",
    "parsely-author", "byl", "og:article:author", "citation_author", "twitter:creator:name",
  ]

  static func extract(_ root: HTMLNode, url: String?) -> ArticleMetadata {
    extractWithBody(root, url: url).metadata
  }

  /// The metadata and the JSON-LD `articleBody`, when the page has one.
  static func extractWithBody(_ root: HTMLNode, url: String?) -> (metadata: ArticleMetadata, ldBody: String?) {
    var meta = ArticleMetadata(url: url)
    let all = root.descendants()
    var metas: [(key: String, value: String)] = []
    var ldScripts: [String] = []
    var titleTag: String?
    var h1s: [HTMLNode] = []
    var canonical: String?
    var htmlLang: String?
    var timeElements: [HTMLNode] = []
    var itemprops: [(String, HTMLNode)] = []
    for n in all where !n.isText {
      switch n.tag {
      case "meta":
        guard let content = n.attribute("content") else { continue }
        let value = HTMLText.collapse(content)
        guard !value.isEmpty else { continue }
        for k in ["property", "name", "itemprop", "http-equiv"] {
          if let key = n.attribute(k) { metas.append((key.lowercased(), value)) }
        }
      case "script":
        if let t = n.attribute("type")?.lowercased(), t.contains("ld+json") {
          ldScripts.append(n.children.filter { $0.isText }.map { $0.text }.joined())
        }
      case "title":
        if titleTag == nil { titleTag = n.innerText }
      case "h1":
        h1s.append(n)
      case "link":
        let rel = n.attribute("rel")?.lowercased() ?? ""
        if rel == "canonical", canonical == nil, let h = n.attribute("href"), !h.isEmpty {
          canonical = h
        }
      case "html":
        if htmlLang == nil { htmlLang = n.attribute("lang") ?? n.attribute("xml:lang") }
      case "time":
        timeElements.append(n)
      default:
        break
      }
      if let ip = n.attribute("itemprop")?.lowercased() { itemprops.append((ip, n)) }
    }
    func metaValue(_ key: String) -> String? { metas.first { $0.key == key }?.value }
    func metaValues(_ key: String) -> [String] { metas.filter { $0.key == key }.map(\.value) }

    let ld = JSONLDReader.read(ldScripts)
    let host = TitleCleaner.host(of: url) ?? TitleCleaner.host(of: canonical ?? metaValue("og:url"))

    // Site name
    let siteName = metaValue("og:site_name") ?? ld.publisherName ?? metaValue("application-name")
      ?? metaValue("twitter:site").map { $0.hasPrefix("@") ? String($0.dropFirst()) : $0 }
    meta.siteName = siteName
    var siteNames = [siteName, ld.publisherName, metaValue("application-name"), metaValue("twitter:site")]
      .compactMap { $0 }.map { $0.hasPrefix("@") ? String($0.dropFirst()) : $0 }
    siteNames = siteNames.filter { !$0.isEmpty }

    // Title
    let metaTitles = [ld.headline, metaValue("og:title"), metaValue("twitter:title"), metaValue("title"),
      metaValue("dc.title"), metaValue("headline")].compactMap { $0 }
      .map { TitleCleaner.clean($0, siteNames: siteNames, host: host) }.filter { !$0.isEmpty }
    let cleanedTitleTag = titleTag.map { TitleCleaner.clean($0, siteNames: siteNames, host: host) }
      .flatMap { $0.isEmpty ? nil : $0 }
    // The visible headline: an <h1> that is not the site's logo, preferring one inside
    // <article>/<main>, then one agreeing with a meta title, then the first.
    let h1Texts: [(text: String, inArticle: Bool)] = h1s.filter { !$0.isDetached }.map { h in
      (h.innerText, h.ancestors.contains { $0.tag == "article" || $0.tag == "main" })
    }.filter { h in
      let words = HTMLText.wordCount(h.text)
      return words >= 1 && h.text.unicodeScalars.count <= 250
        && !TitleCleaner.isSite(h.text, siteNames: siteNames, host: host)
    }
    let known = (metaTitles + [cleanedTitleTag].compactMap { $0 }).map(HTMLText.loose)
    func agrees(_ h: String) -> Bool {
      let l = HTMLText.loose(h)
      return known.contains { $0 == l || (l.count >= 10 && $0.contains(l)) }
    }
    let inArticle = h1Texts.filter { $0.inArticle }
    let h1 = inArticle.first { agrees($0.text) }?.text
      ?? h1Texts.first { agrees($0.text) }?.text
      ?? (inArticle.count == 1 ? inArticle[0].text : nil)
      ?? (h1Texts.count == 1 ? h1Texts[0].text : nil)
      ?? (known.isEmpty ? h1Texts.first?.text : nil)
    var title: String?
    if let h1 { title = h1 }
    if title == nil { title = metaTitles.first }
    if title == nil { title = cleanedTitleTag }
    meta.title = title.map(HTMLText.nfc)

    // Authors
    var authorSources: [[String]] = []
    authorSources.append(ld.authors)
    for k in authorMetaKeys {
      for v in metaValues(k) where !(v.hasPrefix("http") || v.contains("/")) { authorSources.append([v]) }
    }
    // Visible bylines, outside comment sections and forms; the first one that names people.
    var visible: [String] = []
    for (ip, n) in itemprops where (ip.split(separator: " ").contains("author") || ip == "creator") && !inComments(n) {
      if let nameNode = n.descendants().first(where: { $0.attribute("itemprop")?.lowercased() == "name" }) {
        visible.append(nameNode.attribute("content") ?? nameNode.innerText)
      } else if let c = n.attribute("content") {
        visible.append(c)
      } else {
        visible.append(n.innerText)
      }
    }
    for n in all where !n.isText && n.tag == "a" {
      if (n.attribute("rel")?.lowercased() ?? "").split(separator: " ").contains("author"), !inComments(n) {
        visible.append(n.innerText)
      }
    }
    for n in all where !n.isText && n.children.count < 40 && n.classOrIDMayContain(bylineStems) {
      let words = n.classWords
      if words.contains(where: { bylineClassWords.contains($0) }), !inComments(n) {
        // Links to author pages inside a byline are the names ("Matthias" + a Twitter handle).
        let links = n.descendants().filter { a in
          a.tag == "a"
            && ((a.attribute("href") ?? "").contains("/author") || (a.attribute("rel") ?? "").contains("author"))
        }.map { $0.innerText }.filter { !$0.isEmpty }
        if !links.isEmpty {
          visible.append(links.joined(separator: ", "))
          continue
        }
        if let t = n.innerText(ifAtMost: 120), !t.isEmpty { visible.append(t) }
      }
    }
    authorSources.append(contentsOf: visible.map { [$0] })
    var authors: [String] = []
    // A Twitter handle often is the blogger's own name: only real site names are refused.
    let outletNames = [metaValue("og:site_name"), ld.publisherName, metaValue("application-name")].compactMap { $0 }
    for source in authorSources {
      for raw in source {
        for name in AuthorCleaner.names(from: raw, siteNames: outletNames)
        where !authors.contains(where: { HTMLText.loose($0) == HTMLText.loose(name) }) {
          authors.append(name)
        }
      }
      if !authors.isEmpty { break }
    }
    if authors.isEmpty { authors = visibleBylineLine(all, siteNames: outletNames) }
    meta.authors = authors.map(HTMLText.nfc)

    // Publication date (slashed dates day first unless the page is US English)
    let earlyLang = (htmlLang ?? metaValue("content-language") ?? ld.language ?? metaValue("og:locale"))
      .flatMap(normalizeLanguage)
    let dayFirst = earlyLang.map { !($0 == "en-US" || $0 == "en") } ?? false
    let languageTags = [htmlLang, metaValue("content-language"), metaValue("dc.language"), ld.language,
      metaValue("og:locale")].compactMap { $0 }.compactMap(normalizeLanguage)
    meta.published = publicationDate(dayFirst: dayFirst,
      ld: ld, metaValue: metaValue, itemprops: itemprops, times: timeElements, all: all,
      url: url ?? canonical ?? metaValue("og:url"))
      ?? lastResortDate(metas: metas, all: all, dayFirst: dayFirst)
    if let p = meta.published, let local = americasLocalDay(of: p, languageTags: languageTags, host: host,
      url: url ?? canonical ?? metaValue("og:url"), all: all, dayFirst: dayFirst) {
      meta.published = local
    }

    // Language
    let lang = htmlLang ?? metaValue("content-language") ?? ld.language ?? metaValue("og:locale")
    meta.language = lang.flatMap(normalizeLanguage)

    // Canonical
    meta.canonicalURL = canonical ?? metaValue("og:url")

    // Tags
    var tags: [String] = []
    let tagSources = metaValues("article:tag") + metaValues("og:article:tag")
      + metaValues("keywords").flatMap { $0.split(separator: ",").map(String.init) }
      + metaValues("news_keywords").flatMap { $0.split(separator: ",").map(String.init) } + ld.keywords
    for t in tagSources {
      let c = HTMLText.nfc(HTMLText.collapse(t))
      if !c.isEmpty, c.unicodeScalars.count <= 80, !tags.contains(where: { $0.lowercased() == c.lowercased() }) {
        tags.append(c)
      }
    }
    meta.tags = tags
    return (meta, ld.articleBody)
  }

  /// Class/id words of elements holding a byline.
  static let bylineClassWords: Set<String> = ["byline", "author", "autor", "authors", "byl", "fn"]

  /// Class/id words of elements that may show the publication date.
  static let dateClassWords: Set<String> = [
    "date", "time", "published", "publish", "pubdate", "datum", "dateline", "byline", "meta", "metadata",
    "timestamp", "posted", "entry", "created", "postdetails", "tagline",
  ]

  /// Substrings every word of ``bylineClassWords`` / ``dateClassWords`` / the publish words
  /// contains (for ``HTMLNode/classOrIDMayContain(_:)``).
  static let bylineStems = HTMLNode.Stems(["byl", "aut", "fn"])
  static let dateStems = HTMLNode.Stems(["dat", "tim", "pub", "byl", "met", "post", "entr", "creat", "tagl"])
  static let publishStems = HTMLNode.Stems(["pub"])

  /// True when `n` sits in a comment section or a form (not counting `<body>` classes).
  static func inComments(_ n: HTMLNode) -> Bool { n.inCommentsOrForm }

  /// True when `n` sits in a reader-comment section (forms do not count: some sites wrap the
  /// whole page in one).
  static func inCommentSection(_ n: HTMLNode) -> Bool { n.inCommentSection }

  /// Words that start a publication line: "Veröffentlicht am 16.08.2019", "Published on …".
  static let publishedWords = [
    "published", "publié", "publicado", "pubblicato", "veröffentlicht", "erschienen", "gepubliceerd",
    "opublikowano", "publicat", "posted on", "posted", "erstellt am", "datum:", "date:",
  ]

  /// Parses a machine date (ISO 8601) or, failing that, a human one.
  static func parseDate(_ s: String) -> PublicationDate? {
    let t = s.trimmingCharacters(in: .whitespaces)
    if let d = PublicationDate(iso: t) { return d }
    if let d = looseISO(t) { return d }
    if t.count > 10, let d = PublicationDate(iso: String(t.prefix(10))), t.utf8.count >= 10 {
      // "2024-07-22T18:17:05.000+0000" forms PublicationDate(iso:) refuses: keep the day,
      // and the time when it is plain.
      if let full = PublicationDate(iso: String(t.prefix(19))) { return full }
      return d
    }
    return DateLineParser().parse(t)
  }

  /// Machine time stamps `PublicationDate(iso:)` refuses but whose parts are clear:
  /// `2020-12-05T23:15:0Z` (one-digit seconds), `2024-07-22T18:17:05.000+0000`,
  /// `2024-07-22 18:17:05 +03:00`. Nil unless the whole string is read.
  static func looseISO(_ s: String) -> PublicationDate? {
    let b = Array(s.utf8)
    guard b.count > 16, var d = PublicationDate(iso: String(decoding: b[0..<10], as: UTF8.self)),
      b[10] == 84 || b[10] == 32
    else { return nil }
    var i = 11
    func num(max n: Int) -> Int? {
      var v = 0
      var k = 0
      while k < n, i < b.count, b[i] >= 48, b[i] <= 57 {
        v = v * 10 + Int(b[i] - 48)
        i += 1
        k += 1
      }
      return k == 0 ? nil : v
    }
    guard let h = num(max: 2), i < b.count, b[i] == 58 else { return nil }
    i += 1
    guard let m = num(max: 2) else { return nil }
    d.hour = h
    d.minute = m
    if i < b.count, b[i] == 58 {
      i += 1
      d.second = num(max: 2)
    }
    if i < b.count, b[i] == 46 {  // fraction of a second
      i += 1
      _ = num(max: 9)
    }
    while i < b.count, b[i] == 32 { i += 1 }
    if i < b.count, b[i] == 90 {
      d.utcOffsetMinutes = 0
      i += 1
    } else if i < b.count, b[i] == 43 || b[i] == 45 {
      let sign = b[i] == 45 ? -1 : 1
      i += 1
      guard let oh = num(max: 2) else { return nil }
      if i < b.count, b[i] == 58 { i += 1 }
      let om = num(max: 2) ?? 0
      d.utcOffsetMinutes = sign * (oh * 60 + om)
    }
    guard i == b.count, d.isValid else { return nil }
    return d
  }

  /// The publisher's local day for a UTC time stamp (`Z`, `+00:00`: a server clock, not the
  /// publisher's), when the page's own visible date line near the headline says it: a stamp `2020-12-05T23:15Z` on a page whose first date line
  /// after the headline reads "06 Dicembre 2020" was published on the 6th where the publisher
  /// is. Taken only when the line is exactly one day off and some real offset (−12:00 to
  /// +14:00) turns the stamp into that day. With an offset on the line ("13 Jan 2020, 22:11
  /// GMT+10") the stamp is converted to it (same instant, the line's wall clock); without one
  /// the line's date (and time, if given) is kept as written. Nil when the rule does not apply.
  static func localDay(of stamp: PublicationDate, visible v: PublicationDate) -> PublicationDate? {
    guard let h = stamp.hour, let off = stamp.utcOffsetMinutes, abs(v.dayNumber - stamp.dayNumber) == 1 else {
      return nil
    }
    let utc = stamp.dayNumber * 1440 + h * 60 + (stamp.minute ?? 0) - off
    if let vo = v.utcOffsetMinutes {
      let local = utc + vo
      let day = local >= 0 ? local / 1440 : (local - 1439) / 1440
      guard day == v.dayNumber else { return nil }
      var out = PublicationDate.fromDayNumber(day)
      out.hour = (local - day * 1440) / 60
      out.minute = (local - day * 1440) % 60
      out.second = stamp.second
      out.utcOffsetMinutes = vo
      return out
    }
    let start = v.dayNumber * 1440
    guard utc + 14 * 60 >= start, utc - 12 * 60 < start + 1440 else { return nil }
    return v
  }

  /// The page's date, corrected to the day in the URL when the two are one day apart (a
  /// UTC time stamp on the other side of midnight from the publisher's local day).
  static func publicationDate(dayFirst: Bool,
    ld: JSONLDInfo, metaValue: (String) -> String?, itemprops: [(String, HTMLNode)], times: [HTMLNode],
    all: [HTMLNode], url: String?
  ) -> PublicationDate? {
    let found = rawPublicationDate(dayFirst: dayFirst,
      ld: ld, metaValue: metaValue, itemprops: itemprops, times: times, all: all, url: url)
    // Only a time near midnight can have moved the day: "2020-02-18T03:10Z" for /2020/02/17/.
    if let f = found, let h = f.hour, h < 9 || h >= 19, let u = url, let inURL = dateInURL(u),
      abs(inURL.dayNumber - f.dayNumber) == 1
    {
      return inURL
    }
    if let f = found, f.utcOffsetMinutes == 0, let v = visibleDateLine(all, dayFirst: dayFirst, within: 40),
      let local = localDay(of: f, visible: v)
    {
      return local
    }
    return found
  }

  static func rawPublicationDate(dayFirst: Bool,
    ld: JSONLDInfo, metaValue: (String) -> String?, itemprops: [(String, HTMLNode)], times: [HTMLNode],
    all: [HTMLNode], url: String?
  ) -> PublicationDate? {
    // A page that shows its modification date under the headline presents that version.
    let modified = [ld.dateModified, metaValue("article:modified_time"), metaValue("og:updated_time")]
    func shown(_ d: PublicationDate) -> PublicationDate {
      shownModifiedDate(published: d, modified: modified, all: all, dayFirst: dayFirst) ?? d
    }
    // A wiki page shows its latest revision; MediaWiki's datePublished is the page's first one.
    if metaValue("generator")?.lowercased().hasPrefix("mediawiki") == true, let s = ld.dateModified,
      let d = parseDate(s)
    {
      return d
    }
    if let s = ld.datePublished, let d = parseDate(s) { return shown(d) }
    for k in dateMetaKeys.prefix(while: { $0 != "og:updated_time" }) {
      if let v = metaValue(k), let d = parseDate(v) { return shown(d) }
    }
    for (ip, n) in itemprops where ip == "datepublished" || ip == "datecreated" {
      if let v = n.attribute("content") ?? n.attribute("datetime"), let d = parseDate(v) { return d }
      if let d = DateLineParser(preferDayFirst: dayFirst).parse(n.innerText) { return d }
    }
    // Elements named for the publication date: class="PublishDate", "published", "pubdate".
    for n in all where !n.isText && !n.removed && n.classOrIDMayContain(publishStems) {
      let words = n.rawClassWords
      guard words.contains(where: { $0 == "publish" || $0 == "published" || $0 == "pubdate" || $0 == "publishdate" || $0 == "publication" }),
        !words.contains(where: { $0 == "modified" || $0 == "updated" || $0 == "update" }), !inComments(n)
      else { continue }
      for attr in ["datetime", "content", "title"] {
        if let v = n.attribute(attr), v.first?.isNumber == true, let d = parseDate(v) { return d }
      }
      if let t = n.innerText(ifAtMost: 150), !t.isEmpty, let d = DateLineParser(preferDayFirst: dayFirst).parse(t) {
        return d
      }
    }
    // A visible "Published on 16.08.2019" line.
    for n in all where n.isText {
      // Every publication word starts with one of these letters: other lines are skipped
      // before anything is copied.
      guard let f = n.firstVisibleScalar, f.value < 0x80,
        "pPvVeEgGoOdD".unicodeScalars.contains(f)
      else { continue }
      let t = HTMLText.collapse(n.text)
      guard !t.isEmpty, t.unicodeScalars.count <= 120 else { continue }
      let lower = t.lowercased()
      guard publishedWords.contains(where: { lower.hasPrefix($0) }), !inComments(n) else { continue }
      // The date may follow in the next inline element: use the parent's text then.
      if let d = DateLineParser(preferDayFirst: dayFirst).parse(t) { return d }
      if let p = n.parent, p.innerText.unicodeScalars.count <= 150,
        let d = DateLineParser(preferDayFirst: dayFirst).parse(p.innerText)
      {
        return d
      }
    }
    // <time> after the headline first (before it: other articles, "today"), with pubdate /
    // a publish class first.
    // <time> elements nearest to the headline first (far ones date other stories); ties go
    // to the one after it. Without a headline: document order.
    let headline = all.firstIndex { $0.tag == "h1" }
    var position: [ObjectIdentifier: Int] = [:]
    for (i, n) in all.enumerated() where n.tag == "time" { position[ObjectIdentifier(n)] = i }
    let ordered = times.enumerated().sorted { x, y in
      guard let h = headline else { return x.offset < y.offset }
      let px = position[ObjectIdentifier(x.element)] ?? 0
      let py = position[ObjectIdentifier(y.element)] ?? 0
      let dx = px >= h ? px - h : (h - px) + 1
      let dy = py >= h ? py - h : (h - py) + 1
      return dx != dy ? dx < dy : x.offset < y.offset
    }.map(\.element)
    for t in ordered where !inCommentSection(t) && !inTeaserItem(t) {
      if let v = t.attribute("datetime"), let d = parseDate(v) { return d }
      if let d = DateLineParser(preferDayFirst: dayFirst).parse(t.innerText) { return d }
    }
    // A date line right under the headline that states its time and zone ("13 Jan 2020,
    // 22:11 GMT+10") is the story's own stamp; date-named elements may be the site's "today".
    if let d = visibleDateLine(all, dayFirst: dayFirst, within: 40, zoned: true) { return d }
    // A short date line right under the headline, before date-named elements (which may be
    // the site's "today" in the header).
    if let d = headlineDateLine(all, dayFirst: dayFirst) { return d }
    // Visible date lines in elements named like dates or bylines.
    let parser = DateLineParser(preferDayFirst: dayFirst)
    for n in all where !n.isText && n.classOrIDMayContain(dateStems) {
      let words = n.classWords
      guard words.contains(where: { dateClassWords.contains($0) }), !inCommentSection(n), !inTeaserItem(n), !isSiteToday(n) else { continue }
      // Machine dates in attributes: <abbr class="published" title="2020-09-20T14:20:02Z">.
      for attr in ["datetime", "content", "title", "data-date", "data-timestamp"] {
        if let v = n.attribute(attr), v.first?.isNumber == true, let d = PublicationDate(iso: v) ?? parseDate(v) {
          return d
        }
      }
      guard let t = n.innerText(ifAtMost: 150), !t.isEmpty else { continue }
      // A container of a more specific date element (a headline and its date): that element
      // comes next in document order and wins.
      if hasDateNamedDescendant(n) { continue }
      if let d = parser.parse(t) ?? parser.parse(spacedText(n)) { return d }
    }
    if let u = url, let d = dateInURL(u) { return d }
    if let d = visibleDateLine(all, dayFirst: dayFirst) { return d }
    for k in ["og:updated_time", "article:modified_time", "dc.date.modified", "datemodified", "last-modified"] {
      if let v = metaValue(k), let d = parseDate(v) { return d }
    }
    if let s = ld.dateModified, let d = parseDate(s) { return d }
    return nil
  }

  /// Names from the first short "By Jane Doe" / "von Max Muster" line after the headline.
  static func visibleBylineLine(_ all: [HTMLNode], siteNames: [String]) -> [String] {
    let bodyNodes = all.drop { $0.tag != "body" }
    let start = bodyNodes.firstIndex { $0.tag == "h1" } ?? bodyNodes.startIndex
    var looked = 0
    for n in bodyNodes[start...] where n.isText {
      guard let p = n.parent, !["script", "style", "noscript", "template", "option"].contains(p.tag) else { continue }
      let t = HTMLText.collapse(n.text)
      guard !t.isEmpty else { continue }
      looked += 1
      if looked > 300 { break }
      guard t.unicodeScalars.count <= 60 else { continue }
      let core = t.drop { !$0.isLetter }.lowercased()
      guard core.hasPrefix("by ") || core.hasPrefix("von ") || core.hasPrefix("par ") || core.hasPrefix("door ")
      else { continue }
      // The name may sit in the next element ("By <a>Jane Doe</a>").
      var line = String(t.drop { !$0.isLetter })
      if HTMLText.wordCount(line) == 1, let p = n.parent { line = String(p.innerText.drop { !$0.isLetter }) }
      guard HTMLText.wordCount(line) <= 8 else { continue }
      let names = AuthorCleaner.names(from: line, siteNames: siteNames)
      if !names.isEmpty { return names }
    }
    return []
  }

  /// The first date line in the text after the headline (or anywhere in the body without one).
  /// `within`: how many text nodes to look at.
  /// `zoned`: only lines giving a time with a UTC offset or zone.
  static func visibleDateLine(_ all: [HTMLNode], dayFirst: Bool, within: Int = 400, zoned: Bool = false) -> PublicationDate? {
    let parser = DateLineParser(preferDayFirst: dayFirst)
    let bodyNodes = all.drop { $0.tag != "body" }
    let start = bodyNodes.firstIndex { $0.tag == "h1" } ?? bodyNodes.startIndex
    var looked = 0
    for n in bodyNodes[start...] where n.isText {
      guard let p = n.parent, !["script", "style", "noscript", "template", "option", "a"].contains(p.tag), !inCommentSection(n)
      else { continue }
      let t = HTMLText.collapse(n.text)
      guard !t.isEmpty else { continue }
      looked += 1
      if looked > within { break }
      guard t.unicodeScalars.count <= 120 else { continue }
      if let d = parser.parse(t), !zoned || (d.hour != nil && d.utcOffsetMinutes != nil), !isSiteToday(n) { return d }
    }
    return nil
  }

  /// A date in a URL path: `/2024/07/22/`, `/2024-07-22`, `/20240722`.
  static func dateInURL(_ url: String) -> PublicationDate? {
    let b = Array(url.utf8)
    func num(_ i: Int, _ n: Int) -> Int? { ASCIIDigits.value(of: b, at: i, count: n) }
    var i = 0
    while i < b.count {
      if b[i] == 47 || b[i] == 95 || b[i] == 45, let y = num(i + 1, 4), (1995...2100).contains(y) {
        let j = i + 5
        if j < b.count, b[j] == 47 || b[j] == 45 || b[j] == 95 {
          if let m = num(j + 1, 2), j + 3 < b.count, b[j + 3] == b[j], let d = num(j + 4, 2),
            j + 6 == b.count || !(b[j + 6] >= 48 && b[j + 6] <= 57)
          {
            let date = PublicationDate(year: y, month: m, day: d)
            if date.isValid { return date }
          }
        } else if let m = num(j, 2), let d = num(j + 2, 2), j + 4 == b.count || !(b[j + 4] >= 48 && b[j + 4] <= 57) {
          let date = PublicationDate(year: y, month: m, day: d)
          if date.isValid { return date }
        }
      }
      i += 1
    }
    return nil
  }

  /// "en_US" / "EN-us" → "en-US"; nil for empty or odd values.
  static func normalizeLanguage(_ raw: String) -> String? {
    let parts = raw.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "_", with: "-")
      .split(separator: ",").first.map(String.init)?.split(separator: "-").map(String.init) ?? []
    guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy({ $0.isLetter }) else {
      return nil
    }
    var out = first.lowercased()
    for p in parts.dropFirst() {
      out += "-" + (p.count == 2 ? p.uppercased() : p)
    }
    return out
  }
}

import Foundation
