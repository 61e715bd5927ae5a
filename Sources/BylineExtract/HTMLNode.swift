/// A node of the parsed page (built by ``HTMLTreeBuilder``).
///
/// Elements carry a lower-cased `tag`, their attributes and children; text nodes carry `text`
/// (entities already decoded by the parser). The tree is built once per page and only read and
/// pruned (`removed`) afterwards.
///
/// Lifetime: a node holds its children strongly and its parent *unowned*: whoever walks up
/// from a node must keep the tree's root alive (``HTMLArticleExtractor`` does, for the whole
/// extraction). A weak parent cost a side-table allocation per element and a fifth of the
/// tree's build and release time.
final class HTMLNode {
  /// The lower-cased element name; empty for a text node.
  let tag: String
  /// Attribute names (lower-cased) and values, in page order.
  let attributes: [(name: String, value: String)]
  /// The text of a text node (read from the page on first use); empty for elements.
  var text: String {
    if let storedText { return storedText }
    guard let source else { return "" }
    let s = source.string(sourceRange)
    storedText = s
    return s
  }
  /// The text when known (given, decoded, or already read from ``source``).
  private var storedText: String?
  /// The page a raw text node's bytes are in, and where (UTF-8 offsets).
  private let source: HTMLSource?
  private let sourceRange: Range<Int>
  private(set) var children: [HTMLNode] = []
  private(set) unowned(unsafe) var parent: HTMLNode?
  /// Set when boilerplate removal drops this subtree.
  var removed = false

  // Statistics filled by `ContentScorer.computeStats` (subtree totals, removed parts excluded).
  /// Visible characters (non-space scalars) in the subtree.
  var textLen = 0
  /// Visible characters inside links.
  var linkLen = 0
  /// Visible characters inside `<p>` elements and not inside links.
  var paraLen = 0
  /// Visible characters (non-space scalars) of a text node's `text`, counted once (on the
  /// page's bytes when the text has not been read).
  lazy var visibleCount: Int = {
    if storedText == nil, let source {
      let r = sourceRange
      return source.withBytes { ContentScorer.visibleCount(UnsafeBufferPointer(rebasing: $0[r])) }
    }
    return ContentScorer.visibleCount(text)
  }()

  /// The first scalar of a text node's text that is not white space, without reading the
  /// whole text into a String.
  var firstVisibleScalar: Unicode.Scalar? {
    if storedText == nil, let source {
      let r = sourceRange
      return source.withBytes { b in
        var it = UnsafeBufferPointer(rebasing: b[r]).makeIterator()
        var decoder = UTF8()
        while case .scalarValue(let u) = decoder.decode(&it) {
          if !HTMLText.isSpace(u) { return u }
        }
        return nil
      }
    }
    return text.unicodeScalars.first { !HTMLText.isSpace($0) }
  }
  /// Readability-style content score; `scored` says whether it was initialised.
  var score = 0.0
  var scored = false

  /// Share of the subtree's text inside links (0 when there is no text).
  var linkDensity: Double { textLen == 0 ? 0 : Double(linkLen) / Double(textLen) }

  /// Classes of this element the extractor asks about on every node, looked up once here
  /// (hashing the tag name into a set per check was a visible part of extraction time).
  struct Traits: OptionSet {
    let rawValue: UInt8
    /// In ``ContentScorer/blockTags``: ends an inline run, a text block of its own.
    static let block = Traits(rawValue: 1 << 0)
    /// In ``BoilerplateRules/dropTags``: never holds article text.
    static let dropped = Traits(rawValue: 1 << 1)
    /// In ``BoilerplateRules/furnitureTags``.
    static let furniture = Traits(rawValue: 1 << 2)
    /// `<a>`.
    static let link = Traits(rawValue: 1 << 3)
    /// `<p>`.
    static let paragraph = Traits(rawValue: 1 << 4)

    private static let byTag: [String: Traits] = {
      var t: [String: Traits] = [:]
      for n in ContentScorer.blockTags { t[n, default: []].insert(.block) }
      for n in BoilerplateRules.dropTags { t[n, default: []].insert(.dropped) }
      for n in BoilerplateRules.furnitureTags { t[n, default: []].insert(.furniture) }
      t["a", default: []].insert(.link)
      t["p", default: []].insert(.paragraph)
      return t
    }()

    static func of(_ tag: String) -> Traits { tag.isEmpty ? [] : byTag[tag] ?? [] }
  }

  /// ``Traits`` of `tag`.
  let traits: Traits
  var isBlock: Bool { traits.contains(.block) }

  /// `traits` are looked up from `tag` unless given (the tree builder has them already).
  init(tag: String, attributes: [(name: String, value: String)] = [], text: String = "", traits: Traits? = nil) {
    self.tag = tag
    self.traits = traits ?? Traits.of(tag)
    self.attributes = attributes
    self.storedText = text.isEmpty ? nil : text
    self.source = nil
    self.sourceRange = 0..<0
  }

  /// A text node whose text is `range` (UTF-8 offsets) of `source`, read on first use.
  init(textIn source: HTMLSource, range: Range<Int>) {
    self.tag = ""
    self.traits = []
    self.attributes = []
    self.storedText = nil
    self.source = source
    self.sourceRange = range
  }

  var isText: Bool { tag.isEmpty }

  func append(_ child: HTMLNode) {
    child.parent = self
    children.append(child)
  }

  /// The attributes the extractor reads; the tree builder keeps only these (decoding and
  /// copying every `data-*`, `srcset` and `onclick` value cost time for nothing). Reading any
  /// other attribute is a programming error, caught by an assertion in debug builds: add the
  /// name here first.
  static let readAttributes: Set<String> = [
    "class", "id", "content", "datetime", "hidden", "href", "itemprop", "lang", "xml:lang", "rel",
    "src", "style", "type", "property", "name", "http-equiv", "title", "data-date", "data-timestamp",
  ]

  /// The value of the first attribute called `name` (lower-case; one of ``readAttributes``).
  func attribute(_ name: String) -> String? {
    assert(Self.readAttributes.contains(name), "attribute \(name) is not kept by HTMLTreeBuilder")
    for a in attributes where a.name == name { return a.value }
    return nil
  }

  /// Lower-case ASCII substrings to look for in `class`/`id` values, indexed by first byte.
  struct Stems: Sendable {
    /// For each byte value, the stems starting with it.
    fileprivate let byFirstByte: [[[UInt8]]]

    init(_ stems: [String]) {
      var table = [[[UInt8]]](repeating: [], count: 256)
      for s in stems where !s.isEmpty {
        let bytes = Array(s.lowercased().utf8)
        table[Int(bytes[0])].append(bytes)
      }
      byFirstByte = table
    }
  }

  /// False when neither `class` nor `id` contains any of `stems`, ASCII case ignored: a cheap
  /// test before ``classWords`` is computed, for loops that look for a few words among every
  /// element of the page. A word of ``classWords`` always contains a stem that is a substring
  /// of it, so a `false` here is final.
  func classOrIDMayContain(_ stems: Stems) -> Bool {
    for a in attributes where a.name == "class" || a.name == "id" {
      var v = a.value
      let hit = v.withUTF8 { h -> Bool in
        for i in 0..<h.count {
          var c = h[i]
          if c >= 65 && c <= 90 { c += 32 }
          for stem in stems.byFirstByte[Int(c)] where i + stem.count <= h.count {
            var k = 1
            while k < stem.count {
              var b = h[i + k]
              if b >= 65 && b <= 90 { b += 32 }
              if b != stem[k] { break }
              k += 1
            }
            if k == stem.count { return true }
          }
        }
        return false
      }
      if hit { return true }
    }
    return false
  }

  /// `class` and `id` together, lower-cased, for boilerplate and hint matching.
  lazy var classAndID: String = { rawClassAndID.lowercased() }()
  /// ``BoilerplateRules/words(_:)`` of `classAndID`, computed once (ancestor walks ask often).
  lazy var classWords: [String] = {
    // ASCII (nearly always): split the raw string, lower-casing word by word.
    let raw = rawClassAndID
    if raw.utf8.allSatisfy({ $0 < 0x80 }) { return BoilerplateRules.asciiWords(raw, splitCamelCase: false) }
    return BoilerplateRules.words(classAndID)
  }()

  /// `class` and `id` together as written (camelCase kept for word splitting).
  lazy var rawClassAndID: String = {
    let c = attribute("class")
    let i = attribute("id")
    // Most elements have neither: no string to build, lower-case and split.
    if c == nil && i == nil { return "" }
    return (c ?? "") + " " + (i ?? "")
  }()
  /// ``BoilerplateRules/words(_:)`` of `rawClassAndID` (camelCase split), computed once.
  lazy var rawClassWords: [String] = { BoilerplateRules.words(rawClassAndID) }()
  /// ``BoilerplateRules/furnitureStrength(_:)`` of `rawClassAndID`, computed once.
  lazy var furnitureStrength: Int = {
    BoilerplateRules.furnitureStrength(words: rawClassWords, lower: classAndID)
  }()

  /// True when this node or an ancestor (below `<body>`) has a reader-comment class
  /// (`comment`, `comments`, `commentlist`, `respond`, `disqus`); computed once per node.
  lazy var inCommentSection: Bool = {
    guard let p = parent else { return false }
    if p.tag != "body" && p.tag != "html"
      && p.classWords.contains(where: {
        $0 == "comment" || $0 == "comments" || $0 == "commentlist" || $0 == "respond" || $0 == "disqus"
      })
    {
      return true
    }
    return p.inCommentSection
  }()

  /// ``inCommentSection``, or inside a `<form>`.
  lazy var inCommentsOrForm: Bool = {
    guard let p = parent else { return false }
    if p.tag == "form" { return true }
    return p.inCommentsOrForm || inCommentSection
  }()

  /// All nodes of the subtree in document order (self first). Iterative: no recursion limit.
  func descendants(includingRemoved: Bool = false) -> [HTMLNode] {
    var out: [HTMLNode] = []
    var stack: [HTMLNode] = [self]
    while let n = stack.popLast() {
      if n.removed && !includingRemoved { continue }
      out.append(n)
      for c in n.children.reversed() { stack.append(c) }
    }
    return out
  }

  /// Descendant elements with the given tag, in document order.
  func elements(_ tag: String) -> [HTMLNode] {
    descendants().filter { $0.tag == tag }
  }

  /// The ancestors from the parent up to the root.
  var ancestors: [HTMLNode] {
    var out: [HTMLNode] = []
    var p = parent
    while let n = p {
      out.append(n)
      p = n.parent
    }
    return out
  }

  /// True when this node or an ancestor was removed.
  var isDetached: Bool {
    if removed { return true }
    var p = parent
    while let n = p {
      if n.removed { return true }
      p = n.parent
    }
    return false
  }

  /// Calls `visit` with the text of each text node of the subtree, in document order,
  /// skipping removed parts. Recursive: the builder caps depth at ``HTMLTreeBuilder/maxDepth``.
  func forEachText(_ visit: (String) -> Void) {
    if removed { return }
    if isText {
      visit(text)
      return
    }
    for c in children { c.forEachText(visit) }
  }

  /// ``innerText`` when it has at most `limit` Unicode scalars, else nil. Stops reading as soon
  /// as the subtree holds more than `limit` non-space scalars (a whole-article container
  /// asked for a short date line is not collapsed in full).
  func innerText(ifAtMost limit: Int) -> String? {
    var s = ""
    var visible = 0
    for n in descendants() where n.isText {
      for u in n.text.unicodeScalars where !HTMLText.isSpace(u) {
        visible += 1
        if visible > limit { return nil }
      }
      s += n.text
    }
    let t = HTMLText.collapse(s)
    return t.unicodeScalars.count <= limit ? t : nil
  }

  /// The concatenated text of the subtree (not removed parts), whitespace collapsed, trimmed.
  var innerText: String {
    var s = ""
    forEachText { s += $0 }
    return HTMLText.collapse(s)
  }
}
