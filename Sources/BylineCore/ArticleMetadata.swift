/// What is known about an article besides its body text.
public struct ArticleMetadata: Hashable, Sendable {
  /// The page address, when the input gave one.
  public var url: String?
  /// `<link rel=canonical>` or `og:url`, when the page declares one.
  public var canonicalURL: String?
  /// The headline, without the site-name suffix.
  public var title: String?
  /// Real people who wrote the article (no "Staff", no site name).
  public var authors: [String]
  /// Publication date/time; also the reference date for resolving relative dates.
  public var published: PublicationDate?
  /// BCP 47 language tag ("en").
  public var language: String?
  /// The credited source line ("Agencies" for "Source: Agencies").
  public var sourceLine: String?
  /// Tags or keywords the page lists for the article.
  public var tags: [String]
  /// The outlet's name ("Al Mayadeen English"), when the page gives it.
  public var siteName: String?

  public init(
    url: String? = nil, canonicalURL: String? = nil, title: String? = nil,
    authors: [String] = [], published: PublicationDate? = nil, language: String? = nil,
    sourceLine: String? = nil, tags: [String] = [], siteName: String? = nil
  ) {
    self.url = url
    self.canonicalURL = canonicalURL
    self.title = title
    self.authors = authors
    self.published = published
    self.language = language
    self.sourceLine = sourceLine
    self.tags = tags
    self.siteName = siteName
  }
}
