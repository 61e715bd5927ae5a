/// A kind of annotation a ``Stage`` reads or writes on a ``Document``.
///
/// `blocks` (paragraphs and headings) exist from the moment a document is made; every other
/// layer is produced by a stage.
public enum Layer: String, Sendable, Hashable, CaseIterable, Comparable {
  case blocks, tokens, sentences, entities, places, dates, quotes, sources

  public static func < (a: Layer, b: Layer) -> Bool {
    allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
  }
}
