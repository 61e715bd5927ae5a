import Foundation

/// What a page's JSON-LD (`<script type="application/ld+json">`) says about the article.
///
/// Objects are looked for at the top level, in arrays and in `@graph`; an object whose
/// `@type` names an article (`NewsArticle`, `BlogPosting`, `Report`…) is preferred over a
/// `WebPage`. Invalid JSON is skipped.
struct JSONLDInfo {
  var headline: String?
  var authors: [String] = []
  var datePublished: String?
  var dateModified: String?
  var keywords: [String] = []
  var publisherName: String?
  var language: String?
  /// The article text some pages put in JSON-LD (`articleBody`), raw.
  var articleBody: String?
}

enum JSONLDReader {
  static let articleTypes: Set<String> = [
    "article", "newsarticle", "blogposting", "reportagenewsarticle", "analysisnewsarticle",
    "opinionnewsarticle", "backgroundnewsarticle", "reviewnewsarticle", "report",
    "liveblogposting", "scholarlyarticle", "techarticle", "socialmediaposting", "posting",
    "advertisercontentarticle", "satiricalarticle", "askpublicnewsarticle", "medicalscholarlyarticle",
  ]

  static func read(_ scripts: [String]) -> JSONLDInfo {
    var objects: [[String: Any]] = []
    for raw in scripts {
      // Trimmed by scalars (Foundation's trimming copied every script through UTF-16).
      var cleaned = HTMLText.trimmingSpaces(raw)
      // (Checked on bytes first: the Foundation replacement bridges the whole script.)
      if HTMLText.contains(cleaned, "<!--") || HTMLText.contains(cleaned, "-->") {
        cleaned = cleaned.replacingOccurrences(of: "<!--", with: "").replacingOccurrences(of: "-->", with: "")
      }
      // Raw line breaks and tabs inside strings make JSON invalid; many pages have them.
      var flattened: String {
        String(String.UnicodeScalarView(cleaned.unicodeScalars.map { $0.value < 0x20 ? " " : $0 }))
      }
      let json =
        cleaned.data(using: .utf8).flatMap { try? JSONSerialization.jsonObject(with: $0, options: [.fragmentsAllowed]) }
        ?? flattened.data(using: .utf8).flatMap { try? JSONSerialization.jsonObject(with: $0, options: [.fragmentsAllowed]) }
      guard let json else {
        // Broken JSON (trailing commas, stray quotes): take the plain fields by hand.
        if let d = rawField("datePublished", in: flattened) { objects.append(["datePublished": d]) }
        continue
      }
      collect(json, into: &objects, depth: 0)
    }
    var info = JSONLDInfo()
    var byID: [String: [String: Any]] = [:]
    for o in objects {
      if let id = o["@id"] as? String, o["name"] != nil, byID[id] == nil { byID[id] = o }
    }
    // Yoast-style graphs refer to the author by "@id" only: resolve such references.
    func resolved(_ v: Any?) -> Any? {
      if let o = v as? [String: Any], o["name"] == nil, let id = o["@id"] as? String, let r = byID[id] {
        return r
      }
      if let a = v as? [Any] { return a.map { resolved($0) ?? $0 } }
      return v
    }
    let articles = objects.filter { types($0).contains { articleTypes.contains($0) } }
    let pages = objects.filter { types($0).contains { $0.hasSuffix("webpage") } }
    let main = articles.first ?? pages.first
    if let a = main {
      info.headline = string(a["headline"]) ?? (articles.isEmpty ? nil : string(a["name"]))
      info.authors = names(resolved(a["author"])) + (names(a["author"]).isEmpty ? names(resolved(a["creator"])) : [])
      info.datePublished = string(a["datePublished"]) ?? string(a["dateCreated"])
      info.dateModified = string(a["dateModified"])
      info.keywords = list(a["keywords"])
      // A person as publisher (personal blogs) is not a site name.
      if let pub = resolved(a["publisher"]) as? [String: Any], types(pub).contains("person") {
        info.publisherName = nil
      } else {
        info.publisherName = names(resolved(a["publisher"])).first
      }
      info.language = string(a["inLanguage"])
      info.articleBody = a["articleBody"] as? String
    }
    if info.datePublished == nil {
      for o in objects {
        if let d = string(o["datePublished"]) {
          info.datePublished = d
          break
        }
      }
    }
    if info.publisherName == nil {
      info.publisherName = objects.first {
        (types($0).contains("organization") || types($0).contains("newsmediaorganization"))
          && !types($0).contains("person")
      }
        .flatMap { string($0["name"]) }
    }
    return info
  }

  /// The string value of `"name": "…"` in raw text, or nil.
  static func rawField(_ name: String, in text: String) -> String? {
    guard let r = text.range(of: "\"" + name + "\"") else { return nil }
    var rest = text[r.upperBound...].drop { $0 == " " }
    guard rest.first == ":" else { return nil }
    rest = rest.dropFirst().drop { $0 == " " }
    guard rest.first == "\"" else { return nil }
    let value = rest.dropFirst().prefix { $0 != "\"" }
    return value.isEmpty ? nil : String(value)
  }

  private static func collect(_ json: Any, into out: inout [[String: Any]], depth: Int) {
    guard depth < 6 else { return }
    if let arr = json as? [Any] {
      for x in arr { collect(x, into: &out, depth: depth + 1) }
    } else if let obj = json as? [String: Any] {
      out.append(obj)
      if let g = obj["@graph"] { collect(g, into: &out, depth: depth + 1) }
      if let m = obj["mainEntity"] { collect(m, into: &out, depth: depth + 1) }
      if let m = obj["mainEntityOfPage"] as? [String: Any], m["headline"] != nil {
        collect(m, into: &out, depth: depth + 1)
      }
    }
  }

  static func types(_ o: [String: Any]) -> [String] {
    if let t = o["@type"] as? String { return [t.lowercased()] }
    if let t = o["@type"] as? [Any] { return t.compactMap { ($0 as? String)?.lowercased() } }
    return []
  }

  static func string(_ v: Any?) -> String? {
    if let s = v as? String {
      let t = HTMLText.collapse(s)
      return t.isEmpty ? nil : t
    }
    if let a = v as? [Any], let first = a.first { return string(first) }
    if let o = v as? [String: Any] { return string(o["@value"]) }
    return nil
  }

  /// Names from a string, a `{name: …}` object (people and organisations) or an array of them.
  static func names(_ v: Any?) -> [String] {
    if let s = string(v as? String) { return [s] }
    if let o = v as? [String: Any] {
      if let n = string(o["name"]) { return [n] }
      let given = string(o["givenName"]) ?? ""
      let family = string(o["familyName"]) ?? ""
      let full = HTMLText.collapse(given + " " + family)
      return full.isEmpty ? [] : [full]
    }
    if let a = v as? [Any] { return a.flatMap { names($0) } }
    return []
  }

  static func list(_ v: Any?) -> [String] {
    if let s = v as? String {
      return s.split(separator: ",").map { HTMLText.collapse(String($0)) }.filter { !$0.isEmpty }
    }
    if let a = v as? [Any] { return a.compactMap { string($0) } }
    return []
  }
}
