import BylineCore

/// Why an HTML page could not be turned into an article.
public enum HTMLExtractionError: Error, CustomStringConvertible, Equatable {
  /// The input was empty or only white space.
  case emptyInput

  public var description: String {
    switch self {
    case .emptyInput: return "empty HTML input"
    }
  }
}

/// Extracts the article (body paragraphs in order, with their block kinds, and metadata) from
/// an HTML page.
///
/// Steps: parse (``HTMLTreeBuilder``, repairing malformed markup as browsers do); read metadata from the whole
/// page (``MetadataExtractor``); prune furniture (scripts, nav, aside, footer, header, forms,
/// figures, elements whose class/id says nav/menu/share/social/related/comment/footer/
/// newsletter/cookie/ad/promo/most-read/read-next/caption/credit); pick the content container
/// by Readability-style scoring with `articleBody` / `<article>` hints (``ContentScorer``);
/// collect p/h2–h6/li/blockquote blocks (``BlockCollector``); drop "Read more: …", "Most Read",
/// share counts, the headline, byline and date lines.
///
/// A page with no article (a home page, a list of links) yields few or no paragraphs rather
/// than its menus. Output text is NFC, paragraphs joined by a blank line.
public enum HTMLArticleExtractor {
  /// Extracts from raw bytes (decoded with ``HTMLDecoding``); `contentType` is an optional
  /// HTTP `Content-Type` value whose charset is used when the bytes are not UTF-8.
  public static func extract(html bytes: [UInt8], url: String?, contentType: String? = nil) throws
    -> ExtractedArticle
  {
    if let article = extractPlainUTF8(bytes, url: url) { return article }
    return try extract(html: HTMLDecoding.decode(bytes, contentType: contentType), url: url)
  }

  /// Extracts from raw bytes with a charset name declared outside the page (nil when none).
  public static func extract(html bytes: [UInt8], charset: String?, url: String?) throws
    -> ExtractedArticle
  {
    if let article = extractPlainUTF8(bytes, url: url) { return article }
    return try extract(html: HTMLDecoding.decode(bytes, charset: charset), url: url)
  }

  /// The common case without a String copy of the page: bytes with no byte-order mark that are
  /// valid UTF-8 (which ``HTMLDecoding`` reads as UTF-8 whatever is declared), already NFC,
  /// and visibly non-empty are parsed as they are. Nil when any of that does not hold: the
  /// caller then decodes as usual. Same result as decoding first, without the copy.
  private static func extractPlainUTF8(_ bytes: [UInt8], url: String?) -> ExtractedArticle? {
    let plain = bytes.withUnsafeBufferPointer { b -> Bool in
      guard HTMLDecoding.ByteOrderMark(b) == nil,
        b.contains(where: { $0 < 0x80 && !(($0 >= 0x09 && $0 <= 0x0D) || $0 == 0x20) }),
        UTF8Check.isValid(b)
      else { return false }
      return HTMLText.composingLines(b).isEmpty
    }
    guard plain else { return nil }
    let root = HTMLTreeBuilder.parse(bytes: bytes)
    return withExtendedLifetime(root) { extract(root: root, url: url) }
  }

  /// Extracts from a decoded page. Throws ``HTMLExtractionError/emptyInput`` for empty input.
  public static func extract(html: String, url: String?) throws -> ExtractedArticle {
    guard html.unicodeScalars.contains(where: { !HTMLText.isSpace($0) }) else {
      throw HTMLExtractionError.emptyInput
    }
    let root = HTMLTreeBuilder.parse(html)
    // Nodes point to their parents unowned: the whole tree must outlive every walk below.
    return withExtendedLifetime(root) { extract(root: root, url: url) }
  }

  private static func extract(root: HTMLNode, url: String?) -> ExtractedArticle {
    var (metadata, ldBody) = MetadataExtractor.extractWithBody(root, url: url)
    // The builder puts <body> under <html> under the root.
    let body = root.children.first { $0.tag == "html" }?.children.first { $0.tag == "body" } ?? root
    ContentScorer.prune(body)
    let containers = ContentScorer.select(body)
    let raw = BlockCollector.collect(containers)
    let (paragraphs, sourceLine) = BlockFilter.filter(raw, metadata: metadata)
    if metadata.sourceLine == nil { metadata.sourceLine = sourceLine }
    // No usable title in the page's head: the article's first heading.
    if metadata.title == nil, let h = paragraphs.first(where: { $0.kind == .heading }) {
      metadata.title = HTMLText.nfc(h.text)
    }
    var out = paragraphs.map { (text: HTMLText.nfc($0.text), kind: $0.kind) }
    // Pages rendered by script keep the text only in JSON-LD: use it when the markup gave
    // much less.
    if let body = ldBody {
      let ldParagraphs = body.split(whereSeparator: { $0 == "\n" || $0 == "\r" })
        .map { HTMLText.nfc(HTMLText.collapse(String($0))) }.filter { !$0.isEmpty }
      let ldLength = ldParagraphs.reduce(0) { $0 + $1.unicodeScalars.count }
      let found = out.reduce(0) { $0 + $1.text.unicodeScalars.count }
      if ldLength >= 500, found * 2 < ldLength, !body.contains("<") {
        out = ldParagraphs.map { (text: $0, kind: Block.Kind.paragraph) }
      }
    }
    return ExtractedArticle(paragraphs: out.map { ($0.text, $0.kind) }, metadata: metadata)
  }
}
