import BylineCore
import BylineEntities
import BylineTestSupport
import BylineText
import Foundation
import BylinePlaces
import Testing

@Suite struct EntityStageTests {
  private func run(_ text: String) throws -> Document { try EntityTestRunner.run(text) }

  private func spans(_ doc: Document) -> [String] {
    doc.entities.map { "\($0.type.rawValue):\(doc.string($0.range))" }
  }

  @Test func lexiconsLoad() throws {
    let lex = try EntityLexicons(lexicons: LexiconStore(directory: TestPaths.lexicons))
    #expect(lex.demonyms["Syrian"] == "SY")
    #expect(lex.demonyms["Iraqis"] == "IQ")
    #expect(lex.titles.contains("prime minister"))
    #expect(lex.knownNames["Hezbollah"] == .org)
    #expect(lex.firstNames.contains("Recep"))
    #expect(!lex.firstNames.contains("American"))
  }

  @Test func titlesStayOutsidePersonSpans() throws {
    let doc = try run(
      "Turkish President Recep Tayyip Erdogan and Syrian President Bashar al-Assad met in Moscow on Tuesday.")
    #expect(
      spans(doc) == [
        "MISC:Turkish", "PERSON:Recep Tayyip Erdogan", "MISC:Syrian", "PERSON:Bashar al-Assad", "PLACE:Moscow",
      ])
    #expect(doc.entities.allSatisfy { $0.rule.hasPrefix("entities.") })
  }

  @Test func seedLikePassage() throws {
    let doc = try run(
      """
      Turkish President Recep Tayyip Erdogan said he was ready to meet Syrian President Bashar al-Assad in Moscow. \
      Iraqi Prime Minister Mohammed Shia al-Sudani offered to mediate, and Iran welcomed the idea.

      On July 15, al-Assad said any meeting depended on a Turkish withdrawal. Erdogan did not reply.
      """)
    let s = spans(doc)
    #expect(s.contains("MISC:Iraqi"))
    #expect(s.contains("PERSON:Mohammed Shia al-Sudani"))
    #expect(s.contains("PLACE:Iran"))
    #expect(s.contains("PERSON:al-Assad"))
    #expect(s.contains("PERSON:Erdogan"))
    #expect(!s.contains { $0.hasSuffix(":July") || $0.hasSuffix(":On") })
  }

  @Test func organisationsFromHeadsListsAndOfPatterns() throws {
    let doc = try run(
      "Officials from the Foreign Ministry, the Bank of England and NATO met the Arab League. The Kurdistan Workers Party denied it.")
    let s = spans(doc)
    #expect(s.contains("ORG:Foreign Ministry"))
    #expect(s.contains("ORG:Bank of England"))
    #expect(s.contains("ORG:NATO"))
    #expect(s.contains("ORG:Arab League"))
    #expect(s.contains("ORG:Kurdistan Workers Party"))
  }

  @Test func acronymsAreOrganisationsUnlessKnownOtherwise() throws {
    let doc = try run("The talks involved the FSIN and officials from the U.N. in Ankara.")
    let s = spans(doc)
    #expect(s.contains("ORG:FSIN"))
    #expect(s.contains("ORG:U.N."))
    #expect(s.contains("PLACE:Ankara"))
  }

  @Test func sentenceInitialCommonWordsAreNotPlaces() throws {
    let doc = try run("Reading the report, he frowned. Mobile phones were banned. Moscow disagreed.")
    let s = spans(doc)
    #expect(!s.contains("PLACE:Reading"))
    #expect(!s.contains("PLACE:Mobile"))
    #expect(s.contains("PLACE:Moscow"))
  }

  @Test func cueVerbsAndFirstNamesMakePersons() throws {
    let doc = try run("Critics were harsh. Hakan Fidanov said the deal was dead, and Mary Okafor agreed.")
    let s = spans(doc)
    #expect(s.contains("PERSON:Hakan Fidanov"))
    #expect(s.contains("PERSON:Mary Okafor"))
  }

  @Test func surnamesOfKnownPersonsBeatTownNames() throws {
    let doc = try run("Senator Alan Jackson spoke first. Later, Jackson left for New York.")
    let s = spans(doc)
    #expect(s.contains("PERSON:Alan Jackson"))
    #expect(s.contains("PERSON:Jackson"))
    #expect(s.contains("PLACE:New York"))
  }

  @Test func headlinesMatchNamesFromTheBody() throws {
    let doc = try run("ERDOGAN SAYS READY TO MEET ASSAD IN MOSCOW\n\nPresident Recep Tayyip Erdogan spoke on Friday.")
    let s = spans(doc)
    #expect(s.contains("PERSON:ERDOGAN"))
    #expect(s.contains("PLACE:MOSCOW"))
    #expect(!s.contains("ORG:SAYS") && !s.contains("ORG:READY"))
  }

  @Test func noLeadingTheAndNoPossessive() throws {
    let doc = try run("He praised the European Union's stance and Syria's army.")
    let s = spans(doc)
    #expect(s.contains("ORG:European Union"))
    #expect(s.contains("PLACE:Syria"))
  }

  @Test func titleComplementsStayOutside() throws {
    let doc = try run("The Russian Minister of Foreign Affairs Sergey Lavrov arrived in Ankara.")
    let s = spans(doc)
    #expect(s.contains("MISC:Russian"))
    #expect(s.contains("PERSON:Sergey Lavrov"))
  }

  @Test func sportsResultsNameTeams() throws {
    let doc = try run("Jackson 2 Damascus 1\n\nMoscow beat Ankara in the final, and Turkey drew with Iran.")
    let s = spans(doc)
    #expect(s.contains("ORG:Jackson") && s.contains("ORG:Damascus"))
    #expect(s.contains("ORG:Moscow") && s.contains("ORG:Ankara"))
    #expect(s.contains("PLACE:Turkey") && s.contains("PLACE:Iran"))
  }

  @Test func derivedAdjectivesAreMisc() throws {
    let doc = try run("The Moscow-based group met U.S.-backed fighters.")
    let s = spans(doc)
    #expect(s.contains("MISC:Moscow-based"))
    #expect(s.contains("MISC:U.S.-backed"))
  }

  @Test func pathologicalRunsAreSkippedWithoutDeepRecursion() throws {
    let long = Array(repeating: "Bank of", count: 20_000).joined(separator: " ") + " England"
    let doc = try run("He said " + long + " was fine. Then Mary Okafor left.")
    let s = spans(doc)
    #expect(s.contains("PERSON:Mary Okafor"))
    #expect(doc.entities.count < 10)
  }

  @Test func mentionsAreSortedAndDisjoint() throws {
    let doc = try run(
      """
      MOSCOW TALKS STALL

      MOSCOW, July 15 - Turkish President Recep Tayyip Erdogan, pro-Western Syrian officials and the \
      Moscow-based Federation of Sovereign Indigenous Nations (FSIN) met. Jackson 2 Damascus 1. Erdogan said \
      the U.S.-backed plan failed; spokesman Hakan Okoro agreed.
      """)
    let ranges = doc.entities.map(\.range)
    #expect(ranges.count >= 8)
    for (x, y) in zip(ranges, ranges.dropFirst()) { #expect(x.utf8End <= y.utf8Start) }
    #expect(doc.entities.allSatisfy { !$0.entityID.isEmpty && !$0.canonical.isEmpty })
  }

  @Test func emptyDocumentHasNoEntities() throws {
    let doc = try run("")
    #expect(doc.entities.isEmpty)
  }
}
