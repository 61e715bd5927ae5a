/// Named header fields of a WARC record or an HTTP message (`Name: value` lines).
///
/// Names compare case-insensitively (ASCII); values are trimmed of spaces and tabs; folded
/// continuation lines (starting with a space or tab) join the previous value. Lines may end
/// in CRLF or a bare LF. Bytes are decoded as ISO-8859-1, so no header byte is ever lost.
struct WARCHeaderFields {
  /// The first line (WARC version line or HTTP status line), without its line ending.
  let firstLine: String
  /// The fields in order, names as written.
  let fields: [(name: String, value: String)]
  /// Field names lower-cased, parallel to `fields`.
  private let lowerNames: [String]

  /// Parses `bytes` (a header block without the blank line that ends it).
  init(_ bytes: ArraySlice<UInt8>) {
    // Works on a raw buffer: this runs for every record, and debug builds are slow on slices.
    var first = ""
    var parsed: [(name: String, value: String)] = []
    bytes.withUnsafeBufferPointer { buf in
      let n = buf.count
      var lineStart = 0
      var isFirst = true
      while lineStart < n || (isFirst && n == 0) {
        var lineEnd = lineStart
        while lineEnd < n && buf[lineEnd] != 10 { lineEnd += 1 }
        var end = lineEnd
        if end > lineStart && buf[end - 1] == 13 { end -= 1 }
        if isFirst {
          first = WARCHeaderFields.string(buf, lineStart, end)
          isFirst = false
        } else if end > lineStart {
          if buf[lineStart] == 32 || buf[lineStart] == 9 {
            // A folded continuation of the previous value.
            if let last = parsed.popLast() {
              let more = WARCHeaderFields.string(buf, WARCHeaderFields.skipSpace(buf, lineStart, end), end)
              parsed.append((last.name, last.value + " " + WARCHeaderFields.trim(Substring(more))))
            }
          } else {
            var colon = lineStart
            while colon < end && buf[colon] != 58 { colon += 1 }
            if colon < end {
              var nameEnd = colon
              while nameEnd > lineStart && (buf[nameEnd - 1] == 32 || buf[nameEnd - 1] == 9) { nameEnd -= 1 }
              var valueEnd = end
              let valueStart = WARCHeaderFields.skipSpace(buf, colon + 1, end)
              while valueEnd > valueStart && (buf[valueEnd - 1] == 32 || buf[valueEnd - 1] == 9) { valueEnd -= 1 }
              if nameEnd > lineStart {
                parsed.append((WARCHeaderFields.string(buf, lineStart, nameEnd),
                  WARCHeaderFields.string(buf, valueStart, valueEnd)))
              }
            }
          }
        }
        lineStart = lineEnd + 1
      }
    }
    firstLine = first
    fields = parsed
    lowerNames = parsed.map { $0.name.lowercased() }
  }

  private static func skipSpace(_ buf: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int {
    var i = start
    while i < end && (buf[i] == 32 || buf[i] == 9) { i += 1 }
    return i
  }

  /// `buf[start..<end]` as a string: UTF-8 when it is ASCII, else ISO-8859-1.
  private static func string(_ buf: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> String {
    guard end > start else { return "" }
    let part = UnsafeBufferPointer(rebasing: buf[start..<end])
    var high: UInt8 = 0
    for b in part { high |= b }
    if high < 0x80 { return String(decoding: part, as: UTF8.self) }
    return latin1(ArraySlice(part))
  }

  /// The first value of field `name` (case-insensitive), or nil.
  func value(_ name: String) -> String? {
    let lower = name.lowercased()
    guard let i = lowerNames.firstIndex(of: lower) else { return nil }
    return fields[i].value
  }

  /// Every value of field `name` (case-insensitive), in order.
  func values(_ name: String) -> [String] {
    let lower = name.lowercased()
    return fields.indices.filter { lowerNames[$0] == lower }.map { fields[$0].value }
  }

  /// Decodes bytes as ISO-8859-1 (each byte one scalar).
  static func latin1(_ bytes: ArraySlice<UInt8>) -> String {
    var s = String()
    s.unicodeScalars.append(contentsOf: bytes.map { Unicode.Scalar($0) })
    return s
  }

  /// Trims spaces and tabs at both ends.
  static func trim(_ s: Substring) -> String {
    var t = s
    while let f = t.first, f == " " || f == "\t" { t.removeFirst() }
    while let l = t.last, l == " " || l == "\t" { t.removeLast() }
    return String(t)
  }
}
