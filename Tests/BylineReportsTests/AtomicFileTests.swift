import BylineReports
import Foundation
import Testing

@Suite struct AtomicFileTests {
  private func tempDir() throws -> URL {
    let d = FileManager.default.temporaryDirectory.appendingPathComponent("byline-atomic-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: d, withIntermediateDirectories: true)
    return d
  }

  @Test func fileAppearsOnlyOnCommitAndReplacesOldContent() throws {
    let dir = try tempDir()
    let url = dir.appendingPathComponent("out.csv")
    try Data("old".utf8).write(to: url)
    let f = try AtomicFile(url)
    try f.write("new content")
    #expect(try String(contentsOf: url, encoding: .utf8) == "old")
    try f.commit()
    #expect(try String(contentsOf: url, encoding: .utf8) == "new content")
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["out.csv"])
  }

  @Test func abandonedWriteLeavesNothing() throws {
    let dir = try tempDir()
    let url = dir.appendingPathComponent("x.json")
    do {
      let f = try AtomicFile(url)
      try f.write("partial")
      f.abandon()
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
  }
}
