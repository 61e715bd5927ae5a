import BylineCore

/// A text block found in the content: its collapsed text, kind, and link share.
struct RawBlock {
  var text: String
  var kind: Block.Kind
  /// Visible characters inside links / all visible characters.
  var linkDensity: Double
  /// The block element's tag ("p", "h2", "li", or "div" for loose text).
  var tag: String
}

/// Turns content containers into text blocks in document order.
///
/// Block elements (p, div, h1–h6, li, blockquote, td…) end the current block; inline
/// elements continue it. `<br><br>` splits a block; a single `<br>` becomes a line break.
/// Headings become `.heading`, list items `.listItem`, anything inside a block quote
/// `.blockQuote`.
struct BlockCollector {
  private(set) var blocks: [RawBlock] = []
  private var buffer = ""
  private var bufferLinks = 0
  private var bufferVisible = 0
  private var bufferKind: Block.Kind = .paragraph
  private var bufferTag = "div"

  static func collect(_ nodes: [HTMLNode]) -> [RawBlock] {
    var c = BlockCollector()
    for n in nodes { c.walk(n, kind: .paragraph, tag: "div", inLink: false) }
    c.flush()
    return c.blocks
  }

  private mutating func flush() {
    // Most blocks hold no line break: collapse them whole (splitting a String by Character
    // was most of this function's time).
    let text: String
    if !buffer.utf8.contains(10) {
      text = HTMLText.collapse(buffer)
    } else {
      text = buffer.utf8.split(separator: 10, omittingEmptySubsequences: true)
        .map { HTMLText.collapse(String(decoding: $0, as: UTF8.self)) }.filter { !$0.isEmpty }
        .joined(separator: "\n")
    }
    if !text.isEmpty {
      let density = bufferVisible == 0 ? 0 : Double(bufferLinks) / Double(bufferVisible)
      blocks.append(RawBlock(text: text, kind: bufferKind, linkDensity: density, tag: bufferTag))
    }
    buffer = ""
    bufferLinks = 0
    bufferVisible = 0
  }

  private mutating func walk(_ n: HTMLNode, kind: Block.Kind, tag: String, inLink: Bool) {
    if n.removed { return }
    if n.isText {
      let visible = n.visibleCount
      if visible > 0 && bufferVisible == 0 {
        bufferKind = kind
        bufferTag = tag
      }
      // Newlines in the source are just spaces (except in <pre>, handled by the caller).
      buffer += HTMLText.newlinesToSpaces(n.text)
      bufferVisible += visible
      if inLink { bufferLinks += visible }
      return
    }
    if n.tag == "br" {
      if buffer.trimmingSpacesSuffixHasNewline
      {
        flush()
      } else {
        buffer += "\n"
      }
      return
    }
    if n.tag == "pre" {
      flush()
      for line in n.innerTextPreservingLines.split(separator: "\n") {
        buffer += String(line) + "\n"
      }
      bufferKind = kind == .blockQuote ? .blockQuote : .paragraph
      bufferTag = "pre"
      bufferVisible = ContentScorer.visibleCount(buffer)
      flush()
      return
    }
    if n.tag == "td" || n.tag == "th",
      !n.children.contains(where: { !$0.removed && $0.isBlock })
    {
      // A data cell: part of its row's line.
      if bufferVisible > 0 { buffer += " " }
      for c in n.children { walk(c, kind: kind, tag: "tr", inLink: inLink) }
      return
    }
    if n.isBlock {
      flush()
      var k = kind
      switch n.tag {
      case "h1", "h2", "h3", "h4", "h5", "h6": k = kind == .blockQuote ? .blockQuote : .heading
      case "li", "dd", "dt": k = kind == .blockQuote ? .blockQuote : .listItem
      case "blockquote": k = .blockQuote
      default: break
      }
      let t = ["div", "section", "article", "main", "body", "html", "center"].contains(n.tag) ? tag : n.tag
      for c in n.children { walk(c, kind: k, tag: t, inLink: inLink) }
      flush()
      return
    }
    for c in n.children { walk(c, kind: kind, tag: tag, inLink: inLink || n.traits.contains(.link)) }
  }
}

extension String {
  /// True when the string, ignoring trailing spaces, ends with a newline.
  fileprivate var trimmingSpacesSuffixHasNewline: Bool {
    var s = Substring(self)
    while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
    return s.hasSuffix("\n")
  }
}

extension HTMLNode {
  /// The subtree text with line breaks kept (for `<pre>`).
  var innerTextPreservingLines: String {
    var s = ""
    for n in descendants() {
      if n.isText { s += n.text } else if n.tag == "br" { s += "\n" }
    }
    return s
  }
}
