import Foundation
import BylineCore

extension Gazetteer {
  /// File names inside `Lexicons/`.
  public static let gazetteerFile = "places/gazetteer.tsv"
  public static let extraPlacesFile = "places/extra_places.tsv"
  public static let aliasesFile = "places/aliases.tsv"

  /// Loads `places/gazetteer.tsv` (generated from GeoNames), `places/extra_places.tsv` (same
  /// columns, written by hand, optional) and `places/aliases.tsv` (alias → GeoNames id,
  /// optional). Parses bytes directly: about 0.15–0.25 s for the shipped 3 MB file in a release
  /// build (37,000 places, 91,000 spellings). Errors are `file:line: reason`. Stages should use
  /// ``shared(from:)``, which loads once per process.
  public static func load(from store: LexiconStore) throws(LexiconError) -> Gazetteer {
    var entries: [GazetteerEntry] = []
    var names: [(String, Int)] = []
    entries.reserveCapacity(40_000)
    names.reserveCapacity(140_000)
    try readPlaces(url: store.url(gazetteerFile), required: true, into: &entries, names: &names)
    try readPlaces(url: store.url(extraPlacesFile), required: false, into: &entries, names: &names)
    var byID: [Int: Int] = [:]
    for (i, e) in entries.enumerated() where e.geonamesID != 0 && byID[e.geonamesID] == nil {
      byID[e.geonamesID] = i
    }
    var aliases: [(String, Int)] = []
    try readAliases(url: store.url(aliasesFile), byID: byID, names: &aliases)
    return Gazetteer(entries: entries, names: names, aliases: aliases)
  }

  /// Parses gazetteer rows from TSV bytes (`path` for messages). Exposed for tests.
  public static func parsePlaces(
    data: Data, path: String, into entries: inout [GazetteerEntry], names: inout [(String, Int)]
  ) throws(LexiconError) {
    let required = [
      "geonames_id", "name", "country_code", "admin1", "lat", "lon", "feature", "feature_code",
      "population", "names",
    ]
    try TSVBytes.forEachRow(data: data, path: path, required: required) {
      (line, cols, field) throws(LexiconError) in
      func bad(_ reason: String) -> LexiconError { .badLine(file: path, line: line, reason: reason) }
      guard let gid = field(cols[0]).intValue else { throw bad("geonames_id is not an integer") }
      let name = field(cols[1]).string
      guard !name.isEmpty else { throw bad("empty name") }
      guard let lat = Double(field(cols[4]).string), (-90...90).contains(lat) else {
        throw bad("lat is not a latitude")
      }
      guard let lon = Double(field(cols[5]).string), (-180...180).contains(lon) else {
        throw bad("lon is not a longitude")
      }
      guard let feature = PlaceFeature(rawValue: field(cols[6]).string) else {
        throw bad("unknown feature \"\(field(cols[6]).string)\"")
      }
      let popField = field(cols[8])
      guard let pop = popField.isEmpty ? 0 : popField.intValue else {
        throw bad("population is not an integer")
      }
      let cc = field(cols[2]).string
      let admin1 = field(cols[3]).string
      let index = entries.count
      entries.append(
        GazetteerEntry(
          geonamesID: gid, name: name, countryCode: cc.isEmpty ? nil : cc,
          admin1: admin1.isEmpty ? nil : admin1, latitude: lat, longitude: lon, feature: feature,
          featureCode: field(cols[7]).string, population: pop))
      names.append((name, index))
      field(cols[9]).forEachPiece(separator: UInt8(ascii: "|")) { names.append(($0, index)) }
    }
  }

  private static func readPlaces(
    url: URL, required: Bool, into entries: inout [GazetteerEntry], names: inout [(String, Int)]
  ) throws(LexiconError) {
    guard let data = try TSVBytes.read(url: url, required: required) else { return }
    try parsePlaces(data: data, path: url.path, into: &entries, names: &names)
  }

  private static func readAliases(url: URL, byID: [Int: Int], names: inout [(String, Int)])
    throws(LexiconError)
  {
    guard let data = try TSVBytes.read(url: url, required: false) else { return }
    try TSVBytes.forEachRow(data: data, path: url.path, required: ["alias", "geonames_id"]) {
      (line, cols, field) throws(LexiconError) in
      let alias = field(cols[0]).string
      guard !alias.isEmpty else {
        throw .badLine(file: url.path, line: line, reason: "empty alias")
      }
      guard let gid = field(cols[1]).intValue else {
        throw .badLine(file: url.path, line: line, reason: "geonames_id is not an integer")
      }
      guard let i = byID[gid] else {
        throw .badLine(file: url.path, line: line, reason: "no place with geonames_id \(gid)")
      }
      names.append((alias, i))
    }
  }
}
