import BylineCore

/// The article found in a page: its body text, the body's block structure and its metadata.
public struct ExtractedArticle: Sendable, Hashable {
  /// Body paragraphs joined by a blank line ("\n\n"); NFC.
  public var text: String
  /// One block per paragraph/heading/list item/block quote, as UTF-8 ranges into `text`.
  public var blocks: [Block]
  public var metadata: ArticleMetadata

  public init(text: String, blocks: [Block], metadata: ArticleMetadata) {
    self.text = text
    self.blocks = blocks
    self.metadata = metadata
  }

  /// Builds the text and blocks from paragraphs in order (empty ones are dropped).
  public init(paragraphs: [(text: String, kind: Block.Kind)], metadata: ArticleMetadata) {
    var text = ""
    var blocks: [Block] = []
    for p in paragraphs {
      let t = p.text
      guard !t.isEmpty else { continue }
      if !text.isEmpty { text += "\n\n" }
      let start = text.utf8.count
      text += t
      blocks.append(Block(range: TextRange(start, text.utf8.count), kind: p.kind))
    }
    self.init(text: text, blocks: blocks, metadata: metadata)
  }

  /// A document for the analysis pipeline.
  public func document(id: String) -> Document {
    Document(id: id, text: text, metadata: metadata, blocks: blocks)
  }
}
