import BylineCore

/// Text inside quotation marks, possibly running over several paragraphs.
struct QuotedSpan {
  /// The content of each paragraph's piece, marks excluded and spaces trimmed.
  var pieces: [TextRange]
  /// The opening mark of the first piece.
  var openMark: TextRange
  /// The closing mark of the last piece; nil when the quote runs to the end of its paragraph.
  var closeMark: TextRange?
  /// The first piece's block.
  var block: Int

  var content: TextRange { TextRange(pieces[0].utf8Start, pieces[pieces.count - 1].utf8End) }
  /// From the opening mark to the closing mark (or the content's end).
  var outer: TextRange { TextRange(openMark.utf8Start, closeMark?.utf8End ?? content.utf8End) }
}

/// Finds double-quoted spans: straight `"…"`, curly `“…”`, `„…“`, `«…»`, and the TeX/PTB
/// forms ` ``…'' ` and `''…''`. Single quotes are not read as quotation marks (they are mostly
/// apostrophes and headline scare quotes).
///
/// Straight marks alternate open/close within a paragraph. A paragraph that opens a quote
/// without closing it continues in the next paragraph when that one opens with a mark (the
/// newspaper convention for multi-paragraph quotes).
enum QuoteMarkScanner {
  private enum Mark { case open, close, either }

  static func scan(_ doc: Document) -> [QuotedSpan] {
    let b = doc.bytes
    var result: [QuotedSpan] = []
    // The quote left open at the end of the previous block, if any.
    var carry: Int? = nil
    for (blockIndex, block) in doc.blocks.enumerated() {
      let incoming = carry
      carry = nil
      var open: TextRange? = nil
      var openJoins = false
      var sawMark = false
      var i = block.range.utf8Start
      let end = block.range.utf8End
      func emit(_ content: TextRange, _ openMark: TextRange, _ close: TextRange?, join: Int?) -> Int? {
        let c = trim(b, content)
        guard !c.isEmpty else { return nil }
        if let p = join {
          result[p].pieces.append(c)
          result[p].closeMark = close
          return p
        }
        result.append(QuotedSpan(pieces: [c], openMark: openMark, closeMark: close, block: blockIndex))
        return result.count - 1
      }
      while i < end {
        guard let (mark, len) = markAt(b, i, end) else { i += 1; continue }
        let r = TextRange(i, i + len)
        var kind = mark
        if kind == .either { kind = open == nil ? .open : .close }
        if kind == .open, open != nil, mark != .either, isClosingContext(b, i, len, end) { kind = .close }
        if kind == .close, open == nil, mark != .either, isOpeningContext(b, i, len, block.range.utf8Start) {
          kind = .open
        }
        switch kind {
        case .open:
          open = r
          openJoins = !sawMark && incoming != nil && onlySpaceBetween(b, block.range.utf8Start, i)
        case .close:
          if let o = open {
            _ = emit(TextRange(o.utf8End, i), o, r, join: openJoins ? incoming : nil)
            open = nil
            openJoins = false
          }
        case .either: break
        }
        sawMark = true
        i += len
      }
      if let o = open {
        carry = emit(TextRange(o.utf8End, end), o, nil, join: openJoins ? incoming : nil)
      }
    }
    return result
  }

  private static func markAt(_ b: [UInt8], _ i: Int, _ end: Int) -> (Mark, Int)? {
    switch b[i] {
    case 0x22: return (.either, 1)
    case 0x60: return i + 1 < end && b[i + 1] == 0x60 ? (.open, 2) : nil
    case 0x27: return i + 1 < end && b[i + 1] == 0x27 ? (.either, 2) : nil
    case 0xE2:
      guard i + 2 < end, b[i + 1] == 0x80 else { return nil }
      switch b[i + 2] {
      case 0x9C, 0x9E: return (.open, 3)
      case 0x9D: return (.close, 3)
      default: return nil
      }
    case 0xC2:
      guard i + 1 < end else { return nil }
      if b[i + 1] == 0xAB { return (.open, 2) }
      if b[i + 1] == 0xBB { return (.close, 2) }
      return nil
    default: return nil
    }
  }

  /// An opening-looking mark used as a closing one: after a non-space, before a space or end.
  private static func isClosingContext(_ b: [UInt8], _ i: Int, _ len: Int, _ end: Int) -> Bool {
    let before = i > 0 ? b[i - 1] : 32
    let after = i + len < end ? b[i + len] : 32
    return !isSpace(before) && (isSpace(after) || isPunct(after))
  }

  /// A closing-looking mark used as an opening one: after a space or the start, before a letter.
  private static func isOpeningContext(_ b: [UInt8], _ i: Int, _ len: Int, _ start: Int) -> Bool {
    let before = i > start ? b[i - 1] : 32
    let after = i + len < b.count ? b[i + len] : 32
    return isSpace(before) && !isSpace(after) && !isPunct(after)
  }

  private static func onlySpaceBetween(_ b: [UInt8], _ s: Int, _ e: Int) -> Bool {
    var k = s
    while k < e { if !isSpace(b[k]) { return false }; k += 1 }
    return true
  }

  static func trim(_ b: [UInt8], _ r: TextRange) -> TextRange {
    var s = r.utf8Start
    var e = r.utf8End
    while s < e, isSpace(b[s]) { s += 1 }
    while e > s, isSpace(b[e - 1]) { e -= 1 }
    return TextRange(s, e)
  }

  @inline(__always) static func isSpace(_ c: UInt8) -> Bool { c == 32 || c == 9 || c == 10 || c == 13 }
  @inline(__always) static func isPunct(_ c: UInt8) -> Bool {
    c == 44 || c == 46 || c == 59 || c == 58 || c == 33 || c == 63 || c == 41
  }
}
