import BylineCore
import BylineDates
import BylineTestSupport
import BylineText
import Foundation
import Testing

/// One expected timex in a hand-made sentence.
struct TimexCase: CustomStringConvertible, Sendable {
  var sentence: String
  var extent: String
  var type: TimexType
  var value: String
  var mod: String? = nil
  var description: String { "\(sentence) → \(extent)" }
}

@Suite struct DateStageTests {
  /// The reference date of every case: Monday 22 July 2024, 18:17.
  static let published = "2024-07-22T18:17"
  static let stage: DateStage = {
    try! DateStage(lexicons: LexiconStore(directory: TestPaths.lexicons))
  }()

  private func run(_ text: String, published: String? = DateStageTests.published) throws -> Document {
    var doc = DocumentBuilder.make(text, published: published)
    try TokenizerStage().process(&doc)
    try Self.stage.process(&doc)
    return doc
  }

  static let cases: [TimexCase] = [
    // Absolute dates and times.
    TimexCase(sentence: "The page was updated 22 Jul 2024 18:17 by the desk.", extent: "22 Jul 2024 18:17", type: .time, value: "2024-07-22T18:17"),
    TimexCase(sentence: "The talks began on July 15 in Geneva.", extent: "July 15", type: .date, value: "2024-07-15"),
    TimexCase(sentence: "The deal was signed on July 22, 2024, officials said.", extent: "July 22, 2024", type: .date, value: "2024-07-22"),
    TimexCase(sentence: "The filing is dated 2024-07-22 in the register.", extent: "2024-07-22", type: .date, value: "2024-07-22"),
    TimexCase(sentence: "The form was stamped 15/07/2024 at the border.", extent: "15/07/2024", type: .date, value: "2024-07-15"),
    TimexCase(sentence: "The company was founded in 2011 by two students.", extent: "2011", type: .date, value: "2011"),
    TimexCase(sentence: "Sales fell in August 2024 after the strike.", extent: "August 2024", type: .date, value: "2024-08"),
    TimexCase(sentence: "The genre peaked in the 1990s across Europe.", extent: "the 1990s", type: .date, value: "199"),
    TimexCase(sentence: "Crime fell through the nineties in the city.", extent: "the nineties", type: .date, value: "199"),
    TimexCase(sentence: "The memorial honours those who died on Sept. 11 in New York.", extent: "Sept. 11", type: .date, value: "2024-09-11"),
    TimexCase(sentence: "Updated 2024-07-22T18:17:05Z by the desk.", extent: "2024-07-22T18:17:05Z", type: .time, value: "2024-07-22T18:17"),
    TimexCase(sentence: "He was born on 12 May 1961 in Izmir.", extent: "12 May 1961", type: .date, value: "1961-05-12"),
    TimexCase(sentence: "The match ended at 9:45 p.m. on Saturday.", extent: "9:45 p.m.", type: .time, value: "2024-07-20T21:45"),
    TimexCase(sentence: "Christmas Day fell on a Wednesday last year.", extent: "Christmas Day", type: .date, value: "2023-12-25"),
    TimexCase(sentence: "The summit will be held on April 24 and 25.", extent: "25", type: .date, value: "2025-04-25"),
    TimexCase(sentence: "Sales fell. The festival ran March 3-5 in the park.", extent: "5", type: .date, value: "2024-03-05"),
    TimexCase(sentence: "Sales fell. The festival ran March 3-5 in the park.", extent: "March 3", type: .date, value: "2024-03-03"),
    TimexCase(sentence: "The festival runs July 15–17 in the park.", extent: "17", type: .date, value: "2024-07-17"),
    TimexCase(sentence: "Prices rose from 2011 to 2013.", extent: "2013", type: .date, value: "2013"),
    TimexCase(sentence: "Revenue rose 12% in Q2 2024, the bank said.", extent: "Q2 2024", type: .date, value: "2024-Q2"),
    TimexCase(sentence: "The fourth quarter will be weaker, the bank said.", extent: "The fourth quarter", type: .date, value: "2024-Q4"),
    // Relative dates.
    TimexCase(sentence: "Profits rose sharply last year.", extent: "last year", type: .date, value: "2023"),
    TimexCase(sentence: "He left the country 13 years ago.", extent: "13 years ago", type: .date, value: "2011"),
    TimexCase(sentence: "The ministers will meet next week in Brussels.", extent: "next week", type: .date, value: "2024-W31"),
    TimexCase(sentence: "The ministers meet the day after tomorrow.", extent: "the day after tomorrow", type: .date, value: "2024-07-24"),
    TimexCase(sentence: "The ministers met the day before yesterday.", extent: "the day before yesterday", type: .date, value: "2024-07-20"),
    TimexCase(sentence: "The ministers met yesterday in Brussels.", extent: "yesterday", type: .date, value: "2024-07-21"),
    TimexCase(sentence: "The minister speaks today in Brussels.", extent: "today", type: .date, value: "2024-07-22"),
    TimexCase(sentence: "The vote is expected tonight in parliament.", extent: "tonight", type: .time, value: "2024-07-22TNI"),
    TimexCase(sentence: "Troops could arrive as early as August, officials said.", extent: "August", type: .date, value: "2024-08"),
    TimexCase(sentence: "Prices have risen sharply this month.", extent: "this month", type: .date, value: "2024-07"),
    TimexCase(sentence: "The law was passed earlier this year.", extent: "earlier this year", type: .date, value: "2024", mod: "START"),
    TimexCase(sentence: "The rebels attacked the town last week.", extent: "last week", type: .date, value: "2024-W29"),
    TimexCase(sentence: "Now the factory is closed.", extent: "Now", type: .date, value: "PRESENT_REF"),
    TimexCase(sentence: "The group recently opened an office.", extent: "recently", type: .date, value: "PAST_REF"),
    TimexCase(sentence: "More cuts may come in the future.", extent: "the future", type: .date, value: "FUTURE_REF"),
    TimexCase(sentence: "The ceasefire collapsed in March 2023 and talks resumed the following month.", extent: "the following month", type: .date, value: "2023-04"),
    // Weekdays by tense.
    TimexCase(sentence: "The president spoke on Monday in Ankara.", extent: "Monday", type: .date, value: "2024-07-22"),
    TimexCase(sentence: "The president spoke on Friday in Ankara.", extent: "Friday", type: .date, value: "2024-07-19"),
    TimexCase(sentence: "The president will speak on Monday in Ankara.", extent: "Monday", type: .date, value: "2024-07-29"),
    TimexCase(sentence: "The president will travel on Friday to Ankara.", extent: "Friday", type: .date, value: "2024-07-26"),
    TimexCase(sentence: "The rally took place on Saturday, July 20, in the capital.", extent: "Saturday, July 20", type: .date, value: "2024-07-20"),
    TimexCase(sentence: "The Times said in an editorial on Saturday, April 25: The court erred.", extent: "Saturday, April 25", type: .date, value: "2024-04-25"),
    TimexCase(sentence: "The Times said in an editorial on Monday, Oct. 26: The court erred.", extent: "Monday, Oct. 26", type: .date, value: "2023-10-26"),
    // Tense from intention verbs, "would", "since", possessives and parts of day (reference Monday 22 July 2024).
    TimexCase(sentence: "The team planned to leave the capital on Thursday for the coast.", extent: "Thursday", type: .date, value: "2024-07-25"),
    TimexCase(sentence: "The firm agreed to buy the mill in August.", extent: "August", type: .date, value: "2024-08"),
    TimexCase(sentence: "The minister said the talks would resume on Thursday.", extent: "Thursday", type: .date, value: "2024-07-25"),
    TimexCase(sentence: "Police have been searching for him since Oct. 23.", extent: "Oct. 23", type: .date, value: "2023-10-23"),
    TimexCase(sentence: "The president on Saturday vowed to hunt down the attackers.", extent: "Saturday", type: .date, value: "2024-07-20"),
    TimexCase(sentence: "On Thursday, the league plans to hold a news conference.", extent: "Thursday", type: .date, value: "2024-07-25"),
    TimexCase(sentence: "On Saturday, the president vowed to hunt down the attackers.", extent: "Saturday", type: .date, value: "2024-07-20"),
    TimexCase(sentence: "The shares closed above Thursday's price.", extent: "Thursday", type: .date, value: "2024-07-18"),
    TimexCase(sentence: "The talks, which began last month, resume on Wednesday.", extent: "Wednesday", type: .date, value: "2024-07-24"),
    TimexCase(sentence: "The president travels to Ankara on Thursday.", extent: "Thursday", type: .date, value: "2024-07-25"),
    TimexCase(sentence: "The visit ends Wednesday night.", extent: "Wednesday night", type: .time, value: "2024-07-24TNI"),
    TimexCase(sentence: "The trial continues Friday in Ankara.", extent: "Friday", type: .date, value: "2024-07-26"),
    TimexCase(sentence: "Thursday's vote will decide the matter.", extent: "Thursday", type: .date, value: "2024-07-25"),
    TimexCase(sentence: "The vote Friday was close.", extent: "Friday", type: .date, value: "2024-07-19"),
    TimexCase(sentence: "Trading is to resume in Paris on Friday.", extent: "Friday", type: .date, value: "2024-07-26"),
    TimexCase(sentence: "The father would be traveling to the United States on Thursday.", extent: "Thursday", type: .date, value: "2024-07-25"),
    TimexCase(sentence: "The results were published in September, the company said.", extent: "September", type: .date, value: "2024-09"),
    TimexCase(sentence: "The results were published in November, the company said.", extent: "November", type: .date, value: "2023-11"),
    TimexCase(sentence: "The bomb exploded on Friday morning near the embassy.", extent: "Friday morning", type: .time, value: "2024-07-19TMO"),
    TimexCase(sentence: "Thousands rallied on Sunday night in the square.", extent: "Sunday night", type: .time, value: "2024-07-21TNI"),
    TimexCase(sentence: "The attack came late Friday evening, officials said.", extent: "late Friday evening", type: .time, value: "2024-07-19TEV", mod: "END"),
    // A verb right after the date is its own; "had been due" is a past plan; "-ed" adjectives are no past tense.
    TimexCase(sentence: "The boy will stay even after a court Thursday rejected the appeal.", extent: "Thursday", type: .date, value: "2024-07-18"),
    TimexCase(sentence: "Later Friday, two cousins sought help from lawmakers who would listen.", extent: "Friday", type: .date, value: "2024-07-19"),
    TimexCase(sentence: "The offer had been due to expire Friday evening.", extent: "Friday evening", type: .time, value: "2024-07-19TEV"),
    TimexCase(sentence: "A bonus would be paid on a still unspecified date in October.", extent: "October", type: .date, value: "2024-10"),
    TimexCase(sentence: "Robots will one day replace the night shift.", extent: "one day", type: .date, value: "FUTURE_REF"),
    // Seasons without a year follow the tense; "the full year" of an earnings report is the focus quarter's.
    TimexCase(sentence: "Sales slumped in the fall, the firm said.", extent: "the fall", type: .date, value: "2023-FA"),
    TimexCase(sentence: "The park will reopen in the spring.", extent: "the spring", type: .date, value: "2025-SP"),
    TimexCase(sentence: "The festival takes place in the summer.", extent: "the summer", type: .date, value: "2024-SU"),
    TimexCase(sentence: "Profit in the fourth quarter rose 5%. For the full year, sales fell.", extent: "the full year", type: .date, value: "2023"),
    // Parts of the day with a position, and "N in the morning".
    TimexCase(sentence: "By mid-afternoon the streets were empty.", extent: "mid-afternoon", type: .time, value: "2024-07-22TAF", mod: "MID"),
    TimexCase(sentence: "Shares fell in late morning trading yesterday.", extent: "late morning", type: .time, value: "2024-07-22TMO", mod: "END"),
    TimexCase(sentence: "The price was lower at mid afternoon yesterday.", extent: "mid afternoon yesterday", type: .time, value: "2024-07-21TAF", mod: "MID"),
    TimexCase(sentence: "The convoy will leave at 4 in the morning.", extent: "4 in the morning", type: .time, value: "2024-07-22T04:00"),
    TimexCase(sentence: "The doors close at 9 in the evening.", extent: "9 in the evening", type: .time, value: "2024-07-22T21:00"),
    TimexCase(sentence: "Profit should improve by year's end.", extent: "year's end", type: .date, value: "2024", mod: "END"),
    // Durations.
    TimexCase(sentence: "The strike ended a decades-long dispute.", extent: "decades-long", type: .duration, value: "PXDE"),
    TimexCase(sentence: "The repairs took a year and a half.", extent: "a year and a half", type: .duration, value: "P1Y6M"),
    TimexCase(sentence: "The meeting lasted an hour and a half.", extent: "an hour and a half", type: .duration, value: "PT1H30M"),
    TimexCase(sentence: "Talks will intensify in the weeks ahead.", extent: "the weeks ahead", type: .duration, value: "PXW"),
    TimexCase(sentence: "They held a week-long vigil.", extent: "week-long", type: .duration, value: "P1W"),
    TimexCase(sentence: "The war lasted three years.", extent: "three years", type: .duration, value: "P3Y"),
    TimexCase(sentence: "The meeting lasted two hours.", extent: "two hours", type: .duration, value: "PT2H"),
    TimexCase(sentence: "The strike could last a month.", extent: "a month", type: .duration, value: "P1M"),
    TimexCase(sentence: "Shares have fallen over the past two weeks.", extent: "the past two weeks", type: .duration, value: "P2W"),
    TimexCase(sentence: "Repairs will take two to three weeks.", extent: "two to three weeks", type: .duration, value: "P2W"),
    TimexCase(sentence: "She signed a 10-year contract.", extent: "10-year", type: .duration, value: "P10Y"),
    // Sets.
    TimexCase(sentence: "The market opens every Monday at dawn.", extent: "every Monday", type: .set, value: "XXXX-WXX-1"),
    TimexCase(sentence: "The report is published annually by the ministry.", extent: "annually", type: .set, value: "P1Y"),
    TimexCase(sentence: "The fee is paid every year in advance.", extent: "every year", type: .set, value: "P1Y"),
    TimexCase(sentence: "The council meets weekly in the town hall.", extent: "weekly", type: .set, value: "P1W"),
    TimexCase(sentence: "The show airs on Tuesday nights from May.", extent: "Tuesday nights", type: .set, value: "XXXX-WXX-2TNI"),
    TimexCase(sentence: "Flights will leave on Monday and Thursday mornings.", extent: "Monday", type: .set, value: "XXXX-WXX-1TMO"),
    TimexCase(sentence: "Flights will leave on Monday and Thursday mornings.", extent: "Thursday mornings", type: .set, value: "XXXX-WXX-4TMO"),
    // Weeks named by a day; holidays with a shifted weekday rule.
    TimexCase(sentence: "The hearing was moved to the week of March 6, 2023.", extent: "the week of March 6, 2023", type: .date, value: "2023-W10"),
    TimexCase(sentence: "Stores were crowded as Thanksgiving week began.", extent: "Thanksgiving week", type: .date, value: "2023-W47"),
    TimexCase(sentence: "Campaigning will go on until Election Day.", extent: "Election Day", type: .date, value: "2024-11-05"),
    // Modifiers.
    TimexCase(sentence: "The harvest starts in early August.", extent: "early August", type: .date, value: "2024-08", mod: "START"),
    TimexCase(sentence: "The plant should open in mid-2024.", extent: "mid-2024", type: .date, value: "2024", mod: "MID"),
    TimexCase(sentence: "The plant was closed late last year.", extent: "late last year", type: .date, value: "2023", mod: "END"),
    TimexCase(sentence: "He lived there for about three years.", extent: "about three years", type: .duration, value: "P3Y", mod: "APPROX"),
    TimexCase(sentence: "The siege lasted nearly two years.", extent: "nearly two years", type: .duration, value: "P2Y", mod: "EQUAL_OR_LESS"),
    TimexCase(sentence: "The siege lasted more than two years.", extent: "more than two years", type: .duration, value: "P2Y", mod: "MORE_THAN"),
    TimexCase(sentence: "The siege lasted at least two years.", extent: "at least two years", type: .duration, value: "P2Y", mod: "EQUAL_OR_MORE"),
    TimexCase(sentence: "The talks ended in mid-November.", extent: "mid-November", type: .date, value: "2023-11", mod: "MID"),
    TimexCase(sentence: "The general chose the date a week or so ago.", extent: "a week or so ago", type: .date, value: "2024-W29", mod: "APPROX"),
    TimexCase(sentence: "Rates will stay high for the next two years or so.", extent: "the next two years or so", type: .duration, value: "P2Y", mod: "APPROX"),
    TimexCase(sentence: "Prices were flat in the last half of the '80s.", extent: "the last half of the '80s", type: .date, value: "198", mod: "END"),
    TimexCase(sentence: "Growth was weak in the first half of the 1990s.", extent: "the first half of the 1990s", type: .date, value: "199", mod: "START"),
    TimexCase(sentence: "The program will run through the end of the decade.", extent: "the end of the decade", type: .date, value: "202", mod: "END"),
    TimexCase(sentence: "The fighting ended by the end of 1990.", extent: "the end of 1990", type: .date, value: "1990", mod: "END"),
  ]

  @Test(arguments: cases)
  func findsAndNormalises(_ c: TimexCase) throws {
    let doc = try run(c.sentence)
    let found = doc.dates.map { "\(doc.string($0.range)) \($0.type.rawValue) \($0.value) \($0.mod ?? "-")" }
    let expected = "\(c.extent) \(c.type.rawValue) \(c.value) \(c.mod ?? "-")"
    #expect(found.contains(expected), "found: \(found)")
  }

  static let noDates: [String] = [
    "You may leave whenever you like.",
    "May I ask a question?",
    "Protesters march through the city to the parliament.",
    "Thousands will March on the capital, organisers said.",
    "The Sunday Times reported the story.",
    "The ticket costs $27 at the door.",
    "The home side won 3-1 after extra time.",
    "The 1st Battalion crossed the river.",
    "The boy, a 6-year-old from the village, was unhurt.",
    "The firm has 2000 employees in the region.",
    "The show 60 Minutes aired the interview.",
    "The team scored 4 in the morning session.",
    "The film High Noon opened the festival.",
    "Athletes trained hard for the Summer Olympics in Paris.",
    "In a second statement, police gave no details.",
    "The Weekend Australian ran the story.",
    "For tickets, call 555-2013.",
    "Baker said on ABC's This Week that talks failed.",
  ]

  @Test(arguments: noDates)
  func noFalsePositives(_ sentence: String) throws {
    let doc = try run(sentence)
    let found = doc.dates.map { doc.string($0.range) }
    #expect(found.isEmpty, "found: \(found)")
  }

  @Test func withoutPublicationDateUnresolvedPartsStayX() throws {
    let doc = try run("The talks began on July 15 and ended last year.", published: nil)
    let values = doc.dates.map(\.value)
    #expect(values == ["XXXX-07-15", "PAST_REF"])
  }

  @Test func rulesAreNamedAndRangesAreUTF8() throws {
    let doc = try run("Le président — arrivé lundi — spoke on Friday.")
    let friday = try #require(doc.dates.first)
    #expect(doc.string(friday.range) == "Friday")
    #expect(friday.rule.hasPrefix("dates."))
  }

  @Test func yearEarlierFollowsTheQuarterInFocus() throws {
    let doc = try run("Profit in the third quarter rose to $5 million from $4 million a year earlier.")
    let values = doc.dates.map { "\(doc.string($0.range))=\($0.value)" }
    #expect(values == ["the third quarter=2024-Q3", "a year earlier=2023-Q3"])
  }

  @Test func badLexiconRowIsReportedWithItsLine() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("byline-dates-\(UInt32.random(in: 0...UInt32.max))")
    let en = dir.appendingPathComponent("dates/en")
    try FileManager.default.createDirectory(at: en, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    for f in try FileManager.default.contentsOfDirectory(atPath: TestPaths.lexicons.appendingPathComponent("dates/en").path) {
      try FileManager.default.copyItem(
        at: TestPaths.lexicons.appendingPathComponent("dates/en/" + f), to: en.appendingPathComponent(f))
    }
    let months = en.appendingPathComponent("months.tsv")
    try (String(contentsOf: months, encoding: .utf8) + "smarch\t13\tfull\tfree\n").write(to: months, atomically: true, encoding: .utf8)
    #expect(throws: LexiconError.self) { try DateStage(lexicons: LexiconStore(directory: dir)) }
  }
  @Test func yearPeriodFollowsTheQuarterInFocus() throws {
    let doc = try run("Net income in the third quarter rose 5% from the 2023 period. Sales were flat from a year earlier.")
    let values = doc.dates.map { "\(doc.string($0.range))=\($0.value)" }
    #expect(values == ["the third quarter=2024-Q3", "the 2023 period=2023-Q3", "a year earlier=2023-Q3"])
  }

  /// Earnings reports: "the same period last year", "the quarter a year ago" and "last year's
  /// quarter" are the quarter in focus one year before, as one expression.
  static let samePeriodLastYear: [(String, [String])] = [
    ("Profit in the second quarter rose from the corresponding period last year.", ["the second quarter=2024-Q2", "the corresponding period last year=2023-Q2"]),
    ("Profit in the second quarter was $4 million, up from $3 million in the quarter a year ago.", ["the second quarter=2024-Q2", "the quarter a year ago=2023-Q2"]),
    ("Sales in the first quarter rose 5%. Last year's quarter had a loss.", ["the first quarter=2024-Q1", "Last year's quarter=2023-Q1"]),
    // Without a quarter in focus: the year before.
    ("Sales were flat from the same period last year.", ["the same period last year=2023"]),
  ]

  @Test(arguments: samePeriodLastYear)
  func samePeriodLastYearIsTheFocusQuarterAYearBefore(_ c: (String, [String])) throws {
    let doc = try run(c.0)
    let values = doc.dates.map { "\(doc.string($0.range))=\($0.value)" }
    #expect(values == c.1)
  }

  static let anchoredOnLastDate: [(String, [String])] = [
    ("The plant opened in March 2019. Later that year it was sold.", ["March 2019=2019-03", "that year=2019"]),
    ("The strike began on July 3, 2020. That same day the union met.", ["July 3, 2020=2020-07-03", "That same day=2020-07-03"]),
    ("The vote was held in May 2021. Turnout that month was low.", ["May 2021=2021-05", "that month=2021-05"]),
    ("The law was passed in 2010 and took effect two years later.", ["2010=2010", "two years later=2012"]),
    ("Inflation was 2% in 2012, down from 2.7% the year before.", ["2012=2012", "the year before=2011"]),
    ("Sales rose in March 2019 from the month before.", ["March 2019=2019-03", "the month before=2019-02"]),
    ("He arrived on June 3, 2011 and left the day after.", ["June 3, 2011=2011-06-03", "the day after=2011-06-04"]),
    // "the day before the vote" is no date of its own.
    ("The vote was held on May 5, 2021; the day before the vote was calm.", ["May 5, 2021=2021-05-05"]),
    // No date before it: "that" stays a plain word.
    ("He said that year after year the river flooded.", []),
  ]

  @Test(arguments: anchoredOnLastDate)
  func thatUnitTakesTheLastDate(_ c: (String, [String])) throws {
    let doc = try run(c.0)
    let values = doc.dates.map { "\(doc.string($0.range))=\($0.value)" }
    #expect(values == c.1)
  }

  @Test func bareClockTimeTakesTheDayJustMentioned() throws {
    let doc = try run("The minister arrived in Ankara on Friday. He spoke to reporters at 10 a.m. in the palace.")
    let values = doc.dates.map { "\(doc.string($0.range))=\($0.value)" }
    #expect(values == ["Friday=2024-07-19", "10 a.m.=2024-07-19T10:00"])
  }

  @Test func followingMonthCountsFromTheLastDate() throws {
    let doc = try run("The plant closed in March 2023. Two days later the workers protested, and the following year it reopened.")
    let values = doc.dates.map { "\(doc.string($0.range))=\($0.type.rawValue):\($0.value)" }
    #expect(values == ["March 2023=DATE:2023-03", "Two days=DURATION:P2D", "the following year=DATE:2024"])
  }

  /// Random sequences of lexicon words, numbers and punctuation (a fixed-seed generator) must
  /// never crash a rule and must give ranges inside the text.
  @Test func randomWordSoupIsSafe() throws {
    var vocab: [String] = []
    let dir = TestPaths.lexicons.appendingPathComponent("dates/en")
    for f in try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() where f.hasSuffix(".tsv") {
      let t = try TSVTable(contentsOf: dir.appendingPathComponent(f))
      for r in t.rows { vocab.append(r[0].replacingOccurrences(of: "*", with: "")) }
    }
    vocab += ["1", "12", "31", "2024", "1990s", "'", "90s", "-", "/", ":", ",", ".", "(", "$", "%", "3:45", "5pm", "20th",
      "July", "Monday", "May", "the", "'s", "Times", "said", "will", "2024-07-22T18:17:05Z", "15/07/2024", "1/2"]
    var seed: UInt64 = 42
    func next() -> Int {
      seed = seed &* 6364136223846793005 &+ 1442695040888963407
      return Int((seed >> 33) % UInt64(vocab.count))
    }
    for n in 0..<2000 {
      let words = (0...(n % 20)).map { _ in vocab[next()] }
      let text = words.joined(separator: n % 3 == 0 ? "" : " ")
      let doc = try run(text, published: n % 5 == 0 ? nil : Self.published)
      for d in doc.dates {
        #expect(d.range.utf8Start < d.range.utf8End && d.range.utf8End <= doc.bytes.count, "\(text)")
      }
    }
  }
}
