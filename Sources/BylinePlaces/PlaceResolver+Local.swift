import BylineCore

/// Local names the gazetteer does not hold: streets, squares, estates, small towns.
extension PlaceResolver {
  /// Last words that make a capitalised PLACE name a place ("Royal Street", "Crown Heights").
  static let placeHeads: Set<String> = [
    "Street", "St.", "Avenue", "Ave.", "Road", "Rd.", "Drive", "Boulevard", "Lane", "Square",
    "Heights", "Estate", "Coast", "Fields", "River", "Canal", "Island", "Islands", "Mountains",
    "Mountain", "Township", "County", "Cathedral", "Hospital", "Park", "Lake", "Bay", "Valley",
    "Hill", "Hills", "Beach", "Bridge", "Airport", "Village", "Town", "City", "Harbour", "Harbor",
    "Peninsula", "Sea", "Ocean", "Gulf", "Creek", "Forest", "Desert", "Province", "District",
  ]
  /// Lower-case words that may join the capitalised words of a local name ("Isle of Dogs").
  static let nameJoiners: Set<String> = ["of", "de", "du", "la", "le", "the"]
  /// Words before a one-word name that make it a place ("in Nenagh", "near Coggeshall").
  static let locativeWords: Set<String> = [
    "in", "at", "near", "from", "to", "outside", "across", "around", "into",
  ]

  /// PLACE mentions the gazetteer does not know, kept as places of feature `other` with rule
  /// `places.local` when their shape says place: a name ending in a place word ("Royal Street",
  /// "Morris County", "Crown Heights") or a one-word name after a locative preposition ("in
  /// Nenagh"), and other mentions of a name so accepted. No GeoNames id (0); the coordinates,
  /// country and division are those of the resolved town or division nearest in the text
  /// ("Royal Street in New Orleans"), else of the article's most-mentioned place of any kind;
  /// without any resolved place nothing is added.
  ///
  /// Limits: the coordinates are a stand-in, right for streets and quarters of the nearby town,
  /// wrong by the distance for a place elsewhere.
  func localPlaces(resolved: [PlaceMention]) -> [PlaceMention] {
    let towns = resolved.filter { $0.feature == .city || $0.feature == .admin1 }
    guard let fallback = focusPlace(resolved) else { return [] }
    let taken = resolved.map(\.range)
    var accepted: Set<String> = []
    var pending: [(EntityMention, String)] = []
    var out: [PlaceMention] = []
    let ems = document.entities.filter { $0.type == .place }
      .sorted { ($0.range.utf8Start, $0.range.utf8End) < ($1.range.utf8Start, $1.range.utf8End) }
    for em in ems where !taken.contains(where: { $0.utf8Start < em.range.utf8End && em.range.utf8Start < $0.utf8End }) {
      let text = document.string(em.range)
      guard looksLikeLocalName(text) else { continue }
      let words = text.split(separator: " ")
      if words.count > 1, let last = words.last, Self.placeHeads.contains(String(last)) {
        accepted.insert(text)
      } else if words.count == 1, text.contains(where: { $0.isLowercase }), followsLocative(em.range) {
        accepted.insert(text)
      }
      pending.append((em, text))
    }
    for (em, text) in pending where accepted.contains(text) {
      // A town named like the street ("Mason" beside "Mason Street") is more likely the
      // street itself, shortened: not a witness for where the street is.
      let words = Set(text.split(separator: " ").map(String.init))
      let witnesses = towns.filter { !words.contains(document.string($0.range)) }
      let focus = nearestPlace(to: em.range, among: witnesses) ?? fallback
      out.append(
        PlaceMention(
          range: em.range, name: text, countryCode: focus.countryCode, admin1: focus.admin1,
          latitude: focus.latitude, longitude: focus.longitude, geonamesID: 0, feature: .other,
          entityID: em.entityID.isEmpty ? nil : em.entityID, rule: "places.local"))
    }
    return out
  }

  /// Capitalised words (joined by "of", "de"…), no digits: "South Kilburn Estate", not "R2bn".
  func looksLikeLocalName(_ text: String) -> Bool {
    let words = text.split(separator: " ")
    guard let first = words.first, first.first?.isUppercase == true else { return false }
    for w in words {
      if Self.nameJoiners.contains(String(w)) { continue }
      guard w.first?.isUppercase == true, !w.contains(where: { $0.isNumber }) else { return false }
    }
    return true
  }

  func followsLocative(_ range: TextRange) -> Bool {
    let i = document.tokenIndex(atOrAfter: range.utf8Start)
    guard i > 0 else { return false }
    return Self.locativeWords.contains(document.tokenText(i - 1))
  }

  /// The place mention closest in the text to `range` (before or after; the earlier on a tie):
  /// "Royal Street in New Orleans".
  func nearestPlace(to range: TextRange, among places: [PlaceMention]) -> PlaceMention? {
    func gap(_ p: PlaceMention) -> Int {
      p.range.utf8End <= range.utf8Start
        ? range.utf8Start - p.range.utf8End : max(0, p.range.utf8Start - range.utf8End)
    }
    var best: PlaceMention? = nil
    for p in places where best == nil || gap(p) < gap(best!) { best = p }
    return best
  }

  /// The article's most-mentioned resolved town or division (first mentioned on a tie), else
  /// its most-mentioned resolved place.
  func focusPlace(_ resolved: [PlaceMention]) -> PlaceMention? {
    func pick(_ ps: [PlaceMention]) -> PlaceMention? {
      var count: [Int: Int] = [:]
      for p in ps { count[p.geonamesID, default: 0] += 1 }
      var best: PlaceMention? = nil
      for p in ps where best == nil || count[p.geonamesID]! > count[best!.geonamesID]! { best = p }
      return best
    }
    return pick(resolved.filter { $0.feature == .city || $0.feature == .admin1 }) ?? pick(resolved)
  }
}
