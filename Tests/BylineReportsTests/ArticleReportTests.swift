import BylineCore
import BylineReports
import BylineTestSupport
import Foundation
import Testing

@Suite struct ArticleReportTests {
  @Test func offsetsAreUnicodeScalarsAndSpansCarryText() throws {
    var doc = DocumentBuilder.make("Zoë said “hi” in Kraków 🇵🇱 today.", published: "2024-07-22T18:17")
    let krakow = try #require(DocumentBuilder.range(of: "Kraków", in: doc))
    doc.entities = [EntityMention(range: krakow, type: .place, entityID: "E1", canonical: "Kraków", rule: "test")]
    let hi = try #require(DocumentBuilder.range(of: "hi", in: doc))
    doc.quotes = [Quote(range: hi, type: .direct, speaker: "Zoë", speakerRange: TextRange(0, 4), cue: "said", rule: "test")]
    let json = try #require(try JSONSerialization.jsonObject(with: Data(ArticleReport.json(doc))) as? [String: Any])
    let text = try #require(json["text"] as? String)
    let scalars = Array(text.unicodeScalars)
    let e = try #require((json["entities"] as? [[String: Any]])?.first)
    let s = try #require(e["start"] as? Int), end = try #require(e["end"] as? Int)
    #expect(String(String.UnicodeScalarView(scalars[s..<end])) == "Kraków")
    #expect(e["text"] as? String == "Kraków")
    let q = try #require((json["quotes"] as? [[String: Any]])?.first)
    #expect(q["speaker_start"] as? Int == 0 && q["speaker_end"] as? Int == 3)
    #expect(json["published"] as? String == "2024-07-22T18:17")
    #expect(json["schema_version"] as? Int == 1)
  }

  @Test func identicalDocumentsGiveIdenticalBytes() {
    let a = ArticleReport.json(DocumentBuilder.make("Same text."))
    let b = ArticleReport.json(DocumentBuilder.make("Same text."))
    #expect(a == b)
  }
}
