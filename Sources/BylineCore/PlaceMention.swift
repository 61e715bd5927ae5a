/// What kind of place a gazetteer entry is, as the report contract names it.
public enum PlaceFeature: String, Sendable, Hashable, Codable {
  case country, admin1, city, region, other
}

/// A place mention resolved against the gazetteer.
public struct PlaceMention: Hashable, Sendable, Attributed {
  public var range: TextRange
  /// The gazetteer's name for the place ("Moscow").
  public var name: String
  /// ISO 3166-1 alpha-2 code, nil for places in no country (oceans, continents).
  public var countryCode: String?
  /// Name of the first-order division (state, province) the place lies in.
  public var admin1: String?
  /// Latitude in decimal degrees (WGS84).
  public var latitude: Double
  /// Longitude in decimal degrees (WGS84).
  public var longitude: Double
  public var geonamesID: Int
  public var feature: PlaceFeature
  /// Population from GeoNames, when known.
  public var population: Int?
  /// The entity this mention belongs to, when the entity stage found it.
  public var entityID: String?
  public var rule: String

  public init(
    range: TextRange, name: String, countryCode: String?, admin1: String?, latitude: Double,
    longitude: Double, geonamesID: Int, feature: PlaceFeature, population: Int? = nil,
    entityID: String? = nil, rule: String
  ) {
    self.range = range
    self.name = name
    self.countryCode = countryCode
    self.admin1 = admin1
    self.latitude = latitude
    self.longitude = longitude
    self.geonamesID = geonamesID
    self.feature = feature
    self.population = population
    self.entityID = entityID
    self.rule = rule
  }
}
