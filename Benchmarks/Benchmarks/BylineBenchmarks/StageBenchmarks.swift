import Benchmark
import BylineCore
import BylineEntities
import BylineKit
import BylinePlaces
import Foundation

/// Start-up of the entity tagger from disk, for `Scripts/compare-ner-speed.sh` (set beside
/// `spacy.load`): the tagger model alone, and everything the entity stage needs (model, entity
/// lexicons and the gazetteer the tagger's features look names up in). `Gazetteer.load` is used,
/// not the process-wide `Gazetteer.shared`, so that every iteration reads the files again.
func entityLoadBenchmarks(lexicons: LexiconStore?) {
  guard let lexicons, FileManager.default.fileExists(atPath: lexicons.url(EntityStage.modelPath).path) else { return }
  let config = Benchmark.Configuration(
    metrics: [.wallClock, .peakMemoryResident], timeUnits: .milliseconds, maxDuration: .seconds(20), maxIterations: 10)
  Benchmark("entities load: tagger model file", configuration: config) { benchmark in
    blackHole(try! PerceptronNERModel(contentsOf: lexicons.url(EntityStage.modelPath)))
  }
  Benchmark("entities load: entity stage (model + entity lexicons + gazetteer)", configuration: config) { benchmark in
    let gazetteer = try! Gazetteer.load(from: lexicons)
    blackHole(try! EntityStage(lexicons: lexicons, gazetteer: gazetteer))
  }
}

/// The places stage (geoparser) alone over the GeoWebNews dev texts (`geo/geowebnews_dev.jsonl`,
/// read at run time), run beforehand through every stage before it, so its input is the
/// entity mentions the pipeline gives it. The name carries the number of PLACE mentions: times
/// throughput (corpora/s) gives mentions/s.
func placesBenchmark(lexicons: LexiconStore?) {
  guard let lexicons, let stages = try? DefaultAnalyzer.stages(lexicons: lexicons),
    let stage = stages.first(where: { $0.name == "places" }),
    let data = FileManager.default.contents(
      atPath: Corpora.dataDirectory.appendingPathComponent("geo/geowebnews_dev.jsonl").path)
  else { return }
  let before = stages.prefix { $0.name != "places" }
  var docs: [Document] = []
  var words = 0
  var mentions = 0
  for line in data.split(separator: UInt8(ascii: "\n")) {
    guard let obj = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
      let text = obj["text"] as? String
    else { continue }
    var doc = Document(id: (obj["id"] as? String) ?? "", text: text)
    guard (try? before.forEach { try $0.process(&doc) }) != nil else { continue }
    docs.append(doc)
    words += text.split(whereSeparator: { $0 == " " || $0 == "\n" }).count
    mentions += doc.entities.filter { $0.type == .place }.count
  }
  FileHandle.standardError.write(Data("places corpus: \(docs.count) docs, \(words) words, \(mentions) place mentions\n".utf8))
  Benchmark(
    "places: places stage over geowebnews_dev (\(docs.count) docs, \(mentions) place mentions)",
    configuration: .init(
      metrics: [.wallClock, .throughput, .peakMemoryResident, .mallocCountTotal], timeUnits: .microseconds,
      maxDuration: .seconds(20), maxIterations: 100)
  ) { benchmark in
    for d in docs {
      var doc = d
      try? stage.process(&doc)
      blackHole(doc.places.count)
    }
  }
}
