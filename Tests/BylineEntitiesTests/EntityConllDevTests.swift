import BylineCore
import BylineEntities
import BylinePlaces
import BylineTestSupport
import BylineText
import Foundation
import Testing

/// Development measurement on the evaluation NER set, read from `shared/eval` outside the
/// repository (never copied in). Runs only with `BYLINE_NER_DEV=<set name>` (e.g.
/// `conll_testa`); writes per-document errors to `BYLINE_NER_ERRORS` when given. Uses the
/// project's gazetteer (`Lexicons/places`).
@Suite struct EntityConllDevTests {
  @Test(.enabled(if: ProcessInfo.processInfo.environment["BYLINE_NER_DEV"] != nil))
  func conllDevScore() throws {
    let env = ProcessInfo.processInfo.environment
    let shared = try #require(TestPaths.shared)
    let set = env["BYLINE_NER_DEV"]!
    // A set name, or a path to any JSONL file in the same format (e.g. the training sets).
    let gold = set.contains("/") ? URL(fileURLWithPath: set) : shared.appendingPathComponent("eval/data/ner/\(set).jsonl")
    let store = LexiconStore(directory: TestPaths.lexicons)
    let stage = try EntityStage(lexicons: store, gazetteer: try Gazetteer.shared(from: store))
    var tp: [String: Int] = [:]
    var fp: [String: Int] = [:]
    var fn: [String: Int] = [:]
    var log = ""
    var tokens = 0
    var seconds = 0.0
    for line in try String(contentsOf: gold, encoding: .utf8).split(separator: "\n") {
      let obj = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
      let text = obj["text"] as! String
      var doc = DocumentBuilder.make(text, id: obj["id"] as! String)
      try TokenizerStage().process(&doc)
      let t0 = Date()
      try stage.process(&doc)
      seconds += Date().timeIntervalSince(t0)
      tokens += doc.tokens.count
      // Byte offsets → scalar offsets.
      var scalarAt = [Int](repeating: 0, count: doc.bytes.count + 1)
      var s = 0
      for (i, b) in doc.bytes.enumerated() {
        scalarAt[i] = s
        if b & 0xC0 != 0x80 { s += 1 }
      }
      scalarAt[doc.bytes.count] = s
      let map: [EntityType: String] = [.person: "PER", .org: "ORG", .place: "LOC", .misc: "MISC"]
      let sys = Set(doc.entities.map { "\(scalarAt[$0.range.utf8Start])|\(scalarAt[$0.range.utf8End])|\(map[$0.type]!)" })
      let ents = obj["entities"] as! [[String: Any]]
      let g = Set(ents.map { "\($0["start"] as! Int)|\($0["end"] as! Int)|\($0["type"] as! String)" })
      let scalars = Array(text.unicodeScalars)
      func show(_ k: String) -> String {
        let p = k.split(separator: "|")
        let a = Int(p[0])!
        let b = Int(p[1])!
        let ctx = String(String.UnicodeScalarView(scalars[max(0, a - 40)..<min(scalars.count, b + 30)]))
          .replacingOccurrences(of: "\n", with: " / ")
        return "\(p[2]) \(String(String.UnicodeScalarView(scalars[a..<b]))) \t<< \(ctx) >>"
      }
      for k in sys.intersection(g) {
        tp[String(k.split(separator: "|")[2]), default: 0] += 1
        let rule = doc.entities.first { "\(scalarAt[$0.range.utf8Start])|\(scalarAt[$0.range.utf8End])|\(map[$0.type]!)" == k }!.rule
        log += "TP \(show(k)) [\(rule)]\n"
      }
      for k in sys.subtracting(g) {
        fp[String(k.split(separator: "|")[2]), default: 0] += 1
        let rule = doc.entities.first { "\(scalarAt[$0.range.utf8Start])|\(scalarAt[$0.range.utf8End])|\(map[$0.type]!)" == k }!.rule
        log += "FP \(show(k)) [\(rule)]\n"
      }
      for k in g.subtracting(sys) {
        fn[String(k.split(separator: "|")[2]), default: 0] += 1
        log += "FN \(show(k))\n"
      }
    }
    var report = ""
    func f1(_ t: Int, _ p: Int, _ n: Int) -> String {
      let pr = Double(t) / Double(max(t + p, 1))
      let rc = Double(t) / Double(max(t + n, 1))
      return String(format: "P %.3f R %.3f F1 %.3f", pr, rc, 2 * pr * rc / max(pr + rc, 1e-9))
    }
    for t in ["PER", "ORG", "LOC", "MISC"] { report += "\(t) \(f1(tp[t] ?? 0, fp[t] ?? 0, fn[t] ?? 0))\n" }
    let T = tp.values.reduce(0, +)
    let P = fp.values.reduce(0, +)
    let N = fn.values.reduce(0, +)
    report += "ALL \(f1(T, P, N))\n"
    report += String(format: "%d tokens in %.2f s of entity stage (debug build)\n", tokens, seconds)
    print(report)
    if let path = env["BYLINE_NER_ERRORS"] { try (report + log).write(toFile: path, atomically: true, encoding: .utf8) }
    #expect(Double(T) / Double(max(T + (P + N) / 2, 1)) > 0.5)
  }
}
