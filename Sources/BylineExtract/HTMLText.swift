import Foundation

/// Small text helpers shared by the extractor: whitespace collapsing and normalisation.
enum HTMLText {
  /// Collapses runs of white space (including no-break space and other Unicode spaces) to one
  /// ASCII space and trims both ends. `"  a\n\t b\u{A0}"` → `"a b"`.
  static func collapse(_ s: String) -> String {
    var out = String.UnicodeScalarView()
    var pendingSpace = false
    for u in s.unicodeScalars {
      if isSpace(u) {
        pendingSpace = !out.isEmpty
      } else if u.value == 0xAD || u.value == 0x200B || u.value == 0xFEFF {
        continue  // soft hyphen, zero-width space, BOM: invisible
      } else {
        if pendingSpace { out.append(" ") }
        pendingSpace = false
        out.append(u)
      }
    }
    return String(out)
  }

  static func isSpace(_ u: Unicode.Scalar) -> Bool {
    switch u.value {
    case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029,
      0x202F, 0x205F, 0x3000:
      return true
    default:
      return false
    }
  }

  /// NFC. Text with no scalar that can take part in composition is returned as is: Foundation's
  /// normaliser copies through UTF-16 and was a tenth of extraction time on pages already in NFC.
  static func nfc(_ s: String) -> String {
    for u in s.unicodeScalars where u.value >= 0x300 {
      if u.properties.canonicalCombiningClass != .notReordered || (0x1100...0x11FF).contains(u.value)
        || (0x3099...0x309A).contains(u.value) || (0x0CC2...0x0D57).contains(u.value)
        || (0x0B3E...0x0BD7).contains(u.value) || (0x09BE...0x09D7).contains(u.value)
        || (0x102E...0x102E).contains(u.value) || (0x1161...0x11C2).contains(u.value)
      {
        return s.precomposedStringWithCanonicalMapping
      }
    }
    return s
  }

  /// Substring test on UTF-8 bytes (no Foundation bridging).
  static func contains(_ haystack: String, _ needle: String) -> Bool {
    let h = Array(haystack.utf8)
    let n = Array(needle.utf8)
    guard !n.isEmpty else { return true }
    guard h.count >= n.count else { return false }
    let first = n[0]
    var i = 0
    while i <= h.count - n.count {
      if h[i] == first {
        var k = 1
        while k < n.count, h[i + k] == n[k] { k += 1 }
        if k == n.count { return true }
      }
      i += 1
    }
    return false
  }

  /// Lower-cased, letters and digits only, single spaces: for loose comparisons.
  static func loose(_ s: String) -> String {
    var out = ""
    var space = false
    for ch in s.lowercased() {
      if ch.isLetter || ch.isNumber {
        if space && !out.isEmpty { out.append(" ") }
        space = false
        out.append(ch)
      } else {
        space = true
      }
    }
    return out
  }

  /// Number of words (runs of letters/digits).
  static func wordCount(_ s: String) -> Int {
    var n = 0
    var inWord = false
    for u in s.unicodeScalars {
      let w = CharacterSet.alphanumerics.contains(u)
      if w && !inWord { n += 1 }
      inWord = w
    }
    return n
  }
}
