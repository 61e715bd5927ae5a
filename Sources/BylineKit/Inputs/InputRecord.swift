/// One article to analyse, as read from an input file, a JSONL line or a WARC record.
public struct InputRecord: Sendable {
  /// What the record carries.
  public enum Content: Sendable {
    /// An already clean article body, analysed exactly as given.
    case text(String)
    /// Raw HTML bytes; `charset` is a charset declared outside the page (HTTP header), if any.
    case html([UInt8], charset: String?)
    /// A plain-text page dump.
    case page(String)
    /// The record could not be read; the reason becomes the report's `error`.
    case unreadable(String)
  }

  public var id: String
  public var content: Content
  /// Optional metadata copied through to the report.
  public var url: String?
  public var title: String?
  /// ISO 8601 publication date given with the record (overrides the page's).
  public var published: String?

  public init(
    id: String, content: Content, url: String? = nil, title: String? = nil, published: String? = nil
  ) {
    self.id = id
    self.content = content
    self.url = url
    self.title = title
    self.published = published
  }
}
