/// Why a file cannot be read as WARC at all (per-record problems are entries instead).
public enum WARCFileError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The file could not be opened or read.
  case unreadable(String)
  /// The file is not a WARC file (or uses an unsupported compression); the reason says why.
  case notWARC(String)

  public var description: String {
    switch self {
    case .unreadable(let reason): return "cannot read the file: \(reason)"
    case .notWARC(let reason): return "not a WARC file: \(reason)"
    }
  }
}
