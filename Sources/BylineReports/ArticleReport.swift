import BylineCore

/// Serialises a document as the per-article report of the contract (`spec/report.md`, v1).
///
/// Offsets are converted from UTF-8 to Unicode-scalar offsets here, and only here. Fields
/// beyond the contract (`rule`, `mod`, `speaker_role`, `spans`, `entity_id` on places and
/// sources, …) are additions the contract allows.
public enum ArticleReport {
  /// The report's schema version.
  public static let schemaVersion = 1

  /// One report as a single line of JSON (no trailing newline). With `annotations: false` only
  /// the article (metadata and text) is written, as `byline extract` does.
  public static func json(_ doc: Document, error: String? = nil, annotations: Bool = true) -> [UInt8] {
    let map = ScalarOffsetMap(doc.bytes)
    var w = JSONWriter()
    w.beginObject()
    w.field("schema_version", schemaVersion)
    w.field("id", doc.id)
    let m = doc.metadata
    w.field("url", m.url)
    w.field("title", m.title)
    w.key("authors"); w.stringArray(m.authors)
    w.field("published", m.published?.description)
    w.field("language", m.language)
    w.field("source_line", m.sourceLine)
    w.key("tags"); w.stringArray(m.tags)
    w.field("site_name", m.siteName)
    w.field("canonical_url", m.canonicalURL)
    w.field("text", doc.text)
    guard annotations else {
      w.field("error", error)
      w.endObject()
      return w.output
    }
    writeSpans(&w, "sentences", doc.sentences, map) { _, _ in }
    writeSpans(&w, "entities", doc.entities.map(\.range), map, doc: doc) { w, i in
      let e = doc.entities[i]
      w.field("type", e.type.rawValue)
      w.field("entity_id", e.entityID)
      w.field("canonical", e.canonical)
      w.field("rule", e.rule)
    }
    writeSpans(&w, "places", doc.places.map(\.range), map, doc: doc) { w, i in
      let p = doc.places[i]
      w.field("name", p.name)
      w.field("country_code", p.countryCode)
      w.field("admin1", p.admin1)
      w.field("lat", p.latitude)
      w.field("lon", p.longitude)
      w.field("geonames_id", p.geonamesID)
      w.field("feature", p.feature.rawValue)
      w.field("population", p.population)
      w.field("entity_id", p.entityID)
      w.field("rule", p.rule)
    }
    writeSpans(&w, "dates", doc.dates.map(\.range), map, doc: doc) { w, i in
      let d = doc.dates[i]
      w.field("type", d.type.rawValue)
      w.field("value", d.value)
      if let mod = d.mod { w.field("mod", mod) }
      w.field("rule", d.rule)
    }
    writeSpans(&w, "quotes", doc.quotes.map(\.range), map, doc: doc) { w, i in
      let q = doc.quotes[i]
      w.field("type", q.type.rawValue)
      w.field("speaker", q.speaker)
      w.field("speaker_start", q.speakerRange.map { map.scalarOffset($0.utf8Start) })
      w.field("speaker_end", q.speakerRange.map { map.scalarOffset($0.utf8End) })
      w.field("speaker_text", q.speakerRange.map { doc.string($0) })
      w.field("speaker_entity", q.speakerEntityID)
      w.field("speaker_role", q.speakerRole)
      w.field("cue", q.cue)
      w.field("cue_start", q.cueRange.map { map.scalarOffset($0.utf8Start) })
      w.field("cue_end", q.cueRange.map { map.scalarOffset($0.utf8End) })
      if q.pieces.count > 1 {
        w.key("spans")
        w.beginArray()
        for p in q.pieces {
          w.beginArray()
          w.int(map.scalarOffset(p.utf8Start))
          w.int(map.scalarOffset(p.utf8End))
          w.endArray()
        }
        w.endArray()
      }
      w.field("rule", q.rule)
    }
    writeSpans(&w, "sources", doc.sources.map(\.range), map, doc: doc) { w, i in
      let s = doc.sources[i]
      w.field("name", s.name)
      w.field("kind", s.kind.rawValue)
      w.field("cue", s.cue)
      w.field("cue_start", s.cueRange.map { map.scalarOffset($0.utf8Start) })
      w.field("cue_end", s.cueRange.map { map.scalarOffset($0.utf8End) })
      w.field("entity_id", s.entityID)
      w.field("rule", s.rule)
    }
    w.field("error", error)
    w.endObject()
    return w.output
  }

  private static func writeSpans(
    _ w: inout JSONWriter, _ key: String, _ ranges: [TextRange], _ map: ScalarOffsetMap,
    doc: Document? = nil, extra: (inout JSONWriter, Int) -> Void
  ) {
    w.key(key)
    w.beginArray()
    for (i, r) in ranges.enumerated() {
      w.beginObject()
      w.field("start", map.scalarOffset(r.utf8Start))
      w.field("end", map.scalarOffset(r.utf8End))
      if let doc { w.field("text", doc.string(r)) }
      extra(&w, i)
      w.endObject()
    }
    w.endArray()
  }
}
