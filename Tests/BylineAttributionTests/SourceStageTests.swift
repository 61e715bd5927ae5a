import BylineAttribution
import BylineCore
import BylineTestSupport
import BylineText
import Testing

@Suite struct SourceStageTests {
  static let store = LexiconStore(directory: TestPaths.lexicons)
  static let quotes: QuoteStage = try! QuoteStage(lexicons: store, usesEntities: false)
  static let sources: SourceStage = try! SourceStage(lexicons: store, usesEntities: false)

  private func run(_ text: String, entities: (Document) -> [EntityMention] = { _ in [] }) throws -> Document {
    var doc = DocumentBuilder.make(text)
    try TokenizerStage().process(&doc)
    doc.entities = entities(doc)
    try Self.quotes.process(&doc)
    try Self.sources.process(&doc)
    return doc
  }

  private func citations(_ doc: Document, named name: String) -> [SourceCitation] {
    doc.sources.filter { $0.name == name }
  }

  @Test func seedLikePassageCitesDailySabahAndAnonymousSources() throws {
    let doc = try run(QuoteStageTests.summit)
    let sabah = citations(doc, named: "Daily Sabah")
    #expect(sabah.count == 2)
    #expect(sabah.allSatisfy { $0.kind == .media })
    #expect(sabah.map(\.cue) == ["reported", "informed"])
    #expect(sabah.allSatisfy { doc.string($0.range) == "Daily Sabah" })
    let anon = try #require(citations(doc, named: "sources familiar with the discussions").first)
    #expect(anon.kind == .anonymous)
    #expect(anon.cue == "citing")
    #expect(doc.string(anon.range) == "sources familiar with the discussions")
    let source = try #require(citations(doc, named: "A source").first)
    #expect(source.kind == .anonymous)
    #expect(source.cue == "informed")
    // al-Assad is quoted twice through two mentions: two citations.
    let assad = citations(doc, named: "Bashar al-Assad")
    #expect(assad.count == 2)
    #expect(assad.allSatisfy { $0.kind == .other })
  }

  @Test func outletCuesAndDateline() throws {
    let doc = try run("""
      KABUL (AP) — Flooding killed 40 people, officials said.

      The figures were confirmed to Reuters by a local governor. According to AFP, roads were closed.

      In an interview with Al Jazeera, the minister said talks would resume.

      The Independent Electoral Commission said results would come on Friday.
      """)
    let ap = try #require(citations(doc, named: "Associated Press").first)
    #expect(ap.kind == .agency)
    #expect(ap.rule == "sources.outlet-dateline")
    #expect(citations(doc, named: "Reuters").first?.cue == "to")
    #expect(citations(doc, named: "Agence France-Presse").first?.cue == "According to")
    let aj = try #require(citations(doc, named: "Al Jazeera").first)
    #expect(aj.kind == .media)
    #expect(aj.cue == "In an interview with")
    #expect(citations(doc, named: "The Independent").isEmpty)
  }

  @Test func plainOutletMentionIsNoCitation() throws {
    let doc = try run("She used to work for the BBC before moving to Paris.")
    #expect(citations(doc, named: "BBC").isEmpty)
  }

  @Test func anonymousOfficialsAndDocuments() throws {
    let doc = try run("""
      Two officials who spoke on condition of anonymity said the deal was close.

      The company said in a statement that it would appeal. According to a court filing, the loan was repaid.

      The report found that water quality had improved.
      """)
    let anon = try #require(citations(doc, named: "Two officials who spoke on condition of anonymity").first)
    #expect(anon.kind == .anonymous)
    #expect(anon.cue == "said")
    let statement = try #require(citations(doc, named: "a statement").first)
    #expect(statement.kind == .document)
    #expect(statement.cue == "said in")
    #expect(citations(doc, named: "a court filing").first?.kind == .document)
    #expect(citations(doc, named: "The report").first?.cue == "found")
  }

  @Test func titledSpeakerIsOfficialAndEntityIdsAreKept() throws {
    let doc = try run("\"The border stays open,\" Foreign Minister Lina Haddad said.") { d in
      [EntityMention(range: DocumentBuilder.range(of: "Lina Haddad", in: d)!, type: .person, entityID: "E3",
                     canonical: "Lina Haddad", rule: "test")]
    }
    let c = try #require(citations(doc, named: "Lina Haddad").first)
    #expect(c.kind == .official)
    #expect(c.entityID == "E3")
    #expect(c.cue == "said")
  }

  @Test func pronounSpeakersAreNotSources() throws {
    let doc = try run("\"We will stay,\" he said.")
    #expect(doc.sources.isEmpty)
  }

  @Test func requiresFollowTheEntityOption() throws {
    let lex = try SourceLexicon(lexicons: Self.store)
    #expect(SourceStage(lexicon: lex).requires == [.tokens, .entities, .quotes])
    #expect(SourceStage(lexicon: lex, usesEntities: false).requires == [.tokens, .quotes])
  }
}
