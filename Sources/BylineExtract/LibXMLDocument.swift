@preconcurrency import CLibXML2

/// Owns one libxml2 HTML document for the duration of a parse and converts it to ``HTMLNode``s.
///
/// The document is parsed from UTF-8 (any page is decoded to a String first), with recovery on
/// and network access, errors and warnings off. The `xmlDoc` is freed in `deinit`; no libxml2
/// pointer escapes this class. `xmlCleanupParser` is never called (it is process-global).
final class LibXMLDocument {
  private let doc: xmlDocPtr

  /// Deeper elements are attached to their ancestor at this depth, so later recursive walks
  /// cannot overflow the stack on pathological nesting.
  static let maxDepth = 300

  /// libxml2 must initialise its globals once before threads parse concurrently; a Swift
  /// static is initialised exactly once, thread-safely.
  private static let initialized: Bool = {
    xmlInitParser()
    return true
  }()

  /// Parses `html`; nil when libxml2 returns no document (e.g. empty input).
  init?(html: String) {
    _ = LibXMLDocument.initialized
    var bytes = Array(html.utf8)
    guard !bytes.isEmpty else { return nil }
    bytes.append(0)
    let options = Int32(
      HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
        | HTML_PARSE_NONET.rawValue | HTML_PARSE_IGNORE_ENC.rawValue)
    let parsed: xmlDocPtr? = bytes.withUnsafeBufferPointer { buf in
      buf.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buf.count) { p in
        htmlReadMemory(p, Int32(buf.count - 1), nil, "UTF-8", options)
      }
    }
    guard let parsed else { return nil }
    doc = parsed
  }

  deinit {
    xmlFreeDoc(doc)
  }

  /// The whole document as a Swift tree rooted at a synthetic `#document` element.
  func tree() -> HTMLNode {
    let root = HTMLNode(tag: "#document")
    // Explicit stack of (libxml node, Swift parent, depth) so no recursion is needed.
    var stack: [(UnsafeMutablePointer<xmlNode>, HTMLNode, Int)] = []
    // Children are pushed last first (via `prev`), so they pop in document order.
    var child = doc.pointee.last
    while let c = child {
      stack.append((c, root, 1))
      child = c.pointee.prev
    }
    // Element and attribute names, lower-cased, by libxml's name pointer: the parser keeps
    // one copy of each name per document, so most look-ups hit.
    var names: [UnsafePointer<xmlChar>: String] = [:]
    func nameOf(_ p: UnsafePointer<xmlChar>?) -> String {
      guard let p else { return "" }
      if let n = names[p] { return n }
      let n = String(cString: p).lowercased()
      names[p] = n
      return n
    }
    while let (node, parent, depth) = stack.popLast() {
      switch node.pointee.type {
      case XML_ELEMENT_NODE:
        let name = nameOf(node.pointee.name)
        var attrs: [(name: String, value: String)] = []
        var a = node.pointee.properties
        while let attr = a {
          let an = nameOf(attr.pointee.name)
          var value = ""
          var v = attr.pointee.children
          while let t = v {
            if let content = t.pointee.content { value += String(cString: content) }
            v = t.pointee.next
          }
          attrs.append((an, value))
          a = attr.pointee.next
        }
        let element = HTMLNode(tag: name.isEmpty ? "#unknown" : name, attributes: attrs)
        parent.append(element)
        let target = depth >= LibXMLDocument.maxDepth ? parent : element
        var k = node.pointee.last
        while let c = k {
          stack.append((c, target, min(depth + 1, LibXMLDocument.maxDepth)))
          k = c.pointee.prev
        }
      case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
        if let content = node.pointee.content {
          parent.append(HTMLNode(tag: "", text: String(cString: content)))
        }
      default:
        break
      }
    }
    return root
  }
}
