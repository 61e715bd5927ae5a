import BylineCore
import BylineText
import Foundation

/// Documents with gold entity mentions, read for training or scoring the entity tagger.
///
/// Formats:
/// - JSONL (`.jsonl`): one document per line, `{"id", "text", "entities": [{"start", "end",
///   "type"}]}` with Unicode-scalar offsets, end exclusive.
/// - CoNLL (anything else): one token per line, the first column the word and the last the
///   IOB1 or IOB2 tag; blank lines end sentences; `-DOCSTART-` lines start documents. Words
///   are joined by one space, sentences by a line break.
///
/// Types PER/PERSON, ORG, LOC/PLACE, MISC; others are dropped. Every document is tokenised
/// with ``TokenizerStage`` as in analysis.
public struct NERCorpus: Sendable {
  public struct Item: Sendable {
    public var document: Document
    public var gold: [EntityMention]
    /// The source has no MISC annotation.
    public var lacksMisc: Bool
  }

  public var items: [Item]

  /// Reads one file (format from its extension).
  public init(contentsOf url: URL) throws {
    let text = try String(contentsOf: url, encoding: .utf8)
    var raw: [(String, String, [(Int, Int, String)])] = []
    if url.pathExtension == "jsonl" {
      var n = 0
      for line in text.split(separator: "\n") where !line.isEmpty {
        n += 1
        guard let obj = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
          let body = obj["text"] as? String
        else { throw LexiconError.badLine(file: url.path, line: n, reason: "not a {text, entities} object") }
        var spans: [(Int, Int, String)] = []
        for e in obj["entities"] as? [[String: Any]] ?? [] {
          if let s = e["start"] as? Int, let en = e["end"] as? Int, let t = e["type"] as? String { spans.append((s, en, t)) }
        }
        raw.append(((obj["id"] as? String) ?? "doc\(n)", body, spans))
      }
    } else {
      raw = NERCorpus.conll(text)
    }
    let lacksMisc = !raw.contains { $0.2.contains { $0.2 == "MISC" } }
    items = try raw.map { (id, body, spans) in
      var doc = Document(id: id, text: body)
      try TokenizerStage().process(&doc)
      // Scalar offsets → UTF-8 offsets.
      var utf8At: [Int] = []
      utf8At.reserveCapacity(body.unicodeScalars.count + 1)
      var o = 0
      for s in body.unicodeScalars {
        utf8At.append(o)
        o += s.utf8.count
      }
      utf8At.append(o)
      var gold: [EntityMention] = []
      for (s, e, t) in spans where s >= 0 && e <= utf8At.count - 1 && s < e {
        guard let type = NERCorpus.type(t) else { continue }
        gold.append(EntityMention(range: TextRange(utf8At[s], utf8At[e]), type: type, rule: "gold"))
      }
      gold.sort { $0.range < $1.range }
      return Item(document: doc, gold: gold, lacksMisc: lacksMisc)
    }
  }

  static func type(_ t: String) -> EntityType? {
    switch t {
    case "PER", "PERSON": return .person
    case "ORG": return .org
    case "LOC", "PLACE", "GPE": return .place
    case "MISC": return .misc
    default: return nil
    }
  }

  /// CoNLL columns → (id, text, scalar-offset spans).
  static func conll(_ text: String) -> [(String, String, [(Int, Int, String)])] {
    var docs: [(String, String, [(Int, Int, String)])] = []
    var body = ""
    var length = 0  // in scalars
    var spans: [(Int, Int, String)] = []
    var open: (Int, String)? = nil
    var lineStart = true
    func close() {
      if let (s, t) = open { spans.append((s, length, t)) }
      open = nil
    }
    func flushDoc() {
      close()
      if !body.isEmpty { docs.append(("doc\(docs.count + 1)", body, spans)) }
      body = ""
      length = 0
      spans = []
      lineStart = true
    }
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      let cols = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
      if cols.isEmpty {
        close()
        if !lineStart {
          body += "\n"
          length += 1
          lineStart = true
        }
        continue
      }
      let word = String(cols[0])
      if word == "-DOCSTART-" {
        flushDoc()
        continue
      }
      let tag = String(cols[cols.count - 1])
      let type = tag == "O" ? nil : String(tag.dropFirst(2))
      if tag == "O" || tag.hasPrefix("B-") || open?.1 != type { close() }
      if !lineStart {
        body += " "
        length += 1
      }
      if let type, open == nil { open = (length, type) }
      body += word
      length += word.unicodeScalars.count
      lineStart = false
    }
    flushDoc()
    return docs
  }
}

extension NERCorpus {
  /// Copies of the documents that write initialisms with periods ("U.S.", "U.N."), written
  /// without them ("US", "UN") as current news does; gold spans move with the text.
  ///
  /// The CoNLL-2003 Reuters text (1996) always dots them, so a tagger trained on it alone
  /// takes "US" for an organisation acronym.
  public func undottedCopies() throws -> [Item] {
    var out: [Item] = []
    for item in items {
      let b = item.document.bytes
      var keep = [Bool](repeating: true, count: b.count)
      var changed = false
      func upper(_ x: UInt8) -> Bool { x >= 65 && x <= 90 }
      func alnum(_ x: UInt8) -> Bool { upper(x) || (x >= 97 && x <= 122) || (x >= 48 && x <= 57) }
      var i = 0
      while i < b.count {
        // An initialism: 2–3 "X." pairs, not inside a longer word.
        if (i == 0 || (!alnum(b[i - 1]) && b[i - 1] != 46)), upper(b[i]) {
          var j = i
          var pairs = 0
          while j + 1 < b.count, upper(b[j]), b[j + 1] == 46, pairs < 3 {
            j += 2
            pairs += 1
          }
          if pairs >= 2, j >= b.count || !alnum(b[j]) {
            var k = i + 1
            while k < j { keep[k] = false; k += 2 }
            changed = true
            i = j
            continue
          }
        }
        i += 1
      }
      guard changed else { continue }
      var newAt = [Int](repeating: 0, count: b.count + 1)
      var bytes: [UInt8] = []
      bytes.reserveCapacity(b.count)
      for k in 0..<b.count {
        newAt[k] = bytes.count
        if keep[k] { bytes.append(b[k]) }
      }
      newAt[b.count] = bytes.count
      var doc = Document(id: item.document.id + "-undotted", text: String(decoding: bytes, as: UTF8.self))
      try TokenizerStage().process(&doc)
      let gold = item.gold.map {
        EntityMention(range: TextRange(newAt[$0.range.utf8Start], newAt[$0.range.utf8End]), type: $0.type, rule: $0.rule)
      }
      out.append(Item(document: doc, gold: gold, lacksMisc: item.lacksMisc))
    }
    return out
  }
}
