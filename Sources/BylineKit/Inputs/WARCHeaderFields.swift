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

  /// Parses `bytes` (a header block without the blank line that ends it).
  init(_ bytes: ArraySlice<UInt8>) {
    var lines: [String] = []
    var lineStart = bytes.startIndex
    var i = bytes.startIndex
    while i <= bytes.endIndex {
      if i == bytes.endIndex || bytes[i] == 10 {
        var end = i
        if end > lineStart && bytes[end - 1] == 13 { end -= 1 }
        lines.append(WARCHeaderFields.latin1(bytes[lineStart..<end]))
        lineStart = i + 1
      }
      i += 1
    }
    firstLine = lines.first ?? ""
    var parsed: [(name: String, value: String)] = []
    for line in lines.dropFirst() where !line.isEmpty {
      if line.first == " " || line.first == "\t", let last = parsed.popLast() {
        parsed.append((last.name, last.value + " " + WARCHeaderFields.trim(Substring(line))))
        continue
      }
      guard let colon = line.firstIndex(of: ":") else { continue }
      let name = WARCHeaderFields.trim(line[..<colon])
      guard !name.isEmpty else { continue }
      parsed.append((name, WARCHeaderFields.trim(line[line.index(after: colon)...])))
    }
    fields = parsed
  }

  /// The first value of field `name` (case-insensitive), or nil.
  func value(_ name: String) -> String? {
    let lower = name.lowercased()
    return fields.first { $0.name.lowercased() == lower }?.value
  }

  /// Every value of field `name` (case-insensitive), in order.
  func values(_ name: String) -> [String] {
    let lower = name.lowercased()
    return fields.filter { $0.name.lowercased() == lower }.map(\.value)
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

/// A parsed MIME type (`type/subtype; name=value`), as in an HTTP `Content-Type` header.
struct WARCMediaType: Equatable {
  /// `type/subtype`, lower-cased.
  var essence: String
  /// The `charset` parameter as written (unquoted, trimmed), or nil.
  var charset: String?

  /// Parses one header value; nil when it has no `type/subtype`.
  init?(_ value: String) {
    let parts = value.split(separator: ";", omittingEmptySubsequences: false)
    let essence = WARCHeaderFields.trim(parts[0]).lowercased()
    let slash = essence.firstIndex(of: "/")
    guard let slash, slash != essence.startIndex, essence.index(after: slash) != essence.endIndex,
      !essence.contains(" ")
    else { return nil }
    self.essence = essence
    for part in parts.dropFirst() {
      guard let eq = part.firstIndex(of: "=") else { continue }
      let name = WARCHeaderFields.trim(part[..<eq]).lowercased()
      guard name == "charset" else { continue }
      var v = Substring(WARCHeaderFields.trim(part[part.index(after: eq)...]))
      if v.hasPrefix("\"") { v = v.dropFirst() }
      if v.hasSuffix("\"") { v = v.dropLast() }
      let charset = WARCHeaderFields.trim(v)
      if !charset.isEmpty { self.charset = charset }
    }
  }

  /// The media type of several `Content-Type` values, following the WHATWG Fetch rule
  /// ("extract a MIME type"): the last valid value wins, but it keeps an earlier charset
  /// when it names the same type without one (`text/html; charset=utf-8` then `text/html`).
  static func extract(from values: [String]) -> WARCMediaType? {
    var result: WARCMediaType?
    for value in values {
      guard var type = WARCMediaType(value) else { continue }
      if type.charset == nil, let previous = result, previous.essence == type.essence {
        type.charset = previous.charset
      }
      result = type
    }
    return result
  }

  /// True for the HTML types a page can have.
  var isHTML: Bool { essence == "text/html" || essence == "application/xhtml+xml" }
}
