/// A half-open range of UTF-8 byte offsets into ``Document/text``.
///
/// Byline keeps every annotation as UTF-8 offsets internally (what ICU and the HTML tokenizer
/// give, and what byte-level scanning needs); reports convert them to Unicode-scalar offsets on
/// output.
public struct TextRange: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
  /// First byte of the span.
  public var utf8Start: Int
  /// One past the last byte of the span.
  public var utf8End: Int

  /// Creates a range; `utf8End` must not be below `utf8Start`.
  public init(_ utf8Start: Int, _ utf8End: Int) {
    precondition(utf8End >= utf8Start, "TextRange end \(utf8End) before start \(utf8Start)")
    self.utf8Start = utf8Start
    self.utf8End = utf8End
  }

  /// Length in UTF-8 bytes.
  public var utf8Length: Int { utf8End - utf8Start }
  /// True when the range covers no bytes.
  public var isEmpty: Bool { utf8End == utf8Start }

  /// True when `other` lies entirely inside this range.
  public func contains(_ other: TextRange) -> Bool {
    other.utf8Start >= utf8Start && other.utf8End <= utf8End
  }

  /// True when `offset` lies inside this range.
  public func contains(offset: Int) -> Bool { offset >= utf8Start && offset < utf8End }

  /// True when the two ranges share at least one byte.
  public func overlaps(_ other: TextRange) -> Bool {
    other.utf8Start < utf8End && utf8Start < other.utf8End
  }

  /// The smallest range covering both.
  public func union(_ other: TextRange) -> TextRange {
    TextRange(Swift.min(utf8Start, other.utf8Start), Swift.max(utf8End, other.utf8End))
  }

  /// Orders by start, then by end.
  public static func < (a: TextRange, b: TextRange) -> Bool {
    a.utf8Start != b.utf8Start ? a.utf8Start < b.utf8Start : a.utf8End < b.utf8End
  }

  public var description: String { "\(utf8Start)..<\(utf8End)" }
}
