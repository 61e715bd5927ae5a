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
