import BylineCore

/// Builds hand-made documents for stage tests.
public enum DocumentBuilder {
  /// A document over `text` with the given publication date (ISO 8601), blocks from blank lines.
  public static func make(_ text: String, id: String = "test", published: String? = nil) -> Document {
    var meta = ArticleMetadata()
    if let p = published { meta.published = PublicationDate(iso: p) }
    return Document(id: id, text: text, metadata: meta)
  }

  /// The UTF-8 range of the first occurrence of `needle` in `document` (after `after` bytes).
  public static func range(of needle: String, in document: Document, after: Int = 0) -> TextRange? {
    let n = Array(needle.utf8)
    let b = document.bytes
    guard !n.isEmpty, b.count >= n.count, after <= b.count - n.count else { return nil }
    for i in after...(b.count - n.count) where b[i] == n[0] {
      if Array(b[i..<(i + n.count)]) == n { return TextRange(i, i + n.count) }
    }
    return nil
  }
}
