/// Removes the site name from a page title: `"Storm hits coast | The Daily"` → `"Storm hits
/// coast"`, `"Die Zeit - Storm"` → `"Storm"` when "Die Zeit" is the site.
///
/// A segment split off by ` | `, ` - `, ` – `, ` — `, ` :: `, ` · `, ` • `, ` » ` is removed
/// when it names the site (the `siteNames` given, or the host's name from the URL); a last
/// ` | ` segment of at most six words is removed even when the site is unknown.
enum TitleCleaner {
  static let separators = [" | ", " – ", " — ", " - ", " :: ", " · ", " • ", " » ", " « ", " / ", " ~ "]

  static func clean(_ raw: String, siteNames: [String], host: String?) -> String {
    var title = HTMLText.collapse(raw)
    for _ in 0..<2 {
      var changed = false
      for sep in separators {
        guard let r = HTMLText.range(of: sep, in: title, backwards: true) else { continue }
        let head = String(title[..<r.lowerBound]).trimmingCharacters(in: .whitespaces)
        let tail = String(title[r.upperBound...]).trimmingCharacters(in: .whitespaces)
        if !head.isEmpty, isSite(tail, siteNames: siteNames, host: host) {
          title = head
          changed = true
          break
        }
        if sep == " | ", HTMLText.wordCount(tail) <= 6, HTMLText.wordCount(head) >= 2 {
          title = head
          changed = true
          break
        }
        if let f = HTMLText.range(of: sep, in: title) {
          let first = String(title[..<f.lowerBound]).trimmingCharacters(in: .whitespaces)
          let rest = String(title[f.upperBound...]).trimmingCharacters(in: .whitespaces)
          if !rest.isEmpty, isSite(first, siteNames: siteNames, host: host) {
            title = rest
            changed = true
            break
          }
        }
      }
      if !changed { break }
    }
    return title
  }

  /// True when `segment` names the site: equal (loosely) to a site name, or containing the
  /// host's main label (`spiegel` for www.spiegel.de), or the host itself.
  static func isSite(_ segment: String, siteNames: [String], host: String?) -> Bool {
    let seg = HTMLText.loose(segment)
    guard !seg.isEmpty else { return false }
    for s in siteNames {
      let l = HTMLText.loose(s)
      if !l.isEmpty && (l == seg || (seg.count >= 4 && l.hasPrefix(seg)) || (l.count >= 4 && seg.hasPrefix(l))) {
        return true
      }
    }
    if let host, HTMLText.wordCount(segment) <= 5 {
      let squashed = seg.replacingOccurrences(of: " ", with: "")
      let label = hostLabel(host)
      if label.count >= 3 && (squashed.contains(label) || label.contains(squashed) && squashed.count >= 4) {
        return true
      }
    }
    return false
  }

  /// The registrable label of a host: "www.nytimes.com" → "nytimes", "bbc.co.uk" → "bbc".
  static func hostLabel(_ host: String) -> String {
    var parts = host.lowercased().split(separator: ".").map(String.init)
    if parts.count > 2, ["www", "m", "amp", "mobile"].contains(parts[0]) { parts.removeFirst() }
    if parts.count > 1 { parts.removeLast() }
    let secondLevel: Set<String> = ["co", "com", "org", "net", "gov", "ac", "ne", "or", "go"]
    if parts.count > 1, secondLevel.contains(parts[parts.count - 1]) { parts.removeLast() }
    return (parts.last ?? "").replacingOccurrences(of: "-", with: "")
  }

  /// The host of a URL string, or nil.
  static func host(of url: String?) -> String? {
    guard let url, let r = url.range(of: "://") else { return nil }
    let rest = url[r.upperBound...]
    let h = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" && $0 != ":" }
    return h.isEmpty ? nil : String(h)
  }
}

import Foundation
