import Foundation

/// One CSV cell, quoted per RFC 4180 and made inert for spreadsheets.
public enum CSVField {
  /// A text cell: quoted when it holds `,` `"` CR or LF (embedded quotes doubled); a cell that
  /// a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, tab or CR) gets a
  /// leading apostrophe, which spreadsheets show as text.
  public static func text(_ value: String?) -> String {
    guard var s = value, !s.isEmpty else { return "" }
    if let first = s.utf8.first, [61, 43, 45, 64, 9, 13].contains(first) { s = "'" + s }
    let needsQuotes = s.utf8.contains { $0 == 44 || $0 == 34 || $0 == 10 || $0 == 13 }
    guard needsQuotes else { return s }
    return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }

  /// A numeric cell, written as is (numbers are never formulas).
  public static func number(_ value: Int?) -> String { value.map(String.init) ?? "" }
  public static func number(_ value: Double?) -> String { value.map { String($0) } ?? "" }

  /// A row: cells joined by commas, LF-terminated.
  public static func row(_ cells: [String]) -> String { cells.joined(separator: ",") + "\n" }
}
