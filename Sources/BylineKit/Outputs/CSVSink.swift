import BylineReports
import Foundation

/// The six CSV tables of the contract in a folder; every file appears only when complete.
public final class CSVSink: ReportSink {
  private var files: [String: AtomicFile] = [:]

  public init(directory: URL) throws {
    for name in CSVTables.names {
      let f = try AtomicFile(directory.appendingPathComponent(name + ".csv"))
      try f.write(CSVTables.header(name))
      files[name] = f
    }
  }

  public func write(_ result: AnalysisResult) throws {
    let rows = CSVTables.rows(result.document, error: result.error)
    for name in CSVTables.names {
      if let r = rows[name], !r.isEmpty { try files[name]?.write(r) }
    }
  }

  public func finish() throws {
    for name in CSVTables.names { try files[name]?.commit() }
  }
}
