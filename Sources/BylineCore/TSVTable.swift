import Foundation

/// A lexicon file: UTF-8 TSV with `#` comment lines, blank lines ignored, and a header row.
///
/// Every row must have exactly as many fields as the header; a bad line is reported as
/// `file:line: reason` through ``LexiconError``.
public struct TSVTable: Sendable {
  /// The file's path, for messages.
  public let path: String
  /// Column names from the header row.
  public let header: [String]
  /// Data rows, each as many fields as `header`.
  public let rows: [[String]]
  /// 1-based line number of each row in the file.
  public let lineNumbers: [Int]

  /// Index of a column by name.
  public func column(_ name: String) -> Int? { header.firstIndex(of: name) }

  /// Reads and checks a TSV file; `requiredColumns` must all be in the header.
  public init(contentsOf url: URL, requiredColumns: [String] = []) throws(LexiconError) {
    let data: Data
    do {
      data = try Data(contentsOf: url)
    } catch {
      throw .unreadable(file: url.path, reason: error.localizedDescription)
    }
    try self.init(data: data, path: url.path, requiredColumns: requiredColumns)
  }

  /// Parses TSV bytes; `path` is used in error messages only.
  public init(data: Data, path: String, requiredColumns: [String] = []) throws(LexiconError) {
    self.path = path
    guard let text = String(data: data, encoding: .utf8) else {
      throw .unreadable(file: path, reason: "not valid UTF-8")
    }
    var header: [String]?
    var rows: [[String]] = []
    var lines: [Int] = []
    var lineNumber = 0
    for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
      lineNumber += 1
      let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
      if line.isEmpty || line.first == "#" || line.allSatisfy({ $0 == " " || $0 == "\t" }) { continue }
      let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
      guard let h = header else {
        header = fields
        for c in requiredColumns where !fields.contains(c) {
          throw .badLine(file: path, line: lineNumber, reason: "header lacks column \"\(c)\"")
        }
        continue
      }
      guard fields.count == h.count else {
        throw .badLine(
          file: path, line: lineNumber,
          reason: "expected \(h.count) tab-separated fields, found \(fields.count)")
      }
      rows.append(fields)
      lines.append(lineNumber)
    }
    guard let h = header else { throw .badLine(file: path, line: max(lineNumber, 1), reason: "no header row") }
    self.header = h
    self.rows = rows
    self.lineNumbers = lines
  }

  /// An error for row `index`, for callers that validate field contents.
  public func error(row index: Int, _ reason: String) -> LexiconError {
    .badLine(file: path, line: lineNumbers[index], reason: reason)
  }
}

/// A lexicon that cannot be loaded.
public enum LexiconError: Error, Equatable, CustomStringConvertible {
  case unreadable(file: String, reason: String)
  case badLine(file: String, line: Int, reason: String)

  public var description: String {
    switch self {
    case let .unreadable(file, reason): return "\(file): \(reason)"
    case let .badLine(file, line, reason): return "\(file):\(line): \(reason)"
    }
  }
}
