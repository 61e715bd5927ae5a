import Foundation

/// Turns one JSONL line into an ``InputRecord`` (contract fields `id`, `text` | `html` | `page`,
/// `url`, `title`, `published`). A malformed line becomes an `.unreadable` record whose id is the
/// line's `id` when it can be read, else `"<source>:<line>"`.
public enum JSONLRecordParser {
  public static func record(from line: [UInt8], source: String, lineNumber: Int) -> InputRecord {
    let fallbackID = "\(source):\(lineNumber)"
    let object: Any
    do {
      object = try JSONSerialization.jsonObject(with: Data(line), options: [])
    } catch {
      return InputRecord(id: fallbackID, content: .unreadable("line \(lineNumber) is not valid JSON"))
    }
    guard let dict = object as? [String: Any] else {
      return InputRecord(id: fallbackID, content: .unreadable("line \(lineNumber) is not a JSON object"))
    }
    let id: String
    switch dict["id"] {
    case let s as String: id = s
    case let n as NSNumber: id = n.stringValue
    default:
      return InputRecord(id: fallbackID, content: .unreadable("record has no \"id\""))
    }
    func string(_ key: String) -> String? { dict[key] as? String }
    let bodies = ["text", "html", "page"].filter { dict[$0] != nil && !(dict[$0] is NSNull) }
    var record = InputRecord(
      id: id, content: .unreadable(""), url: string("url"), title: string("title"),
      published: string("published"))
    guard bodies.count == 1 else {
      record.content = .unreadable(
        bodies.isEmpty
          ? "record has none of \"text\", \"html\", \"page\""
          : "record has more than one of \"text\", \"html\", \"page\": \(bodies.joined(separator: ", "))")
      return record
    }
    guard let body = string(bodies[0]) else {
      record.content = .unreadable("\"\(bodies[0])\" is not a string")
      return record
    }
    switch bodies[0] {
    case "text": record.content = .text(body)
    case "html": record.content = .html(Array(body.utf8), charset: "utf-8")
    default: record.content = .page(body)
    }
    return record
  }
}
