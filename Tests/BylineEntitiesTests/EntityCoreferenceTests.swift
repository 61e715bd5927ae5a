import BylineCore
import BylineEntities
import BylineTestSupport
import BylineText
import Foundation
import BylinePlaces
import Testing

@Suite struct EntityCoreferenceTests {
  private func run(_ text: String) throws -> Document { try EntityTestRunner.run(text) }

  private func mention(_ doc: Document, _ text: String, after: Int = 0) throws -> EntityMention {
    let r = try #require(DocumentBuilder.range(of: text, in: doc, after: after))
    return try #require(doc.entities.first { $0.range == r }, "no mention \(text)")
  }

  @Test func surnamesJoinTheFullName() throws {
    let doc = try run(
      """
      Turkish President Recep Tayyip Erdogan and Syrian President Bashar al-Assad could meet in Moscow. \
      Iraqi Prime Minister Mohammed Shia al-Sudani said Iran agreed.

      On July 15, al-Assad said Erdogan must withdraw. Al-Assad repeated it; Assad's aides agreed.
      """)
    let erdogan = try mention(doc, "Recep Tayyip Erdogan")
    let assad = try mention(doc, "Bashar al-Assad")
    #expect(erdogan.canonical == "Recep Tayyip Erdogan")
    let later = try #require(DocumentBuilder.range(of: "On July", in: doc)).utf8Start
    let shortAssad = try mention(doc, "al-Assad", after: later)
    #expect(shortAssad.entityID == assad.entityID)
    #expect(shortAssad.canonical == "Bashar al-Assad")
    #expect(try mention(doc, "Al-Assad").entityID == assad.entityID)
    let possessive = try #require(DocumentBuilder.range(of: "; Assad", in: doc)).utf8Start
    #expect(try mention(doc, "Assad", after: possessive).canonical == "Bashar al-Assad")
    let shortErdogan = try mention(doc, "Erdogan", after: later)
    #expect(shortErdogan.entityID == erdogan.entityID)
    #expect(shortErdogan.canonical == "Recep Tayyip Erdogan")
    #expect(erdogan.entityID != assad.entityID)
  }

  @Test func idsFollowFirstMentionOrder() throws {
    let doc = try run("Turkish officials met Syrian envoys in Moscow. Turkish troops stayed.")
    let ids = doc.entities.map(\.entityID)
    #expect(ids == ["E1", "E2", "E3", "E1"])
    #expect(doc.entities[0].canonical == "Turkish")
  }

  @Test func surnameBeforeTheFullNameJoinsIt() throws {
    let doc = try run("Erdogan spoke first. Later President Recep Tayyip Erdogan left.")
    let first = try mention(doc, "Erdogan")
    #expect(first.type == .person)
    #expect(first.canonical == "Recep Tayyip Erdogan")
    #expect(first.entityID == "E1")
  }

  @Test func acronymDefinedInBracketsJoinsItsLongForm() throws {
    let doc = try run(
      "The Federation of Sovereign Indigenous Nations (FSIN) said it would appeal. Later the FSIN chief spoke.")
    let long = try mention(doc, "Federation of Sovereign Indigenous Nations")
    #expect(long.type == .org)
    let acr = try mention(doc, "FSIN")
    let second = try mention(doc, "FSIN", after: acr.range.utf8End)
    #expect(acr.entityID == long.entityID && second.entityID == long.entityID)
    #expect(second.canonical == "Federation of Sovereign Indigenous Nations")
  }

  @Test func undefinedAcronymJoinsTheNameItSpells() throws {
    let doc = try run("Talks with the Kessel Liberation Front stalled. Diplomats said the KLF denied it.")
    let long = try mention(doc, "Kessel Liberation Front")
    let acr = try mention(doc, "KLF")
    #expect(acr.entityID == long.entityID)
    #expect(acr.type == long.type)
    #expect(acr.canonical == "Kessel Liberation Front")
  }

  @Test func differentPeopleWithDifferentSurnamesStayApart() throws {
    let doc = try run("Senator Mary Okafor met Senator John Okoro. Okoro spoke; Okafor listened.")
    let second = try #require(DocumentBuilder.range(of: ". Okoro", in: doc)).utf8Start
    #expect(try mention(doc, "Okoro", after: second).canonical == "John Okoro")
    #expect(try mention(doc, "Okafor", after: second).canonical == "Mary Okafor")
    #expect(Set(doc.entities.map(\.entityID)).count == 2)
  }
}
