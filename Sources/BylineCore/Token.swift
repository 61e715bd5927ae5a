/// One word-level token from ICU's word break iterator (whitespace is not kept).
public struct Token: Hashable, Sendable {
  /// Coarse class from ICU's word-break rule status.
  public enum Kind: UInt8, Sendable, Hashable {
    /// Punctuation, symbols and anything ICU gives no word status.
    case punctuation
    /// Digits ("2024", "3.5").
    case number
    /// Letters ("Erdogan", "al-Assad" splits at the hyphen: "al", "-", "Assad").
    case word
    /// Kana or ideographs.
    case ideographic
  }

  public var range: TextRange
  public var kind: Kind

  public init(range: TextRange, kind: Kind) {
    self.range = range
    self.kind = kind
  }
}
