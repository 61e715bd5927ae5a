import BylineCore

/// One place in the gazetteer (built from GeoNames, CC BY 4.0).
public struct GazetteerEntry: Sendable, Hashable {
  public let geonamesID: Int
  /// Preferred English name ("Moscow").
  public let name: String
  /// ISO 3166-1 alpha-2, nil for places in no country.
  public let countryCode: String?
  /// Name of the first-order division the place lies in (nil for countries and regions).
  public let admin1: String?
  /// Decimal degrees, WGS84.
  public let latitude: Double
  public let longitude: Double
  public let feature: PlaceFeature
  /// GeoNames feature code (`PPLC`, `PCLI`, `ADM1`, …).
  public let featureCode: String
  public let population: Int

  public init(
    geonamesID: Int, name: String, countryCode: String?, admin1: String?, latitude: Double,
    longitude: Double, feature: PlaceFeature, featureCode: String, population: Int
  ) {
    self.geonamesID = geonamesID
    self.name = name
    self.countryCode = countryCode
    self.admin1 = admin1
    self.latitude = latitude
    self.longitude = longitude
    self.feature = feature
    self.featureCode = featureCode
    self.population = population
  }
}
