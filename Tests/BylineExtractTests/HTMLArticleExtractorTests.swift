import BylineCore
import Testing

@testable import BylineExtract

/// A hand-made news page with furniture around a four-paragraph article.
private let newsPage = """
  <!DOCTYPE html>
  <html lang="en-gb">
  <head>
    <meta charset="utf-8">
    <title>Harbour bridge reopens after repairs | The Coastal Herald</title>
    <meta property="og:site_name" content="The Coastal Herald">
  </head>
  <body>
    <header class="site-header"><a href="/">The Coastal Herald</a>
      <nav><ul><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav>
    </header>
    <div class="cookie-banner">We use cookies to improve your experience on this website today.</div>
    <main>
      <article>
        <h1>Harbour bridge reopens after repairs</h1>
        <div class="byline">By Anna Lind and Tom Berg</div>
        <div class="article-body">
          <p>The harbour bridge in Port Ellery reopened on Monday, after six months of repairs to its steel deck and cables.</p>
          <div class="ad-slot">Advertisement: buy the best boats in town, cheap and fast, all summer long.</div>
          <p>Engineers replaced more than 400 bolts, the city said, and repainted the whole span in its original green.</p>
          <h2>Traffic returns</h2>
          <p>Buses will use the bridge again from Tuesday morning, while cyclists get a new protected lane on the north side.</p>
          <ul><li>Lane closures end on Friday, officials said in a short statement.</li></ul>
          <blockquote><p>We are glad to have our bridge back, said the mayor at the opening.</p></blockquote>
          <p>Read more: <a href="/x">Ferry timetable changes for the summer</a></p>
          <div class="share-tools"><a href="#">Share on Facebook</a> <a href="#">Tweet this story now</a></div>
          <p>1.2K Shares</p>
        </div>
      </article>
      <aside class="related"><h3>Related News</h3>
        <ul><li><a href="/a">Council approves new budget for the harbour district and its parks</a></li>
        <li><a href="/b">Storm damages pier at the old fishing port on the west coast of the bay</a></li></ul>
      </aside>
      <div class="most-read"><h3>Most Read</h3><p><a href="/c">Celebrity chef opens restaurant in the old lighthouse by the sea</a></p></div>
    </main>
    <footer><p>Copyright The Coastal Herald. All rights reserved. Contact us for permissions and syndication.</p></footer>
  </body>
  </html>
  """

@Test func bodyParagraphsInOrderWithKinds() throws {
  let a = try HTMLArticleExtractor.extract(html: newsPage, url: "https://herald.example/news/1")
  let texts = a.blocks.map { String(a.text.utf8[a.text.utf8.index(a.text.utf8.startIndex, offsetBy: $0.range.utf8Start)..<a.text.utf8.index(a.text.utf8.startIndex, offsetBy: $0.range.utf8End)])! }
  #expect(texts.count == 6)
  #expect(texts.first?.hasPrefix("The harbour bridge in Port Ellery") == true)
  #expect(texts[1].hasPrefix("Engineers replaced"))
  #expect(texts[2] == "Traffic returns")
  #expect(a.blocks[2].kind == .heading)
  #expect(a.blocks[4].kind == .listItem)
  #expect(a.blocks[5].kind == .blockQuote)
  #expect(a.text.contains("\n\nEngineers replaced"))
}

@Test func furnitureIsExcluded() throws {
  let a = try HTMLArticleExtractor.extract(html: newsPage, url: nil)
  for junk in [
    "Advertisement", "Related News", "Most Read", "Council approves", "Celebrity chef", "Read more",
    "Share on Facebook", "1.2K Shares", "cookies", "Copyright", "Sport", "By Anna Lind",
    "Harbour bridge reopens after repairs",
  ] {
    #expect(!a.text.contains(junk), "found \(junk)")
  }
}

@Test func metadataFromPage() throws {
  let a = try HTMLArticleExtractor.extract(html: newsPage, url: "https://herald.example/2024/07/22/bridge")
  #expect(a.metadata.title == "Harbour bridge reopens after repairs")
  #expect(a.metadata.authors == ["Anna Lind", "Tom Berg"])
  #expect(a.metadata.siteName == "The Coastal Herald")
  #expect(a.metadata.language == "en-GB")
  #expect(a.metadata.published?.dayString == "2024-07-22")
}

@Test func malformedHTMLDoesNotCrash() throws {
  let broken = "<html><body><div><p>Unclosed paragraph with enough words to count as text, surely.<div><span><b><i>"
    + "<p>Another one &amp; an entity &nosuch; and <a href='x'>a link</p></table></td></body>"
  let a = try HTMLArticleExtractor.extract(html: broken, url: nil)
  #expect(a.text.contains("Unclosed paragraph"))
  #expect(a.text.contains("& an entity"))
  let para = "<p>Deep text that is long enough to be scored as a paragraph.</p>"
  let d = try HTMLArticleExtractor.extract(html: String(repeating: "<div>", count: 200) + para, url: nil)
  #expect(d.text.contains("Deep text"))
  // Pathological nesting is flattened at the tree builder's depth limit: nothing crashes and
  // the text is still there.
  let deepDivs = try HTMLArticleExtractor.extract(html: String(repeating: "<div>", count: 20000) + para, url: nil)
  #expect(deepDivs.text.contains("Deep text"))
  _ = try HTMLArticleExtractor.extract(html: String(repeating: "<b>", count: 20000) + para, url: nil)
  _ = try HTMLArticleExtractor.extract(html: "<<<>>><!-- <p", url: nil)
  _ = try HTMLArticleExtractor.extract(html: [0xFF, 0xFE, 0x00, 0xD8], url: nil)
}

@Test func emptyInputIsAClearError() {
  #expect(throws: HTMLExtractionError.emptyInput) { try HTMLArticleExtractor.extract(html: "", url: nil) }
  #expect(throws: HTMLExtractionError.emptyInput) { try HTMLArticleExtractor.extract(html: " \n\t ", url: nil) }
  #expect(throws: HTMLExtractionError.emptyInput) { try HTMLArticleExtractor.extract(html: [UInt8](), url: nil) }
}

@Test func nonArticlePageYieldsLittle() throws {
  var links = ""
  for i in 0..<30 { links += "<li><a href='/s\(i)'>Section number \(i) of the site with its many stories</a></li>" }
  let page = "<html><body><nav><ul>\(links)</ul></nav><div class='menu'><ul>\(links)</ul></div><ul>\(links)</ul></body></html>"
  let a = try HTMLArticleExtractor.extract(html: page, url: nil)
  #expect(a.text.isEmpty)
}

@Test func articleBodyHintWins() throws {
  let page = """
    <html><body>
    <div class="column"><p>Short teaser, about other things, with a comma, and another, and more.</p>
    <p>Second teaser paragraph, also short, but with commas, many, many, many of them.</p></div>
    <div itemprop="articleBody"><p>The real story starts here and goes on for quite a while, with details.</p>
    <p>It ends with a second paragraph that is long enough to count as text.</p></div>
    </body></html>
    """
  let a = try HTMLArticleExtractor.extract(html: page, url: nil)
  #expect(a.text.hasPrefix("The real story"))
  #expect(!a.text.contains("teaser"))
}

@Test func sourceLineIsFound() throws {
  let page = """
    <html><body><article>
    <p>The talks ended without an agreement on Tuesday, both delegations said in separate statements.</p>
    <p>Source: Agencies</p></article></body></html>
    """
  let a = try HTMLArticleExtractor.extract(html: page, url: nil)
  #expect(a.metadata.sourceLine == "Agencies")
}

@Test func windows1252BytesAreDecoded() throws {
  // "Café – “quoted”" in Windows-1252, with a Latin-1 declaration.
  var bytes = Array("<html><head><meta charset=\"iso-8859-1\"></head><body><p>".utf8)
  bytes += [0x43, 0x61, 0x66, 0xE9, 0x20, 0x96, 0x20, 0x93, 0x71, 0x75, 0x6F, 0x74, 0x65, 0x64, 0x94]
  bytes += Array(" and a sentence long enough to be kept as the article body text.</p></body></html>".utf8)
  let a = try HTMLArticleExtractor.extract(html: bytes, url: nil)
  #expect(a.text.hasPrefix("Café – “quoted”"))
}

@Test func scriptRenderedPageFallsBackToJSONLDBody() throws {
  let para = "The committee met for six hours on Thursday and agreed on a new plan for the river banks."
  let body = Array(repeating: para, count: 8).enumerated().map { "\($0.offset + 1). \($0.element)" }
    .joined(separator: "\\n")
  let page = """
    <html><head><script type="application/ld+json">
    {"@type": "NewsArticle", "headline": "River plan agreed", "articleBody": "\(body)"}
    </script></head><body><div id="app"></div><noscript>Enable JavaScript.</noscript></body></html>
    """
  let a = try HTMLArticleExtractor.extract(html: page, url: nil)
  #expect(a.blocks.count == 8)
  #expect(a.text.hasPrefix("1. The committee met"))
  #expect(a.metadata.title == "River plan agreed")
}
