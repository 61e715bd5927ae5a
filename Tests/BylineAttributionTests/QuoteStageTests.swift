import BylineAttribution
import BylineCore
import BylineTestSupport
import BylineText
import Testing

@Suite struct QuoteStageTests {
  static let stage: QuoteStage = try! QuoteStage(
    lexicons: LexiconStore(directory: TestPaths.lexicons), usesEntities: false)

  private func run(_ text: String, entities: (Document) -> [EntityMention] = { _ in [] }) throws -> Document {
    var doc = DocumentBuilder.make(text)
    try TokenizerStage().process(&doc)
    doc.entities = entities(doc)
    try Self.stage.process(&doc)
    return doc
  }

  private func quote(_ doc: Document, containing needle: String) -> Quote? {
    guard let r = DocumentBuilder.range(of: needle, in: doc) else { return nil }
    return doc.quotes.first { $0.range.overlaps(r) }
  }

  /// An invented passage in the style of a wire report about a planned summit.
  static let summit = """
    Talks between Turkish President Recep Tayyip Erdogan and Syrian President Bashar al-Assad \
    could be held in Moscow next month, the Daily Sabah reported citing sources familiar with the discussions.

    A source informed the Daily Sabah that the question of troop withdrawals will be left for later talks.

    Asked about a meeting, al-Assad stated, "If a meeting with President Erdogan brings results, I will attend it."

    He said the meeting itself was not the issue, noting that while talks may help, "nobody has told us what the aim is."

    "We welcome every initiative that improves relations. But we cannot go ahead without rules," al-Assad added.
    """

  @Test func seedLikePassageAttributesQuotesToAlAssad() throws {
    let doc = try run(Self.summit)
    let stated = try #require(quote(doc, containing: "If a meeting with President Erdogan"))
    #expect(stated.type == .direct)
    #expect(stated.speaker == "Bashar al-Assad")
    #expect(stated.cue == "stated")
    #expect(stated.speakerRange.map { doc.string($0) } == "al-Assad")
    #expect(doc.string(stated.range) == "If a meeting with President Erdogan brings results, I will attend it.")

    let added = try #require(quote(doc, containing: "We welcome every initiative"))
    #expect(added.type == .direct)
    #expect(added.speaker == "Bashar al-Assad")
    #expect(added.cue == "added")
    #expect(added.rule == "quotes.direct-cue-after")

    let noting = try #require(quote(doc, containing: "nobody has told us"))
    #expect(noting.type == .mixed)
    #expect(noting.speaker == "Bashar al-Assad")
    #expect(noting.speakerRange.map { doc.string($0) } == "He")
    #expect(noting.cue == "noting")

    let reported = try #require(quote(doc, containing: "could be held in Moscow"))
    #expect(reported.type == .indirect)
    #expect(reported.speaker == "Daily Sabah")
    #expect(reported.rule == "quotes.indirect-cue-after")
    #expect(doc.string(reported.range).hasPrefix("Talks between Turkish President"))

    let informed = try #require(quote(doc, containing: "the question of troop withdrawals"))
    #expect(informed.type == .indirect)
    #expect(informed.speaker == "A source")
    #expect(informed.cue == "informed")
  }

  @Test func speakerAfterQuoteInvertedAndSplitQuote() throws {
    let doc = try run("""
      Maria Lopez runs the shelter.

      "We are full every night," said Lopez. "Nobody should sleep outside," she said, "not in this cold."
      """)
    let first = try #require(quote(doc, containing: "We are full"))
    #expect(first.speaker == "Maria Lopez")
    #expect(first.cue == "said")
    #expect(doc.string(first.range) == "We are full every night,")
    let split = try #require(quote(doc, containing: "Nobody should sleep"))
    #expect(split.pieces.count == 2)
    #expect(split.pieces.map { doc.string($0) } == ["Nobody should sleep outside,", "not in this cold."])
    #expect(split.speaker == "Maria Lopez")
    #expect(split.speakerRange.map { doc.string($0) } == "she")
  }

  @Test func curlyAndTeXMarksAndColonCue() throws {
    let doc = try run("""
      The mayor said: “The bridge will reopen in May.”

      Chief engineer Tom Reyes told reporters: ``The steel has arrived and the crews are ready.''
      """)
    let mayor = try #require(quote(doc, containing: "The bridge will reopen"))
    #expect(mayor.type == .direct)
    #expect(mayor.speaker == "The mayor")
    #expect(mayor.rule == "quotes.direct-cue-before")
    let reyes = try #require(quote(doc, containing: "The steel has arrived"))
    #expect(reyes.speaker == "Tom Reyes")
    #expect(reyes.speakerRole == "Chief engineer")
    #expect(reyes.cue == "told")
    #expect(doc.string(reyes.range) == "The steel has arrived and the crews are ready.")
  }

  @Test func quoteSpanningParagraphsIsOneQuote() throws {
    let doc = try run("""
      Senator Ann Price said: "The bill is ready. We have the votes.

      "We will bring it to the floor next week."
      """)
    let q = try #require(quote(doc, containing: "The bill is ready"))
    #expect(q.pieces.count == 2)
    #expect(doc.string(q.pieces[1]) == "We will bring it to the floor next week.")
    #expect(q.speaker == "Ann Price")
    #expect(q.speakerRole == "Senator")
    #expect(doc.quotes.count == 1)
  }

  @Test func quoteParagraphWithoutCueContinuesPreviousSpeaker() throws {
    let doc = try run("""
      "The harvest was poor this year," farmer Jan Olsen said.

      "We lost half of the wheat to the rain in August and September."
      """)
    let q = try #require(quote(doc, containing: "We lost half"))
    #expect(q.rule == "quotes.direct-continuation")
    #expect(q.speaker == "Jan Olsen")
    #expect(q.speakerRange.map { doc.string($0) } == "Jan Olsen")
  }

  @Test func scareQuotesAreNotQuotes() throws {
    let doc = try run("The plan is a \"reset\" of the company's strategy for \"growth\" abroad.")
    #expect(doc.quotes.isEmpty)
  }

  @Test func indirectSpeechForms() throws {
    let doc = try run("""
      Interior Minister Sara Nilsson said that the border would stay open through the winter.

      Prices will rise again next year, the central bank said on Tuesday.

      According to the ministry, more than 300 people were evacuated from the valley.

      Nilsson told reporters the army was ready to help.
      """)
    let a = try #require(quote(doc, containing: "the border would stay open"))
    #expect(a.type == .indirect)
    #expect(doc.string(a.range) == "the border would stay open through the winter")
    #expect(a.speaker == "Sara Nilsson")
    #expect(a.speakerRole == "Interior Minister")
    let b = try #require(quote(doc, containing: "Prices will rise"))
    #expect(b.rule == "quotes.indirect-cue-after")
    #expect(b.speaker == "the central bank")
    let c = try #require(quote(doc, containing: "more than 300 people"))
    #expect(c.rule == "quotes.according-to")
    #expect(c.cue == "According to")
    #expect(c.speaker == "the ministry")
    let d = try #require(quote(doc, containing: "the army was ready"))
    #expect(d.speaker == "Sara Nilsson")
    #expect(d.cue == "told")
  }

  @Test func mixedQuoteHoldsQuotedFragment() throws {
    let doc = try run("The coach said the team had played \"without fear\" in the second half.")
    #expect(doc.quotes.count == 1)
    let q = try #require(doc.quotes.first)
    #expect(q.type == .mixed)
    #expect(doc.string(q.range) == "the team had played \"without fear\" in the second half")
  }

  @Test func colonHeadlineAttribution() throws {
    let doc = try run("Senior Hamas source to Al Mayadeen: We trust our partners to stand with us")
    let q = try #require(doc.quotes.first)
    #expect(q.rule == "quotes.colon-attribution")
    #expect(q.speaker == "Senior Hamas source")
    #expect(q.cue == "to")
    #expect(doc.string(q.range) == "We trust our partners to stand with us")
  }

  @Test func pronounResolvesToPersonEntityWhenPresent() throws {
    let doc = try run("President Ines Duarte arrived on Monday.\n\n\"We came to listen,\" she said.") { d in
      let r = DocumentBuilder.range(of: "Ines Duarte", in: d)!
      return [EntityMention(range: r, type: .person, entityID: "E7", canonical: "Ines Maria Duarte", rule: "test")]
    }
    let q = try #require(doc.quotes.first)
    #expect(q.speaker == "Ines Maria Duarte")
    #expect(q.speakerEntityID == "E7")
  }

  @Test func requiresFollowTheEntityOption() throws {
    let lex = try QuoteLexicon(lexicons: LexiconStore(directory: TestPaths.lexicons))
    #expect(QuoteStage(lexicon: lex).requires == [.tokens, .sentences, .entities])
    #expect(QuoteStage(lexicon: lex, usesEntities: false).requires == [.tokens, .sentences])
  }

  @Test func transcriptAndNameColonsAttributeTheBlock() throws {
    let doc = try run("""
      Senator Ana Moreno spoke after the vote.

      MORENO: We will not accept the new rules without a vote in parliament.

      ENERGY: Crude oil fell 40 cents to $52 per barrel in New York.

      Read more: A new plan for the harbour and its four piers
      """)
    #expect(doc.quotes.count == 1)
    let q = try #require(doc.quotes.first)
    #expect(q.rule == "quotes.colon-attribution")
    #expect(q.speaker == "Ana Moreno")
    #expect(doc.string(q.range) == "We will not accept the new rules without a vote in parliament")
    #expect(q.cue == ":")
  }

  @Test func calledWithQuotedWordsIsMixedAndParentheticalSpeakerKeepsBothPieces() throws {
    let doc = try run("""
      Governor Ruth Baker called the budget "a disgrace to this state."

      The new tax, she said, will hurt farmers more than anyone else.
      """)
    let called = try #require(quote(doc, containing: "the budget"))
    #expect(called.type == .mixed)
    #expect(called.speaker == "Ruth Baker")
    let tax = try #require(quote(doc, containing: "will hurt farmers"))
    #expect(tax.pieces.map { doc.string($0) } == ["The new tax", "will hurt farmers more than anyone else"])
    #expect(tax.speaker == "Ruth Baker")
  }

  @Test func quoteAfterSpeakerWithLongApposition() throws {
    let doc = try run("""
      "The ruling changes nothing," Omar Haddad, the lawyer for the families, one of several groups in the case, said.
      """)
    let q = try #require(doc.quotes.first)
    #expect(q.speaker == "Omar Haddad")
    #expect(q.cue == "said")
  }

  @Test func quoteInsideItsSentenceIsMixedAndQuotedTitlesAreNotQuotes() throws {
    let doc = try run("""
      The plan is popular, but "it will not fix the roads," Mayor Lee Park said.

      Speaking on "Morning Talk," Park said the city would borrow more.
      """)
    let mixed = try #require(quote(doc, containing: "it will not fix"))
    #expect(mixed.type == .mixed)
    #expect(mixed.rule == "quotes.mixed-cue-after")
    #expect(doc.string(mixed.range) == "The plan is popular, but \"it will not fix the roads,")
    #expect(mixed.speaker == "Lee Park")
    #expect(mixed.speakerRole == "Mayor")
    #expect(quote(doc, containing: "Morning Talk") == nil)
    #expect(quote(doc, containing: "the city would borrow")?.type == .indirect)
  }

  @Test func pronounsSkipPeopleOfTheOtherGender() throws {
    let doc = try run("""
      Tom Berg was arrested on Friday.

      Nora Lind told police she had seen the car. He told detectives he had acted alone.
      """)
    let q = try #require(quote(doc, containing: "he had acted alone"))
    #expect(q.speaker == "Tom Berg")
    #expect(quote(doc, containing: "she had seen the car")?.speaker == "Nora Lind")
  }

  @Test func coordinatedCueStartsItsOwnQuote() throws {
    let doc = try run("""
      The mayor announced on Monday a review of the bus network and said fares would stay the same next year.

      Nora Lind praised the new library on Main Street, but she warned that the reading rooms were still too small.
      """)
    let announced = try #require(quote(doc, containing: "a review of the bus network"))
    #expect(doc.string(announced.range) == "on Monday a review of the bus network")
    let fares = try #require(quote(doc, containing: "fares would stay"))
    #expect(fares.cue == "said")
    #expect(doc.string(fares.range) == "fares would stay the same next year")
    let warned = try #require(quote(doc, containing: "reading rooms"))
    #expect(warned.cue == "warned")
    #expect(warned.speaker == "Nora Lind")
    #expect(doc.string(warned.range) == "the reading rooms were still too small")
    let praised = quote(doc, containing: "the new library")
    #expect(praised.map { doc.string($0.range).contains("reading rooms") } != true)
  }

  @Test func unknownDescriptionSpeaksBeforeThat() throws {
    let doc = try run("""
      At the hearing, one farmer claimed that the new canal had dried out his fields.

      The second chart shows that most of the water goes to the cities.
      """)
    let claimed = try #require(quote(doc, containing: "the new canal had dried out"))
    #expect(claimed.speakerRange.map { doc.string($0) }?.hasSuffix("farmer") == true)
    #expect(quote(doc, containing: "most of the water goes")?.cue == "shows")
  }

  @Test func adverbBeforeCueIsSkippedToTheSubject() throws {
    let doc = try run("Senator Ada Quinn sharply criticized the budget deal reached by the leaders on Friday.")
    let q = try #require(quote(doc, containing: "the budget deal"))
    #expect(q.speaker == "Ada Quinn")
    #expect(q.cue == "criticized")
  }

  @Test func noBreakSpaceBeforeQuoteStillOpensASentence() throws {
    let doc = try run("The school lost two teachers this year.\u{00A0}\u{201C}We need the money to stay open,\u{201D} said Ana Ruiz, who has three children.")
    let q = try #require(quote(doc, containing: "We need the money"))
    #expect(q.type == .direct)
    #expect(q.speaker == "Ana Ruiz")
    #expect(doc.string(q.range) == "We need the money to stay open,")
  }

  @Test func cueWordsUsedAsNounsAreNoCues() throws {
    let doc = try run("""
      The senator's call came after a week of protests about the new toll bridge over the river.

      Critics pointed to the 1995 state tax return of the company, but nobody answered them.

      A preliminary report found that the driver had worked three shifts in a row.

      Additional reporting by Tom Hale in Oslo.

      The initial call for help came from a neighbour who saw smoke over the barn.
      """)
    #expect(quote(doc, containing: "came from a neighbour") == nil)
    #expect(doc.quotes.allSatisfy { $0.cue != "report" && $0.cue != "reporting" })
    #expect(quote(doc, containing: "came after a week") == nil)
    #expect(doc.quotes.allSatisfy { $0.cue != "state" })
  }

  @Test func nameBeforeWithTheOrganisationIsTheSpeaker() throws {
    let doc = try run("Lena Fisk with the Harbour Health Authority says the wait times have doubled since spring.")
    let q = try #require(quote(doc, containing: "the wait times have doubled"))
    #expect(q.speaker == "Lena Fisk")
    #expect(q.speakerRange.map { doc.string($0) } == "Lena Fisk")
  }

  @Test func stanceVerbsFromTheLexiconReportContent() throws {
    let doc = try run("""
      The governor underscored that the new budget would not raise property taxes this year.

      Opposition leaders downplayed the risk of a shutdown at the steel plant in the north.
      """)
    #expect(quote(doc, containing: "would not raise property taxes")?.cue == "underscored")
    #expect(quote(doc, containing: "the risk of a shutdown")?.cue == "downplayed")
  }

  @Test func stanceVerbBeforeShortQuotedPhraseAndPassivesAreNoDirectQuotes() throws {
    let doc = try run("""
      The ferry company said it had offered "better pay" to the crews and expected the strike to end soon.

      The town was recognised for restoring the old canals that had been filled in decades ago.
      """)
    let q = try #require(quote(doc, containing: "better pay"))
    #expect(q.type != .direct)
    #expect(q.cue == "said")
    #expect(quote(doc, containing: "had been filled in") == nil)
  }

  @Test func thatClauseAfterAQuoteAndCoordinatedPassiveAreNoAttributions() throws {
    let doc = try run("""
      The ministry said in a statement that it was "ready to help for as long as needed" and that it had offered trucks for the aid convoy.

      The new road was approved by the council in May and challenged the same month by a group of local farmers.
      """)
    let q = try #require(quote(doc, containing: "ready to help"))
    #expect(q.cue == "said")
    #expect(q.speaker == "The ministry")
    #expect(quote(doc, containing: "a group of local farmers") == nil)
  }

  @Test func relativeClauseSpeakerWithTimePhraseAndItsContentEndsAtTheComma() throws {
    let doc = try run("""
      The harbour master, who in 2019 said the pier was unsafe, retired on Monday.

      The fire service, which reported 312 false alarms in the district, declined to comment.
      """)
    let pier = try #require(quote(doc, containing: "the pier was unsafe"))
    #expect(pier.speaker == "The harbour master")
    #expect(doc.string(pier.range) == "the pier was unsafe")
    let alarms = try #require(quote(doc, containing: "312 false alarms"))
    #expect(doc.string(alarms.range) == "312 false alarms in the district")
  }

  @Test func possessiveNounCueReportsTheThatClause() throws {
    let doc = try run("""
      Critics pointed to the governor's claim that the new bridge would pay for itself within ten years.

      The board was surprised by her insistence that the vote be held in public.
      """)
    // The noun's quote nests inside the reported clause of "pointed to", as PolNeAR annotates both.
    let claim = try #require(doc.quotes.first { $0.rule == "quotes.noun-cue" && doc.string($0.range).contains("would pay for itself") })
    #expect(quote(doc, containing: "would pay for itself")?.cue == "pointed to")
    #expect(claim.cue == "claim")
    #expect(claim.rule == "quotes.noun-cue")
    #expect(claim.speakerRange.map { doc.string($0) }?.hasSuffix("governor") == true)
    #expect(doc.string(claim.range) == "the new bridge would pay for itself within ten years")
    let insistence = try #require(doc.quotes.first { $0.rule == "quotes.noun-cue" && doc.string($0.range).contains("the vote be held") })
    #expect(insistence.speakerRange.map { doc.string($0) } == "her")
  }

  @Test func organisationDescriptionAndAbbreviationResolveToTheName() throws {
    let text = """
      The Northern Rail Freight Agency fined Kestrel Logistics on Monday.

      The company said it would appeal the fine within a week.

      NRFA said the fine was the largest it had ever issued.
      """
    let doc = try run(text) { d in
      [EntityMention(range: DocumentBuilder.range(of: "Northern Rail Freight Agency", in: d)!, type: .org, entityID: "E1",
                     canonical: "Northern Rail Freight Agency", rule: "test"),
       EntityMention(range: DocumentBuilder.range(of: "Kestrel Logistics", in: d)!, type: .org, entityID: "E2",
                     canonical: "Kestrel Logistics", rule: "test"),
       EntityMention(range: DocumentBuilder.range(of: "NRFA", in: d)!, type: .org, entityID: "E3", canonical: "NRFA", rule: "test")]
    }
    #expect(quote(doc, containing: "would appeal the fine")?.speaker == "Kestrel Logistics")
    #expect(quote(doc, containing: "the largest it had ever")?.speaker == "Northern Rail Freight Agency")
  }

  @Test func stanceVerbInsideContentFirstAttributionLeavesTheSentenceWhole() throws {
    let doc = try run("The league pledged 20 million dollars to the clubs last year, but most of it has not arrived, a club official said.")
    let q = try #require(quote(doc, containing: "most of it has not arrived"))
    #expect(q.cue == "said")
    #expect(doc.string(q.range).hasPrefix("The league pledged"))
  }

  @Test func verbsWithTheirPrepositionAreCues() throws {
    let doc = try run("""
      The fishermen railed against the new quotas set by the ministry for the coming season.

      Mayor Ida Brun took issue with the claim that the harbour would close before winter.
      """)
    #expect(quote(doc, containing: "the new quotas set by")?.cue == "railed against")
    let q = try #require(quote(doc, containing: "the harbour would close"))
    #expect(q.cue == "took issue with")
    #expect(q.speaker == "Ida Brun")
  }

  @Test func conjunctionAfterAQuoteOpensANewClauseNotAnAttribution() throws {
    let doc = try run("""
      Chief Ana Silva said the footage "does not show a weapon clearly," but he said that the witnesses had seen one.
      """)
    let q = try #require(quote(doc, containing: "does not show a weapon"))
    #expect(q.speaker == "Ana Silva")
    #expect(q.type == .mixed)
  }

  @Test func clauseFinalThatIsNoComplementizerAndLongSubjectsSpeak() throws {
    let doc = try run("""
      Engineers at the water board and its contractors said the new pumps could change that.
      """)
    let q = try #require(quote(doc, containing: "the new pumps could change"))
    #expect(doc.string(q.range) == "the new pumps could change that")
    #expect(q.speakerRange.map { doc.string($0) }?.contains("Engineers") == true)
  }

  @Test func organisationSpeakerIsNoPronounAntecedent() throws {
    let doc = try run("""
      Senator Tom Reyes met the farmers on Monday.

      Prosecutors said the charges would be filed this week in the county court.

      NFU said the meeting had gone well for both sides of the dispute.

      "We have the votes now," he said.
      """)
    let q = try #require(quote(doc, containing: "We have the votes"))
    #expect(q.speaker == "Tom Reyes")
  }

  @Test func nounCueWordsAfterAQuoteAreNoAttribution() throws {
    let doc = try run("""
      Nora Vik filed the suit in March.

      "The club ignored every warning," the civil claim states. "Nobody acted."

      "We will fight this in court," Vik further wrote in a post.
      """)
    #expect(quote(doc, containing: "The club ignored every warning")?.cue != "claim")
    let w = try #require(quote(doc, containing: "We will fight this"))
    #expect(w.cue == "wrote")
    #expect(w.speaker == "Nora Vik")
  }

  @Test func documentSpeaksForItsOrganisationAndTitledDescriptionLooksAhead() throws {
    let text = """
      The Coast Guard statement said the search would resume at first light on Sunday.

      Asked about the delay, the harbour commission chairman said the crews needed rest after two nights at sea.

      "We owe them that," harbour commission chairman Olav Berg said later.
      """
    let doc = try run(text) { d in
      [EntityMention(range: DocumentBuilder.range(of: "Coast Guard", in: d)!, type: .org, entityID: "E1",
                     canonical: "Coast Guard", rule: "test")]
    }
    #expect(quote(doc, containing: "the search would resume")?.speaker == "Coast Guard")
    #expect(quote(doc, containing: "the crews needed rest")?.speaker == "Olav Berg")
  }

  @Test func transcriptLinesOpeningWithAMarkAndPollHeadlines() throws {
    let doc = try run("""
      Poll: Voters split evenly on the new harbour tax.

      "HALVORSEN: We will not raise the ferry fares this year, whatever the council decides.

      "MOEN: Then who will pay for the new boats on the northern route?

      Halvorsen and Moen met again on Tuesday.
      """)
    #expect(quote(doc, containing: "Voters split evenly")?.speaker == "Poll")
    let h = try #require(quote(doc, containing: "We will not raise the ferry fares"))
    #expect(h.rule == "quotes.colon-attribution")
    #expect(h.speakerRange.map { doc.string($0) } == "HALVORSEN")
  }

  @Test func stanceVerbWithAShortObjectReportsIt() throws {
    let doc = try run("Councillor Ada Lunde voted against the budget.")
    let q = try #require(quote(doc, containing: "the budget"))
    #expect(q.cue == "voted against")
    #expect(q.speaker == "Ada Lunde")
    #expect(doc.string(q.range) == "the budget")
  }

  @Test func demandAndLamentReportIndirectSpeech() throws {
    let doc = try run("""
      The union demands a full inquiry into the crane collapse at the western pier.

      Ola Dahl lamented that the village school would close after two hundred years.
      """)
    #expect(quote(doc, containing: "a full inquiry into the crane")?.cue == "demands")
    #expect(quote(doc, containing: "the village school would close")?.speaker == "Ola Dahl")
  }

  @Test func longerClauseOpeningSubjectWithStanceVerb() throws {
    let doc = try run("Most fishermen on the northern coast opposed the new quota rules from Oslo.")
    let q = try #require(quote(doc, containing: "the new quota rules"))
    #expect(q.cue == "opposed")
    #expect(q.speakerRange.map { doc.string($0) }?.contains("fishermen") == true)
  }
}
