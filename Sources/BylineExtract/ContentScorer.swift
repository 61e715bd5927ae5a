/// Finds the element(s) holding the article body, in the spirit of Readability: paragraphs
/// give points to their ancestors (less the further up), containers are weighted by tag and
/// class, scaled down by link density, and good siblings of the winner join it. A
/// schema.org `itemprop="articleBody"` element is used instead when it holds a fair share of
/// that text.
///
/// Limits: a page with no paragraph of 25+ visible characters yields no content; pages that
/// spread one article over unrelated containers may lose parts.
enum ContentScorer {
  // MARK: Statistics

  /// Fills `textLen`, `linkLen`, `paraLen` for every element not removed.
  static func computeStats(_ root: HTMLNode) {
    // One recursive walk (depth is capped by the tree builder): flags go down, totals come
    // back up; no array of the subtree is built.
    let p = root.parent
    accumulate(
      root, inLink: p?.traits.contains(.link) == true, inParagraph: p?.traits.contains(.paragraph) == true)
  }

  /// Fills the statistics of `n`'s subtree; `inLink`/`inParagraph`: an ancestor is `<a>`/`<p>`.
  private static func accumulate(_ n: HTMLNode, inLink: Bool, inParagraph: Bool) {
    if n.isText {
      let visible = n.visibleCount
      n.textLen = visible
      n.linkLen = inLink ? visible : 0
      n.paraLen = inParagraph && !inLink ? visible : 0
      return
    }
    let link = inLink || n.traits.contains(.link)
    let para = inParagraph || n.traits.contains(.paragraph)
    var text = 0
    var links = 0
    var paras = 0
    for c in n.children where !c.removed {
      accumulate(c, inLink: link, inParagraph: para)
      text += c.textLen
      links += c.linkLen
      paras += c.paraLen
    }
    n.textLen = text
    n.linkLen = links
    n.paraLen = paras
  }

  static func visibleCount(_ s: String) -> Int {
    var copy = s
    return copy.withUTF8 { visibleCount($0) }
  }

  /// ``visibleCount(_:)`` of UTF-8 bytes.
  static func visibleCount(_ b: UnsafeBufferPointer<UInt8>) -> Int {
    var c = 0
    var i = 0
    while i < b.count {
      let x = b[i]
      if x < 0x80 {
        if !(x == 0x20 || (x >= 0x09 && x <= 0x0D)) { c += 1 }
        i += 1
      } else if x < 0xC0 {
        i += 1  // continuation byte (counted with its lead)
      } else {
        if x == 0xC2 || x == 0xE1 || x == 0xE2 || x == 0xE3 {
          if let u = Unicode.Scalar(HTMLText.scalar(in: b, at: i).value), HTMLText.isSpace(u) {
            i += 1
            continue
          }
        }
        c += 1
        i += 1
      }
    }
    return c
  }

  // MARK: Pruning

  /// Marks furniture as removed: script/style and the like always; nav/aside/footer/header/
  /// form/figure and class/id-named furniture (`share`, `related`, `ad`…) unless they hold
  /// the article (≥ 35 % of the page's paragraph text, or an `articleBody`).
  static func prune(_ body: HTMLNode) {
    // Pass 1: elements that never hold text (scripts, styles, forms controls).
    var stack: [HTMLNode] = [body]
    var protected: Set<ObjectIdentifier> = []
    while let n = stack.popLast() {
      if n.isText { continue }
      if n !== body, n.traits.contains(.dropped) {
        n.removed = true
        continue
      }
      // An `articleBody` and its ancestors are never furniture.
      if isArticleBody(n) {
        protected.insert(ObjectIdentifier(n))
        for a in n.ancestors { protected.insert(ObjectIdentifier(a)) }
      }
      stack.append(contentsOf: n.children.reversed())
    }
    computeStats(body)
    let totals = (para: Double(body.paraLen), plain: Double(body.textLen - body.linkLen))
    // Pass 2: furniture, unless it holds the article.
    stack = [body]
    while let n = stack.popLast() {
      if n.isText { continue }
      if n !== body, shouldRemove(n, totals: totals, protected: protected) {
        n.removed = true
        continue
      }
      stack.append(contentsOf: n.children.reversed())
    }
    computeStats(body)
  }

  static func isArticleBody(_ n: HTMLNode) -> Bool {
    guard let ip = n.attribute("itemprop") else { return false }
    return ip.lowercased().contains("articlebody")
  }

  private static func shouldRemove(
    _ n: HTMLNode, totals: (para: Double, plain: Double), protected: Set<ObjectIdentifier>
  ) -> Bool {
    if protected.contains(ObjectIdentifier(n)) { return false }
    let plain = Double(n.textLen - n.linkLen)
    let big =
      (totals.para >= 500 && Double(n.paraLen) >= 0.35 * totals.para)
      || (totals.plain > 0 && plain >= 0.5 * totals.plain)
    let total = totals.para
    if n.traits.contains(.furniture) { return !big }
    if n.attribute("hidden") != nil { return !big }
    if let style = n.attribute("style"), styleHides(style) { return !big }
    let strength = n.furnitureStrength
    if strength == 1, plain >= 300, n.linkDensity < 0.5 { return false }
    if strength > 0 {
      if big { return false }
      if BoilerplateRules.classLooksLikeContent(words: n.rawClassWords), total > 0, Double(n.paraLen) >= 0.15 * total {
        return false
      }
      return true
    }
    return false
  }

  /// True when an inline style hides the element (`display: none`, `visibility:hidden`),
  /// compared on bytes with case and spaces ignored.
  static func styleHides(_ style: String) -> Bool {
    var squashed: [UInt8] = []
    squashed.reserveCapacity(style.utf8.count)
    for b in style.utf8 where b != 0x20 { squashed.append(b >= 65 && b <= 90 ? b + 32 : b) }
    return squashed.withUnsafeBufferPointer { h in
      "display:none".utf8.withContiguousStorageIfAvailable { HTMLText.contains(h, $0) } == true
        || "visibility:hidden".utf8.withContiguousStorageIfAvailable { HTMLText.contains(h, $0) } == true
    }
  }

  // MARK: Scoring

  static let blockTags: Set<String> = [
    "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul",
    "ol", "dl", "dt", "dd", "blockquote", "pre", "table", "tbody", "thead", "tfoot", "tr", "td",
    "th", "center", "address", "hr", "figure", "details", "summary", "header", "footer", "nav",
    "aside", "form", "fieldset", "body", "html",
  ]

  static let positiveWords: Set<String> = [
    "article", "body", "content", "entry", "hentry", "main", "page", "post", "text", "blog",
    "story", "articlebody", "richtext",
  ]
  static let negativeWords: Set<String> = [
    "comment", "comments", "footer", "foot", "footnote", "sidebar", "sponsor", "share", "social",
    "related", "promo", "widget", "meta", "tags", "hidden", "banner", "masthead", "media",
    "outbrain", "shopping", "tool", "tools", "combx", "contact", "scroll", "skyscraper", "ad",
    "ads", "nav", "menu", "teaser", "byline", "author",
  ]

  static func classWeight(_ n: HTMLNode) -> Double {
    let words = n.rawClassWords
    var w = 0.0
    if words.contains(where: { negativeWords.contains($0) }) { w -= 25 }
    if words.contains(where: { positiveWords.contains($0) }) { w += 25 }
    return w
  }

  static func initialScore(_ n: HTMLNode) -> Double {
    var s: Double
    switch n.tag {
    case "div", "article", "main": s = 5
    case "pre", "td", "blockquote": s = 3
    case "address", "ol", "ul", "dl", "dd", "dt", "li", "form": s = -3
    case "h1", "h2", "h3", "h4", "h5", "h6", "th": s = -5
    default: s = 0
    }
    if n.tag == "article" || isArticleBody(n) { s += 10 }
    return s + classWeight(n)
  }

  /// The selected content containers, in document order; empty when nothing scored.
  static func select(_ body: HTMLNode) -> [HTMLNode] {
    var scoredNodes: [HTMLNode] = []
    func add(_ node: HTMLNode, _ amount: Double) {
      if !node.scored {
        node.scored = true
        node.score = initialScore(node)
        scoredNodes.append(node)
      }
      node.score += amount
    }
    var bodies: [HTMLNode] = []  // schema.org articleBody elements, in document order
    for n in body.descendants() where !n.isText {
      if isArticleBody(n) { bodies.append(n) }
      var len = 0
      var firstAncestor: HTMLNode?
      var commas = 0
      if n.tag == "p" || n.tag == "pre" || n.tag == "td"
        || (["div", "section", "article", "span", "font", "center"].contains(n.tag)
          && !n.children.contains { !$0.removed && $0.isBlock })
      {
        // A paragraph, or a container with inline content only (Readability turns it into a p).
        if n.tag == "td" && n.children.contains(where: { $0.isBlock && !$0.removed }) {
          continue
        }
        if n.tag == "span" && n.parent.map({ !$0.isBlock }) ?? true { continue }
        len = n.textLen - n.linkLen / 2
        guard len >= 25 else { continue }
        firstAncestor = n.parent
        // Counted in place: building each candidate's inner text was quadratic in depth.
        n.forEachText { commas += commaCount($0) }
      } else if n.isBlock {
        // Loose text directly inside a container that also has block children.
        for c in n.children where c.isText {
          len += c.visibleCount
          commas += commaCount(c.text)
        }
        firstAncestor = n
      }
      guard len >= 25, var anc = firstAncestor else { continue }
      let contentScore = 1.0 + Double(commas) + min(Double(len) / 100.0, 3.0)
      var level = 0
      while level < 5 {
        let divider = level == 0 ? 1.0 : (level == 1 ? 2.0 : Double(level) * 3.0)
        add(anc, contentScore / divider)
        guard let up = anc.parent, anc !== body else { break }
        anc = up
        level += 1
      }
    }
    guard !scoredNodes.isEmpty else { return [] }
    for n in scoredNodes { n.score *= (1.0 - n.linkDensity) }
    let ranked = scoredNodes.sorted { $0.score > $1.score }
    var top = ranked[0]
    let topScore = top.score
    guard topScore > 0 else { return [] }

    // Several strong candidates under one ancestor: the article is split; take the ancestor.
    let alternatives = ranked.dropFirst().prefix(5).filter { $0.score / topScore >= 0.75 }
    if alternatives.count >= 3 {
      let altAncestors = alternatives.map { Set($0.ancestors.map(ObjectIdentifier.init)) }
      var p = top.parent
      while let a = p, a !== body {
        if altAncestors.filter({ $0.contains(ObjectIdentifier(a)) }).count >= 3 {
          top = a
          break
        }
        p = a.parent
      }
    }
    // An only child: its parent is the same content with maybe a heading around.
    while let p = top.parent, p !== body,
      p.children.filter({ !$0.removed && $0.textLen > 0 }).count == 1
    {
      top = p
    }

    // An article split into several containers (text, picture, text): climb while the parent
    // adds only prose (paragraph text with few links), never up to <body>.
    while let p = top.parent, p !== body, p.tag != "body" {
      let extraText = p.textLen - top.textLen
      if extraText == 0 {
        top = p
        continue
      }
      let extraLinks = p.linkLen - top.linkLen
      let extraPara = p.paraLen - top.paraLen
      guard Double(extraLinks) < 0.25 * Double(extraText), Double(extraPara) >= 0.6 * Double(extraText)
      else { break }
      top = p
    }

    var selection: [HTMLNode] = []
    if let parent = top.parent {
      let threshold = max(10.0, top.score * 0.2)
      let topClass = top.attribute("class") ?? ""
      for s in parent.children where !s.removed && !s.isText {
        if s === top {
          selection.append(s)
          continue
        }
        guard s.textLen > 0 else { continue }
        var bonus = 0.0
        if !topClass.isEmpty, s.attribute("class") == topClass { bonus = top.score * 0.2 }
        if s.scored && s.score + bonus >= threshold {
          selection.append(s)
        } else if s.tag == "p" {
          let len = s.textLen
          let density = s.linkDensity
          if len > 80 && density < 0.25 {
            selection.append(s)
          } else if len < 80 && len > 0 && density == 0 && endsSentence(s.innerText) {
            selection.append(s)
          }
        }
      }
    } else {
      selection = [top]
    }

    // schema.org articleBody wins when it holds a fair share of the selected text.
    bodies = bodies.filter { $0.textLen > 0 }
    let outermost = bodies.filter { b in !b.ancestors.contains { a in bodies.contains { $0 === a } } }
    let selectedLen = selection.reduce(0) { $0 + $1.textLen - $1.linkLen }
    let bodiesLen = outermost.reduce(0) { $0 + $1.textLen - $1.linkLen }
    if !outermost.isEmpty, Double(bodiesLen) >= 0.3 * Double(selectedLen) {
      return outermost
    }
    return selection
  }

  /// Commas (ASCII, full-width, ideographic) in `s`, counted on bytes.
  static func commaCount(_ s: String) -> Int {
    var n = 0
    var prev2: UInt8 = 0
    var prev1: UInt8 = 0
    for b in s.utf8 {
      if b == 0x2C {
        n += 1
      } else if b == 0x8C && prev1 == 0xBC && prev2 == 0xEF {  // U+FF0C
        n += 1
      } else if b == 0x81 && prev1 == 0x80 && prev2 == 0xE3 {  // U+3001
        n += 1
      }
      prev2 = prev1
      prev1 = b
    }
    return n
  }

  static func endsSentence(_ s: String) -> Bool {
    guard let last = s.last else { return false }
    return ".!?\"”»".contains(last)
  }
}
