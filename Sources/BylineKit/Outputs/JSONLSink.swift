import BylineReports
import Foundation

/// One report per line, to standard output (streamed, flushed per batch) or to a file that
/// appears atomically when the run completes.
public final class JSONLSink: ReportSink {
  private let file: AtomicFile?
  private let annotations: Bool
  private var pending: [UInt8] = []

  /// Writes to `url`, or to standard output when nil; `annotations: false` writes only the
  /// article (text and metadata).
  public init(url: URL?, annotations: Bool = true) throws {
    file = try url.map { try AtomicFile($0) }
    self.annotations = annotations
  }

  public func write(_ result: AnalysisResult) throws {
    pending.append(contentsOf: ArticleReport.json(result.document, error: result.error, annotations: annotations))
    pending.append(10)
    if pending.count >= 1 << 16 { try flush() }
  }

  public func finish() throws {
    try flush()
    try file?.commit()
  }

  private func flush() throws {
    guard !pending.isEmpty else { return }
    if let file {
      try file.write(pending)
    } else {
      try FileHandle.standardOutput.write(contentsOf: pending)
    }
    pending.removeAll(keepingCapacity: true)
  }
}
