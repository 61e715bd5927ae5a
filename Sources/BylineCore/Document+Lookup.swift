extension Document {
  /// Index of the first token whose end is after `offset` (the token containing `offset`, or
  /// the next one); `tokens.count` when there is none.
  public func tokenIndex(atOrAfter offset: Int) -> Int {
    var lo = 0
    var hi = tokens.count
    while lo < hi {
      let mid = (lo + hi) / 2
      if tokens[mid].range.utf8End <= offset { lo = mid + 1 } else { hi = mid }
    }
    return lo
  }

  /// Indices of the tokens lying entirely inside `range`.
  public func tokenIndices(in range: TextRange) -> Range<Int> {
    var i = tokenIndex(atOrAfter: range.utf8Start)
    while i < tokens.count, tokens[i].range.utf8Start < range.utf8Start { i += 1 }
    var j = i
    while j < tokens.count, tokens[j].range.utf8End <= range.utf8End { j += 1 }
    return i..<j
  }

  /// Index of the sentence containing `offset`, or nil when it falls between sentences.
  public func sentenceIndex(containing offset: Int) -> Int? {
    var lo = 0
    var hi = sentences.count
    while lo < hi {
      let mid = (lo + hi) / 2
      if sentences[mid].utf8End <= offset { lo = mid + 1 } else { hi = mid }
    }
    return lo < sentences.count && sentences[lo].utf8Start <= offset ? lo : nil
  }

  /// Index of the block containing `offset`, or nil.
  public func blockIndex(containing offset: Int) -> Int? {
    var lo = 0
    var hi = blocks.count
    while lo < hi {
      let mid = (lo + hi) / 2
      if blocks[mid].range.utf8End <= offset { lo = mid + 1 } else { hi = mid }
    }
    return lo < blocks.count && blocks[lo].range.utf8Start <= offset ? lo : nil
  }

  /// The text of token `index`.
  public func tokenText(_ index: Int) -> String { string(tokens[index].range) }
}
