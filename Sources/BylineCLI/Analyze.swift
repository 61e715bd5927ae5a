import ArgumentParser
import BylineKit
import Foundation

struct Analyze: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Analyse articles and write reports.",
    discussion: """
      Inputs: .html/.htm pages and .txt page dumps (article extraction runs), .jsonl files with
      one record a line ({"id", "text" | "html" | "page", "url", "title", "published"}), .warc and
      .warc.gz crawls, directories (recursively), and - for JSONL on standard input.

      Output: --format jsonl without --out streams one report a line to standard output, in
      input order. With --out DIR: json writes DIR/<id>.json per article, jsonl writes
      DIR/reports.jsonl, csv writes DIR/articles.csv, entities.csv, quotes.csv, places.csv,
      dates.csv and sources.csv. Every file appears complete or not at all.

      A record that cannot be read or analysed gets a report with an "error" field and empty
      annotations, and the run goes on.

      Exit codes:
        0   the run completed (records that failed carry an error in their report)
        1   the run could not start or its output could not be written (bad lexicons, no
            inputs, unwritable --out)
        3   --strict was given and at least one record failed
        64  invalid command-line usage
      """)

  @Argument(help: "Files, directories, or - for JSONL on standard input.")
  var paths: [String]

  @Option(help: "Comma-separated output formats: json, jsonl, csv.")
  var format: String = "jsonl"

  @Option(help: "Output folder (created if missing). Required for json and csv.")
  var out: String?

  @Option(help: "The Lexicons folder (default: $BYLINE_LEXICONS, ./Lexicons, or the one beside the executable's package).")
  var lexicons: String?

  @Option(help: "Worker threads (default: all cores).")
  var jobs: Int?

  @Flag(help: "Exit with status 3 when any record failed.")
  var strict = false

  func validate() throws {
    let formats = formatList
    if formats.isEmpty { throw ValidationError("--format needs at least one of json, jsonl, csv") }
    for f in formats where !["json", "jsonl", "csv"].contains(f) {
      throw ValidationError("unknown format \"\(f)\" (use json, jsonl, csv)")
    }
    if out == nil, formats != ["jsonl"] {
      throw ValidationError("--format \(format) needs --out DIR (only jsonl can go to standard output)")
    }
    if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
  }

  var formatList: [String] {
    format.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.filter { !$0.isEmpty }
  }

  func run() throws {
    CrashReport.install()
    let (inputs, missing) = InputCollector.inputs(for: paths)
    for m in missing { warn("byline: no such file or directory: \(m.path)") }
    guard !inputs.isEmpty else {
      warn("byline: nothing to analyse")
      throw ExitCode.failure
    }
    let analyzer: Analyzer
    do {
      let store = try LexiconLocator.locate(explicit: lexicons, executablePath: CommandLine.arguments[0])
      analyzer = try DefaultAnalyzer.make(lexicons: store)
    } catch {
      warn("byline: \(error)")
      throw ExitCode.failure
    }
    var sinks: [any ReportSink] = []
    do {
      if let out {
        let dir = URL(fileURLWithPath: out)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for f in formatList {
          switch f {
          case "json": sinks.append(JSONFilesSink(directory: dir))
          case "jsonl": sinks.append(try JSONLSink(url: dir.appendingPathComponent("reports.jsonl")))
          default: sinks.append(try CSVSink(directory: dir))
          }
        }
      } else {
        sinks.append(try JSONLSink(url: nil))
      }
      var runner = BatchRunner(analyzer: analyzer)
      if let jobs { runner.concurrency = jobs }
      let summary = try runner.run(RecordStream(inputs: inputs), sinks: &sinks)
      if summary.failed > 0 {
        warn("byline: \(summary.records) records, \(summary.failed) with errors; first: \(summary.examples.joined(separator: " | "))")
        if strict { throw ExitCode(3) }
      }
    } catch let e as ExitCode {
      throw e
    } catch {
      warn("byline: cannot write output: \(error)")
      throw ExitCode.failure
    }
  }
}

func warn(_ message: String) {
  FileHandle.standardError.write(Data((message + "\n").utf8))
}
