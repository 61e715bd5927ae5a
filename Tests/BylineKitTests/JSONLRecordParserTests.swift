import BylineKit
import Testing

@Suite struct JSONLRecordParserTests {
  private func parse(_ s: String) -> InputRecord {
    JSONLRecordParser.record(from: Array(s.utf8), source: "in.jsonl", lineNumber: 7)
  }

  @Test func readsContractFields() {
    let r = parse(#"{"id": 12, "text": "Body\u2028text", "url": "http://x", "title": "T", "published": "2024-07-22"}"#)
    #expect(r.id == "12" && r.url == "http://x" && r.title == "T" && r.published == "2024-07-22")
    guard case .text(let t) = r.content else { Issue.record("expected text"); return }
    #expect(t == "Body\u{2028}text")
  }

  @Test(arguments: [
    (#"{"id": "a"}"#, "a", "none of"),
    (#"{"id": "a", "text": "x", "html": "<p>"}"#, "a", "more than one"),
    (#"{"text": "x"}"#, "in.jsonl:7", "no \"id\""),
    ("{broken", "in.jsonl:7", "not valid JSON"),
    ("[1,2]", "in.jsonl:7", "not a JSON object"),
    (#"{"id": "a", "text": 5}"#, "a", "not a string"),
  ])
  func badRecordsBecomeUnreadable(_ line: String, _ id: String, _ reason: String) {
    let r = parse(line)
    #expect(r.id == id)
    guard case .unreadable(let why) = r.content else { Issue.record("expected unreadable"); return }
    #expect(why.contains(reason))
  }
}

@Suite struct JSONLRecordParserUnicodeTests {
  /// Regression: JSONSerialization on Linux dropped a raw U+FEFF inside a string, shifting
  /// every later offset of a `text` record by one.
  @Test func keepsByteOrderMarksInsideText() {
    let line = "{\"id\": \"a\", \"text\": \"x\\n\u{FEFF}This \\ufeff\"}"
    let r = JSONLRecordParser.record(from: Array(line.utf8), source: "s", lineNumber: 1)
    guard case .text(let t) = r.content else { Issue.record("expected text"); return }
    #expect(t.unicodeScalars.map(\.value) == [0x78, 0x0A, 0xFEFF, 0x54, 0x68, 0x69, 0x73, 0x20, 0xFEFF])
  }
}
