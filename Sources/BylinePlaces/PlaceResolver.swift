import Foundation
import BylineCore

/// The per-document work of ``PlaceStage``: candidate lookup, container pairs ("Paris, Texas"),
/// document context, and the final choice for each name.
struct PlaceResolver {
  let gazetteer: Gazetteer
  /// Demonym key → the place it names ("syrian" → Syria, "european" → Europe).
  let demonyms: [String: GazetteerEntry]
  /// Keys of names that are common words first ("Centre", "Union"): resolved only with a
  /// container ("Orange, California").
  let commonWords: Set<String>
  /// ISO country code → codes of its land neighbours.
  let neighbours: [String: [String]]
  let options: PlaceStage.Options
  let document: Document

  /// At most this many candidates (most populous first) are weighed per name.
  static let maxCandidates = 60

  /// Words after a name that mean the division, not its capital ("Moscow region").
  static let divisionWords: Set<String> = [
    "state", "province", "region", "oblast", "governorate", "prefecture", "county", "krai",
    "district", "territory",
  ]

  struct Mention {
    var range: TextRange
    var entityID: String?
    /// The lookup key the candidates came from ("paris" for "Paris, Texas").
    var key: String
    /// The key of a containing place written inside the same mention ("texas").
    var containerKey: String?
    /// Found inside an ORG or MISC name ("Washington" in "Washington Post").
    var embedded = false
    /// The mention names the division, not a town ("Oaxaca State").
    var division = false
    /// Written with a division word ("Orange County", "Benue state"): resolved even when the
    /// name is a common word.
    var suffixed = false
    /// Kept only when a container pair fixes it ("Austin, Texas" with "Austin" tagged PERSON).
    var needsContainer = false
    /// The rule to report instead of the choice's (`places.inside`, `places.same-name`…).
    var rule: String? = nil
  }

  struct Choice {
    var entry: GazetteerEntry
    var rule: String
  }

  var mentions: [Mention] = []
  /// Candidates per key.
  var candidates: [String: [GazetteerEntry]] = [:]
  /// Per key, GeoNames id → prior adjustment for how the name reached the place: a
  /// hand-written alias (+2) or an alternate spelling while another place has this very name
  /// (-3: "Bethlehem" is Bethlehem, not Belém).
  var nameBonus: [String: [Int: Double]] = [:]
  /// Keys in first-mention order (deterministic iteration).
  var keys: [String] = []
  /// PLACE entity mentions that gave no name to resolve ("Greece Italy", "Asia-Pacific").
  var unresolvedPlaces: [EntityMention] = []
  /// Keys of the names that PLACE entity mentions resolve through.
  var placeKeys: Set<String> = []
  /// Choices fixed by container pairs.
  var fixed: [String: Choice] = [:]
  /// Lookup keys of division names, memoised for this document.
  let divisionKeyCache = KeyCache()

  final class KeyCache {
    var keys: [String: String] = [:]
  }

  init(
    gazetteer: Gazetteer, demonyms: [String: GazetteerEntry], commonWords: Set<String>,
    neighbours: [String: [String]] = [:], options: PlaceStage.Options, document: Document
  ) {
    self.gazetteer = gazetteer
    self.neighbours = neighbours
    self.demonyms = demonyms
    self.commonWords = commonWords
    self.options = options
    self.document = document
  }

  // MARK: - Resolution

  mutating func resolve() -> [PlaceMention] {
    collectMentions()
    guard !mentions.isEmpty else { return [] }
    applyContainers()
    pruneSameNamedDivisions()
    let choices = chooseWithContext()
    var out: [PlaceMention] = []
    out.reserveCapacity(mentions.count)
    for m in mentions {
      guard let c = choices[m.key] else { continue }
      if commonWords.contains(m.key) && c.rule != "places.container" && !m.suffixed { continue }
      if m.needsContainer && c.rule != "places.container" { continue }
      let e = c.entry
      out.append(
        PlaceMention(
          range: m.range, name: e.name, countryCode: e.countryCode, admin1: e.admin1,
          latitude: e.latitude, longitude: e.longitude, geonamesID: e.geonamesID,
          feature: e.feature, population: e.population > 0 ? e.population : nil,
          entityID: m.entityID, rule: m.rule ?? (m.embedded ? "places.embedded" : c.rule)))
    }
    return out
  }

  /// Places for demonyms ("Syrian" → Syria, "European" → Europe), rule `places.demonym`: MISC
  /// mentions that are a demonym, and with ``PlaceStage/Options/embedded`` also demonym words
  /// inside longer ORG and MISC names ("Russian" in "Russian Embassy").
  func demonymPlaces() -> [PlaceMention] {
    var out: [PlaceMention] = []
    func add(_ range: TextRange, _ e: GazetteerEntry, _ entityID: String) {
      out.append(
        PlaceMention(
          range: range, name: e.name, countryCode: e.countryCode, admin1: e.admin1,
          latitude: e.latitude, longitude: e.longitude, geonamesID: e.geonamesID,
          feature: e.feature, population: e.population > 0 ? e.population : nil,
          entityID: entityID.isEmpty ? nil : entityID, rule: "places.demonym"))
    }
    for em in document.entities where em.type == .misc || em.type == .org {
      if let e = demonymPlace(Gazetteer.key(document.string(em.range))) {
        // An ORG that is only a demonym ("Central American" migrants) is a tagging slip.
        if em.type == .misc || options.embedded { add(em.range, e, em.entityID) }
        continue
      }
      guard options.embedded, !isFacilityName(em.range) else { continue }
      for i in document.tokenIndices(in: em.range) where document.tokens[i].kind == .word {
        let t = document.tokenText(i)
        guard let f = t.utf8.first, f >= 65 && f <= 90, let e = demonymPlace(Gazetteer.key(t))
        else { continue }
        add(document.tokens[i].range, e, "")
      }
    }
    return out
  }

  func demonymPlace(_ key: String) -> GazetteerEntry? {
    if let e = demonyms[key] { return e }
    if key.hasSuffix("s"), let e = demonyms[String(key.dropLast())] { return e }
    return nil
  }
}

extension Array {
  subscript(safe i: Int) -> Element? { i >= 0 && i < count ? self[i] : nil }
}
