#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Splits an HTML page (UTF-8 bytes) into start tags, end tags and text, the way browsers do
/// for the cases pages contain: comments, doctypes and processing instructions are skipped;
/// `<script>`, `<style>` and the other raw-text elements keep their content as one text run;
/// text that needs no decoding is handed over as a byte range, not a String;
/// `&…;` references are decoded in text and attribute values; a `<` that opens no tag is text.
///
/// It never fails: truncated tags, unterminated comments and stray bytes end as text or are
/// dropped, so any input yields a token stream. Runs in one pass over the bytes, without
/// backtracking beyond a raw-text element's end tag search.
struct HTMLTokenizer {
  /// What the tokenizer found; handed to the `run` callback in page order.
  enum Token {
    /// `<name …>`: lower-cased name, attributes (lower-cased names, decoded values, page order)
    /// and whether it ended in `/>`.
    case start(name: String, attributes: [(name: String, value: String)], selfClosing: Bool)
    /// `</name>`, lower-cased.
    case end(name: String)
    /// Character data, references decoded; never empty.
    case text(String)
    /// Character data that needs no decoding: these bytes of the input, as they are; never
    /// empty.
    case rawText(Range<Int>)
  }

  /// Elements whose content is text up to their own end tag (no markup inside).
  private static let rawText: Set<String> = [
    "script", "style", "xmp", "iframe", "noembed", "noframes", "textarea", "title",
  ]
  // Of these, `textarea` and `title` still have `&…;` references decoded (see `readRawText`).

  /// ``rawText`` membership without hashing every tag name (most tags are 1–3 letters).
  private static func isRawText(_ name: String) -> Bool {
    let n = name.utf8.count
    guard n >= 3, n <= 8 else { return false }
    return rawText.contains(name)
  }

  private let p: UnsafeBufferPointer<UInt8>
  private var i = 0
  /// Attribute names whose values are kept; nil keeps every attribute.
  private let keptAttributes: NameSet?

  /// A small set of ASCII names matched on raw bytes, ASCII case ignored (no String, no hash).
  struct NameSet: Sendable {
    /// Lower-cased names by length.
    private let byLength: [[[UInt8]]]

    init(_ names: Set<String>) {
      var table = [[[UInt8]]](repeating: [], count: 33)
      for n in names where n.utf8.count < 33 { table[n.utf8.count].append(Array(n.lowercased().utf8)) }
      byLength = table
    }

    func contains(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
      guard b.count < byLength.count else { return false }
      candidates: for name in byLength[b.count] {
        for k in 0..<b.count {
          var c = b[k]
          if c >= 0x41 && c <= 0x5A { c |= 0x20 }
          if c != name[k] { continue candidates }
        }
        return true
      }
      return false
    }
  }

  /// A tokenizer over `bytes` (UTF-8); with `keptAttributes`, start tags carry only those
  /// attributes (the others are parsed past but not decoded or copied).
  init(_ bytes: UnsafeBufferPointer<UInt8>, keptAttributes: NameSet? = nil) {
    p = bytes
    self.keptAttributes = keptAttributes
  }

  /// Tokenizes the whole input, calling `emit` for each token in order.
  mutating func run(_ emit: (Token) -> Void) {
    let n = p.count
    var textStart = 0
    while i < n {
      // Skip to the next '<' (the text run in between is flushed when a tag really starts).
      guard p[i] == 0x3C else {
        i = next(0x3C, from: i)
        continue
      }
      let tagStart = i
      guard i + 1 < n else { break }
      let c = p[i + 1]
      if c == 0x21 || c == 0x3F {  // "<!" comment/doctype/CDATA, "<?" processing instruction
        flushText(textStart, tagStart, emit)
        skipMarkupDeclaration()
        textStart = i
      } else if c == 0x2F {  // "</"
        if i + 2 < n, Self.isAlpha(p[i + 2]) {
          flushText(textStart, tagStart, emit)
          i += 2
          let name = readName()
          skipPast(0x3E)
          emit(.end(name: name))
          textStart = i
        } else if i + 2 < n, p[i + 2] == 0x3E {  // "</>" is dropped
          flushText(textStart, tagStart, emit)
          i += 3
          textStart = i
        } else if i + 2 < n {  // "</ …>" and "</3>" are bogus comments
          flushText(textStart, tagStart, emit)
          skipPast(0x3E)
          textStart = i
        } else {
          i += 1
        }
      } else if Self.isAlpha(c) {
        flushText(textStart, tagStart, emit)
        i += 1
        let name = readName()
        let (attributes, selfClosing) = readAttributes()
        emit(.start(name: name, attributes: attributes, selfClosing: selfClosing))
        if !selfClosing, Self.isRawText(name) {
          readRawText(name, emit)
        }
        textStart = i
      } else {
        i += 1  // a '<' that starts no tag ("a < b") stays in the text run
      }
    }
    flushText(textStart, n, emit)
  }

  // MARK: - Pieces

  @inline(__always) private static func isAlpha(_ b: UInt8) -> Bool {
    (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A
  }

  /// HTML white space: space, tab, line feed, form feed, carriage return.
  @inline(__always) static func isSpace(_ b: UInt8) -> Bool {
    b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D || b == 0x0C
  }

  private func flushText(_ start: Int, _ end: Int, _ emit: (Token) -> Void) {
    guard end > start else { return }
    emitText(start, end, decoding: true, emit)
  }

  /// Emits `p[start..<end]`: as a byte range when it holds nothing to decode or drop, else
  /// decoded (references when `decoding`; control bytes always).
  private func emitText(_ start: Int, _ end: Int, decoding: Bool, _ emit: (Token) -> Void) {
    let raw = UnsafeBufferPointer(rebasing: p[start..<end])
    if !Self.needsDecoding(raw, references: decoding) {
      emit(.rawText(start..<end))
      return
    }
    let s = decoding ? Self.decode(raw) : Self.dropControls(raw)
    if !s.isEmpty { emit(.text(s)) }
  }

  /// True when `b` holds a control byte other than white space, or (with `references`) an
  /// `&`. Eight bytes at a time: most text has neither.
  private static func needsDecoding(_ b: UnsafeBufferPointer<UInt8>, references: Bool) -> Bool {
    let raw = UnsafeRawBufferPointer(b)
    var i = 0
    while i + 8 <= b.count {
      let x = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
      let ones: UInt64 = 0x0101_0101_0101_0101
      let high: UInt64 = 0x8080_8080_8080_8080
      // A byte below 0x20 (any control, white space included), or an '&' (a zero byte in
      // x ^ 0x26…): only then are the eight bytes looked at one by one.
      let control = (x &- ones &* 0x20) & ~x & high
      let amp = references ? ((x ^ (ones &* 0x26)) &- ones) & ~(x ^ (ones &* 0x26)) & high : 0
      if control | amp != 0 {
        for k in i..<(i + 8) where (b[k] == 0x26 && references) || (b[k] < 0x20 && !isSpace(b[k])) {
          return true
        }
      }
      i += 8
    }
    while i < b.count {
      if (b[i] == 0x26 && references) || (b[i] < 0x20 && !isSpace(b[i])) { return true }
      i += 1
    }
    return false
  }

  /// `bytes` without C0 control bytes other than white space.
  private static func dropControls(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
    String(decoding: bytes.filter { !($0 < 0x20 && !isSpace($0)) }, as: UTF8.self)
  }

  /// Advances past the next `byte` (to the end when there is none).
  private mutating func skipPast(_ byte: UInt8) {
    i = next(byte, from: i)
    if i < p.count { i += 1 }
  }

  /// The offset of the next `byte` at or after `from`, or the end. `memchr` scans many bytes
  /// per step: text runs and script bodies are most of a page.
  private func next(_ byte: UInt8, from: Int) -> Int {
    guard from < p.count, let base = p.baseAddress else { return p.count }
    guard let hit = memchr(base + from, Int32(byte), p.count - from) else { return p.count }
    return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
  }

  /// At `<!` or `<?`: skips a comment (`<!-- … -->`, unterminated: to the end), a CDATA section
  /// or any other declaration up to its `>`.
  private mutating func skipMarkupDeclaration() {
    if i + 3 < p.count, p[i + 1] == 0x21, p[i + 2] == 0x2D, p[i + 3] == 0x2D {
      let k = i + 4
      // "<!-->" and "<!--->" are complete (empty) comments.
      if k < p.count, p[k] == 0x3E {
        i = k + 1
        return
      }
      if k + 1 < p.count, p[k] == 0x2D, p[k + 1] == 0x3E {
        i = k + 2
        return
      }
      i = end(of: 0x2D, from: k)  // "-->"
      return
    }
    if matches("<![CDATA[", at: i) {
      i = end(of: 0x5D, from: i + 9)  // "]]>"
      return
    }
    skipPast(0x3E)
  }

  /// The offset just past the first `c c >` (`-->`, `]]>`) at or after `from`, or the end.
  private func end(of c: UInt8, from: Int) -> Int {
    var k = from
    while k + 2 < p.count {
      if p[k] == c, p[k + 1] == c, p[k + 2] == 0x3E { return k + 3 }
      k += 1
    }
    return p.count
  }

  /// True when the ASCII `literal` is at `at`, ASCII case ignored.
  private func matches(_ literal: StaticString, at: Int) -> Bool {
    let n = literal.utf8CodeUnitCount
    guard at + n <= p.count else { return false }
    let l = literal.utf8Start
    for k in 0..<n where (p[at + k] | 0x20) != (l[k] | 0x20) { return false }
    return true
  }

  /// A tag or attribute name from `i`: up to white space, `/`, `>` (and `=` for attributes),
  /// ASCII lower-cased.
  private mutating func readName(attribute: Bool = false) -> String {
    lowerCased(readNameRange(attribute: attribute))
  }

  /// The byte range of a tag or attribute name from `i` (advanced past it).
  private mutating func readNameRange(attribute: Bool) -> Range<Int> {
    let start = i
    while i < p.count {
      let b = p[i]
      if Self.isSpace(b) || b == 0x2F || b == 0x3E || (attribute && b == 0x3D && i > start) { break }
      i += 1
    }
    return start..<i
  }

  /// `p[range]` as a String, ASCII lower-cased.
  private func lowerCased(_ range: Range<Int>) -> String {
    let raw = UnsafeBufferPointer(rebasing: p[range])
    if !raw.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) { return String(decoding: raw, as: UTF8.self) }
    return String(decoding: raw.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
  }

  /// Attributes from `i` to the tag's `>` (consumed), and whether the tag ended in `/>`.
  private mutating func readAttributes() -> ([(name: String, value: String)], Bool) {
    var attributes: [(name: String, value: String)] = []
    var selfClosing = false
    while i < p.count {
      let b = p[i]
      if Self.isSpace(b) {
        i += 1
        continue
      }
      if b == 0x3E {
        i += 1
        return (attributes, selfClosing)
      }
      if b == 0x2F {
        selfClosing = i + 1 < p.count && p[i + 1] == 0x3E
        i += 1
        continue
      }
      selfClosing = false
      let nameRange = readNameRange(attribute: true)
      // Attributes nobody reads are skipped over: neither name nor value is copied.
      let kept = keptAttributes?.contains(UnsafeBufferPointer(rebasing: p[nameRange])) ?? true
      let name = kept ? lowerCased(nameRange) : ""
      while i < p.count, Self.isSpace(p[i]) { i += 1 }
      var value = ""
      if i < p.count, p[i] == 0x3D {
        i += 1
        while i < p.count, Self.isSpace(p[i]) { i += 1 }
        if i < p.count, p[i] == 0x22 || p[i] == 0x27 {
          let start = i + 1
          let k = next(p[i], from: start)
          if kept { value = Self.decode(UnsafeBufferPointer(rebasing: p[start..<k])) }
          i = min(k + 1, p.count)
        } else {
          let start = i
          while i < p.count, !Self.isSpace(p[i]), p[i] != 0x3E { i += 1 }
          if kept { value = Self.decode(UnsafeBufferPointer(rebasing: p[start..<i])) }
        }
      }
      if kept, !name.isEmpty, !attributes.contains(where: { $0.name == name }) {
        attributes.append((name, value))
      }
    }
    return (attributes, selfClosing)
  }

  /// After `<name …>` of a raw-text element: its content up to `</name` (ASCII case ignored,
  /// followed by white space, `/` or `>`) as one text token, then the end tag.
  private mutating func readRawText(_ name: String, _ emit: (Token) -> Void) {
    let start = i
    var k = i
    let nameBytes = Array(name.utf8)
    var end = p.count
    var resume = p.count
    search: while k + 1 < p.count {
      k = next(0x3C, from: k)
      guard k + 1 < p.count else { break }
      if p[k + 1] == 0x2F, k + 2 + nameBytes.count <= p.count {
        var same = true
        for (j, nb) in nameBytes.enumerated() where (p[k + 2 + j] | 0x20) != nb {
          same = false
          break
        }
        let after = k + 2 + nameBytes.count
        if same, after == p.count || Self.isSpace(p[after]) || p[after] == 0x2F || p[after] == 0x3E {
          end = k
          i = after
          skipPast(0x3E)
          resume = i
          break search
        }
      }
      k += 1
    }
    if end > start {
      emitText(start, end, decoding: name == "title" || name == "textarea", emit)
    }
    i = resume
    emit(.end(name: name))
  }

  // MARK: - Character references

  /// `bytes` as a String with `&name;`, `&#123;` and `&#x1F;` decoded and C0 control bytes
  /// other than white space dropped (as libxml2 does: they are not characters of a document).
  /// Unknown or unterminated references stay as written.
  static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
    guard bytes.contains(where: { $0 == 0x26 || ($0 < 0x20 && !isSpace($0)) }) else {
      return String(decoding: bytes, as: UTF8.self)
    }
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    var k = 0
    while k < bytes.count {
      let b = bytes[k]
      if b < 0x20 && !isSpace(b) {
        k += 1
        continue
      }
      if b == 0x26, let (scalar, length) = reference(bytes, at: k) {
        HTMLText.appendUTF8(scalar, to: &out)
        k += length
        continue
      }
      out.append(b)
      k += 1
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// The reference starting at `bytes[at]` (an `&`) and its length in bytes, or nil.
  private static func reference(_ bytes: UnsafeBufferPointer<UInt8>, at: Int) -> (Unicode.Scalar, Int)? {
    var k = at + 1
    guard k < bytes.count else { return nil }
    if bytes[k] == 0x23 {  // numeric
      k += 1
      var hex = false
      if k < bytes.count, bytes[k] | 0x20 == 0x78 {
        hex = true
        k += 1
      }
      let digitsStart = k
      var value: UInt32 = 0
      while k < bytes.count {
        let d = bytes[k]
        let digit: UInt32
        if d >= 0x30 && d <= 0x39 {
          digit = UInt32(d - 0x30)
        } else if hex, (d | 0x20) >= 0x61, (d | 0x20) <= 0x66 {
          digit = UInt32((d | 0x20) - 0x61 + 10)
        } else {
          break
        }
        value = min(value &* (hex ? 16 : 10) &+ digit, 0x11_0000)
        k += 1
      }
      guard k > digitsStart else { return nil }
      if k < bytes.count, bytes[k] == 0x3B { k += 1 }
      return (numericScalar(value), k - at)
    }
    let nameStart = k
    while k < bytes.count, k - nameStart <= HTMLEntities.maxNameLength,
      isAlpha(bytes[k]) || (bytes[k] >= 0x30 && bytes[k] <= 0x39)
    {
      k += 1
    }
    guard k > nameStart, k < bytes.count, bytes[k] == 0x3B else { return nil }
    let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[nameStart..<k]), as: UTF8.self)
    guard let v = HTMLEntities.table[name], let scalar = Unicode.Scalar(v) else { return nil }
    return (scalar, k + 1 - at)
  }

  /// The scalar a numeric reference stands for, as browsers map it: C1 controls read as
  /// Windows-1252 (`&#150;` is "–"), NUL, surrogates and values past U+10FFFF as U+FFFD.
  private static func numericScalar(_ value: UInt32) -> Unicode.Scalar {
    if value >= 0x80 && value <= 0x9F, let mapped = Unicode.Scalar(Windows1252.high[Int(value - 0x80)]) {
      return mapped
    }
    if value == 0 { return "\u{FFFD}" }
    return Unicode.Scalar(value) ?? "\u{FFFD}"
  }
}
