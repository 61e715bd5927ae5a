import BylineCore

/// Splits the text into word tokens and sentences with ICU break iterators.
///
/// - Requires: `blocks`.
/// - Produces: `tokens` (whitespace dropped; a possessive `'s`/`’s` split off its word so
///   "Syria's" gives "Syria" + "'s"), `sentences` (ICU `en_US@ss=standard`, which keeps
///   "Mr." and "U.S." inside a sentence; never crossing a block; trimmed of whitespace).
/// - Limits: documents up to 2 GiB (ICU uses 32-bit offsets).
public struct TokenizerStage: Stage {
  public let name = "tokenize"
  public let summary = "ICU word tokens and sentences (en_US@ss=standard), as UTF-8 ranges"
  public let requires: Set<Layer> = [.blocks]
  public let produces: Set<Layer> = [.tokens, .sentences]

  public init() {}

  public func process(_ document: inout Document) throws {
    let bytes = document.bytes
    document.tokens = try Self.tokens(in: bytes)
    document.sentences = try Self.sentences(in: bytes, blocks: document.blocks)
  }

  /// Word tokens of `bytes`.
  public static func tokens(in bytes: [UInt8]) throws -> [Token] {
    var tokens: [Token] = []
    tokens.reserveCapacity(bytes.count / 5)
    var start = 0
    for (end, status) in try ICUBreaker.boundaries(.word, in: bytes) {
      defer { start = end }
      let kind: Token.Kind
      switch status {
      case 100..<200: kind = .number
      case 200..<300: kind = .word
      case 300..<500: kind = .ideographic
      default:
        if isWhitespace(bytes, start, end) { continue }
        kind = .punctuation
      }
      if kind == .word, let split = possessiveSplit(bytes, start, end) {
        tokens.append(Token(range: TextRange(start, split), kind: .word))
        tokens.append(Token(range: TextRange(split, end), kind: .word))
      } else {
        tokens.append(Token(range: TextRange(start, end), kind: kind))
      }
    }
    return tokens
  }

  /// Sentence spans: ICU sentence boundaries, cut again at block edges, trimmed.
  public static func sentences(in bytes: [UInt8], blocks: [Block]) throws -> [TextRange] {
    var cuts = Set(try ICUBreaker.boundaries(.sentence, in: bytes).map(\.offset))
    for b in blocks {
      cuts.insert(b.range.utf8Start)
      cuts.insert(b.range.utf8End)
    }
    var result: [TextRange] = []
    var start = 0
    for end in cuts.sorted() where end > start {
      var s = start
      var e = end
      while s < e, isSpaceByte(bytes[s]) { s += 1 }
      while e > s, isSpaceByte(bytes[e - 1]) { e -= 1 }
      if e > s { result.append(TextRange(s, e)) }
      start = end
    }
    return result
  }

  private static func isWhitespace(_ b: [UInt8], _ s: Int, _ e: Int) -> Bool {
    var i = s
    while i < e {
      let c = b[i]
      if isSpaceByte(c) {
        i += 1
      } else if c == 0xC2, i + 1 < e, b[i + 1] == 0xA0 {  // no-break space
        i += 2
      } else if c == 0xE2, i + 2 < e, b[i + 1] == 0x80, (0x80...0x8B).contains(b[i + 2]) || b[i + 2] == 0xA8 || b[i + 2] == 0xA9 || b[i + 2] == 0xAF {
        i += 3  // U+2000–U+200B spaces, line/paragraph separators, narrow no-break space
      } else {
        return false
      }
    }
    return true
  }

  /// Offset of a trailing `'s` or `’s` to split off, if the word has one.
  private static func possessiveSplit(_ b: [UInt8], _ s: Int, _ e: Int) -> Int? {
    guard e - s >= 3, b[e - 1] == 0x73 || b[e - 1] == 0x53 else { return nil }
    if b[e - 2] == 0x27, e - 2 > s { return e - 2 }
    if e - s >= 5, b[e - 4] == 0xE2, b[e - 3] == 0x80, b[e - 2] == 0x99, e - 4 > s { return e - 4 }
    return nil
  }
}

@inline(__always) func isSpaceByte(_ c: UInt8) -> Bool { c == 32 || c == 9 || c == 10 || c == 13 || c == 12 || c == 11 }
