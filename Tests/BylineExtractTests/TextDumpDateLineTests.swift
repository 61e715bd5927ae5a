import BylineCore
import Testing

@testable import BylineExtract

/// The page-dump extractor's own date-line reader (to be replaced by the shared DateLineParser).
@Suite struct TextDumpDateLineTests {
  @Test(arguments: [
    ("22 Jul 2024 18:17", "2024-07-22T18:17"),
    ("July 22, 2024", "2024-07-22"),
    ("Published: March 3, 2023 at 10:15 a.m. EST", "2023-03-03T10:15-05:00"),
    ("11/20/2019 01:14 PM", "2019-11-20T13:14"),
    ("21/06/2014 Tony Carter", "2014-06-21"),
    ("2019-11-19T12:48:14Z", "2019-11-19T12:48:14Z"),
    ("Updated 1:39 am EST, Wednesday, November 20, 2019", "2019-11-20T01:39-05:00"),
    ("Nov 19, 2019, 10:31 pm CST", "2019-11-19T22:31-06:00"),
    ("3rd March 2021", "2021-03-03"),
  ])
  func parses(line: String, expected: String) {
    #expect(TextDumpDateLine.parse(line)?.description == expected)
  }

  @Test(arguments: ["3 Min Read", "2 Shares", "Top 10 stories", "February 30, 2023", "May the best team win"])
  func rejects(line: String) {
    #expect(TextDumpDateLine.parse(line) == nil)
  }

  @Test func relativeAgeCountsAsADate() {
    #expect(TextDumpDateLine.containsDate("Posted 3 hours ago"))
    #expect(!TextDumpDateLine.containsDate("Three reasons to go"))
  }
}
