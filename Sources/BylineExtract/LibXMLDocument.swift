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

  /// Parses `html`; nil when libxml2 returns no document (e.g. empty input).
  init?(html: String) {
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
    var child = doc.pointee.children
    var firsts: [(UnsafeMutablePointer<xmlNode>, HTMLNode, Int)] = []
    while let c = child {
      firsts.append((c, root, 1))
      child = c.pointee.next
    }
    stack.append(contentsOf: firsts.reversed())
    while let (node, parent, depth) = stack.popLast() {
      switch node.pointee.type {
      case XML_ELEMENT_NODE:
        let name = node.pointee.name.map { String(cString: $0).lowercased() } ?? ""
        var attrs: [(name: String, value: String)] = []
        var a = node.pointee.properties
        while let attr = a {
          let an = attr.pointee.name.map { String(cString: $0).lowercased() } ?? ""
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
        var kids: [(UnsafeMutablePointer<xmlNode>, HTMLNode, Int)] = []
        var k = node.pointee.children
        while let c = k {
          kids.append((c, target, min(depth + 1, LibXMLDocument.maxDepth)))
          k = c.pointee.next
        }
        stack.append(contentsOf: kids.reversed())
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
