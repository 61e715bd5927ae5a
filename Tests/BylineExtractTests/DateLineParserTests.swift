import BylineCore
import Testing

@testable import BylineExtract

private let parser = DateLineParser()

private func iso(_ s: String) -> String? { parser.parse(s)?.description }

@Test func humanDateForms() {
  #expect(iso("22 Jul 2024 18:17") == "2024-07-22T18:17")
  #expect(iso("July 22, 2024 6:17 PM") == "2024-07-22T18:17")
  #expect(iso("July 22, 2024 12:05 am") == "2024-07-22T00:05")
  #expect(iso("22.07.2024") == "2024-07-22")
  #expect(iso("Monday, July 22, 2024") == "2024-07-22")
  #expect(iso("Published: 22nd July 2024, 18:17 GMT") == "2024-07-22T18:17Z")
  #expect(iso("Jul. 22nd 2024 at 6:17 p.m.") == "2024-07-22T18:17")
  #expect(iso("22. Juli 2024, 18:17 Uhr") == "2024-07-22T18:17")
  #expect(iso("22.07.24 18.17 Uhr") == "2024-07-22T18:17")
  #expect(iso("22 de julio de 2024") == "2024-07-22")
  #expect(iso("le 5 août 2023") == "2023-08-05")
  #expect(iso("22 июля 2024") == "2024-07-22")
  #expect(iso("الأربعاء، 07 أكتوبر 2020 - 12:09 م") == "2020-10-07T12:09")
  #expect(iso("7 Ekim 2020") == "2020-10-07")
  #expect(iso("2024-07-22T18:17:05+03:00") == "2024-07-22T18:17:05+03:00")
  #expect(iso("2024/07/22") == "2024-07-22")
  #expect(iso("07/22/2024") == "2024-07-22")
  #expect(iso("22/07/2024") == "2024-07-22")
  #expect(iso("2024年7月22日") == "2024-07-22")
  #expect(iso("Updated 18:17, 22 July 2024") == "2024-07-22T18:17")
  #expect(iso("Jul 22, 2024, 6:17 PM ET") == "2024-07-22T18:17")
  #expect(iso("22 July 2024 | 18:17") == "2024-07-22T18:17")
  #expect(iso("Updated: 07/22/2024 06:17 PM EDT") == "2024-07-22T18:17")
  #expect(iso("Mon 22 Jul 2024 18.17 BST") == "2024-07-22")
  #expect(iso("22 July 2024 - 18:17 GMT") == "2024-07-22T18:17Z")
  #expect(iso("Sun, 28 Jun 2020 21:16:15 GMT") == "2020-06-28T21:16:15Z")
  // A zone with its offset, and an Arabic date giving both names of the month.
  #expect(iso("Wire service 3 Mar 2021, 21:05 GMT+10") == "2021-03-03T21:05+10:00")
  #expect(iso("3 Mar 2021 08:00 UTC-05:30") == "2021-03-03T08:00-05:30")
  #expect(iso("نشر 3 آذار / مارس 2021") == "2021-03-03")
  #expect(iso("3 أيار 2021") == "2021-05-03")
}

@Test func dayFirstPreference() {
  let dayFirst = DateLineParser(preferDayFirst: true)
  #expect(dayFirst.parse("03/04/2024")?.dayString == "2024-04-03")
  #expect(dayFirst.parse("03/24/2024")?.dayString == "2024-03-24")
  #expect(parser.parse("03/04/2024")?.dayString == "2024-03-04")
}

@Test func nonDatesAreRejected() {
  #expect(parser.parse("Nothing to see here") == nil)
  #expect(parser.parse("31.02.2024") == nil)
  #expect(parser.parse("May the force be with you in 2024") == nil)
  #expect(parser.parse("Score 3.1.2") == nil)
  #expect(parser.parse("22 July 1066") == nil)
  #expect(parser.parse("") == nil)
}

@Test func matchRangeIsUTF8() throws {
  let line = "Zürich — 22 Jul 2024"
  let m = try #require(parser.firstMatch(in: line))
  let bytes = Array(line.utf8)
  #expect(String(decoding: bytes[m.utf8Start..<m.utf8End], as: UTF8.self) == "22 Jul 2024")
}
