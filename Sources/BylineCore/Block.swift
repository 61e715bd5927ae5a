/// A structural block of the article body: a paragraph, heading, list item or block quote.
///
/// Blocks are the "original markup" of the page kept as stand-off spans over the plain text
/// (paragraphs are separated by a blank line in ``Document/text``).
public struct Block: Hashable, Sendable {
  /// What kind of block the page marked this as.
  public enum Kind: String, Sendable, Hashable, Codable {
    case paragraph, heading, listItem = "list_item", blockQuote = "block_quote"
  }

  public var range: TextRange
  public var kind: Kind

  public init(range: TextRange, kind: Kind = .paragraph) {
    self.range = range
    self.kind = kind
  }
}
