/// How an input file is read, by its name.
public enum InputFileKind: Sendable, Equatable {
  case html, pageDump, jsonl, warc

  /// The kind for a file name, or nil for files Byline does not read.
  public init?(fileName: String) {
    let name = fileName.lowercased()
    if name.hasSuffix(".html") || name.hasSuffix(".htm") || name.hasSuffix(".xhtml") {
      self = .html
    } else if name.hasSuffix(".txt") {
      self = .pageDump
    } else if name.hasSuffix(".jsonl") || name.hasSuffix(".ndjson") {
      self = .jsonl
    } else if name.hasSuffix(".warc") || name.hasSuffix(".warc.gz") {
      self = .warc
    } else {
      return nil
    }
  }
}
