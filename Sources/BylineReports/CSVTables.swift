import Foundation
import BylineCore

/// The CSV tables of the contract, one row set per article.
///
/// Every table has `article_id` first and a fixed column order; offsets are Unicode-scalar
/// offsets like the JSON report.
public enum CSVTables {
  /// Table names (file names without `.csv`) in output order.
  public static let names = ["articles", "entities", "quotes", "places", "dates", "sources"]

  /// Header row of each table.
  public static let headers: [String: [String]] = [
    "articles": [
      "article_id", "url", "title", "authors", "published", "language", "source_line", "tags",
      "site_name", "words", "entities", "places", "dates", "quotes", "sources", "error",
    ],
    "entities": [
      "article_id", "entity_id", "type", "canonical", "mentions", "first_start", "salience", "texts",
    ],
    "quotes": [
      "article_id", "type", "speaker", "speaker_role", "speaker_text", "quote", "cue", "start",
      "end", "speaker_start", "speaker_end", "speaker_entity", "rule",
    ],
    "places": [
      "article_id", "text", "name", "country_code", "admin1", "lat", "lon", "geonames_id",
      "feature", "start", "end", "rule",
    ],
    "dates": ["article_id", "text", "type", "value", "mod", "start", "end", "rule"],
    "sources": ["article_id", "name", "kind", "text", "cue", "start", "end", "entity_id", "rule"],
  ]

  /// The header line of a table.
  public static func header(_ table: String) -> String {
    CSVField.row(headers[table] ?? [])
  }

  /// The rows one article contributes to each table.
  public static func rows(_ doc: Document, error: String?) -> [String: String] {
    let map = ScalarOffsetMap(doc.bytes)
    let id = CSVField.text(doc.id)
    func off(_ o: Int?) -> String { CSVField.number(o.map { map.scalarOffset($0) }) }
    var out: [String: String] = [:]
    let m = doc.metadata
    let words = doc.tokens.lazy.filter { $0.kind != .punctuation }.count
    out["articles"] = CSVField.row([
      id, CSVField.text(m.url), CSVField.text(m.title), CSVField.text(m.authors.joined(separator: "; ")),
      CSVField.text(m.published?.description), CSVField.text(m.language), CSVField.text(m.sourceLine),
      CSVField.text(m.tags.joined(separator: "; ")), CSVField.text(m.siteName), CSVField.number(words),
      CSVField.number(doc.entities.count), CSVField.number(doc.places.count),
      CSVField.number(doc.dates.count), CSVField.number(doc.quotes.count),
      CSVField.number(doc.sources.count), CSVField.text(error),
    ])
    out["entities"] = EntityTable.rows(doc, map: map).map { r in
      CSVField.row([
        id, CSVField.text(r.entityID), CSVField.text(r.type), CSVField.text(r.canonical),
        CSVField.number(r.mentions), CSVField.number(r.firstStart),
        String(format: "%.3f", r.salience), CSVField.text(r.texts.joined(separator: "; ")),
      ])
    }.joined()
    out["quotes"] = doc.quotes.map { q in
      CSVField.row([
        id, CSVField.text(q.type.rawValue), CSVField.text(q.speaker), CSVField.text(q.speakerRole),
        CSVField.text(q.speakerRange.map { doc.string($0) }),
        CSVField.text(q.pieces.map { doc.string($0) }.joined(separator: " … ")),
        CSVField.text(q.cue), off(q.range.utf8Start), off(q.range.utf8End),
        off(q.speakerRange?.utf8Start), off(q.speakerRange?.utf8End),
        CSVField.text(q.speakerEntityID), CSVField.text(q.rule),
      ])
    }.joined()
    out["places"] = doc.places.map { p in
      CSVField.row([
        id, CSVField.text(doc.string(p.range)), CSVField.text(p.name), CSVField.text(p.countryCode),
        CSVField.text(p.admin1), CSVField.number(p.latitude), CSVField.number(p.longitude),
        CSVField.number(p.geonamesID), CSVField.text(p.feature.rawValue), off(p.range.utf8Start),
        off(p.range.utf8End), CSVField.text(p.rule),
      ])
    }.joined()
    out["dates"] = doc.dates.map { d in
      CSVField.row([
        id, CSVField.text(doc.string(d.range)), CSVField.text(d.type.rawValue), CSVField.text(d.value),
        CSVField.text(d.mod), off(d.range.utf8Start), off(d.range.utf8End), CSVField.text(d.rule),
      ])
    }.joined()
    out["sources"] = doc.sources.map { s in
      CSVField.row([
        id, CSVField.text(s.name), CSVField.text(s.kind.rawValue), CSVField.text(doc.string(s.range)),
        CSVField.text(s.cue), off(s.range.utf8Start), off(s.range.utf8End),
        CSVField.text(s.entityID), CSVField.text(s.rule),
      ])
    }.joined()
    return out
  }
}
