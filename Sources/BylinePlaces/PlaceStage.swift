import BylineCore
import Foundation

/// Resolves PLACE entity mentions against the gazetteer (geocoding).
///
/// Requires: entities. Produces: places.
///
/// Every `EntityMention` of type `.place` whose name the gazetteer knows becomes one
/// ``PlaceMention``; mentions with no candidate are left out. All mentions with the same lookup key
/// in an article get the same place. Choice between candidates, strongest evidence first:
/// - `places.container`: "Paris, Texas", "Bangor, Maine", "Athens, Georgia" (a place followed by
///   ", " and a division or country that contains one of its candidates) fix both names;
/// - `places.context-admin1`: a town in a division the article mentions elsewhere ("Moscow" with
///   "Idaho" → Moscow, Idaho), or a division containing a town the article mentions ("Georgia"
///   with "Atlanta" → the US state);
/// - `places.context-country`: a candidate in a country the article mentions elsewhere, by name,
///   through one of its places, or through a demonym ("Syrian"), or the country of the source's
///   web domain ("bbc.co.uk": "Birmingham" is in England); a country next to one the article
///   mentions ("Georgia" with "Russia");
/// - otherwise the prior: countries beat divisions, divisions and capitals beat towns, then
///   population (`places.country`, `places.admin1`, `places.region`, `places.population`).
///
/// A division named with a suffix ("Oaxaca State", "Borno state") resolves to the division.
/// Names that are common words first (`places/common_words.tsv`: "Centre", "Union") resolve
/// only inside a container pair.
///
/// Options (all off by default; GeoWebNews counts all these kinds as toponyms):
/// ``Options/resolveDemonyms`` turns MISC demonym mentions ("Syrian", "European") into country or
/// region places (`places.demonym`); ``Options/embedded`` finds place names inside and as ORG and
/// MISC names ("Washington Post", "EU") (`places.embedded`), places inside PLACE names the
/// gazetteer lacks as a whole ("Greece Italy", `places.inside`), names the article also writes
/// as a place, or countries, under another entity type (`places.same-name`), town names before
/// ", State" whatever their type ("Austin, Texas"), and hyphenated modifiers ("Calgary-based",
/// `places.compound`), a compass word before a country or division ("South Venezuela",
/// `places.part-of`, resolved to the whole) and ORG names that are only a demonym;
/// ``Options/localNames`` keeps
/// PLACE names the gazetteer lacks that look like places ("Royal Street", "in Nenagh")
/// (`places.local`, placed at the town named nearest in the text).
///
/// Limits: only names in the gazetteer (countries, first-order divisions, places with at least
/// 15,000 people, regions, seas, a few landmarks); division coordinates are stand-ins (between
/// the seat or largest town and the middle of the division's towns), so big provinces can be
/// several hundred km from GeoNames' own point.
public struct PlaceStage: Stage {
  public let name = "places"
  public let summary = "Resolves place mentions to GeoNames places (country, division, city, coordinates)"
  public let requires: Set<Layer> = [.entities]
  public let produces: Set<Layer> = [.places]

  /// Stage options.
  public struct Options: Sendable {
    /// Also resolve MISC mentions that are demonyms ("Syrian") to their country (or region:
    /// "European"), rule `places.demonym`.
    public var resolveDemonyms: Bool
    /// Also resolve place names inside ORG and MISC names ("Washington" in "Washington Post")
    /// and ORG or MISC names that are place names ("EU", "Atlantic"): countries, divisions,
    /// regions, cities of 100,000 or more; rule `places.embedded` (and demonyms inside such
    /// names when `resolveDemonyms` is on).
    public var embedded: Bool
    /// Also keep PLACE mentions the gazetteer lacks when their shape says place ("Royal Street",
    /// "in Nenagh"), placed at the town named nearest in the text, rule `places.local` (geonames id 0).
    public var localNames: Bool
    public init(resolveDemonyms: Bool = false, embedded: Bool = false, localNames: Bool = false) {
      self.resolveDemonyms = resolveDemonyms
      self.embedded = embedded
      self.localNames = localNames
    }
  }

  let gazetteer: Gazetteer
  /// Demonym lookup key → the place it names.
  let demonyms: [String: GazetteerEntry]
  /// Keys of place names that are common words first.
  let commonWords: Set<String>
  /// ISO country code → codes of its land neighbours.
  let neighbours: [String: [String]]
  let options: Options

  /// A stage over a loaded gazetteer; `demonyms` maps demonyms ("Syrian") to ISO country codes,
  /// `regionDemonyms` to places ("European" → Europe; these win over `demonyms`, so "English"
  /// is England, not the United Kingdom); `commonWords` lists place names
  /// that are resolved only with a container ("Orange, California"); `neighbours` gives each
  /// country's land neighbours (a neighbour named in the article favours the country).
  public init(
    gazetteer: Gazetteer, demonyms: [String: String] = [:],
    regionDemonyms: [String: GazetteerEntry] = [:],
    commonWords: [String] = [], neighbours: [String: [String]] = [:], options: Options = Options()
  ) {
    self.neighbours = neighbours
    self.gazetteer = gazetteer
    var d: [String: GazetteerEntry] = [:]
    for (k, v) in demonyms.sorted(by: { $0.key < $1.key }) {
      if let e = gazetteer.country(code: v), d[Gazetteer.key(k)] == nil { d[Gazetteer.key(k)] = e }
    }
    for (k, e) in regionDemonyms.sorted(by: { $0.key < $1.key }) { d[Gazetteer.key(k)] = e }
    self.demonyms = d
    self.commonWords = Set(commonWords.map(Gazetteer.key))
    self.options = options
  }

  /// Loads the gazetteer (`places/…`), `places/region_demonyms.tsv`, `places/common_words.tsv`
  /// and, when present, `entities/demonyms.tsv` (columns `demonym`, `country_code`).
  public init(lexicons: LexiconStore, options: Options = Options()) throws {
    let g = try Gazetteer.shared(from: lexicons)
    var d: [String: String] = [:]
    let demonymPath = lexicons.url("entities/demonyms.tsv").path
    if FileManager.default.fileExists(atPath: demonymPath) {
      let t = try lexicons.table("entities/demonyms.tsv", requiredColumns: ["demonym", "country_code"])
      let dc = t.column("demonym")!, cc = t.column("country_code")!
      for row in t.rows where !row[dc].isEmpty && !row[cc].isEmpty {
        let k = Gazetteer.key(row[dc])
        if d[k] == nil { d[k] = row[cc] }
      }
    }
    var r: [String: GazetteerEntry] = [:]
    let rt = try lexicons.table(
      "places/region_demonyms.tsv", requiredColumns: ["demonym", "geonames_id", "place"])
    let rd = rt.column("demonym")!, ri = rt.column("geonames_id")!, rp = rt.column("place")!
    for (n, row) in rt.rows.enumerated() {
      // Id 0: a hand-written place of extra_places.tsv, found by its name.
      let e =
        Int(row[ri]) == 0
        ? g.candidates(for: row[rp]).first { $0.geonamesID == 0 }
        : Int(row[ri]).flatMap { g.entry(geonamesID: $0) }
      guard let e else { throw rt.error(row: n, "no place with geonames_id \(row[ri]) (\(row[rp]))") }
      r[row[rd]] = e
    }
    let ct = try lexicons.table("places/common_words.tsv", requiredColumns: ["name"])
    let cn = ct.column("name")!
    let nt = try lexicons.table("places/neighbours.tsv", requiredColumns: ["country_code", "neighbours"])
    let nc = nt.column("country_code")!, nn = nt.column("neighbours")!
    var nb: [String: [String]] = [:]
    for row in nt.rows { nb[row[nc]] = row[nn].split(separator: ",").map(String.init) }
    self.init(
      gazetteer: g, demonyms: d, regionDemonyms: r, commonWords: ct.rows.map { $0[cn] },
      neighbours: nb, options: options)
  }

  public func process(_ document: inout Document) throws {
    var resolver = PlaceResolver(
      gazetteer: gazetteer, demonyms: demonyms, commonWords: commonWords, neighbours: neighbours,
      options: options, document: document)
    var places = resolver.resolve()
    if options.localNames {
      places += resolver.localPlaces(resolved: places)
      places.sort { ($0.range.utf8Start, $0.range.utf8End) < ($1.range.utf8Start, $1.range.utf8End) }
    }
    if options.resolveDemonyms {
      // A demonym inside a name already resolved as a whole ("European" in "European Union")
      // is part of that toponym.
      let taken = places.map(\.range)
      places += resolver.demonymPlaces().filter { d in
        !taken.contains { $0.utf8Start < d.range.utf8End && d.range.utf8Start < $0.utf8End }
      }
      places.sort { ($0.range.utf8Start, $0.range.utf8End) < ($1.range.utf8Start, $1.range.utf8End) }
    }
    document.places = places
  }
}
