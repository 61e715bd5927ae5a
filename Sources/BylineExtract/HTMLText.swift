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

  /// NFC.
  static func nfc(_ s: String) -> String { s.precomposedStringWithCanonicalMapping }

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
