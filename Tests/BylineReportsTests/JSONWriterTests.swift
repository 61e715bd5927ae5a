import BylineReports
import Foundation
import Testing

@Suite struct JSONWriterTests {
  @Test func keepsKeyOrderAndEscapes() throws {
    var w = JSONWriter()
    w.beginObject()
    w.field("z", "a\"b\\c\nd\u{1}é“”")
    w.field("a", 3)
    w.field("n", nil as String?)
    w.key("arr"); w.stringArray(["x", "y"])
    w.field("d", 55.75222)
    w.endObject()
    let s = String(decoding: w.output, as: UTF8.self)
    #expect(s == #"{"z":"a\"b\\c\nd\u0001é“”","a":3,"n":null,"arr":["x","y"],"d":55.75222}"#)
    let parsed = try JSONSerialization.jsonObject(with: Data(w.output)) as? [String: Any]
    #expect(parsed?["z"] as? String == "a\"b\\c\nd\u{1}é“”")
  }

  @Test func prettyFormattingKeepsStringsAndParses() throws {
    var w = JSONWriter()
    w.beginObject()
    w.field("s", "a,{b}:[c]")
    w.key("e"); w.stringArray([])
    w.key("o"); w.beginObject(); w.field("k", 1); w.endObject()
    w.endObject()
    let pretty = PrettyJSON.format(w.output)
    let text = String(decoding: pretty, as: UTF8.self)
    #expect(text == "{\n  \"s\": \"a,{b}:[c]\",\n  \"e\": [],\n  \"o\": {\n    \"k\": 1\n  }\n}")
    #expect(try JSONSerialization.jsonObject(with: Data(pretty)) is [String: Any])
  }
}
