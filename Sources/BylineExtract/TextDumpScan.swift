/// Small Unicode-scalar helpers for the page-dump extractor (lines are short, so they work on
/// `unicodeScalars`, never on `Character` indices).
enum TextDumpScan {
  /// Space-like scalars that pages use between words (space, tab, NBSP, thin spaces, CR, BOM).
  static func isSpace(_ s: Unicode.Scalar) -> Bool {
    switch s.value {
    case 0x20, 0x09, 0x0D, 0xA0, 0x2000...0x200B, 0x202F, 0x205F, 0x3000, 0xFEFF: return true
    default: return false
    }
  }

  /// A scalar of a `\w+` word: letters, digits, marks, underscore.
  static func isWord(_ s: Unicode.Scalar) -> Bool {
    if s.value < 0x80 {
      let v = s.value
      return (v >= 48 && v <= 57) || (v >= 65 && v <= 90) || (v >= 97 && v <= 122) || v == 95
    }
    let p = s.properties
    return p.isAlphabetic || p.numericType != nil || p.generalCategory == .nonspacingMark
      || p.generalCategory == .spacingMark
  }

  /// Chinese, Japanese and Korean script scalars, written without spaces between words.
  static func isCJK(_ s: Unicode.Scalar) -> Bool {
    switch s.value {
    case 0x3040...0x30FF, 0x3400...0x9FFF, 0xAC00...0xD7AF, 0xF900...0xFAFF: return true
    default: return false
    }
  }

  /// The string without leading and trailing space-like scalars.
  static func trim(_ string: some StringProtocol) -> String {
    let scalars = Array(string.unicodeScalars)
    guard let first = scalars.firstIndex(where: { !isSpace($0) }) else { return "" }
    let last = scalars.lastIndex(where: { !isSpace($0) })!
    var view = String.UnicodeScalarView()
    view.append(contentsOf: scalars[first...last])
    return String(view)
  }

  /// The `\w+` words of a line, lowercased.
  static func words(_ string: String) -> [String] {
    var out: [String] = []
    var cur = String.UnicodeScalarView()
    for s in string.unicodeScalars {
      if isWord(s) {
        cur.append(s)
      } else if !cur.isEmpty {
        out.append(String(cur).lowercased())
        cur = String.UnicodeScalarView()
      }
    }
    if !cur.isEmpty { out.append(String(cur).lowercased()) }
    return out
  }

  /// Bullet glyphs that page dumps put before list items.
  static func isBulletGlyph(_ s: Unicode.Scalar) -> Bool {
    switch s.value {
    case 0x2022, 0xB7, 0x25AA, 0x25CF, 0x25E6, 0x2023, 0x2043, 0x2219, 0x2A: return true
    default: return false
    }
  }

  /// The line without a leading bullet glyph ("  • Syria" → "Syria"), trimmed; nil when the
  /// line has no bullet.
  static func stripBullet(_ line: some StringProtocol) -> String? {
    let t = trim(line)
    var it = t.unicodeScalars.makeIterator()
    guard let first = it.next(), isBulletGlyph(first) else { return nil }
    guard let second = it.next(), isSpace(second) else { return nil }
    return trim(Substring(t.unicodeScalars.dropFirst(2)))
  }

  /// True when the line ends a sentence: `.`, `!`, `?`, `:`, `;`, `…` or CJK stops, possibly
  /// followed by closing quotes or brackets.
  static func endsSentence(_ line: String) -> Bool {
    for s in line.unicodeScalars.reversed() {
      switch s.value {
      case 0x22, 0x27, 0x29, 0x5D, 0x201D, 0x2019, 0x300D, 0x300F, 0xBB: continue  // closers
      case 0x2E, 0x21, 0x3F, 0x3A, 0x3B, 0x2026, 0x3002, 0xFF01, 0xFF1F: return true
      default:
        // Trailing emoji and symbols ("… soon! 🙂") do not hide the stop before them.
        if isSpace(s) || s.properties.generalCategory == .otherSymbol || s.value == 0xFE0F { continue }
        return false
      }
    }
    return false
  }

  /// True when the line ends with ":" (a list or quote follows).
  static func endsWithColon(_ line: String) -> Bool {
    line.unicodeScalars.last == ":" || line.unicodeScalars.last == "\u{FF1A}"
  }

  /// True when the line is a cut-off teaser: it ends in "...", "…", "[…]" or "[...]".
  static func endsTruncated(_ line: String) -> Bool {
    var t = line
    if t.hasSuffix("]"), let open = t.lastIndex(of: "[") { t = String(t[t.index(after: open)...].dropLast()) }
    return t.hasSuffix("...") || t.hasSuffix("…")
  }
}
