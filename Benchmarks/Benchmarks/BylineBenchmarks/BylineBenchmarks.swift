import Benchmark
import BylineCore
import BylineEntities
import BylineKit
import BylinePlaces
import BylineText
import Foundation

// Corpora come from the evaluation data beside the project (`../shared/eval/data`, or
// $BYLINE_EVAL_DATA); they are read at run time and never copied into the repository.
// Each iteration processes a whole corpus, so `throughput` is corpora per second: multiply by
// the sizes printed at start-up for pages/s, MB/s and words/s.

let benchmarks: @Sendable () -> Void = {
  let corpora = Corpora.load()
  let lexicons = Corpora.lexicons()
  Benchmark.defaultConfiguration = .init(
    metrics: [.wallClock, .throughput, .peakMemoryResident, .mallocCountTotal],
    timeUnits: .milliseconds, maxDuration: .seconds(20), maxIterations: 30)

  if !corpora.pages.isEmpty {
    let analyzer = try! DefaultAnalyzer.extractor()
    Benchmark("extract: extraction dev pages (\(corpora.pages.count) pages, \(corpora.pageBytes) bytes)") { benchmark in
      for page in corpora.pages { blackHole(analyzer.extract(page)) }
    }
  }
  if !corpora.texts.isEmpty, let lexicons {
    let analyzer = try! DefaultAnalyzer.make(lexicons: lexicons)
    Benchmark("analyze: ner dev texts (\(corpora.texts.count) docs, \(corpora.words) words)") { benchmark in
      for text in corpora.texts { blackHole(analyzer.analyze(text)) }
    }
    // The entity tagger alone (features with rule stacking + decoding) over pre-tokenised texts.
    let store = lexicons
    if FileManager.default.fileExists(atPath: store.url(EntityStage.modelPath).path) {
      let model = try! PerceptronNERModel(contentsOf: store.url(EntityStage.modelPath))
      let lex = try! EntityLexicons(lexicons: store)
      let gazetteer = try! Gazetteer.shared(from: store)
      let finder = PerceptronMentionFinder(
        model: model, lexicons: lex, gazetteer: gazetteer, rules: RuleMentionFinder(lexicons: lex, gazetteer: gazetteer))
      var docs: [Document] = []
      for r in corpora.texts {
        if case .text(let t) = r.content {
          var d = Document(id: r.id, text: t)
          try! TokenizerStage().process(&d)
          docs.append(d)
        }
      }
      let tokens = docs.reduce(0) { $0 + $1.tokens.count }
      Benchmark(
        "entities: perceptron tagger, ner dev texts (\(docs.count) docs, \(tokens) tokens)",
        configuration: .init(
          metrics: [.wallClock, .throughput, .peakMemoryResident, .mallocCountTotal], timeUnits: .microseconds,
          maxDuration: .seconds(20), maxIterations: 100)
      ) { benchmark in
        for d in docs { blackHole(finder.mentions(in: d)) }
      }
    }
  }
  // The quotes stage alone, over documents already tokenized and entity-tagged (its inputs),
  // so that the figure is comparable to textacy's `direct_quotations` on a parsed spaCy Doc.
  if let lexicons, let quoteDocs = try? QuoteCorpus.prepare(lexicons: lexicons), !quoteDocs.docs.isEmpty {
    let stage = try! DefaultAnalyzer.stages(lexicons: lexicons).first { $0.name == "quotes" }!
    // Microseconds: one pass takes tens of milliseconds, whole milliseconds are too coarse.
    Benchmark(
      "quotes: quotes stage over polnear_dev (\(quoteDocs.docs.count) docs, \(quoteDocs.words) words)",
      configuration: .init(
        metrics: [.wallClock, .throughput, .peakMemoryResident, .mallocCountTotal], timeUnits: .microseconds,
        maxDuration: .seconds(20), maxIterations: 100)
    ) { benchmark in
      for d in quoteDocs.docs {
        var doc = d
        try? stage.process(&doc)
        blackHole(doc.quotes.count)
      }
    }
  }
  datesBenchmark(lexicons: lexicons)
  entityLoadBenchmarks(lexicons: lexicons)
  placesBenchmark(lexicons: lexicons)
}

/// The dates stage alone over the TimeBank+AQUAINT texts (`dates/tbaq.jsonl`), tokenized once
/// beforehand, so the time is the stage's own (`Scripts/compare-dates-speed.sh` sets it beside
/// dateparser). Each iteration runs the stage over every document.
func datesBenchmark(lexicons: LexiconStore?) {
  guard let lexicons, let stages = try? DefaultAnalyzer.stages(lexicons: lexicons),
    let tokenizer = stages.first(where: { $0.produces.contains(.tokens) }),
    let dates = stages.first(where: { $0.produces.contains(.dates) }),
    let data = FileManager.default.contents(atPath: Corpora.dataDirectory.appendingPathComponent("dates/tbaq.jsonl").path)
  else { return }
  var docs: [Document] = []
  var words = 0
  for line in data.split(separator: UInt8(ascii: "\n")) {
    guard let obj = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any], let text = obj["text"] as? String
    else { continue }
    let published = (obj["dct"] as? String).flatMap { PublicationDate(iso: $0) }
    var doc = Document(id: obj["id"] as? String ?? "", text: text, metadata: ArticleMetadata(published: published))
    guard (try? tokenizer.process(&doc)) != nil else { continue }
    docs.append(doc)
    words += text.split(whereSeparator: { $0 == " " || $0 == "\n" }).count
  }
  FileHandle.standardError.write(Data("dates corpus: \(docs.count) docs, \(words) words\n".utf8))
  Benchmark(
    "dates: tbaq texts (\(docs.count) docs, \(words) words)",
    configuration: .init(metrics: [.wallClock, .throughput], timeUnits: .microseconds, maxDuration: .seconds(10), maxIterations: 200)
  ) { benchmark in
    for doc in docs {
      var d = doc
      try? dates.process(&d)
      blackHole(d.dates.count)
    }
  }
}

/// The PolNeAR dev texts (`quotes/polnear_dev.jsonl`, read at run time), run through every
/// stage before the quotes stage.
struct QuoteCorpus {
  var docs: [Document] = []
  var words = 0

  static func prepare(lexicons: LexiconStore) throws -> QuoteCorpus {
    var c = QuoteCorpus()
    let url = Corpora.dataDirectory.appendingPathComponent("quotes/polnear_dev.jsonl")
    guard let data = FileManager.default.contents(atPath: url.path) else { return c }
    let before = try DefaultAnalyzer.stages(lexicons: lexicons).prefix { $0.name != "quotes" }
    for line in data.split(separator: UInt8(ascii: "\n")) {
      guard let obj = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
        let text = obj["text"] as? String
      else { continue }
      var doc = Document(id: (obj["id"] as? String) ?? "", text: text)
      for stage in before { try stage.process(&doc) }
      c.docs.append(doc)
      c.words += text.split(whereSeparator: { $0 == " " || $0 == "\n" }).count
    }
    FileHandle.standardError.write(Data("quotes corpus: \(c.docs.count) docs (\(c.words) words)\n".utf8))
    return c
  }
}

/// The evaluation corpora used as benchmark input.
struct Corpora {
  var pages: [InputRecord] = []
  var pageBytes = 0
  var texts: [InputRecord] = []
  var words = 0

  static var dataDirectory: URL {
    if let env = ProcessInfo.processInfo.environment["BYLINE_EVAL_DATA"] { return URL(fileURLWithPath: env) }
    return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("shared/eval/data")
  }

  static func lexicons() -> LexiconStore? {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Lexicons")
    return FileManager.default.fileExists(atPath: url.path) ? LexiconStore(directory: url) : nil
  }

  static func load() -> Corpora {
    var c = Corpora()
    let html = dataDirectory.appendingPathComponent("extraction/html")
    if let files = try? FileManager.default.contentsOfDirectory(atPath: html.path) {
      for f in files.sorted() {
        guard let data = FileManager.default.contents(atPath: html.appendingPathComponent(f).path) else { continue }
        c.pages.append(InputRecord(id: f, content: .html([UInt8](data), charset: nil)))
        c.pageBytes += data.count
      }
    }
    let ner = dataDirectory.appendingPathComponent("ner/conll_testa.jsonl")
    if let data = FileManager.default.contents(atPath: ner.path) {
      for line in data.split(separator: UInt8(ascii: "\n")) {
        let r = JSONLRecordParser.record(from: Array(line), source: "conll_testa", lineNumber: 0)
        if case .text(let t) = r.content {
          c.texts.append(r)
          c.words += t.split(whereSeparator: { $0 == " " || $0 == "\n" }).count
        }
      }
    }
    FileHandle.standardError.write(Data("corpora: \(c.pages.count) pages (\(c.pageBytes) bytes), \(c.texts.count) texts (\(c.words) words)\n".utf8))
    return c
  }
}
