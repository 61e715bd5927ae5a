import BylineCore
import BylineKit
import BylineTestSupport
import Foundation
import Testing

/// The committed `Reports/` must be exactly what Byline makes of `Examples/` today. When an
/// intended change alters them, regenerate with `Scripts/run-examples.sh` and review the diff.
@Suite struct ExamplesGoldenTests {
  @Test func reportsMatchExamples() throws {
    let fresh = FileManager.default.temporaryDirectory.appendingPathComponent("byline-golden-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: fresh, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: fresh) }  // scratch folder; leftovers are harmless
    let analyzer = try DefaultAnalyzer.make(lexicons: LexiconStore(directory: TestPaths.lexicons))
    var sinks: [any ReportSink] = [JSONFilesSink(directory: fresh), try CSVSink(directory: fresh)]
    let inputs = InputCollector.inputs(for: [TestPaths.examples.path]).inputs
    #expect(inputs.count >= 7)
    let summary = try BatchRunner(analyzer: analyzer, concurrency: 2).run(RecordStream(inputs: inputs), sinks: &sinks)
    #expect(summary.failed == 0, "\(summary.examples)")

    let committed = TestPaths.packageRoot.appendingPathComponent("Reports")
    let want = try FileManager.default.contentsOfDirectory(atPath: committed.path).filter { !$0.hasPrefix(".") }.sorted()
    let got = try FileManager.default.contentsOfDirectory(atPath: fresh.path).sorted()
    #expect(want == got, "Reports/ holds other files than a fresh run makes: run Scripts/run-examples.sh")
    for name in got where want.contains(name) {
      let a = try String(contentsOf: committed.appendingPathComponent(name), encoding: .utf8)
      let b = try String(contentsOf: fresh.appendingPathComponent(name), encoding: .utf8)
      if a != b {
        let la = a.split(separator: "\n", omittingEmptySubsequences: false)
        let lb = b.split(separator: "\n", omittingEmptySubsequences: false)
        let i = (0..<min(la.count, lb.count)).first { la[$0] != lb[$0] } ?? min(la.count, lb.count)
        Issue.record(
          """
          Reports/\(name) drifted at line \(i + 1) (run Scripts/run-examples.sh and review):
          - \(i < la.count ? la[i] : "<end>")
          + \(i < lb.count ? lb[i] : "<end>")
          """)
      }
    }
  }
}
