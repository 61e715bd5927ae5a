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
