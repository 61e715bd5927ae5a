import ArgumentParser
import BylineKit
import Foundation

struct Extract: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Find the article in pages and write only it (text and metadata) as JSONL.",
    discussion: """
      Same inputs as analyze. Each line: {"schema_version", "id", "url", "title", "authors",
      "published", "language", "source_line", "tags", "site_name", "canonical_url", "text",
      "error"}. Exit codes as for analyze.
      """)

  @Argument(help: "Files, directories, or - for JSONL on standard input.")
  var paths: [String]

  @Option(help: "Write DIR/articles.jsonl instead of standard output.")
  var out: String?

  @Option(help: "Worker threads (default: all cores).")
  var jobs: Int?

  func run() throws {
    CrashReport.install()
    let (inputs, missing) = InputCollector.inputs(for: paths)
    for m in missing { warn("byline: no such file or directory: \(m.path)") }
    guard !inputs.isEmpty else {
      warn("byline: nothing to extract")
      throw ExitCode.failure
    }
    do {
      var url: URL?
      if let out {
        let dir = URL(fileURLWithPath: out)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        url = dir.appendingPathComponent("articles.jsonl")
      }
      var sinks: [any ReportSink] = [try JSONLSink(url: url, annotations: false)]
      // Text dumps need the textdump lexicon; HTML extraction works without a Lexicons folder.
      let lexicons = try? LexiconLocator.locate(explicit: nil, executablePath: CommandLine.arguments[0])
      var runner = BatchRunner(analyzer: try DefaultAnalyzer.extractor(lexicons: lexicons))
      runner.extractOnly = true
      if let jobs { runner.concurrency = max(1, jobs) }
      let summary = try runner.run(RecordStream(inputs: inputs), sinks: &sinks)
      if summary.failed > 0 {
        warn("byline: \(summary.records) records, \(summary.failed) with errors; first: \(summary.examples.joined(separator: " | "))")
      }
    } catch {
      warn("byline: \(error)")
      throw ExitCode.failure
    }
  }
}
