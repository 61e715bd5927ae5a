import BylineCore

/// Per-document token facts the attribution rules look up many times: lower-cased texts,
/// capitalisation and the sentence and block of each token.
struct TokenView {
  let doc: Document
  /// Lower-cased token texts.
  let low: [String]
  /// True when the token starts with an upper-case letter.
  let cap: [Bool]
  /// Sentence index of each token (-1 when between sentences).
  let sentence: [Int]
  /// Token ranges of each sentence.
  let sentenceTokens: [Range<Int>]
  /// Token ranges of each block.
  let blockTokens: [Range<Int>]

  init(_ doc: Document) {
    self.doc = doc
    var low: [String] = []
    var cap: [Bool] = []
    low.reserveCapacity(doc.tokens.count)
    cap.reserveCapacity(doc.tokens.count)
    for t in doc.tokens {
      let s = doc.string(t.range)
      low.append(s.lowercased())
      let first = doc.bytes[t.range.utf8Start]
      if first < 0x80 {
        cap.append(first >= 65 && first <= 90)
      } else {
        cap.append(t.kind == .word && (s.first?.isUppercase ?? false))
      }
    }
    self.low = low
    self.cap = cap
    var sentence = [Int](repeating: -1, count: doc.tokens.count)
    var ranges: [Range<Int>] = []
    for (n, s) in doc.sentences.enumerated() {
      let r = doc.tokenIndices(in: s)
      for i in r { sentence[i] = n }
      ranges.append(r)
    }
    self.sentence = sentence
    self.sentenceTokens = ranges
    self.blockTokens = doc.blocks.map { doc.tokenIndices(in: $0.range) }
  }

  var count: Int { low.count }

  func range(_ i: Int) -> TextRange { doc.tokens[i].range }

  /// The text span from token `a` through token `b - 1`.
  func span(_ r: Range<Int>) -> TextRange {
    TextRange(doc.tokens[r.lowerBound].range.utf8Start, doc.tokens[r.upperBound - 1].range.utf8End)
  }

  func text(_ r: Range<Int>) -> String { doc.string(span(r)) }

  /// True for a "." that ends a sentence, false for one closing an abbreviation or initial
  /// ("Rep.", "J.", "U.S.").
  func isFullStop(_ i: Int) -> Bool {
    guard low[i] == "." else { return false }
    guard i > 0, range(i - 1).utf8End == range(i).utf8Start, cap[i - 1] else { return true }
    let w = low[i - 1]
    return !(w.utf8.count <= 3 || w.contains("."))
  }

  /// True for sentence-ending punctuation: ".", "!", "?", ";".
  func isTerminal(_ i: Int) -> Bool {
    let w = low[i]
    return w == "!" || w == "?" || w == ";" || isFullStop(i)
  }

  /// True when tokens `a` through `b` touch with no space between them ("Jong-un").
  func glued(_ a: Int, _ b: Int) -> Bool {
    guard a >= 0, b < count, a < b else { return false }
    for k in a..<b where range(k).utf8End != range(k + 1).utf8Start { return false }
    return true
  }

  func isWord(_ i: Int) -> Bool { doc.tokens[i].kind == .word || doc.tokens[i].kind == .number }

  /// The token range of the sentence holding token `i`, or of its block when it is in none.
  func sentenceRange(of i: Int) -> Range<Int> {
    if sentence[i] >= 0 { return sentenceTokens[sentence[i]] }
    return i..<(i + 1)
  }
}
