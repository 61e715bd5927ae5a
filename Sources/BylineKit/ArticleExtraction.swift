import BylineCore
import BylineExtract

/// How pages become article documents: the HTML and text-dump extractors.
public struct ArticleExtraction: Sendable {
  /// HTML bytes (with a charset declared outside the page, if any) → article.
  public var html: @Sendable ([UInt8], _ charset: String?, _ url: String?) throws -> ExtractedArticle
  /// Plain-text page dump → article.
  public var page: @Sendable (String) throws -> ExtractedArticle

  public init(
    html: @escaping @Sendable ([UInt8], String?, String?) throws -> ExtractedArticle,
    page: @escaping @Sendable (String) throws -> ExtractedArticle
  ) {
    self.html = html
    self.page = page
  }
}
