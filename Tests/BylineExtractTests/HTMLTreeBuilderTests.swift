import Testing

@testable import BylineExtract

/// The tree as a compact string: `tag(children)`, text in quotes, for structural checks.
private func shape(_ n: HTMLNode) -> String {
  if n.isText { return "\"\(n.text)\"" }
  let inner = n.children.map(shape).joined(separator: ",")
  return inner.isEmpty ? n.tag : "\(n.tag)(\(inner))"
}

/// The shape of the `<body>` of `html`.
private func body(_ html: String) -> String {
  let root = HTMLTreeBuilder.parse(html)
  return withExtendedLifetime(root) {
    guard let b = root.descendants().first(where: { $0.tag == "body" }) else { return "no body" }
    return shape(b)
  }
}

@Suite struct HTMLTreeBuilderTests {
  @Test func impliesHTMLHeadAndBody() {
    let root = HTMLTreeBuilder.parse("<title>T</title><meta name=a content=b><p>Hi")
    #expect(shape(root) == "#document(html(head(title(\"T\"),meta),body(p(\"Hi\"))))")
    #expect(root.descendants().first { $0.tag == "meta" }?.attribute("content") == "b")
  }

  @Test func explicitStructureAndHTMLAttributes() {
    let root = HTMLTreeBuilder.parse(
      "<!DOCTYPE html><html lang=\"de\"><head><title>T</title></head><body class=x><p>A</p></body></html>")
    let html = root.children.first
    #expect(html?.tag == "html")
    #expect(html?.attribute("lang") == "de")
    #expect(shape(root) == "#document(html(head(title(\"T\")),body(p(\"A\"))))")
  }

  @Test func markupAfterBodyStaysInBody() {
    #expect(body("<body><p>A</p></body><p>B</p></html><p>C") == "body(p(\"A\"),p(\"B\"),p(\"C\"))")
  }

  @Test func blocksCloseParagraphs() {
    #expect(body("<p>One<p>Two<div>Three</div>") == "body(p(\"One\"),p(\"Two\"),div(\"Three\"))")
    // Inline elements do not.
    #expect(body("<p>One <b>two</b> three</p>") == "body(p(\"One \",b(\"two\"),\" three\"))")
  }

  @Test func listItemsCellsAndRowsCloseSiblings() {
    #expect(body("<ul><li>a<li>b</ul>") == "body(ul(li(\"a\"),li(\"b\")))")
    #expect(body("<ul><li>a<ul><li>b</ul><li>c</ul>") == "body(ul(li(\"a\",ul(li(\"b\"))),li(\"c\")))")
    #expect(
      body("<table><tr><td>1<td>2<tr><td>3</table>")
        == "body(table(tr(td(\"1\"),td(\"2\")),tr(td(\"3\"))))")
    #expect(body("<dl><dt>k<dd>v<dt>k2</dl>") == "body(dl(dt(\"k\"),dd(\"v\"),dt(\"k2\")))")
  }

  @Test func endTagsCloseInnerElementsButNotStrongerContainers() {
    // </div> closes the unclosed <span> inside it.
    #expect(body("<div><span>a</div>b") == "body(div(span(\"a\")),\"b\")")
    // </span> cannot close through an open <div>: it is ignored.
    #expect(body("<span><div>a</span>b</div>") == "body(span(div(\"a\",\"b\")))")
    // An end tag with nothing open is ignored.
    #expect(body("<p>a</em>b</p>") == "body(p(\"a\",\"b\"))")
  }

  @Test func voidAndSelfClosingElementsTakeNoChildren() {
    #expect(body("<p>a<br>b<img src=x>c</p>") == "body(p(\"a\",br,\"b\",img,\"c\"))")
    #expect(body("<div/><p>x</p>") == "body(div,p(\"x\"))")
    #expect(body("<p>a</br>b</p>") == "body(p(\"a\",br,\"b\"))")
  }

  @Test func rawTextElementsKeepTheirContent() {
    let root = HTMLTreeBuilder.parse(
      "<script type=\"application/ld+json\">{\"a\": \"<p>&amp;</p>\"}</script><p>x</p>")
    let script = root.descendants().first { $0.tag == "script" }
    #expect(script?.children.first?.text == "{\"a\": \"<p>&amp;</p>\"}")
    #expect(script?.attribute("type") == "application/ld+json")
    // The end tag is found case-insensitively; "</scripts" does not end it.
    #expect(body("<body><script>a</scripts>b</SCRIPT ><p>x") == "body(script(\"a</scripts>b\"),p(\"x\"))")
    // An unterminated script runs to the end of the page.
    #expect(body("<body><p>x</p><script>if (a < b) {") == "body(p(\"x\"),script(\"if (a < b) {\"))")
    // Titles decode references.
    #expect(shape(HTMLTreeBuilder.parse("<title>A &amp; B</title>")).contains("title(\"A & B\")"))
  }

  @Test func commentsDoctypesAndBogusMarkupAreSkipped() {
    #expect(body("<p>a<!-- <p>not here</p> -->b<!---->c<?php x ?>d</p>") == "body(p(\"a\",\"b\",\"c\",\"d\"))")
    #expect(body("<p>a<!-- never closed") == "body(p(\"a\"))")
    #expect(body("<p>a <![CDATA[x]]> b</p>") == "body(p(\"a \",\" b\"))")
    // A '<' that opens no tag is text.
    #expect(body("<p>1 < 2 and 3<4 </ p></p>") == "body(p(\"1 < 2 and 3<4 \"))")
  }

  @Test func characterReferences() {
    #expect(body("<p>&amp; &lt;b&gt; &eacute;&nbsp;&#233;&#xE9;&#150;&apos;</p>") == "body(p(\"& <b> é\u{A0}éé–'\"))")
    // Unknown names, missing semicolons and bare ampersands stay as written.
    #expect(body("<p>&bogus; &copy AT&T a&b</p>") == "body(p(\"&bogus; &copy AT&T a&b\"))")
    // Out-of-range and NUL references become U+FFFD.
    #expect(body("<p>&#0;&#x110000;&#xD800;</p>") == "body(p(\"\u{FFFD}\u{FFFD}\u{FFFD}\"))")
    let root = HTMLTreeBuilder.parse("<a href=\"/x?a=1&amp;b=2&c=3\" title='it&#39;s' rel=author>l</a>")
    let a = root.descendants().first { $0.tag == "a" }
    #expect(a?.attribute("href") == "/x?a=1&b=2&c=3")
    #expect(a?.attribute("title") == "it's")
    #expect(a?.attribute("rel") == "author")
  }

  @Test func attributesAreLowerCasedAndFirstWins() {
    let root = HTMLTreeBuilder.parse("<DIV CLASS=\"A\" class=\"b\" ID=main hidden>x</DIV>")
    let div = root.descendants().first { $0.tag == "div" }
    #expect(div?.attribute("class") == "A")
    #expect(div?.attribute("id") == "main")
    #expect(div?.attribute("hidden") == "")
  }

  @Test func indentationBetweenBlocksIsDroppedButSpacesBetweenWordsStay() {
    #expect(body("<div>\n  <p>a</p>\n  <p>b</p>\n</div>") == "body(div(p(\"a\"),p(\"b\")))")
    #expect(body("<p><b>a</b> <i>b</i></p>") == "body(p(b(\"a\"),\" \",i(\"b\")))")
    #expect(body("<pre>\n  x\n</pre>") == "body(pre(\"\n  x\n\"))")
  }

  @Test func onlyAttributesTheExtractorReadsAreKept() {
    let root = HTMLTreeBuilder.parse("<div data-src=\"x.jpg\" onclick='go(\"a>b\")' class=c srcset=a,b>t</div>")
    let div = root.descendants().first { $0.tag == "div" }
    #expect(div?.attributes.map(\.name) == ["class"])
    #expect(div?.innerText == "t")
    // The tokenizer alone keeps everything.
    var source = "<p data-x=1 class=c>"
    var names: [String] = []
    source.withUTF8 { bytes in
      var t = HTMLTokenizer(bytes)
      t.run { if case .start(_, let attributes, _) = $0 { names = attributes.map(\.name) } }
    }
    #expect(names == ["data-x", "class"])
  }

  @Test func controlBytesAreDropped() {
    #expect(body("<p>a\u{1D}b\u{0}c\td</p>") == "body(p(\"abc\td\"))")
  }

  @Test func nestedAnchorsAndHeadingsAreSplit() {
    #expect(body("<a href=1>one<a href=2>two</a>") == "body(a(\"one\"),a(\"two\"))")
    #expect(body("<h2>one<h3>two</h3>") == "body(h2(\"one\"),h3(\"two\"))")
  }

  @Test func pathologicalInputStillGivesATree() {
    // Deep nesting is flattened at the depth limit rather than recursed into.
    let deep = String(repeating: "<div>", count: 5000) + "x" + String(repeating: "</div>", count: 5000)
    let root = HTMLTreeBuilder.parse(deep)
    var depth = 0
    var n: HTMLNode? = root
    while let c = n?.children.first(where: { !$0.isText }) {
      depth += 1
      n = c
    }
    #expect(depth <= HTMLTreeBuilder.maxDepth + 2)
    #expect(root.innerText == "x")
    // Truncated tags, empty input and binary junk do not trap.
    for junk in ["", "<", "</", "<a href=\"x", "<p>&#", "<!--", "<script>", "\u{FFFD}\u{0}<\u{1}>"] {
      _ = HTMLTreeBuilder.parse(junk)
    }
  }
}

@Test func classOrIDStemTestIgnoresCaseAndLooksAtBoth() {
  let root = HTMLTreeBuilder.parse("<div class=\"PostMeta\" id=\"x\">a</div><div id=\"entry-BYLINE\">b</div><div>c</div>")
  withExtendedLifetime(root) {
    let divs = root.descendants().filter { $0.tag == "div" }
    #expect(divs[0].classOrIDMayContain(HTMLNode.Stems(["met"])))
    #expect(!divs[0].classOrIDMayContain(HTMLNode.Stems(["byl", "aut"])))
    #expect(divs[1].classOrIDMayContain(HTMLNode.Stems(["aut", "byl"])))
    #expect(divs[1].classOrIDMayContain(HTMLNode.Stems(["E"])))
    #expect(!divs[2].classOrIDMayContain(HTMLNode.Stems(["a"])))
  }
}
