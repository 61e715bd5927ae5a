import BylineCore
import BylineKit
import BylineTestSupport
import Foundation
import Testing

/// Bad and odd input must give a report (possibly with an error), never a crash: a crash would
/// end a whole batch. Inputs are generated from a fixed seed, so failures reproduce.
@Suite struct RobustnessTests {
  static let analyzer = Result { try DefaultAnalyzer.make(lexicons: LexiconStore(directory: TestPaths.lexicons)) }

  /// A small deterministic generator (SplitMix64).
  struct Generator {
    var state: UInt64
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
    mutating func pick<T>(_ xs: [T]) -> T { xs[Int(next() % UInt64(xs.count))] }
  }

  static let fragments = [
    "\"", "“", "”", "‘", "’", "'", "``", "''", ":", " said", " told", " according to", "Mr.", "U.S.",
    "President", "Bashar al-Assad", "al-", "Moscow", "Paris, Texas", "July", "15", "2024", "-",
    "last", "year", "ago", "13", "years", "Monday", "early", "mid-", "(AP)", "(", ")", "\n", "\n\n",
    " ", ",", ".", "?", "!", "—", "–", "…", "$27", "3-1", "1st", "the", "a source", "sources familiar with",
    "Zoë", "İstanbul", "🇫🇷", "\u{FEFF}", "\u{00A0}", "\u{200B}", "\u{0301}", "世界", "а", "\t", "\r\n",
    "every", "week", "now", "PENCE:", "— Hillary Clinton", "he", "she", "Read more:", "By", "Source:",
  ]

  @Test(.enabled(if: (try? analyzer.get()) != nil)) func generatedTextsNeverCrash() throws {
    let analyzer = try Self.analyzer.get()
    var g = Generator(state: 20_241_126)
    for n in 0..<200 {
      var s = ""
      for _ in 0..<Int(g.next() % 60) { s += g.pick(Self.fragments) + (g.next() % 3 == 0 ? " " : "") }
      let r = analyzer.analyze(InputRecord(id: "gen-\(n)", content: .text(s), published: g.next() % 2 == 0 ? "2024-07-22T18:17" : nil))
      #expect(r.document.text == s)
      for e in r.document.entities { #expect(e.range.utf8End <= r.document.bytes.count) }
    }
  }

  @Test(.enabled(if: (try? analyzer.get()) != nil)) func junkPagesGiveReports() throws {
    let analyzer = try Self.analyzer.get()
    var g = Generator(state: 7)
    var pages: [[UInt8]] = [[], [0], [0xFF, 0xFE], [0xEF, 0xBB, 0xBF], Array("<html><body><p>".utf8), Array("<<<>>>&&&;".utf8)]
    for _ in 0..<60 { pages.append((0..<Int(g.next() % 3000)).map { _ in UInt8(truncatingIfNeeded: g.next()) }) }
    for (i, bytes) in pages.enumerated() {
      let html = analyzer.analyze(InputRecord(id: "h\(i)", content: .html(bytes, charset: nil)))
      #expect(html.document.id == "h\(i)")
      let page = analyzer.analyze(InputRecord(id: "p\(i)", content: .page(String(decoding: bytes, as: UTF8.self))))
      #expect(page.document.id == "p\(i)")
    }
  }
}
