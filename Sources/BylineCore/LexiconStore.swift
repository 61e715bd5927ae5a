import Foundation

/// Where lexicon files live. The library never searches for them itself: the caller (the CLI's
/// `--lexicons DIR`, a test through `#filePath`) says where the folder is.
public struct LexiconStore: Sendable {
  /// The `Lexicons/` folder.
  public let directory: URL

  public init(directory: URL) {
    self.directory = directory
  }

  /// The URL of a file inside the folder.
  public func url(_ relativePath: String) -> URL {
    directory.appendingPathComponent(relativePath)
  }

  /// Loads one TSV lexicon.
  public func table(_ relativePath: String, requiredColumns: [String] = []) throws(LexiconError)
    -> TSVTable
  {
    try TSVTable(contentsOf: url(relativePath), requiredColumns: requiredColumns)
  }
}
