import BylineCore
import BylineExtract
import BylineTestSupport
import Foundation
import Testing

/// The seed page dump (`shared/seeds/000_55fbba48eef8ae47.txt`), read from the shared folder;
/// skipped when that folder is absent. Its text is never copied into the repository.
@Suite struct TextDumpSeedTests {
  static let seed: String? = {
    guard let shared = TestPaths.shared else { return nil }
    let url = shared.appendingPathComponent("seeds/000_55fbba48eef8ae47.txt")
    return try? String(contentsOf: url, encoding: .utf8)
  }()

  func article() throws -> ExtractedArticle? {
    guard let page = Self.seed else { return nil }
    let ex = try TextDumpExtractor(lexicons: LexiconStore(directory: TestPaths.lexicons))
    return ex.extract(page: page)
  }

  @Test(.enabled(if: TestPaths.shared != nil)) func metadata() throws {
    guard let a = try article() else { return }
    #expect(a.metadata.title == "Erdogan, Assad to hold historic meeting in Moscow")
    #expect(a.metadata.published?.description == "2024-07-22T18:17")
    #expect(a.metadata.sourceLine == "Agencies")
    #expect(a.metadata.authors.isEmpty)
    #expect(a.metadata.siteName == "Al Mayadeen English")
    #expect(a.metadata.tags == ["Syria", "Turkey", "Moscow", "Recep Tayyip Erdogan", "Bashar al-Assad"])
  }

  @Test(.enabled(if: TestPaths.shared != nil)) func bodyBounds() throws {
    guard let a = try article() else { return }
    #expect(a.text.hasPrefix("The first official meeting between Turkish President Recep Tayyip Erdogan"))
    #expect(a.text.hasSuffix("but this does not mean we proceed without rules,\" al-Assad added."))
  }

  @Test(.enabled(if: TestPaths.shared != nil)) func bodyHasNoPageFurniture() throws {
    guard let a = try article(), let page = Self.seed else { return }
    let text = a.text
    // The ticker: the lines between "BREAKING" and the title.
    let lines = page.components(separatedBy: "\n")
    let breaking = try #require(lines.firstIndex(of: "BREAKING"))
    let title = try #require(lines.firstIndex(of: "Erdogan, Assad to hold historic meeting in Moscow"))
    for ticker in lines[(breaking + 1)..<title] where !ticker.isEmpty {
      #expect(!text.contains(ticker), "ticker line kept: \(ticker)")
    }
    for junk in ["BREAKING", "Read more:", "Related News", "Most Read", "Read Next", "Listen", "(AP)",
                 "All Rights Reserved", "Privacy Policy", "Min Read", "Shares", "Source: Agencies"] {
      #expect(!text.contains(junk), "kept: \(junk)")
    }
    // The two headlines under "Related News" (the lines up to the next "Read more:").
    let related = try #require(lines.firstIndex(of: "Related News"))
    for headline in lines[(related + 1)...].prefix(while: { !$0.hasPrefix("Read more:") }) where !headline.isEmpty {
      #expect(!text.contains(headline), "related headline kept: \(headline)")
    }
    // The standfirst is not repeated before the body.
    #expect(text.components(separatedBy: "Rapprochement efforts last year").count == 2)
  }

  @Test(.enabled(if: TestPaths.shared != nil)) func subheadingIsAHeadingBlock() throws {
    guard let a = try article() else { return }
    let headings = a.blocks.filter { $0.kind == .heading }.map { block in
      String(decoding: Array(a.text.utf8)[block.range.utf8Start..<block.range.utf8End], as: UTF8.self)
    }
    #expect(headings == ["Assad ready to meet Erdogan"])
    #expect(a.blocks.count == 14)
  }
}
