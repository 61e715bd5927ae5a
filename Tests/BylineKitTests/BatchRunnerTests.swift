import BylineCore
@testable import BylineKit
import BylineText
import Foundation
import Testing

private final class CollectingSink: ReportSink {
  var ids: [String] = []
  var errors: [String?] = []
  var finished = false
  func write(_ result: AnalysisResult) throws {
    ids.append(result.document.id)
    errors.append(result.error)
  }
  func finish() throws { finished = true }
}

@Suite struct BatchRunnerTests {
  @Test func keepsInputOrderAndGoesOnAfterBadRecords() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("byline-batch-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    var lines: [String] = []
    for i in 0..<200 {
      lines.append(i % 17 == 5 ? "{not json" : #"{"id": "r\#(i)", "text": "Record \#(i) said hello. Then it left."}"#)
    }
    let file = dir.appendingPathComponent("in.jsonl")
    try (lines.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
    let analyzer = Analyzer(
      pipeline: try Pipeline([TokenizerStage()]),
      extraction: ArticleExtraction(html: { _, _, _ in throw CancellationError() }, page: { _ in throw CancellationError() }))
    let sink = CollectingSink()
    var sinks: [any ReportSink] = [sink]
    let summary = try BatchRunner(analyzer: analyzer, concurrency: 4)
      .run(RecordStream(inputs: InputCollector.inputs(for: [file.path]).inputs), sinks: &sinks)
    #expect(summary.records == 200)
    #expect(summary.failed == 12)
    #expect(sink.finished)
    let expected = (0..<200).map { $0 % 17 == 5 ? "in.jsonl:\($0 + 1)" : "r\($0)" }
    #expect(sink.ids == expected)
  }

  @Test func missingPathsAreReportedNotFatal() {
    let (inputs, missing) = InputCollector.inputs(for: ["/nonexistent/file.html"])
    #expect(inputs.isEmpty)
    #expect(missing.map(\.path) == ["/nonexistent/file.html"])
  }
}

/// The crash report names exactly the records in flight (the handler itself is exercised by
/// hand: `kill -SEGV` on a running batch prints one line per busy worker).
@Test func crashReportTracksRecordsInFlight() {
  CrashReport.begin(slot: 60, id: "page-α.html")
  CrashReport.begin(slot: 61, id: String(repeating: "x", count: 500))
  let inFlight = CrashReport.inFlight()
  #expect(inFlight.contains("page-α.html"))
  #expect(inFlight.contains(String(repeating: "x", count: CrashReport.idLimit)))
  CrashReport.end(slot: 60)
  CrashReport.end(slot: 61)
  // Out-of-range slots are ignored rather than written past the buffers.
  CrashReport.begin(slot: CrashReport.slotCount, id: "ignored")
  CrashReport.end(slot: -1)
  #expect(!CrashReport.inFlight().contains { $0 == "page-α.html" || $0 == "ignored" })
}

@Test func fileBytesReadsWholeFilesAndRefusesOversizedOnes() throws {
  let dir = FileManager.default.temporaryDirectory.appendingPathComponent("byline-filebytes-\(getpid())")
  try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(at: dir) }
  let path = dir.appendingPathComponent("page.html").path
  let content = Array("<p>Grüße</p>".utf8) + [0xFF, 0x00]
  #expect(FileManager.default.createFile(atPath: path, contents: Data(content)))
  #expect(try FileBytes.read(path: path, limit: 100) == content)
  #expect(throws: FileBytes.Failure.tooLarge(content.count)) { try FileBytes.read(path: path, limit: 4) }
  #expect(throws: FileBytes.Failure.self) { try FileBytes.read(path: dir.appendingPathComponent("missing").path, limit: 100) }
  // An empty file is zero bytes, not an error.
  let empty = dir.appendingPathComponent("empty.html").path
  #expect(FileManager.default.createFile(atPath: empty, contents: Data()))
  #expect(try FileBytes.read(path: empty, limit: 100).isEmpty)
}
