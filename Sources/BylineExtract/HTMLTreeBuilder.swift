/// Builds the ``HTMLNode`` tree of a page from ``HTMLTokenizer`` tokens, repairing markup the
/// way browsers and libxml2 do for the cases news pages contain.
///
/// - `<html>`, `<head>` and `<body>` are implied when missing; head-only elements (`meta`,
///   `link`, `title`, `script`, `style`, …) before the body go to the head, anything else
///   starts the body. `</body>` and `</html>` are ignored, so trailing markup stays in the body.
/// - Void elements (`br`, `img`, `meta`, …) and `<x/>` never take children.
/// - Implied end tags: a block element closes an open `<p>`; `<li>`, `<dd>`/`<dt>`, `<option>`,
///   table rows, cells and sections close their open siblings; `<a>` closes an open `<a>`; a
///   heading closes a heading.
/// - An end tag closes the nearest open element of its name and everything opened inside it,
///   unless a "stronger" container lies in between (libxml2's priorities: a `</span>` cannot
///   close a `<div>`, a `</div>` cannot close a table cell); otherwise it is ignored.
/// - Nesting deeper than ``maxDepth`` is flattened into the element at that depth, so later
///   recursive walks cannot overflow the stack.
struct HTMLTreeBuilder {
  /// Open elements deeper than this are not pushed: their content goes to the deepest one.
  static let maxDepth = 300

  /// What the builder needs to know of a tag name, looked up once per start tag (hashing a
  /// tag name against several sets per token was a third of the parse).
  struct TagInfo: OptionSet {
    let rawValue: UInt32
    /// Never has children (`br`, `img`, `meta`…).
    static let void = TagInfo(rawValue: 1 << 0)
    /// Belongs in `<head>` when it comes before the body.
    static let headElement = TagInfo(rawValue: 1 << 1)
    /// Its start tag closes an open `<p>` (HTML's "close a p element").
    static let closesParagraph = TagInfo(rawValue: 1 << 2)
    static let heading = TagInfo(rawValue: 1 << 3)
    /// An implied `</p>` does not look beyond it (HTML's "button scope").
    static let paragraphScope = TagInfo(rawValue: 1 << 4)
    static let paragraph = TagInfo(rawValue: 1 << 5)
    static let listItem = TagInfo(rawValue: 1 << 6)  // li
    static let list = TagInfo(rawValue: 1 << 7)  // ul, ol, menu, dir
    static let definition = TagInfo(rawValue: 1 << 8)  // dd, dt
    static let definitionList = TagInfo(rawValue: 1 << 9)  // dl
    static let row = TagInfo(rawValue: 1 << 10)  // tr
    static let cell = TagInfo(rawValue: 1 << 11)  // td, th
    static let tableSection = TagInfo(rawValue: 1 << 12)  // thead, tbody, tfoot
    static let table = TagInfo(rawValue: 1 << 13)
    static let body = TagInfo(rawValue: 1 << 14)
    static let anchor = TagInfo(rawValue: 1 << 15)
    static let option = TagInfo(rawValue: 1 << 16)
    static let optgroup = TagInfo(rawValue: 1 << 17)

    /// libxml2's end-tag priority: an end tag does not close an open element of higher priority.
    var endPriority: Int {
      if contains(.body) { return 200 }
      if contains(.table) { return 190 }
      if contains(.tableSection) { return 180 }
      if contains(.row) { return 170 }
      if contains(.cell) { return 160 }
      if rawValue & TagInfo.divFlag != 0 { return 150 }
      return 100
    }
    /// Marks `div` for ``endPriority`` (kept out of the public flags' meaning).
    fileprivate static let divFlag: UInt32 = 1 << 31

    static func of(_ name: String) -> TagInfo { byName[name] ?? [] }

    /// ``TagInfo`` and the node's ``HTMLNode/Traits`` of a tag in one look-up.
    static func lookUp(_ name: String) -> (TagInfo, HTMLNode.Traits) { both[name] ?? ([], []) }

    private static let both: [String: (TagInfo, HTMLNode.Traits)] = {
      var t: [String: (TagInfo, HTMLNode.Traits)] = [:]
      let names = Set(byName.keys).union(ContentScorer.blockTags).union(BoilerplateRules.dropTags)
        .union(BoilerplateRules.furnitureTags).union(["a", "p"])
      for n in names { t[n] = (of(n), HTMLNode.Traits.of(n)) }
      return t
    }()

    private static let byName: [String: TagInfo] = {
      var t: [String: TagInfo] = [:]
      func add(_ names: [String], _ info: TagInfo) {
        for n in names { t[n, default: []].formUnion(info) }
      }
      add(
        ["area", "base", "basefont", "bgsound", "br", "col", "command", "embed", "frame", "hr", "img",
         "input", "keygen", "link", "meta", "param", "source", "track", "wbr"], .void)
      add(
        ["base", "basefont", "bgsound", "link", "meta", "noscript", "script", "style", "template",
         "title"], .headElement)
      add(
        ["address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div",
         "dl", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5",
         "h6", "header", "hgroup", "hr", "li", "dd", "dt", "listing", "main", "menu", "nav", "ol",
         "p", "pre", "section", "summary", "table", "ul", "xmp"], .closesParagraph)
      add(["h1", "h2", "h3", "h4", "h5", "h6"], .heading)
      add(
        ["applet", "button", "caption", "html", "marquee", "object", "table", "td", "template", "th"],
        .paragraphScope)
      add(["p"], .paragraph)
      add(["li"], .listItem)
      add(["ul", "ol", "menu", "dir"], .list)
      add(["dd", "dt"], .definition)
      add(["dl"], .definitionList)
      add(["tr"], .row)
      add(["td", "th"], .cell)
      add(["thead", "tbody", "tfoot"], .tableSection)
      add(["table"], .table)
      add(["body", "head", "html"], .body)
      add(["a"], .anchor)
      add(["option"], .option)
      add(["optgroup"], .optgroup)
      add(["div"], TagInfo(rawValue: divFlag))
      return t
    }()
  }

  /// The synthetic root (`#document`) holding the `html` element.
  let root = HTMLNode(tag: "#document")
  /// Open elements below the root, innermost last, with their tag's ``TagInfo``.
  private var stack: [(node: HTMLNode, info: TagInfo)] = []
  private var html: HTMLNode?
  private var head: HTMLNode?
  private var body: HTMLNode?
  /// The page text nodes point into, and its bytes while the tokenizer runs.
  private let source: HTMLSource
  private var bytes = UnsafeBufferPointer<UInt8>(start: nil, count: 0)

  private init(source: HTMLSource) {
    self.source = source
  }

  /// Parses `html` into a tree rooted at a `#document` node. Never fails; empty input gives a
  /// root with an empty `html` element.
  static func parse(_ html: String) -> HTMLNode {
    parse(source: HTMLSource(html))
  }

  /// Parses a page given as UTF-8 bytes, which must be valid UTF-8 (``UTF8Check``).
  static func parse(bytes: [UInt8]) -> HTMLNode {
    parse(source: HTMLSource(validUTF8: bytes))
  }

  private static func parse(source: HTMLSource) -> HTMLNode {
    var builder = HTMLTreeBuilder(source: source)
    source.withBytes { bytes in
      builder.bytes = bytes
      var tokenizer = HTMLTokenizer(bytes, keptAttributes: Self.keptAttributes)
      tokenizer.run { builder.consume($0) }
      builder.bytes = UnsafeBufferPointer(start: nil, count: 0)
    }
    builder.ensureHTML()
    return builder.root
  }

  /// ``HTMLNode/readAttributes`` for the tokenizer.
  private static let keptAttributes = HTMLTokenizer.NameSet(HTMLNode.readAttributes)

  private var current: HTMLNode { stack.last?.node ?? root }
  private var currentInfo: TagInfo { stack.last?.info ?? [] }

  mutating func consume(_ token: HTMLTokenizer.Token) {
    switch token {
    case .start(let name, let attributes, let selfClosing):
      start(name, attributes, selfClosing)
    case .end(let name):
      end(name)
    case .text(let text):
      let blank = text.utf8.allSatisfy(HTMLTokenizer.isSpace)
      if keepText(blank: blank) { current.append(HTMLNode(tag: "", text: text)) }
    case .rawText(let range):
      let blank = UnsafeBufferPointer(rebasing: bytes[range]).allSatisfy(HTMLTokenizer.isSpace)
      if keepText(blank: blank) { current.append(HTMLNode(textIn: source, range: range)) }
    }
  }

  // MARK: - Document structure

  /// Creates the `html` element (with `attributes` when its tag came first) unless it exists.
  private mutating func ensureHTML(_ attributes: [(name: String, value: String)] = []) {
    guard html == nil else { return }
    let h = HTMLNode(tag: "html", attributes: attributes)
    root.append(h)
    stack = [(h, [.body, .paragraphScope])]
    html = h
  }

  private mutating func ensureHead() -> HTMLNode {
    if let head { return head }
    ensureHTML()
    let h = HTMLNode(tag: "head")
    html!.append(h)
    head = h
    return h
  }

  /// Closes the head (if open) and opens the body (implied unless `attributes` came with a
  /// `<body>` tag).
  private mutating func startBody(_ attributes: [(name: String, value: String)] = []) {
    ensureHTML()
    _ = ensureHead()
    stack.removeAll { $0.node !== html }
    let b = HTMLNode(tag: "body", attributes: attributes)
    html!.append(b)
    stack.append((b, .body))
    body = b
  }

  // MARK: - Tokens

  private mutating func start(
    _ name: String, _ attributes: [(name: String, value: String)], _ selfClosing: Bool
  ) {
    switch name {
    case "html":
      ensureHTML(attributes)
      return
    case "head":
      if head == nil, body == nil {
        let h = ensureHead()
        stack.append((h, .body))
      }
      return
    case "body":
      if body == nil { startBody(attributes) }
      return
    default:
      break
    }
    ensureHTML()
    let (info, traits) = TagInfo.lookUp(name)
    let element = HTMLNode(tag: name, attributes: attributes, traits: traits)
    let takesChildren = !selfClosing && !info.contains(.void)
    if body == nil {
      if info.contains(.headElement) {
        let h = ensureHead()
        let inHead = stack.contains { $0.node === h }
        (inHead ? current : h).append(element)
        if takesChildren { stack.append((element, info)) }
        return
      }
      startBody()
    }
    closeImplied(before: info)
    current.append(element)
    if takesChildren, stack.count < Self.maxDepth { stack.append((element, info)) }
  }

  private mutating func end(_ name: String) {
    switch name {
    case "html", "body":
      return
    case "head":
      if let head, current === head { stack.removeLast() }
      return
    case "br":
      start("br", [], true)
      return
    default:
      break
    }
    // The end tag's own priority is looked up only when a container is in the way (most end
    // tags close the innermost element).
    var priority: Int?
    var k = stack.count - 1
    while k >= 0 {
      if stack[k].node.tag == name {
        stack.removeSubrange(k...)
        return
      }
      let blocking = stack[k].info.endPriority
      if blocking > 100 {
        if priority == nil { priority = TagInfo.of(name).endPriority }
        if blocking > priority! { return }
      }
      k -= 1
    }
  }

  /// Whether text (all white space when `blank`) is kept at the current position; opens the
  /// body for visible text before it.
  private mutating func keepText(blank: Bool) -> Bool {
    let c = current
    if c === root || c === html || c === head {
      if blank { return false }
      if body == nil { startBody() }
    }
    // Indentation after a block element (`</p>\n  <p>`) or opening one (`<div>\n  <p>`) is
    // dropped, as libxml2 does: it separates nothing the blocks do not, and it was a large
    // share of all nodes. After inline content (`<b>a</b> <i>b</i>`) the space is kept.
    if blank, c.tag != "pre", c.children.last.map({ $0.isBlock }) ?? c.isBlock {
      return false
    }
    return true
  }

  // MARK: - Implied end tags

  /// Closes what a start tag with `info` implicitly ends.
  private mutating func closeImplied(before info: TagInfo) {
    if info.contains(.closesParagraph) { closeParagraph() }
    if info.contains(.listItem) {
      closeOutermost(of: .listItem, within: [.list, .table, .cell, .body])
    } else if info.contains(.definition) {
      closeOutermost(of: .definition, within: [.definitionList, .table, .cell, .body])
    } else if info.contains(.row) {
      closeOutermost(of: [.row, .cell], within: [.table, .tableSection, .body])
    } else if info.contains(.cell) {
      closeOutermost(of: .cell, within: [.row, .table, .tableSection, .body])
    } else if info.contains(.tableSection) {
      closeOutermost(of: [.tableSection, .row, .cell], within: [.table, .body])
    } else if info.contains(.option) {
      if currentInfo.contains(.option) { stack.removeLast() }
    } else if info.contains(.optgroup) {
      if currentInfo.contains(.option) { stack.removeLast() }
      if currentInfo.contains(.optgroup) { stack.removeLast() }
    } else if info.contains(.anchor) {
      closeOutermost(of: .anchor, within: [.table, .cell, .body])
    } else if info.contains(.heading), currentInfo.contains(.heading) {
      stack.removeLast()
    }
  }

  /// Closes the nearest open `<p>` unless a scope boundary comes first.
  private mutating func closeParagraph() {
    var k = stack.count - 1
    while k >= 0 {
      let info = stack[k].info
      if info.contains(.paragraph) {
        stack.removeSubrange(k...)
        return
      }
      if !info.isDisjoint(with: .paragraphScope) { return }
      k -= 1
    }
  }

  /// Closes the outermost open element with a flag of `targets` above the nearest element
  /// with a flag of `boundary`.
  private mutating func closeOutermost(of targets: TagInfo, within boundary: TagInfo) {
    var found: Int?
    var k = stack.count - 1
    while k >= 0 {
      let info = stack[k].info
      if !info.isDisjoint(with: targets) {
        found = k
      } else if !info.isDisjoint(with: boundary) {
        break
      }
      k -= 1
    }
    if let found { stack.removeSubrange(found...) }
  }
}
