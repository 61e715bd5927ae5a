import BylineCore

/// Drops furniture blocks from the collected content: link lists, "Read more: …", share
/// counts, the headline repeated, byline and date lines, photo credits. Also finds a
/// "Source: Agencies" line (kept in the text, returned as the source line).
enum BlockFilter {
  static func filter(_ blocks: [RawBlock], metadata: ArticleMetadata) -> ([RawBlock], String?) {
    var out: [RawBlock] = []
    var sourceLine: String?
    let titleLoose = metadata.title.map(HTMLText.loose) ?? ""
    let titleBytes = metadata.title?.utf8.count ?? 0
    let parser = DateLineParser()
    // Long paragraphs seen so far, by a hash of their bytes (hashing a String normalises it
    // scalar by scalar, which cost more than the rest of the filter).
    var seen: [Int: [String]] = [:]
    for (i, b) in blocks.enumerated() {
      let text = b.text
      // The same paragraph twice (pages that hold a second copy of the article).
      if text.unicodeScalars.count >= 150 {
        var hasher = Hasher()
        var copy = text
        copy.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        let key = hasher.finalize()
        if seen[key]?.contains(text) == true { continue }
        seen[key, default: []].append(text)
      }
      let words = HTMLText.wordCount(text)
      // Link lists and "Read more" teasers.
      if b.linkDensity > 0.5 && (b.kind != .paragraph || words < 40 || b.linkDensity > 0.8) { continue }
      if BoilerplateRules.isBoilerplateBlock(text, linkDensity: b.linkDensity) { continue }
      // The headline again (compared loosely only where a headline can be: loosening every
      // paragraph was a twentieth of extraction time).
      // A block much longer than the title cannot equal it, loosely or not.
      if !titleLoose.isEmpty, i < 6 || b.kind == .heading, text.utf8.count <= 2 * titleBytes + 16,
        HTMLText.loose(text) == titleLoose
      {
        continue
      }
      if b.tag == "h1" && out.isEmpty { continue }
      // Byline: "By Jane Doe", "Von Max Muster | 22.07.2024".
      if words <= 14, !ContentScorer.endsSentence(text) || text.hasSuffix(".") && words <= 6 {
        let lower = text.lowercased()
        if words <= 10, ["by ", "von ", "par ", "por ", "door ", "written by", "posted by", "autor"].contains(where: { lower.hasPrefix($0) })
          && !lower.hasPrefix("by the ")
        {
          continue
        }
        // A date line: "Published: 22 July 2024 18:17", "22.07.2024".
        if let m = parser.firstMatch(in: text), !HTMLText.contains(text, ". ") {
          let bytes = Array(text.utf8)
          let outside = String(decoding: bytes[..<m.utf8Start] + bytes[m.utf8End...], as: UTF8.self)
          if HTMLText.wordCount(outside) <= 5 { continue }
        }
      }
      if let s = sourceCredit(text) {
        if sourceLine == nil { sourceLine = s }
      }
      out.append(b)
    }
    return (out, sourceLine)
  }

  /// "Source: Agencies" → "Agencies"; nil for anything longer than a short credit.
  static func sourceCredit(_ text: String) -> String? {
    // Only the start matters: lower-casing whole paragraphs was a hot spot.
    let lower = String(text.prefix(12)).lowercased()
    for p in ["source:", "sources:", "quelle:", "source :", "fuente:", "fonte:"] where lower.hasPrefix(p) {
      let rest = text.dropFirst(p.count).trimmingCharacters(in: .whitespaces)
      if !rest.isEmpty && HTMLText.wordCount(rest) <= 8 { return rest }
    }
    return nil
  }
}

import Foundation
