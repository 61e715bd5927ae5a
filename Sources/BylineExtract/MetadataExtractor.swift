import BylineCore

/// Reads an article's metadata from the whole page (before any pruning).
///
/// - title: JSON-LD `headline`, `og:title`, `twitter:title`, the first `<h1>`, `<title>`; the
///   visible `<h1>` wins when a meta title (site name removed) equals it loosely or starts
///   with it; the site-name suffix is removed (``TitleCleaner``).
/// - authors: JSON-LD `author`, `<meta name=author>` and similar, `article:author` when not a
///   URL, `rel=author` / `itemprop=author` / byline-class elements (``AuthorCleaner``).
/// - published: JSON-LD `datePublished`, `article:published_time` and other date metas,
///   `itemprop=datePublished`, `<time datetime>`, visible date lines in date/byline elements,
///   then a date in the URL (`/2024/07/22/`).
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
    let h1 = h1Texts.first { $0.inArticle }?.text
      ?? h1Texts.first { h in known.contains { $0.contains(HTMLText.loose(h.text)) } }?.text
      ?? h1Texts.first?.text
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
    func inComments(_ n: HTMLNode) -> Bool {
      n.ancestors.contains { a in
        a.tag == "body" || a.tag == "html" ? false : a.tag == "form"
          || BoilerplateRules.words(a.classAndID).contains { $0 == "comment" || $0 == "comments" || $0 == "commentlist" || $0 == "respond" || $0 == "disqus" }
      }
    }
    for (ip, n) in itemprops where (ip.split(separator: " ").contains("author") || ip == "creator") && !inComments(n) {
      if let nameNode = n.descendants().first(where: { $0.attribute("itemprop")?.lowercased() == "name" }) {
        visible.append(nameNode.attribute("content") ?? nameNode.innerText)
      } else if let c = n.attribute("content") {
        visible.append(c)
      } else {
        visible.append(n.innerText)
      }
    }
    for n in all where !n.isText && n.tag == "a" && !inComments(n) {
      if (n.attribute("rel")?.lowercased() ?? "").split(separator: " ").contains("author") { visible.append(n.innerText) }
    }
    for n in all where !n.isText && n.children.count < 40 {
      let words = BoilerplateRules.words(n.classAndID)
      if words.contains(where: { ["byline", "author", "autor", "authors", "byl", "fn"].contains($0) }), !inComments(n) {
        let t = n.innerText
        if !t.isEmpty && t.unicodeScalars.count <= 120 { visible.append(t) }
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
    meta.authors = authors.map(HTMLText.nfc)

    // Publication date
    meta.published = publicationDate(
      ld: ld, metaValue: metaValue, itemprops: itemprops, times: timeElements, all: all,
      url: url ?? canonical ?? metaValue("og:url"))

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
    return meta
  }

  /// Parses a machine date (ISO 8601) or, failing that, a human one.
  static func parseDate(_ s: String) -> PublicationDate? {
    let t = s.trimmingCharacters(in: .whitespaces)
    if let d = PublicationDate(iso: t) { return d }
    if t.count > 10, let d = PublicationDate(iso: String(t.prefix(10))), t.utf8.count >= 10 {
      // "2024-07-22T18:17:05.000+0000" forms PublicationDate(iso:) refuses: keep the day,
      // and the time when it is plain.
      if let full = PublicationDate(iso: String(t.prefix(19))) { return full }
      return d
    }
    return DateLineParser().parse(t)
  }

  /// The page's date, corrected to the day in the URL when the two are one day apart (a
  /// UTC time stamp on the other side of midnight from the publisher's local day).
  static func publicationDate(
    ld: JSONLDInfo, metaValue: (String) -> String?, itemprops: [(String, HTMLNode)], times: [HTMLNode],
    all: [HTMLNode], url: String?
  ) -> PublicationDate? {
    let found = rawPublicationDate(
      ld: ld, metaValue: metaValue, itemprops: itemprops, times: times, all: all, url: url)
    if let f = found, let u = url, let inURL = dateInURL(u), abs(inURL.dayNumber - f.dayNumber) == 1 {
      return inURL
    }
    return found
  }

  static func rawPublicationDate(
    ld: JSONLDInfo, metaValue: (String) -> String?, itemprops: [(String, HTMLNode)], times: [HTMLNode],
    all: [HTMLNode], url: String?
  ) -> PublicationDate? {
    if let s = ld.datePublished, let d = parseDate(s) { return d }
    for k in dateMetaKeys.prefix(while: { $0 != "og:updated_time" }) {
      if let v = metaValue(k), let d = parseDate(v) { return d }
    }
    for (ip, n) in itemprops where ip == "datepublished" || ip == "datecreated" {
      if let v = n.attribute("content") ?? n.attribute("datetime"), let d = parseDate(v) { return d }
      if let d = DateLineParser().parse(n.innerText) { return d }
    }
    // <time> after the headline first (before it: other articles, "today"), with pubdate /
    // a publish class first.
    let headline = all.first { $0.tag == "h1" }
    var afterHeadline: Set<ObjectIdentifier> = []
    if let h = headline {
      var seen = false
      for n in all {
        if n === h { seen = true }
        if seen && n.tag == "time" { afterHeadline.insert(ObjectIdentifier(n)) }
      }
    } else {
      for t in times { afterHeadline.insert(ObjectIdentifier(t)) }
    }
    func isPreferred(_ t: HTMLNode) -> Bool {
      t.attribute("pubdate") != nil || t.classAndID.contains("publish")
        || t.ancestors.prefix(3).contains { $0.classAndID.contains("publish") }
    }
    let ordered = times.filter { afterHeadline.contains(ObjectIdentifier($0)) }
      + times.filter { !afterHeadline.contains(ObjectIdentifier($0)) && isPreferred($0) }
      + times.filter { !afterHeadline.contains(ObjectIdentifier($0)) && !isPreferred($0) }
    for t in ordered {
      if let v = t.attribute("datetime"), let d = parseDate(v) { return d }
      if let d = DateLineParser().parse(t.innerText) { return d }
    }
    // Visible date lines in elements named like dates or bylines.
    let parser = DateLineParser()
    for n in all where !n.isText {
      let words = BoilerplateRules.words(n.classAndID)
      guard words.contains(where: { ["date", "time", "published", "publish", "pubdate", "datum", "dateline", "byline", "meta", "metadata", "timestamp", "posted", "entry", "created", "postdetails", "tagline"].contains($0) }) else { continue }
      let t = n.innerText
      guard !t.isEmpty, t.unicodeScalars.count <= 150 else { continue }
      if let d = parser.parse(t) { return d }
    }
    if let u = url, let d = dateInURL(u) { return d }
    // A date line in the text after the headline (or anywhere in the body without one).
    let bodyNodes = all.drop { $0.tag != "body" }
    let start = bodyNodes.firstIndex { $0.tag == "h1" } ?? bodyNodes.startIndex
    var looked = 0
    for n in bodyNodes[start...] where n.isText {
      guard let p = n.parent, !["script", "style", "noscript", "template", "option", "a"].contains(p.tag) else { continue }
      let t = HTMLText.collapse(n.text)
      guard !t.isEmpty else { continue }
      looked += 1
      if looked > 400 { break }
      guard t.unicodeScalars.count <= 120 else { continue }
      if let d = parser.parse(t) { return d }
    }
    for k in ["og:updated_time", "article:modified_time", "dc.date.modified", "datemodified", "last-modified"] {
      if let v = metaValue(k), let d = parseDate(v) { return d }
    }
    if let s = ld.dateModified, let d = parseDate(s) { return d }
    return nil
  }

  /// A date in a URL path: `/2024/07/22/`, `/2024-07-22`, `/20240722`.
  static func dateInURL(_ url: String) -> PublicationDate? {
    let b = Array(url.utf8)
    func num(_ i: Int, _ n: Int) -> Int? {
      guard i + n <= b.count else { return nil }
      var v = 0
      for k in i..<(i + n) {
        guard b[k] >= 48 && b[k] <= 57 else { return nil }
        v = v * 10 + Int(b[k] - 48)
      }
      return v
    }
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
