import BylineCore
import BylineEntities
import BylinePlaces
import BylineTestSupport
import BylineText
import Foundation
import Testing

/// Development measurement on the evaluation NER set, read from `shared/eval` outside the
/// repository (never copied in). Runs only with `BYLINE_NER_DEV=<set name>` (e.g.
/// `conll_testa`); writes per-document errors to `BYLINE_NER_ERRORS` when given. The
/// gazetteer is a quick one from `shared/lexicon-sources/geonames` (countries, first-order
/// divisions, cities ≥ 15,000 by name and ASCII name), standing in for the places stage's.
@Suite struct EntityConllDevTests {
  @Test(.enabled(if: ProcessInfo.processInfo.environment["BYLINE_NER_DEV"] != nil))
  func conllDevScore() throws {
    let env = ProcessInfo.processInfo.environment
    let shared = try #require(TestPaths.shared)
    let set = env["BYLINE_NER_DEV"]!
    let gold = shared.appendingPathComponent("eval/data/ner/\(set).jsonl")
    let gazetteer = try Self.geonamesGazetteer(shared.appendingPathComponent("lexicon-sources/geonames"))
    let stage = try EntityStage(lexicons: LexiconStore(directory: TestPaths.lexicons), gazetteer: gazetteer)
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

  /// Countries, first-order divisions and cities ≥ 15,000 from GeoNames (CC BY 4.0).
  static func geonamesGazetteer(_ dir: URL) throws -> Gazetteer {
    var entries: [GazetteerEntry] = []
    var names: [(String, Int)] = []
    func add(_ id: Int, _ name: String, _ cc: String?, _ feature: PlaceFeature, _ code: String, _ pop: Int, _ alts: [String]) {
      entries.append(
        GazetteerEntry(
          geonamesID: id, name: name, countryCode: cc, admin1: nil, latitude: 0, longitude: 0, feature: feature,
          featureCode: code, population: pop))
      for n in Set([name] + alts) where !n.isEmpty { names.append((n, entries.count - 1)) }
    }
    // English country names (not historic), and short forms news uses.
    var countryAlts: [Int: [String]] = [:]
    let alt = try String(contentsOf: dir.appendingPathComponent("country_alternateNamesV2_2020.tsv"), encoding: .utf8)
    for line in alt.split(separator: "\n").dropFirst() {
      let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
      guard f.count >= 8, f[2] == "en", f[7] != "1", let id = Int(f[1]) else { continue }
      countryAlts[id, default: []].append(f[3])
    }
    let handAliases: [String: [String]] = [
      "US": ["U.S.", "US", "USA", "U.S.A.", "America"], "GB": ["U.K.", "UK", "Britain", "Great Britain"],
      "NL": ["Holland"], "AE": ["UAE", "U.A.E."],
    ]
    let countries = try String(contentsOf: dir.appendingPathComponent("countryInfo.txt"), encoding: .utf8)
    for line in countries.split(separator: "\n") where !line.hasPrefix("#") {
      let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
      guard f.count > 16 else { continue }
      let id = Int(f[16]) ?? 0
      let bare = f[4].hasPrefix("The ") ? String(f[4].dropFirst(4)) : f[4]
      add(id, f[4], f[0], .country, "PCLI", Int(f[7]) ?? 0, [bare] + (countryAlts[id] ?? []) + (handAliases[f[0]] ?? []))
    }
    let regions = try String(contentsOf: dir.appendingPathComponent("no_country_regions.tsv"), encoding: .utf8)
    for line in regions.split(separator: "\n").dropFirst() {
      let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
      guard f.count >= 8 else { continue }
      add(Int(f[0]) ?? 0, f[1], nil, .region, f[7], 0, [f[2]])
    }
    let admin1 = try String(contentsOf: dir.appendingPathComponent("admin1CodesASCII.txt"), encoding: .utf8)
    for line in admin1.split(separator: "\n") {
      let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
      guard f.count >= 4 else { continue }
      add(Int(f[3]) ?? 0, f[1], String(f[0].prefix(2)), .admin1, "ADM1", 0, [f[2]])
    }
    let cities = try String(contentsOf: dir.appendingPathComponent("cities15000.txt"), encoding: .utf8)
    for line in cities.split(separator: "\n") {
      let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
      guard f.count >= 15 else { continue }
      add(Int(f[0]) ?? 0, f[1], f[8], .city, f[7], Int(f[14]) ?? 0, [f[2]])
    }
    return Gazetteer(entries: entries, names: names)
  }
}
