/// One article: an immutable text and typed stand-off annotations over it.
///
/// `text` never changes after the document is made; every annotation is a ``TextRange`` of
/// UTF-8 offsets into it. `bytes` is the same text as an array, for byte-level scanning in hot
/// loops (far faster than `Character` indexing).
public struct Document: Sendable {
  /// The record's id, copied to the report.
  public let id: String
  /// The article body; paragraphs are separated by a blank line.
  public let text: String
  /// `text` as UTF-8 bytes.
  public let bytes: [UInt8]

  public var metadata: ArticleMetadata
  public var blocks: [Block]
  public var tokens: [Token] = []
  /// Sentence spans, in text order.
  public var sentences: [TextRange] = []
  public var entities: [EntityMention] = []
  public var places: [PlaceMention] = []
  public var dates: [DateMention] = []
  public var quotes: [Quote] = []
  public var sources: [SourceCitation] = []

  /// Layers present so far; the ``Pipeline`` adds each stage's products after it runs.
  public internal(set) var layers: Set<Layer> = [.blocks]

  /// Makes a document. When `blocks` is nil the text is split into paragraphs at blank lines
  /// (or at single line breaks when it has no blank line).
  public init(id: String, text: String, metadata: ArticleMetadata = ArticleMetadata(), blocks: [Block]? = nil) {
    self.id = id
    self.text = text
    self.bytes = Array(text.utf8)
    self.metadata = metadata
    self.blocks = blocks ?? Document.paragraphs(in: self.bytes)
  }

  /// The text of a span.
  public func string(_ range: TextRange) -> String {
    String(decoding: bytes[range.utf8Start..<range.utf8End], as: UTF8.self)
  }

  /// Splits text into paragraph blocks at blank lines; each line is a block when there is no
  /// blank line at all. Leading and trailing spaces are excluded from each block.
  public static func paragraphs(in bytes: [UInt8]) -> [Block] {
    var hasBlankLine = false
    var i = 0
    while i + 1 < bytes.count {
      if bytes[i] == 10 {
        var j = i + 1
        while j < bytes.count, bytes[j] == 32 || bytes[j] == 9 || bytes[j] == 13 { j += 1 }
        if j < bytes.count, bytes[j] == 10 { hasBlankLine = true; break }
      }
      i += 1
    }
    var blocks: [Block] = []
    var start = 0
    func flush(_ end: Int) {
      var s = start
      var e = end
      while s < e, isSpace(bytes[s]) { s += 1 }
      while e > s, isSpace(bytes[e - 1]) { e -= 1 }
      if e > s { blocks.append(Block(range: TextRange(s, e))) }
    }
    i = 0
    while i < bytes.count {
      if bytes[i] == 10 {
        if !hasBlankLine {
          flush(i)
          start = i + 1
        } else {
          var j = i + 1
          while j < bytes.count, bytes[j] == 32 || bytes[j] == 9 || bytes[j] == 13 { j += 1 }
          if j < bytes.count, bytes[j] == 10 {
            flush(i)
            start = j + 1
            i = j
          }
        }
      }
      i += 1
    }
    flush(bytes.count)
    return blocks
  }
}

@inline(__always) private func isSpace(_ b: UInt8) -> Bool { b == 32 || b == 9 || b == 10 || b == 13 }
