import BylineCore
import BylinePlaces
import BylineTestSupport
import Foundation
import Testing

@Suite struct GazetteerTests {
  static let header =
    "geonames_id\tname\tcountry_code\tadmin1\tlat\tlon\tfeature\tfeature_code\tpopulation\tnames\n"

  static func parse(_ body: String) throws -> Gazetteer {
    var entries: [GazetteerEntry] = []
    var names: [(String, Int)] = []
    try Gazetteer.parsePlaces(
      data: Data((header + body).utf8), path: "g.tsv", into: &entries, names: &names)
    return Gazetteer(entries: entries, names: names)
  }

  @Test func keyFoldsCaseDiacriticsAndHyphens() {
    #expect(Gazetteer.key("São Paulo") == "sao paulo")
    #expect(Gazetteer.key("  Winston-Salem ") == "winston salem")
    #expect(Gazetteer.key("Côte d’Ivoire") == "cote divoire")
    #expect(Gazetteer.key("‘Afrīn") == Gazetteer.key("Afrin"))
    #expect(Gazetteer.key("ZÜRICH") == Gazetteer.key("Zurich"))
  }

  @Test func parsesRowsAndAlternateNames() throws {
    let g = try Self.parse(
      "524901\tMoscow\tRU\tMoscow\t55.75204\t37.61781\tcity\tPPLC\t10381222\tMoskva|Moscou\n"
        + "5601538\tMoscow\tUS\tIdaho\t46.73239\t-117.00017\tcity\tPPL\t25435\t\n")
    let c = g.candidates(for: "moscow")
    #expect(c.map(\.geonamesID) == [524901, 5601538])
    #expect(c[0].feature == .city && c[0].countryCode == "RU" && c[0].admin1 == "Moscow")
    #expect(g.candidates(for: "Moskva").map(\.geonamesID) == [524901])
    #expect(g.contains("MOSCOU"))
    #expect(!g.contains("Mosk"))
    #expect(g.entry(geonamesID: 5601538)?.admin1 == "Idaho")
  }

  @Test func malformedLineIsReportedWithFileAndLine() {
    #expect(throws: LexiconError.badLine(file: "g.tsv", line: 3, reason: "lat is not a latitude")) {
      try Self.parse(
        "1\tA\tUS\t\t1\t2\tcity\tPPL\t5\t\n2\tB\tUS\t\tnorth\t2\tcity\tPPL\t5\t\n")
    }
    #expect(throws: LexiconError.badLine(file: "g.tsv", line: 2, reason: "expected 10 tab-separated fields, found 3")) {
      try Self.parse("1\tA\tUS\n")
    }
    #expect(throws: LexiconError.badLine(file: "g.tsv", line: 2, reason: "unknown feature \"town\"")) {
      try Self.parse("1\tA\tUS\t\t1\t2\ttown\tPPL\t5\t\n")
    }
    let e = LexiconError.badLine(file: "g.tsv", line: 3, reason: "lat is not a latitude")
    #expect(e.description == "g.tsv:3: lat is not a latitude")
  }

  @Test func shippedGazetteerLoads() throws {
    let g = try Gazetteer.load(from: LexiconStore(directory: TestPaths.lexicons))
    #expect(g.count > 30_000)
    let moscow = try #require(g.candidates(for: "Moscow").first { $0.feature == .city })
    #expect(moscow.geonamesID == 524901 && moscow.countryCode == "RU")
    #expect(g.country(code: "SY")?.geonamesID == 163843)
    #expect(g.country(code: "TR")?.geonamesID == 298795)
    #expect(g.country(code: "IR")?.geonamesID == 130758)
    #expect(g.candidates(for: "U.S.").contains { $0.geonamesID == 6252001 })
    #expect(g.candidates(for: "Britain").contains { $0.geonamesID == 2635167 })
    #expect(g.candidates(for: "Kiev").first?.geonamesID == 703448)
    #expect(g.candidates(for: "Golan Heights").first?.feature == .region)
    #expect(g.maxNameWords >= 4)
  }
}
