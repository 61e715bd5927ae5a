import BylineReports
import Foundation

/// One `<id>.json` file per article in a folder, each written atomically. Ids are made safe as
/// file names (`/` and other unsafe characters become `_`); a name already used in this run
/// gets `-2`, `-3`, ….
public final class JSONFilesSink: ReportSink {
  private let directory: URL
  private var used: Set<String> = []

  public init(directory: URL) {
    self.directory = directory
  }

  public func write(_ result: AnalysisResult) throws {
    var name = Self.safeName(result.document.id)
    var n = 2
    let stem = name
    while used.contains(name) {
      name = "\(stem)-\(n)"
      n += 1
    }
    used.insert(name)
    var bytes = PrettyJSON.format(ArticleReport.json(result.document, error: result.error))
    bytes.append(10)
    try AtomicFile.write(bytes, to: directory.appendingPathComponent(name + ".json"))
  }

  public func finish() throws {}

  /// A file-name-safe form of an id.
  static func safeName(_ id: String) -> String {
    var s = String(
      id.unicodeScalars.map { c -> Character in
        let ok = (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || (c >= "0" && c <= "9") || c == "." || c == "-" || c == "_"
        return ok ? Character(c) : "_"
      })
    while s.hasPrefix(".") { s.removeFirst() }
    if s.isEmpty { s = "article" }
    return String(s.prefix(200))
  }
}
