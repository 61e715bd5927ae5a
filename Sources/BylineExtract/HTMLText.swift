import Foundation

/// Small text helpers shared by the extractor: whitespace collapsing and normalisation.
enum HTMLText {
  /// Collapses runs of white space (including no-break space and other Unicode spaces) to one
  /// ASCII space and trims both ends. `"  a\n\t b\u{A0}"` → `"a b"`.
  static func collapse(_ s: String) -> String {
    // On UTF-8 bytes: ASCII is copied or recognised as space directly; only multi-byte
    // scalars whose lead byte can start a space or an invisible character are decoded.
    var copy = s
    let out: [UInt8] = copy.withUTF8 { b in
      var out: [UInt8] = []
      out.reserveCapacity(b.count)
      var pendingSpace = false
      var i = 0
      while i < b.count {
        let x = b[i]
        if x < 0x80 {
          if x == 0x20 || (x >= 0x09 && x <= 0x0D) {
            pendingSpace = !out.isEmpty
          } else {
            if pendingSpace { out.append(32) }
            pendingSpace = false
            out.append(x)
          }
          i += 1
          continue
        }
        let (v, end, _) = scalar(in: b, at: i)
        // U+0085, U+00A0, U+00AD (C2); U+1680 (E1); U+2000–U+205F (E2); U+3000 (E3); U+FEFF (EF).
        if x == 0xC2 || x == 0xE1 || x == 0xE2 || x == 0xE3 || x == 0xEF {
          if let u = Unicode.Scalar(v) {
            if isSpace(u) {
              pendingSpace = !out.isEmpty
              i = end
              continue
            }
            if v == 0xAD || v == 0x200B || v == 0xFEFF {  // soft hyphen, zero-width space, BOM
              i = end
              continue
            }
          }
        }
        if pendingSpace { out.append(32) }
        pendingSpace = false
        out.append(contentsOf: UnsafeBufferPointer(rebasing: b[i..<end]))
        i = end
      }
      return out
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// The scalar value of the UTF-8 sequence whose lead byte (≥ 0xC0) is at `i`, the offset
  /// after the sequence, and whether it was whole (a sequence cut off by the end of `b` is
  /// decoded from the bytes there are, and `end` is `b.count`).
  @inline(__always) static func scalar(in b: UnsafeBufferPointer<UInt8>, at i: Int)
    -> (value: UInt32, end: Int, complete: Bool)
  {
    let lead = b[i]
    let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
    var v = UInt32(lead & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07))
    let end = min(i + length, b.count)
    for k in (i + 1)..<end { v = v << 6 | UInt32(b[k] & 0x3F) }
    return (v, end, i + length <= b.count)
  }

  @inline(__always) static func appendUTF8(_ u: Unicode.Scalar, to out: inout [UInt8]) {
    let v = u.value
    if v < 0x80 {
      out.append(UInt8(v))
    } else if v < 0x800 {
      out.append(UInt8(0xC0 | (v >> 6)))
      out.append(UInt8(0x80 | (v & 0x3F)))
    } else if v < 0x10000 {
      out.append(UInt8(0xE0 | (v >> 12)))
      out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
      out.append(UInt8(0x80 | (v & 0x3F)))
    } else {
      out.append(UInt8(0xF0 | (v >> 18)))
      out.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
      out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
      out.append(UInt8(0x80 | (v & 0x3F)))
    }
  }

  /// `s` with every `\n` and `\r` replaced by a space (returned unchanged when it has none).
  static func newlinesToSpaces(_ s: String) -> String {
    guard s.utf8.contains(where: { $0 == 10 || $0 == 13 }) else { return s }
    return String(decoding: s.utf8.map { $0 == 10 || $0 == 13 ? 32 : $0 }, as: UTF8.self)
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

  /// The byte ranges of the lines of `b` (UTF-8) holding a scalar that NFC could change or
  /// compose, in order; empty when the text is certainly NFC already.
  static func composingLines(_ b: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
    var out: [Range<Int>] = []
    var i = 0
    let raw = UnsafeRawBufferPointer(b)
    while i < b.count {
      // Eight ASCII bytes at a time (most of a page is markup and ASCII text).
      if i + 8 <= b.count, raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
        i += 8
        continue
      }
      // A byte below 0xCC is ASCII, a continuation byte, or the lead of a scalar below
      // U+0300, none of which composes. Only the rest is decoded and looked up.
      let lead = b[i]
      if lead < 0xCC {
        i += 1
        continue
      }
      let at = i
      let (v, end, complete) = scalar(in: b, at: i)
      i = end
      guard !complete || mayCompose(v) else { continue }
      var lineStart = at
      while lineStart > 0, b[lineStart - 1] != 0x0A { lineStart -= 1 }
      if let last = out.last, last.upperBound > lineStart { lineStart = last.upperBound }
      var lineEnd = i
      while lineEnd < b.count, b[lineEnd] != 0x0A { lineEnd += 1 }
      out.append(lineStart..<lineEnd)
      i = lineEnd
    }
    return out
  }

  /// NFC. Text with no scalar that can take part in composition is returned as is: Foundation's
  /// normaliser copies through UTF-16 and was a tenth of extraction time on pages already in NFC.
  /// Otherwise only the lines holding such scalars are normalised (composition never reaches
  /// across a line feed), so one accent in a page's script does not send the whole page
  /// through Foundation.
  static func nfc(_ s: String) -> String {
    var copy = s
    // Byte ranges of the lines that may change, in order.
    let lines = copy.withUTF8 { composingLines($0) }
    guard !lines.isEmpty else { return s }
    var bytes = Array(s.utf8)
    var result: [UInt8] = []
    result.reserveCapacity(bytes.count + 16)
    var done = 0
    for r in lines {
      result.append(contentsOf: bytes[done..<r.lowerBound])
      let line = String(decoding: bytes[r], as: UTF8.self)
      result.append(contentsOf: line.precomposedStringWithCanonicalMapping.utf8)
      done = r.upperBound
    }
    result.append(contentsOf: bytes[done...])
    bytes = []
    return String(decoding: result, as: UTF8.self)
  }

  /// True when the scalar `v` (≥ U+0300) is a combining mark or composes with the scalar
  /// before it, so NFC could change the text around it.
  private static func mayCompose(_ v: UInt32) -> Bool {
    // Blocks with neither (Greek and Cyrillic letters, punctuation and symbols, kana, CJK
    // ideographs, Hangul syllables) skip the Unicode property look-up. A Hangul syllable can
    // take a trailing jamo; the jamo itself is checked below.
    switch v {
    case 0x370...0x482, 0x48A...0x52F, 0x2000...0x20CF, 0x2100...0x2BFF, 0x3000...0x3029,
      0x3030...0x3098, 0x309B...0x30FF, 0x4E00...0x9FFF, 0xAC00...0xD7A3, 0xFF00...0xFFEF:
      return false
    default:
      break
    }
    guard let u = Unicode.Scalar(v) else { return false }
    return u.properties.canonicalCombiningClass != .notReordered || (0x1100...0x11FF).contains(v)
      || (0x3099...0x309A).contains(v) || (0x0CC2...0x0D57).contains(v)
      || (0x0B3E...0x0BD7).contains(v) || (0x09BE...0x09D7).contains(v)
      || v == 0x102E || (0x1161...0x11C2).contains(v)
  }

  /// The range of the last (or first) occurrence of `needle` in `haystack`, compared byte for
  /// byte (no canonical-equivalence matching, no Foundation bridging: Foundation decomposed
  /// both strings on every call). Meant for ASCII needles such as title separators.
  static func range(of needle: String, in haystack: String, backwards: Bool = false) -> Range<String.Index>? {
    let h = Array(haystack.utf8)
    let n = Array(needle.utf8)
    guard !n.isEmpty, h.count >= n.count else { return nil }
    let last = h.count - n.count
    var i = backwards ? last : 0
    while i >= 0 && i <= last {
      if h[i] == n[0] {
        var k = 1
        while k < n.count, h[i + k] == n[k] { k += 1 }
        if k == n.count {
          let u = haystack.utf8
          let lower = u.index(u.startIndex, offsetBy: i)
          return lower..<u.index(lower, offsetBy: n.count)
        }
      }
      i += backwards ? -1 : 1
    }
    return nil
  }

  /// Substring test on UTF-8 bytes (no Foundation bridging).
  static func contains(_ haystack: String, _ needle: String) -> Bool {
    var hs = haystack
    var ns = needle
    return hs.withUTF8 { h in ns.withUTF8 { n in contains(h, n) } }
  }

  static func contains(_ h: UnsafeBufferPointer<UInt8>, _ n: UnsafeBufferPointer<UInt8>) -> Bool {
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

  /// `s` without the leading and trailing scalars in `set` (all scalars of `set` must be
  /// single UTF-16 units' worth, as `trimmingCharacters(in:)` would see them).
  static func trimming(_ s: String, _ set: Set<Unicode.Scalar>) -> String {
    let scalars = s.unicodeScalars
    guard let first = scalars.firstIndex(where: { !set.contains($0) }) else { return "" }
    let last = scalars.lastIndex(where: { !set.contains($0) })!
    return String(scalars[first...last])
  }

  /// `s` without leading and trailing white space (``isSpace(_:)``); `s` itself when there is
  /// none to remove.
  static func trimmingSpaces(_ s: String) -> String {
    let scalars = s.unicodeScalars
    guard let first = scalars.firstIndex(where: { !isSpace($0) }) else { return "" }
    let last = scalars.lastIndex(where: { !isSpace($0) })!
    if first == scalars.startIndex && scalars.index(after: last) == scalars.endIndex { return s }
    return String(scalars[first...last])
  }

  /// Lower-cased, letters and digits only, single spaces: for loose comparisons.
  static func loose(_ s: String) -> String {
    // ASCII text on bytes (same result: ASCII letters and digits are the only ASCII letters
    // and numbers).
    if s.utf8.allSatisfy({ $0 < 0x80 }) {
      var out: [UInt8] = []
      out.reserveCapacity(s.utf8.count)
      var space = false
      for var b in s.utf8 {
        if b >= 65 && b <= 90 { b += 32 }
        if (b >= 97 && b <= 122) || (b >= 48 && b <= 57) {
          if space && !out.isEmpty { out.append(32) }
          space = false
          out.append(b)
        } else {
          space = true
        }
      }
      return String(decoding: out, as: UTF8.self)
    }
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
      // ASCII without a CharacterSet look-up (same answer: letters and digits).
      let w = u.value < 0x80
        ? (u.value >= 48 && u.value <= 57) || (u.value | 0x20 >= 97 && u.value | 0x20 <= 122)
        : CharacterSet.alphanumerics.contains(u)
      if w && !inWord { n += 1 }
      inWord = w
    }
    return n
  }
}
