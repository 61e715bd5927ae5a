import BylineCore
import BylinePlaces

/// A small hand-made gazetteer for the entity tests (coordinates rounded, populations
/// approximate; written by the Byline team).
enum TestGazetteer {
  static func make() -> Gazetteer {
    let rows: [(String, String?, PlaceFeature, String, Int)] = [
      ("Moscow", "RU", .city, "PPLC", 10_381_222),
      ("Iran", "IR", .country, "PCLI", 77_000_000),
      ("Turkey", "TR", .country, "PCLI", 82_000_000),
      ("Syria", "SY", .country, "PCLI", 22_000_000),
      ("Iraq", "IQ", .country, "PCLI", 29_000_000),
      ("Damascus", "SY", .city, "PPLC", 1_569_394),
      ("Ankara", "TR", .city, "PPLC", 3_517_182),
      ("Mobile", "US", .city, "PPLA2", 190_000),
      ("Reading", "GB", .city, "PPL", 230_000),
      ("New York", "US", .city, "PPL", 8_175_133),
      ("York", "GB", .city, "PPL", 150_000),
      ("Saskatchewan", "CA", .admin1, "ADM1", 1_100_000),
      ("Jackson", "US", .city, "PPLA", 170_000),
    ]
    var entries: [GazetteerEntry] = []
    var names: [(String, Int)] = []
    for (i, r) in rows.enumerated() {
      entries.append(
        GazetteerEntry(
          geonamesID: 1000 + i, name: r.0, countryCode: r.1, admin1: nil, latitude: 0, longitude: 0,
          feature: r.2, featureCode: r.3, population: r.4))
      names.append((r.0, i))
    }
    return Gazetteer(entries: entries, names: names)
  }
}
