import Foundation

/// Turns one JSONL line into an ``InputRecord`` (contract fields `id`, `text` | `html` | `page`,
/// `url`, `title`, `published`). A malformed line becomes an `.unreadable` record whose id is the
/// line's `id` when it can be read, else `"<source>:<line>"`.
///
/// Uses `JSONDecoder`, not `JSONSerialization`: the latter drops a U+FEFF inside a string on
/// Linux, which would shift every offset after it in a `text` record.
public enum JSONLRecordParser {
  public static func record(from line: [UInt8], source: String, lineNumber: Int) -> InputRecord {
    let fallbackID = "\(source):\(lineNumber)"
    let raw: RawRecord
    do {
      raw = try JSONDecoder().decode(RawRecord.self, from: Data(line))
    } catch RawRecord.Problem.notAnObject {
      return InputRecord(id: fallbackID, content: .unreadable("line \(lineNumber) is not a JSON object"))
    } catch {
      return InputRecord(id: fallbackID, content: .unreadable("line \(lineNumber) is not valid JSON"))
    }
    guard let id = raw.id else {
      return InputRecord(id: fallbackID, content: .unreadable("record has no \"id\""))
    }
    var record = InputRecord(
      id: id, content: .unreadable(""), url: raw.url, title: raw.title, published: raw.published)
    let bodies = raw.bodies
    guard bodies.count == 1 else {
      record.content = .unreadable(
        bodies.isEmpty
          ? "record has none of \"text\", \"html\", \"page\""
          : "record has more than one of \"text\", \"html\", \"page\": \(bodies.map(\.key).joined(separator: ", "))")
      return record
    }
    guard let body = bodies[0].value else {
      record.content = .unreadable("\"\(bodies[0].key)\" is not a string")
      return record
    }
    switch bodies[0].key {
    case "text": record.content = .text(body)
    case "html": record.content = .html(Array(body.utf8), charset: "utf-8")
    default: record.content = .page(body)
    }
    return record
  }
}

/// The contract fields of a JSONL record, tolerant of wrong types (they become problems the
/// parser reports, not decoding failures).
private struct RawRecord: Decodable {
  enum Problem: Error { case notAnObject }

  private struct Key: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ s: String) { stringValue = s }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
  }

  var id: String?
  var url: String?
  var title: String?
  var published: String?
  /// Present body fields in contract order; value nil when the field is not a string.
  var bodies: [(key: String, value: String?)] = []

  init(from decoder: any Decoder) throws {
    guard let c = try? decoder.container(keyedBy: Key.self) else { throw Problem.notAnObject }
    func string(_ k: String) -> String? { try? c.decodeIfPresent(String.self, forKey: Key(k)) }
    if let s = string("id") {
      id = s
    } else if let n = try? c.decodeIfPresent(Int.self, forKey: Key("id")) {
      id = String(n)
    } else if let d = try? c.decodeIfPresent(Double.self, forKey: Key("id")) {
      id = String(d)
    }
    url = string("url")
    title = string("title")
    published = string("published")
    for k in ["text", "html", "page"] where c.contains(Key(k)) {
      if (try? c.decodeNil(forKey: Key(k))) == true { continue }
      bodies.append((k, string(k)))
    }
  }
}
