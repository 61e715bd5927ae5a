/// What ``WARCReader`` yields for one WARC record that matters to an analysis run.
///
/// `request`, `metadata`, `warcinfo`, `revisit` and `conversion` records are skipped without an
/// entry; every `response` (and `resource`) record gives exactly one entry.
public enum WARCEntry: Sendable, Equatable {
  /// An HTML page to analyse.
  case page(WARCRecordPage)
  /// A sound record that is not an article page (not HTML, HTTP error status, empty body).
  case skipped(WARCSkip)
  /// A broken record (truncated, bad header, corrupt gzip, too large): report it and go on.
  case failed(WARCFailure)
}

/// An HTML page from a WARC `response` record (or a `resource` record holding HTML).
public struct WARCRecordPage: Sendable, Equatable {
  /// The `WARC-Record-ID` exactly as written, e.g. `<urn:uuid:2aabeff2-…>`.
  public let id: String
  /// The `WARC-Target-URI` (angle brackets removed), or nil when the record has none.
  public let url: String?
  /// The HTTP body: de-chunked and decoded (`Content-Encoding` gzip/deflate), in its own
  /// charset (not converted to UTF-8). At most the reader's `maxBodyBytes` bytes.
  public let body: [UInt8]
  /// The `charset` parameter of the HTTP `Content-Type` header as written ("windows-1251"),
  /// or nil when the header gives none (the page's `<meta charset>` must then decide).
  public let charset: String?
  /// The HTTP media type, lower-cased, without parameters ("text/html"), or nil when the
  /// response has no `Content-Type` and the body was sniffed as HTML.
  public let contentType: String?
  /// The `WARC-Date` (crawl time, ISO 8601 UTC, e.g. "2024-05-18T01:58:53Z"), or nil. This is
  /// when the page was fetched, not when the article was published.
  public let warcDate: String?
  /// The `WARC-Truncated` reason ("length", "time"…) when the crawler stored only the start
  /// of the page, else nil. The page is still complete enough to analyse.
  public let warcTruncated: String?
  /// Byte offset of the record's `WARC/` line in the uncompressed WARC stream.
  public let offset: Int

  /// Makes a page (the reader does; tests and other inputs may too).
  public init(
    id: String, url: String?, body: [UInt8], charset: String?, contentType: String?,
    warcDate: String? = nil, warcTruncated: String? = nil, offset: Int = 0
  ) {
    self.id = id
    self.url = url
    self.body = body
    self.charset = charset
    self.contentType = contentType
    self.warcDate = warcDate
    self.warcTruncated = warcTruncated
    self.offset = offset
  }
}

/// A sound WARC record that holds no article page.
public struct WARCSkip: Sendable, Equatable, CustomStringConvertible {
  /// Why the record holds no page.
  public enum Reason: Sendable, Equatable {
    /// The body is not HTML; the HTTP media type (lower-cased) or nil when absent.
    case notHTML(contentType: String?)
    /// The HTTP status is not 2xx (redirects, errors, 304…).
    case httpStatus(Int)
    /// The HTML body is empty.
    case emptyBody
    /// A `response` record whose block is not an HTTP response (e.g. `dns:` records);
    /// carries the record's WARC `Content-Type`.
    case notHTTP(contentType: String?)
  }

  /// The `WARC-Record-ID` as written.
  public let id: String
  /// The `WARC-Target-URI`, or nil.
  public let url: String?
  /// Why the record holds no page.
  public let reason: Reason
  /// Byte offset of the record in the uncompressed WARC stream.
  public let offset: Int

  /// Makes a skip outcome.
  public init(id: String, url: String?, reason: Reason, offset: Int) {
    self.id = id
    self.url = url
    self.reason = reason
    self.offset = offset
  }

  /// A one-line explanation of the skip.
  public var description: String {
    switch reason {
    case .notHTML(let type): return "not an HTML page (Content-Type: \(type ?? "none"))"
    case .httpStatus(let code): return "HTTP status \(code)"
    case .emptyBody: return "empty HTML body"
    case .notHTTP(let type): return "not an HTTP response (WARC Content-Type: \(type ?? "none"))"
    }
  }
}

/// A broken WARC record: the reader reports it and goes on with the next record.
public struct WARCFailure: Sendable, Equatable, Error, CustomStringConvertible {
  /// Why the record could not be read.
  public enum Reason: Sendable, Equatable {
    /// The file ends before the record's `Content-Length` bytes (a clipped download).
    case truncated(expected: Int, available: Int)
    /// The WARC header is missing, unterminated or lacks a valid `Content-Length`.
    case badWARCHeader(String)
    /// The HTTP status line or headers cannot be parsed.
    case badHTTPHeader(String)
    /// The record or its decoded body exceeds the reader's `maxBodyBytes`.
    case tooLarge(bytes: Int, limit: Int)
    /// The file's gzip data is corrupt inside (or right before) this record.
    case gzip(String)
    /// The HTTP `Content-Encoding` cannot be decoded (corrupt data, unsupported coding).
    case contentEncoding(String)
    /// Reading the file failed.
    case readError(String)
  }

  /// The `WARC-Record-ID` as written, or nil when the header could not be read.
  public let id: String?
  /// The `WARC-Target-URI`, or nil.
  public let url: String?
  /// The record's `WARC-Type`, or nil when unknown.
  public let warcType: String?
  /// Why the record could not be read.
  public let reason: Reason
  /// Byte offset in the uncompressed WARC stream where the problem record (or junk) starts.
  public let offset: Int

  /// Makes a failure outcome.
  public init(id: String?, url: String?, warcType: String?, reason: Reason, offset: Int) {
    self.id = id
    self.url = url
    self.warcType = warcType
    self.reason = reason
    self.offset = offset
  }

  /// A one-line explanation naming the record, for error reports.
  public var description: String {
    let name = id.map { "record \($0)" } ?? "data at uncompressed offset \(offset)"
    switch reason {
    case .truncated(let expected, let available):
      return "\(name) is truncated: Content-Length is \(expected) bytes but the file ends after \(available)"
    case .badWARCHeader(let why): return "\(name): bad WARC header: \(why)"
    case .badHTTPHeader(let why): return "\(name): bad HTTP header: \(why)"
    case .tooLarge(let bytes, let limit):
      return "\(name) is too large: \(bytes) bytes, the limit is \(limit)"
    case .gzip(let why): return "\(name): \(why)"
    case .contentEncoding(let why): return "\(name): cannot decode the HTTP body: \(why)"
    case .readError(let why): return "\(name): \(why)"
    }
  }
}
