import BylineReports
import Testing

@Suite struct CSVFieldTests {
  @Test(arguments: [
    ("plain", "plain"),
    ("a,b", "\"a,b\""),
    ("say \"hi\"", "\"say \"\"hi\"\"\""),
    ("line\nbreak", "\"line\nbreak\""),
    ("=SUM(A1)", "'=SUM(A1)"),
    ("+1", "'+1"),
    ("-cmd", "'-cmd"),
    ("@x", "'@x"),
    ("\tx", "'\tx"),
    ("=a,b", "\"'=a,b\""),
    ("", ""),
  ])
  func quotesAndDisarms(_ input: String, _ expected: String) {
    #expect(CSVField.text(input) == expected)
  }

  @Test func numbersStayNumbers() {
    #expect(CSVField.number(-3.5) == "-3.5")
    #expect(CSVField.number(nil as Int?) == "")
  }
}
