/// Turns byline strings into person names: `"By Jane Doe and John Roe"` → `["Jane Doe",
/// "John Roe"]`; drops "Staff", agency desks, the site name, e-mail addresses, URLs and
/// "View all posts by" links.
enum AuthorCleaner {
  /// Lower-case prefixes removed from a byline.
  static let prefixes = [
    "written by", "posted by", "reported by", "words by", "story by", "text by", "by", "von",
    "par", "por", "di", "door", "av", "autor:", "autorin:", "author:", "authors:", "auteur:",
    "text:", "texte:", "von:", "by:", "verfasst von", "ein beitrag von", "ein kommentar von",
    "view all posts by", "all posts by", "more by", "articles by", "posts by", "post author",
    "author", "autor", "autorin", "veröffentlicht von", "publiziert von", "geschrieben von",
    "erstellt von", "zeige alle beiträge von", "alle beiträge von", "beiträge von", "über",
    "about", "posted", "published by", "redakteur", "redakteurin",
  ]

  /// Words that mark a non-person byline when they are the whole name or part of it.
  static let rejectWords: Set<String> = [
    "staff", "redaktion", "editor", "editors", "editorial", "admin", "administrator", "team",
    "newsroom", "desk", "agencies", "agency", "correspondent", "reporter", "reporters",
    "contributor", "contributors", "guest", "webmaster", "user", "anonymous", "unknown",
    "online", "news", "press", "presse", "media", "redaktion", "nachrichten", "wire", "service",
    "services", "writer", "writers", "gmbh", "ltd", "inc", "verlag", "zeitung", "name",
    "author", "autor", "posted", "veröffentlicht", "publiziert", "gesponserte", "inhalte",
    "kommentar", "kommentare", "sagt", "says", "schreibt", "wrote", "antworten", "reply",
    "email", "e-mail", "mail", "anonym", "gast", "am", "on", "um", "at",
  ]

  /// Cleans one raw byline into zero or more names (order kept, duplicates dropped).
  static func names(from raw: String, siteNames: [String]) -> [String] {
    var s = HTMLText.collapse(raw)
    if s.isEmpty || s.unicodeScalars.count > 200 { return [] }
    // Cut at a line break-like separator or a date: "Jane Doe | 22 July 2024".
    for sep in [" | ", " • ", " · ", "\n", " — ", " – ", " - ", "(", " on ", " am ", " le ", " updated", " published"] {
      if let r = s.range(of: sep), r.lowerBound > s.startIndex {
        s = String(s[..<r.lowerBound])
      }
    }
    s = stripPrefixes(s.trimmingCharacters(in: CharacterSet(charactersIn: " .:,;-–—|/*•·")))
    var parts: [String] = [s]
    for sep in [";", " and ", " und ", " & ", " et ", " y ", " e ", " i ", " og ", " en ", ",", " with "] {
      parts = parts.flatMap { $0.components(separatedBy: sep) }
    }
    var out: [String] = []
    for p in parts {
      let name = stripPrefixes(p).trimmingCharacters(in: CharacterSet(charactersIn: " .:,;-–—|/*•·\"'“”"))
      guard isPlausibleName(name, siteNames: siteNames) else { continue }
      if !out.contains(where: { HTMLText.loose($0) == HTMLText.loose(name) }) { out.append(name) }
    }
    return out
  }

  static func stripPrefixes(_ s: String) -> String {
    var t = s.trimmingCharacters(in: .whitespaces)
    var changed = true
    while changed {
      changed = false
      let lower = t.lowercased()
      for p in prefixes where lower.hasPrefix(p) {
        let rest = t.dropFirst(p.count)
        // "By" must be followed by a space or colon, not be the start of "Byron"; a prefix
        // glued to a capitalised name ("AuthorJane Doe") also counts.
        if let f = rest.first, f.isLetter, !p.hasSuffix(":") {
          let prefixEnd = t[t.index(t.startIndex, offsetBy: p.count - 1)]
          guard f.isUppercase, prefixEnd.isLowercase, p.count >= 4 else { continue }
        }
        t = String(rest).trimmingCharacters(in: CharacterSet(charactersIn: " :"))
        changed = true
        break
      }
    }
    return t
  }

  static func isPlausibleName(_ name: String, siteNames: [String]) -> Bool {
    guard name.unicodeScalars.count >= 3, name.unicodeScalars.count <= 60 else { return false }
    let lower = name.lowercased()
    if lower.contains("@") || lower.contains("http") || lower.contains("www.") || lower.contains(".com")
      || lower.contains("/")
    {
      return false
    }
    // Digits only in a one-word user name ("c1ph4").
    if name.contains(where: { $0.isNumber }) {
      guard !name.contains(" "), name.filter({ $0.isLetter }).count >= 3 else { return false }
    }
    let words = lower.split(whereSeparator: { !$0.isLetter && $0 != "'" && $0 != "-" && $0 != "." })
    guard !words.isEmpty, words.count <= 5 else { return false }
    if words.contains(where: { rejectWords.contains(String($0)) }) { return false }
    guard name.first.map({ $0.isLetter }) ?? false else { return false }
    // Lower-case words: a user name ("gnaddrig") only, not a phrase.
    if name.first?.isLowercase == true && words.count > 2 { return false }
    for site in siteNames where !site.isEmpty {
      if HTMLText.loose(site) == HTMLText.loose(name) { return false }
    }
    return true
  }
}

import Foundation
