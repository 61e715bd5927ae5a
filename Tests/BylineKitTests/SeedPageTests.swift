import BylineCore
import BylineKit
import BylineTestSupport
import Foundation
import Testing

/// The page that started Byline, end to end. Runs when `../shared` is present (it is not part
/// of the repository).
@Suite struct SeedPageTests {
  static let seed = TestPaths.shared?.appendingPathComponent("seeds/000_55fbba48eef8ae47.txt")

  private func analyse() throws -> AnalysisResult {
    let url = try #require(Self.seed)
    let page = try String(contentsOf: url, encoding: .utf8)
    let analyzer = try DefaultAnalyzer.make(lexicons: LexiconStore(directory: TestPaths.lexicons))
    return analyzer.analyze(InputRecord(id: "seed", content: .page(page)))
  }

  @Test(.enabled(if: seed != nil)) func metadataAndBody() throws {
    let r = try analyse()
    #expect(r.error == nil)
    let d = r.document
    #expect(d.metadata.title == "Erdogan, Assad to hold historic meeting in Moscow")
    #expect(d.metadata.published?.description == "2024-07-22T18:17")
    #expect(d.metadata.sourceLine == "Agencies")
    #expect(d.metadata.tags == ["Syria", "Turkey", "Moscow", "Recep Tayyip Erdogan", "Bashar al-Assad"])
    #expect(d.text.hasPrefix("The first official meeting between Turkish President Recep Tayyip Erdogan"))
    #expect(d.text.hasSuffix("this does not mean we proceed without rules,\" al-Assad added."))
    for junk in [
      "BREAKING", "Read more:", "Related News", "Most Read", "Read Next", "All Rights Reserved",
      "Privacy Policy", "Infographs", "Shares", "Min Read", "People with umbrellas", "Uyghur",
      "IMF reports early signs", "Listen",
    ] {
      #expect(!d.text.contains(junk), "body holds \(junk)")
    }
  }

  @Test(.enabled(if: seed != nil)) func quotesSourcesPlacesDates() throws {
    let d = try analyse().document
    let lastQuotes = d.quotes.filter { $0.type == .direct && d.string($0.range).contains("rules") || d.string($0.range).contains("rapprochement achieves") }
    #expect(lastQuotes.count >= 2)
    for q in lastQuotes { #expect(q.speaker == "Bashar al-Assad", "\(d.string(q.range))") }

    let sources = d.sources.map { ($0.name, $0.kind) }
    #expect(sources.contains { $0.0 == "Daily Sabah" && $0.1 == .media })
    #expect(d.sources.contains { $0.kind == .anonymous && d.string($0.range).contains("sources familiar with the discussions") })

    let moscow = d.places.first { d.string($0.range) == "Moscow" }
    #expect(moscow?.countryCode == "RU")
    for country in ["Syria", "Turkey", "Iran"] {
      #expect(d.places.contains { d.string($0.range) == country && $0.feature == .country }, "\(country)")
    }

    #expect(d.dates.contains { d.string($0.range) == "July 15" && $0.value == "2024-07-15" })
    #expect(d.dates.contains { d.string($0.range).contains("13 years ago") && $0.value == "2011" })
  }
}
