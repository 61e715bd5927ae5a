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
///   through one of its places, or through a demonym ("Syrian");
/// - otherwise the prior: countries beat divisions, divisions and capitals beat towns, then
///   population (`places.country`, `places.admin1`, `places.region`, `places.population`).
///
/// Options: ``Options/resolveDemonyms`` (off by default) also turns MISC demonym mentions
/// ("Syrian") into country places with rule `places.demonym`.
///
/// Limits: only names in the gazetteer (countries, first-order divisions, places with at least
/// 15,000 people, regions, seas); division coordinates are stand-ins (seat or largest town).
public struct PlaceStage: Stage {
  public let name = "places"
  public let summary = "Resolves place mentions to GeoNames places (country, division, city, coordinates)"
  public let requires: Set<Layer> = [.entities]
  public let produces: Set<Layer> = [.places]

  /// Stage options.
  public struct Options: Sendable {
    /// Also resolve MISC mentions that are demonyms ("Syrian") to their country.
    public var resolveDemonyms: Bool
    public init(resolveDemonyms: Bool = false) { self.resolveDemonyms = resolveDemonyms }
  }

  let gazetteer: Gazetteer
  /// Demonym lookup key → ISO country code.
  let demonyms: [String: String]
  let options: Options

  /// A stage over a loaded gazetteer; `demonyms` maps demonyms ("Syrian") to country codes.
  public init(gazetteer: Gazetteer, demonyms: [String: String] = [:], options: Options = Options()) {
    self.gazetteer = gazetteer
    var d: [String: String] = [:]
    for (k, v) in demonyms { d[Gazetteer.key(k)] = v }
    self.demonyms = d
    self.options = options
  }

  /// Loads the gazetteer (`places/…`) and, when present, `entities/demonyms.tsv`
  /// (columns `demonym`, `country_code`).
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
    self.init(gazetteer: g, demonyms: d, options: options)
  }

  public func process(_ document: inout Document) throws {
    var resolver = PlaceResolver(gazetteer: gazetteer, demonyms: demonyms, document: document)
    var places = resolver.resolve()
    if options.resolveDemonyms {
      places += resolver.demonymPlaces()
      places.sort { ($0.range.utf8Start, $0.range.utf8End) < ($1.range.utf8Start, $1.range.utf8End) }
    }
    document.places = places
  }
}
