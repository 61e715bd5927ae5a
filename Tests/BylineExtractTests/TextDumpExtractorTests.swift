import BylineCore
import BylineExtract
import BylineTestSupport
import Foundation
import Testing

/// Hand-made page dumps (invented text) in layouts other than the seed's.
@Suite struct TextDumpExtractorTests {
  static let extractor: TextDumpExtractor? = try? TextDumpExtractor(
    lexicons: LexiconStore(directory: TestPaths.lexicons))

  func extract(_ page: String) throws -> ExtractedArticle {
    try #require(Self.extractor).extract(page: page)
  }

  static let menu = """
    The Harbour Gazette

    Home
    Local
    Business
    Sport
    Weather
    Subscribe
    Sign In
    """

  static let wirePage = menu + """


    Town council approves new ferry timetable after long debate

    By Jane Doe and John Roe

    Published: March 3, 2023 at 10:15 a.m. EST

    The town council voted on Thursday evening to approve a new winter timetable for the harbour ferry, ending a debate that had lasted most of the autumn.

    Under the plan, the first crossing will leave at six in the morning and the last will return shortly before midnight on weekdays.

    What changes for commuters

    Commuters who travel to the mainland every day will gain two extra crossings in the morning, the council said in a statement.

    Photo: Harbour Gazette archive

    Some residents asked for a later crossing on Saturdays, but the operator said it did not have enough crew for that.

    "We listened to everyone who wrote to us, and we think this timetable is a fair compromise," the council's transport officer said.

    Most Popular

    Lighthouse reopens after repairs

    School choir wins regional prize

    Fishing quotas set for next year

    Home
    Local
    Business
    Sport
    Weather
    © 2023 The Harbour Gazette. All rights reserved.
    """

  @Test func wirePageBodyAndMetadata() throws {
    let a = try extract(Self.wirePage)
    #expect(a.metadata.title == "Town council approves new ferry timetable after long debate")
    #expect(a.metadata.authors == ["Jane Doe", "John Roe"])
    #expect(a.metadata.published?.description == "2023-03-03T10:15")  // no zone conversion
    #expect(a.metadata.tags.isEmpty)
    #expect(a.text.hasPrefix("The town council voted on Thursday evening"))
    #expect(a.text.hasSuffix("the council's transport officer said."))
    for junk in ["Most Popular", "Lighthouse reopens", "Photo:", "Subscribe", "All rights reserved", "By Jane"] {
      #expect(!a.text.contains(junk), "kept: \(junk)")
    }
    let kinds = a.blocks.map(\.kind)
    #expect(kinds.count == 6)
    #expect(kinds[2] == .heading)  // "What changes for commuters"
    #expect(kinds.filter { $0 == .heading }.count == 1)
  }

  @Test func blocksCoverTheTextExactly() throws {
    let a = try extract(Self.wirePage)
    let bytes = Array(a.text.utf8)
    let joined = a.blocks.map { String(decoding: bytes[$0.range.utf8Start..<$0.range.utf8End], as: UTF8.self) }
      .joined(separator: "\n\n")
    #expect(joined == a.text)
  }

  @Test func pageWithoutDateOrAuthor() throws {
    let page = Self.menu + """


      Why the tide comes in twice a day

      The tide rises and falls twice each day because the moon pulls the oceans toward it on one side of the planet.

      On the opposite side, the water bulges outward as well, so most coasts see two high tides in a little over a day.

      The sun adds its own smaller pull, which is why some tides are higher than others during the month.

      Read more: How sailors used tide tables before clocks were common

      Related

      Ten facts about the moon

      How deep is the harbour?

      About us
      Contact
      Privacy
      """
    let a = try extract(page)
    #expect(a.metadata.title == "Why the tide comes in twice a day")
    #expect(a.metadata.authors.isEmpty)
    #expect(a.metadata.published == nil)
    #expect(a.metadata.sourceLine == nil)
    #expect(a.text.hasPrefix("The tide rises and falls twice each day"))
    #expect(a.text.hasSuffix("higher than others during the month."))
    #expect(a.blocks.count == 3)
    #expect(!a.text.contains("Read more"))
    #expect(!a.text.contains("Ten facts"))
  }

  @Test func staffBylineIsNotAnAuthor() throws {
    let page = """
      Storm closes coastal road for second day

      By Gazette Staff
      • Source: Reuters
      12/01/2022 08:30 PM

      Heavy waves pushed stones and seaweed across the coastal road again on Tuesday, and the county kept it closed to all traffic.

      Engineers will inspect the sea wall once the wind drops, a county spokesperson said on Tuesday afternoon.
      """
    let a = try extract(page)
    #expect(a.metadata.authors.isEmpty)
    #expect(a.metadata.siteName == "Gazette Staff")
    #expect(a.metadata.sourceLine == "Reuters")
    #expect(a.metadata.published?.description == "2022-12-01T20:30")
    #expect(a.metadata.title == "Storm closes coastal road for second day")
    #expect(a.blocks.count == 2)
  }

  @Test func commentsAfterTheArticleAreDropped() throws {
    let page = """
      Library extends weekend opening hours

      By Ana Lima

      The central library will stay open until eight in the evening on Saturdays from next month, the city said on Monday.

      The change follows a survey in which most readers asked for longer weekend hours and more study places.

      Staff numbers will rise by three to cover the extra time, according to the library's director.

      12 Comments

      reader42 says:
      May 2, 2023 at 9:14 am

      This is great news for students who work during the week and cannot come in the evenings.

      oldtimer says:
      May 2, 2023 at 9:30 am

      About time, I have been asking for this for years and nobody ever listened to us.
      """
    let a = try extract(page)
    #expect(a.metadata.authors == ["Ana Lima"])
    #expect(a.text.hasSuffix("according to the library's director."))
    #expect(!a.text.contains("great news for students"))
  }

  @Test func emptyAndMenuOnlyPagesGiveAnEmptyBody() throws {
    for page in ["", "\n\n  \n", Self.menu, "•\n  • \n• Home\n• News"] {
      let a = try extract(page)
      #expect(a.text.isEmpty)
      #expect(a.blocks.isEmpty)
      #expect(a.metadata.title == nil)
      #expect(a.metadata.tags.isEmpty)
    }
  }

  @Test func badLexiconRowIsReportedWithItsLine() throws {
    let tsv = "# comment\npattern\trole\nmost read\tskip\nread more\tbogus\n"
    #expect(throws: LexiconError.badLine(file: "x.tsv", line: 4, reason: "unknown role \"bogus\"")) {
      _ = try TextDumpLexicon(table: TSVTable(data: Data(tsv.utf8), path: "x.tsv"))
    }
  }

  @Test func announcedListAfterTheLastParagraphIsKept() throws {
    let page = """
      Choir announces spring concerts

      By Ana Lima
      April 2, 2023

      The town choir will give five concerts this spring, its director said on Sunday after the last rehearsal of the winter.

      Tickets cost ten euros and children under twelve go free, the director added in a short statement to members.

      Concert dates:
      April 20 – Town Hall
      April 27 – St Mary's Church
      May 4 – Harbour Pavilion

      Most Read

      Ferry timetable changes
      """
    let a = try extract(page)
    #expect(a.text.hasSuffix("Concert dates:\n\nApril 20 – Town Hall\n\nApril 27 – St Mary's Church\n\nMay 4 – Harbour Pavilion"))
    #expect(!a.text.contains("Ferry timetable"))
  }

  @Test func standfirstRestatedInTheBodyGivesWay() throws {
    let page = """
      Bridge repairs to finish early

      By Ana Lima

      Repairs to the old stone bridge will finish two weeks earlier than planned, the county said on Friday.

      Image 1 of 12

      The county said on Friday that repairs to the old stone bridge will finish two weeks earlier than first planned.

      Dry weather in March let the masons work every day, and the last section of the parapet was rebuilt this week.
      """
    let a = try extract(page)
    #expect(a.text.hasPrefix("The county said on Friday"))
    #expect(a.blocks.count == 2)
  }

  @Test func teaserListWithDatesAfterTheArticleIsDropped() throws {
    let page = """
      Museum opens new maritime gallery

      By Ana Lima
      June 5, 2023

      The harbour museum opened its new maritime gallery on Monday, with models of every ship built in the town since 1850.

      The gallery took three years to prepare, and most of the models were restored by volunteers from the sailing club.

      Visitors can also see the original plans of the lighthouse, which were found in the town archive last year.

      June 4, 2023
      A long weekend of sailing races ended on Sunday with a win for the youngest crew in the history of the regatta.
      June 3, 2023
      The town council met on Saturday to discuss the budget for next year and agreed to spend more on the harbour.
      June 2, 2023
      Fishermen say the catch this spring was the best in a decade, and prices at the market fell for the first time.
      """
    let a = try extract(page)
    #expect(a.text.hasSuffix("found in the town archive last year."))
    #expect(!a.text.contains("regatta"))
  }

  @Test func furnitureLinesAreDropped() throws {
    let page = """
      New cycle path links the two harbours

      By Ana Lima

      A new cycle path between the north and south harbours opened on Saturday, after two years of building work along the shore.

      The path is four kilometres long and passes the lighthouse, where a small cafe will open for cyclists in the summer.

      Cyclists gather at the lighthouse on the opening day [File: Reuters]

      The county expects about a thousand cyclists a day once the summer holidays begin, a spokesperson said on Saturday.

      Subscribe to our newsletter for the latest news from the harbour towns.

      About Ana Lima

      Ana Lima has written about transport and the coast for the Gazette since 2015, after ten years at a regional radio station.

      The Harbour Gazette and its logo are registered trademarks of Gazette Media Ltd. All content may not be reproduced without permission.
      """
    let a = try extract(page)
    #expect(a.text.hasSuffix("a spokesperson said on Saturday."))
    #expect(a.blocks.count == 3)
    for junk in ["[File", "Subscribe", "About Ana", "regional radio", "trademarks"] {
      #expect(!a.text.contains(junk), "kept: \(junk)")
    }
  }

  @Test func japaneseProseIsRecognised() throws {
    let page = """
      ホーム
      ニュース

      港の新しいフェリーが運航開始

      新しいフェリーは月曜日の朝に最初の運航を行い、多くの住民が港に集まって出発を見送りました。

      運航会社によると、冬の間も一日に六便を運航する予定で、通勤客にとって便利になるということです。
      """
    let a = try extract(page)
    #expect(a.blocks.count == 2)
    #expect(a.text.hasPrefix("新しいフェリーは"))
    #expect(a.metadata.title == "港の新しいフェリーが運航開始")
  }

  static func bylinePage(_ byline: String) -> String {
    """
    Harbour wall to be rebuilt next year

    \(byline)

    The county will rebuild the old harbour wall next year after storms damaged two sections of it during the winter.

    Work will start in April and should take about six months, the harbour master said at a meeting on Wednesday.
    """
  }

  @Test(arguments: [
    ("By Maria Santos, Gazette Staff", ["Maria Santos"], "Gazette Staff"),
    ("By Lena Park, MS, RD", ["Lena Park"], nil),
    ("By Tom Reed, Harbour Business Columnist", ["Tom Reed"], nil),
    ("By Ana Lima, Jo Brandt & Sam Ortiz", ["Ana Lima", "Jo Brandt", "Sam Ortiz"], nil),
    ("By Ana Lima, GBC", ["Ana Lima"], "GBC"),
    ("By Gazette Reporters - 3 hours ago", [], "Gazette Reporters"),
  ] as [(String, [String], String?)])
  func bylines(byline: String, authors: [String], site: String?) throws {
    let a = try extract(Self.bylinePage(byline))
    #expect(a.metadata.authors == authors)
    #expect(a.metadata.siteName == site)
    #expect(a.metadata.title == "Harbour wall to be rebuilt next year")
    #expect(a.blocks.count == 2)
  }

  @Test func headlineComesFromTheBrowserTitleLine() throws {
    let page = """
      Harbour wall to be rebuilt next year - The Harbour Gazette

      Home
      News

      Harbour wall to be rebuilt next year

      Ana Lima, Harbour Gazette

      Updated Friday, March 3, 2023 10:12 am

      The county will rebuild the old harbour wall next year after storms damaged two sections of it during the winter.

      Work will start in April and should take about six months, the harbour master said at a meeting on Wednesday.
      """
    let a = try extract(page)
    #expect(a.metadata.title == "Harbour wall to be rebuilt next year")
    #expect(a.metadata.published?.description == "2023-03-03T10:12")
    #expect(a.text.hasPrefix("The county will rebuild"))
  }

  @Test func embeddedPostAndBareMoreHeader() throws {
    let page = """
      Harbour seals return to the old pier

      By Ana Lima
      May 3, 2023

      A colony of harbour seals has returned to the old pier for the first time in a decade, volunteers counting the animals said.

      More:
      Seal pups rescued after storm
      Volunteers clean the north beach

      Photos of the seals were shared widely on social media on Tuesday, and the town's account posted one of them.

      Look who is back on the old pier this morning! https://t.example/abc
      — Harbour Town (@harbourtown) May 2, 2023

      The volunteers asked visitors to keep at least fifty metres away from the animals while the pups are young.

      10 thoughts on “Harbour seals return to the old pier”

      Jo Brandt
      May 3, 2023 at 9:14 am

      What wonderful news for the town, I saw them this morning from the ferry and counted at least twelve.
      """
    let a = try extract(page)
    #expect(a.text.contains("— Harbour Town (@harbourtown) May 2, 2023"))
    #expect(a.text.hasSuffix("while the pups are young."))
    #expect(!a.text.contains("Seal pups rescued"))
    #expect(!a.text.contains("More:"))
    #expect(!a.text.contains("counted at least twelve"))
  }
}
