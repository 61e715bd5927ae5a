/// Turns the block of a WARC `response` record (an HTTP response as sent) into an HTML body.
///
/// Steps: status line and headers (CRLF or LF), the 2xx check, the media type (WHATWG rule for
/// repeated `Content-Type`), `Transfer-Encoding: chunked`, `Content-Encoding` gzip/deflate,
/// then HTML detection (declared type, or sniffed `<html` / `<!doctype html` when the type is
/// absent or generic). The HTTP `Content-Length` is ignored: the WARC record length rules.
enum WARCHTTPResponse {
  /// The verdict on one response.
  enum Outcome: Equatable {
    case page(body: [UInt8], charset: String?, contentType: String?)
    case skip(WARCSkip.Reason)
    case fail(WARCFailure.Reason)
  }

  /// Largest HTTP header block accepted.
  static let maxHeaderBytes = 256 * 1024

  /// Media types under which a body is sniffed for HTML instead of trusted.
  static let genericTypes: Set<String> = [
    "text/plain", "application/octet-stream", "binary/octet-stream", "application/unknown",
    "unknown/unknown", "*/*", "application/x-unknown-content-type",
  ]

  /// Interprets `block` (the whole WARC record content); bodies above `limit` bytes fail.
  static func interpret(_ block: [UInt8], limit: Int) -> Outcome {
    guard let headerEnd = headerEnd(in: block) else {
      return .fail(.badHTTPHeader("no blank line ends the HTTP headers"))
    }
    let headers = WARCHeaderFields(block[..<headerEnd.fieldsEnd])
    guard let status = statusCode(headers.firstLine) else {
      let shown = String(headers.firstLine.prefix(60))
      return .fail(.badHTTPHeader("bad status line \"\(shown)\""))
    }
    guard (200..<300).contains(status) else { return .skip(.httpStatus(status)) }

    let media = WARCMediaType.extract(from: headers.values("Content-Type"))
    let declaredHTML = media?.isHTML ?? false
    let sniffable = media.map { genericTypes.contains($0.essence) } ?? true
    if !declaredHTML && !sniffable { return .skip(.notHTML(contentType: media?.essence)) }

    var body = Array(block[headerEnd.bodyStart...])
    let transfer = headers.values("Transfer-Encoding").joined(separator: ",").lowercased()
    if transfer.contains("chunked") { body = dechunk(body) }

    let codings = headers.values("Content-Encoding").joined(separator: ",")
      .split(separator: ",").map { WARCHeaderFields.trim($0).lowercased() }
      .filter { !$0.isEmpty && $0 != "identity" }
    for coding in codings.reversed() {
      switch decode(body, coding: coding, limit: limit) {
      case .decoded(let decoded): body = decoded
      case .failed(let reason): return .fail(reason)
      }
    }
    if body.count > limit { return .fail(.tooLarge(bytes: body.count, limit: limit)) }

    if !declaredHTML && !looksLikeHTML(body) {
      return .skip(.notHTML(contentType: media?.essence))
    }
    if body.allSatisfy({ $0 == 32 || $0 == 9 || $0 == 10 || $0 == 13 }) { return .skip(.emptyBody) }
    return .page(body: body, charset: media?.charset, contentType: declaredHTML ? media?.essence : nil)
  }

  /// Where the header fields end and the body begins (after the first blank line).
  static func headerEnd(in block: [UInt8]) -> (fieldsEnd: Int, bodyStart: Int)? {
    let n = min(block.count, maxHeaderBytes)
    var i = 0
    while i < n {
      if block[i] == 10 {
        // "\n\n" or "\n\r\n" ends the headers.
        if i + 1 < block.count && block[i + 1] == 10 { return (i, i + 2) }
        if i + 2 < block.count && block[i + 1] == 13 && block[i + 2] == 10 { return (i, i + 3) }
        if i + 1 == block.count { return (i, i + 1) }
      }
      i += 1
    }
    // Headers that end with the block (no body at all, no final blank line).
    return nil
  }

  /// The status code of an `HTTP/x.y NNN reason` line.
  static func statusCode(_ line: String) -> Int? {
    let parts = line.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true)
    guard parts.count >= 2, parts[0].hasPrefix("HTTP/"), parts[1].count == 3,
      let code = Int(parts[1]), code >= 100
    else { return nil }
    return code
  }

  /// Removes HTTP/1.1 chunked framing. Lenient like browsers: a body whose first line is no
  /// chunk size is returned unchanged (a wrong header); a body that stops mid-chunk keeps what
  /// it has (crawlers clip long pages).
  static func dechunk(_ body: [UInt8]) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(body.count)
    var i = 0
    var first = true
    while i < body.count {
      // Chunk-size line: hex digits, optional ";ext", CRLF or LF.
      var j = i
      var size = 0
      var digits = 0
      while j < body.count, let d = hexValue(body[j]) {
        if size > (Int.max >> 5) { return first ? body : out }
        size = size * 16 + d
        digits += 1
        j += 1
      }
      guard digits > 0 else { return first ? body : out }
      while j < body.count && body[j] != 10 { j += 1 }
      guard j < body.count else { return first ? body : out }
      j += 1
      first = false
      if size == 0 { return out }
      let end = min(body.count, j + size)
      out.append(contentsOf: body[j..<end])
      i = end
      // The CRLF after the chunk data.
      if i < body.count && body[i] == 13 { i += 1 }
      if i < body.count && body[i] == 10 { i += 1 }
    }
    return out
  }

  private static func hexValue(_ b: UInt8) -> Int? {
    switch b {
    case 48...57: return Int(b) - 48
    case 65...70: return Int(b) - 55
    case 97...102: return Int(b) - 87
    default: return nil
    }
  }

  /// The result of decoding one `Content-Encoding` layer.
  enum Decoding: Equatable {
    case decoded([UInt8])
    case failed(WARCFailure.Reason)
  }

  /// Decodes one `Content-Encoding` layer.
  static func decode(_ body: [UInt8], coding: String, limit: Int) -> Decoding {
    let format: GzipInflater.Format
    switch coding {
    case "gzip", "x-gzip":
      // Archives sometimes store the decoded body but keep the header: trust the magic.
      guard body.count >= 2, body[0] == 0x1f, body[1] == 0x8b else { return .decoded(body) }
      format = .gzip
    case "deflate":
      // "deflate" is meant to be zlib-wrapped, but many servers send raw deflate.
      let zlibHeader = body.count >= 2 && (body[0] & 0x0f) == 8 && (Int(body[0]) * 256 + Int(body[1])) % 31 == 0
      if !zlibHeader && looksLikeHTML(body) { return .decoded(body) }
      format = zlibHeader ? .zlib : .raw
    default:
      if looksLikeHTML(body) { return .decoded(body) }
      return .failed(.contentEncoding("unsupported Content-Encoding \"\(coding)\""))
    }
    do {
      return .decoded(try GzipDecoder.decode(body, format: format, limit: limit).bytes)
    } catch {
      if error.limitExceeded { return .failed(.tooLarge(bytes: limit + 1, limit: limit)) }
      return .failed(.contentEncoding("\(coding): \(error.message)"))
    }
  }

  /// True when the first 1 KiB holds `<html` or `<!doctype html` (ASCII case-insensitive).
  static func looksLikeHTML(_ body: [UInt8]) -> Bool {
    let n = min(body.count, 1024)
    guard n >= 5 else { return false }
    let html: [UInt8] = Array("<html".utf8)
    let doctype: [UInt8] = Array("<!doctype html".utf8)
    var i = 0
    while i < n {
      if body[i] == 60 {  // "<"
        if matches(body, at: i, lowercased: html) || matches(body, at: i, lowercased: doctype) { return true }
      }
      i += 1
    }
    return false
  }

  private static func matches(_ body: [UInt8], at start: Int, lowercased needle: [UInt8]) -> Bool {
    guard start + needle.count <= body.count else { return false }
    for k in 0..<needle.count {
      var b = body[start + k]
      if b >= 65 && b <= 90 { b += 32 }
      if b != needle[k] { return false }
    }
    return true
  }
}
