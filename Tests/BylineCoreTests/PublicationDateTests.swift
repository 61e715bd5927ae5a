import BylineCore
import Testing

@Suite struct PublicationDateTests {
  @Test(arguments: [
    ("2024-07-22", "2024-07-22"),
    ("2024-07-22T18:17", "2024-07-22T18:17"),
    ("2024-07-22 18:17:05", "2024-07-22T18:17:05"),
    ("2024-07-22T18:17:05.123+03:00", "2024-07-22T18:17:05+03:00"),
    ("2024-07-22T18:17:05Z", "2024-07-22T18:17:05Z"),
    ("20240722", "2024-07-22"),
  ])
  func parsesISO(_ input: String, _ expected: String) {
    #expect(PublicationDate(iso: input)?.description == expected)
  }

  @Test(arguments: ["2024-02-30", "2024-13-01", "July 22", "", "2024-07-22T25:00"])
  func rejectsInvalid(_ input: String) {
    #expect(PublicationDate(iso: input) == nil)
  }

  @Test func weekdaysAndDayArithmetic() {
    let d = PublicationDate(year: 2024, month: 7, day: 22)
    #expect(d.isoWeekday == 1)  // a Monday
    #expect(d.adding(days: -7).description == "2024-07-15")
    #expect(d.adding(days: 10).description == "2024-08-01")
    #expect(PublicationDate(year: 2024, month: 3, day: 1).adding(days: -1).description == "2024-02-29")
  }
}
