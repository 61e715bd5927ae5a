import BylineCore
import Foundation
import Testing

@Suite struct TSVTableTests {
  @Test func readsHeaderCommentsAndRows() throws {
    let data = Data("# comment\nname\tkind\n\nReuters\tagency\n# more\nAFP\tagency\n".utf8)
    let t = try TSVTable(data: data, path: "agencies.tsv", requiredColumns: ["name"])
    #expect(t.header == ["name", "kind"])
    #expect(t.rows == [["Reuters", "agency"], ["AFP", "agency"]])
    #expect(t.lineNumbers == [4, 6])
  }

  @Test func reportsBadLineWithFileAndLine() {
    let data = Data("name\tkind\nReuters\tagency\nAFP\n".utf8)
    #expect(throws: LexiconError.badLine(file: "x.tsv", line: 3, reason: "expected 2 tab-separated fields, found 1")) {
      try TSVTable(data: data, path: "x.tsv")
    }
    let err = LexiconError.badLine(file: "x.tsv", line: 3, reason: "r")
    #expect(err.description == "x.tsv:3: r")
  }

  @Test func reportsMissingColumn() {
    #expect(throws: LexiconError.self) {
      try TSVTable(data: Data("a\tb\n".utf8), path: "y.tsv", requiredColumns: ["name"])
    }
  }
}
