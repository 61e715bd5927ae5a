import BylineAttribution
import BylineCore
import BylineTestSupport
import BylineText
import Testing

/// Regressions seen on Byline's own examples, each rebuilt on invented text.
@Suite struct QuoteRegressionTests {
  static let stage: QuoteStage = try! QuoteStage(
    lexicons: LexiconStore(directory: TestPaths.lexicons), usesEntities: false)

  private func run(_ text: String, people: [String] = []) throws -> Document {
    var doc = DocumentBuilder.make(text)
    try TokenizerStage().process(&doc)
    // Every occurrence of each given name becomes a PERSON mention (as the entity stage would).
    var mentions: [EntityMention] = []
    for (n, name) in people.enumerated() {
      var from = doc.text.startIndex
      while let r = doc.text.range(of: name, range: from..<doc.text.endIndex) {
        let s = doc.text.utf8.distance(from: doc.text.startIndex, to: r.lowerBound)
        let e = doc.text.utf8.distance(from: doc.text.startIndex, to: r.upperBound)
        mentions.append(EntityMention(range: TextRange(s, e), type: .person, entityID: "P\(n)", canonical: name, rule: "test"))
        from = r.upperBound
      }
    }
    doc.entities = mentions.sorted { $0.range < $1.range }
    try Self.stage.process(&doc)
    return doc
  }

  private func quote(_ doc: Document, containing needle: String) -> Quote? {
    guard let r = DocumentBuilder.range(of: needle, in: doc) else { return nil }
    return doc.quotes.first { $0.range.overlaps(r) }
  }

  @Test func pronounSkipsPeopleNamedInsideAQuote() throws {
    let text = """
      Syrian President Bashar Haddad spoke to reporters in the capital on Thursday.

      Asked about the summit, Haddad stated, "Only if meeting President Orhan Demir leads to results will we go."

      He stressed that his government would not accept conditions set by others.
      """
    for people in [[], ["Bashar Haddad", "Orhan Demir"]] {
      let doc = try run(text, people: people)
      let q = try #require(quote(doc, containing: "would not accept conditions"))
      #expect(q.speaker == "Bashar Haddad")
      #expect(q.speakerRange.map { doc.string($0) } == "He")
    }
  }

  @Test func appositionSubjectIsTheNextPronounsAntecedentAndNoContent() throws {
    let text = """
      Government spokeswoman Lena Marsh accused the rebels of stalling the talks for weeks.

      The Kessel Liberation Front's chief negotiator, Dario Fenwick, rejected the charge.

      "We never walked away from the table," he said, "and we will not do so now."
      """
    for people in [[], ["Lena Marsh", "Dario Fenwick"]] {
      let doc = try run(text, people: people)
      let q = try #require(quote(doc, containing: "We never walked away"))
      #expect(q.speaker == "Dario Fenwick")
      #expect(q.pieces.count == 2)
      // The subject is never reported content.
      #expect(quote(doc, containing: "chief negotiator") == nil)
    }
  }

  @Test func capitalisedRoleWordsAreNotCuesAndStayOutOfTheName() throws {
    let doc = try run("""
      Norwegian State Secretary Erik Haugland, who led the delegation, told a news conference that the talks would resume in March.

      Councilmember Dana Whitcomb said that the vote on the new library would be delayed.
      """)
    let a = try #require(quote(doc, containing: "the talks would resume"))
    #expect(a.speaker == "Erik Haugland")
    #expect(a.speakerRole == "Norwegian State Secretary")
    #expect(a.cue == "told")
    #expect(doc.string(a.range) == "the talks would resume in March")
    let b = try #require(quote(doc, containing: "the vote on the new library"))
    #expect(b.speaker == "Dana Whitcomb")
    #expect(b.speakerRole == "Councilmember")
    #expect(b.speakerRange.map { doc.string($0) } == "Dana Whitcomb")
  }

  @Test func datelineIsNotReportedContent() throws {
    let doc = try run("""
      GENEVA (Byline Wire) — Food prices will rise again before the winter, the relief agency said on Friday.

      OSLO, March 3 -- The fishing quota will be cut by a fifth, according to the ministry.
      """)
    let a = try #require(quote(doc, containing: "Food prices will rise"))
    #expect(doc.string(a.range) == "Food prices will rise again before the winter")
    let b = try #require(quote(doc, containing: "fishing quota"))
    #expect(doc.string(b.range) == "The fishing quota will be cut by a fifth")
  }

  @Test func stanceAndMultiWordCuesReportContent() throws {
    let doc = try run("""
      Councillor Mara Ibsen made clear that the bus depot would not close this year.

      Harbour master Ken Tanaka decided the ferry service would resume in the spring.
      """, people: ["Mara Ibsen", "Ken Tanaka"])
    let a = try #require(quote(doc, containing: "the bus depot"))
    #expect(doc.string(a.range) == "the bus depot would not close this year")
    #expect(a.speaker == "Mara Ibsen")
    #expect(a.cueRange.map { doc.string($0) } == "made clear")
    let b = try #require(quote(doc, containing: "the ferry service"))
    #expect(doc.string(b.range) == "the ferry service would resume in the spring")
    #expect(b.speaker == "Ken Tanaka")
  }

  @Test func sentenceOpeningPollIsTheSource() throws {
    let doc = try run("""
      In a new Westmoor Herald poll released Monday, 52 percent of residents backed the tram plan.

      In the spring, the council will vote on the tram plan again.
      """)
    let a = try #require(quote(doc, containing: "52 percent"))
    #expect(doc.string(a.range) == "52 percent of residents backed the tram plan")
    #expect(a.rule == "quotes.in-poll")
    #expect(quote(doc, containing: "the council will vote") == nil)
  }

  @Test func longAccordingToSourceClosingItsSentence() throws {
    let doc = try run("""
      Most young voters in the valley would back the tram plan, according to a new survey by the Institute of Transport Studies at the University of Westmoor and the regional council.
      """)
    let a = try #require(quote(doc, containing: "Most young voters"))
    #expect(doc.string(a.range) == "Most young voters in the valley would back the tram plan")
    #expect(a.rule == "quotes.according-to")
  }

  @Test func dashSignedReaderCommentsAndAccordingToBeforeAQuote() throws {
    let doc = try run("""
      "The new bus lanes saved me twenty minutes every morning."― Alma Ruiz.

      According to Councillor Ben Okafor, "the lanes will stay for at least another year."
      """)
    let signed = try #require(quote(doc, containing: "The new bus lanes"))
    #expect(signed.type == .direct)
    #expect(signed.speaker == "Alma Ruiz")
    let according = try #require(quote(doc, containing: "the lanes will stay"))
    #expect(according.type == .direct)
    #expect(according.rule == "quotes.direct-according-to")
    #expect(according.speaker == "Ben Okafor")
  }

  @Test func rolesWithOfAndGluedHyphenNames() throws {
    let doc = try run("""
      On Monday, Deputy Secretary of State Lise Varga praised the agreement reached in the capital.

      Harbour chief Park Min-jun said in his statement he was ready to reopen the port at once.
      """)
    let a = try #require(quote(doc, containing: "the agreement reached"))
    #expect(a.speaker == "Lise Varga")
    #expect(a.cue == "praised")
    #expect(a.speakerRole == "Deputy Secretary of State")
    let b = try #require(quote(doc, containing: "ready to reopen"))
    #expect(b.speaker == "Park Min-jun")
    #expect(doc.string(b.range) == "he was ready to reopen the port at once")
  }

  @Test func descriptionsResolveToThePersonIntroducedWithThem() throws {
    let doc = try run("""
      Goalkeeper coach Ida Strand watched the game from the stands. Tomas Berg, the rookie defenceman, scored twice.

      "I just tried to keep it simple and shoot low," said the rookie defenceman.

      "Defending was the hard part tonight," the coach said.

      Mayor Ruth Olsen issued a statement on Friday. "The pool will reopen in June," her statement read.
      """)
    #expect(quote(doc, containing: "keep it simple")?.speaker == "Tomas Berg")
    #expect(quote(doc, containing: "Defending was the hard part")?.speaker == "Ida Strand")
    let st = try #require(quote(doc, containing: "The pool will reopen"))
    #expect(st.speaker == "Ruth Olsen")
    #expect(st.speakerRange.map { doc.string($0) } == "her statement")
  }

  @Test func relativeClauseBeforeTheCueLeavesItsAntecedentAsSpeaker() throws {
    let doc = try run("""
      An aid worker who asked not to be named because the talks were private said that the convoy had been stopped twice.
      """)
    let q = try #require(quote(doc, containing: "the convoy had been stopped"))
    #expect(q.speaker == "An aid worker")
    #expect(doc.string(q.range) == "the convoy had been stopped twice")
  }

  @Test func relativePronounIsTheMentionAndColonParagraphIntroducesTheQuote() throws {
    let doc = try run("""
      The ferry operator blamed the storm, but the union leader Mara Voss, who said the boats were too old, disagreed.

      Voss continued:

      "We have asked for new boats for ten years and nobody has listened to us."
      """)
    let rel = try #require(quote(doc, containing: "the boats were too old"))
    #expect(rel.speaker == "Mara Voss")
    #expect(rel.speakerRange.map { doc.string($0) } == "who")
    let para = try #require(quote(doc, containing: "We have asked for new boats"))
    #expect(para.type == .direct)
    #expect(para.rule == "quotes.direct-cue-before")
    #expect(para.cue == "continued")
    #expect(para.speaker == "Mara Voss")
  }

  @Test func capitalisedCueWordsInsideNamesAreNotCues() throws {
    let doc = try run("""
      In the treaty, the United States pledged that it would halve its emissions by 2035.

      Mayor Says Bridge Will Reopen in May
      """)
    let q = try #require(quote(doc, containing: "halve its emissions"))
    #expect(q.speaker == "United States")
    #expect(q.cue == "pledged")
    #expect(doc.quotes.allSatisfy { $0.cue != "States" })
  }
}
