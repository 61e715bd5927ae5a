import BylineCore
import Foundation

/// Place names the entity stage did not hand over as one PLACE name: places inside a PLACE name
/// the gazetteer does not know as a whole ("Greece Italy", "Asia-Pacific"), names the article
/// also writes as a place but the tagger labelled otherwise here ("SA" as an ORG), town names
/// tagged PERSON or ORG before ", State" ("Austin, Texas"), and hyphenated modifiers
/// ("Calgary-based", "U.S.-led"). All run only with ``PlaceStage/Options/embedded``.
extension PlaceResolver {
  /// Words after a hyphen that make the name before it a place modifier ("Calgary-based").
  static let compoundHeads: Set<String> = [
    "based", "led", "born", "bound", "made", "owned", "backed", "funded", "run", "headquartered",
    "registered", "flagged", "sponsored", "brokered", "area",
  ]

  /// Places inside PLACE names that gave no name to resolve, rule `places.inside`: the tagger
  /// ran two names together ("Greece Italy", "Maiduguri Borno State") or kept a hyphenated pair
  /// ("Amsterdam-London").
  mutating func collectInsidePlaces() {
    for em in unresolvedPlaces {
      scanInside(em.range, inPlace: true)
    }
  }

  /// True when a mention already covers part of `range`.
  func overlapsMention(_ range: TextRange) -> Bool {
    mentions.contains { $0.range.utf8Start < range.utf8End && range.utf8Start < $0.range.utf8End }
  }

  /// PERSON, ORG and MISC names (possibly with "'s") that are places by other evidence, rule
  /// `places.same-name`: the article writes the same name as a PLACE elsewhere; a single-word
  /// PERSON name that is a country ("Canada's budget") when no longer PERSON name in the
  /// article holds that word ("Chad Smith … Chad said" stays a person); a name right before
  /// ", " and a PLACE mention, kept only when that place contains it ("Austin, Texas").
  mutating func collectNamedElsewhere() {
    let others = document.entities.filter { $0.type == .person || $0.type == .org || $0.type == .misc }
    let personWords: Set<String> = Set(
      document.entities.filter { $0.type == .person }.flatMap { em -> [String] in
        let names = document.tokenIndices(in: em.range).filter { isCapitalisedWord($0) }
        return names.count > 1 ? names.map { document.tokenText($0) } : []
      })
    for em in others where !overlapsMention(em.range) {
      var range = em.range
      var surface = document.string(range)
      for suffix in ["'s", "’s"] where surface.hasSuffix(suffix) {
        surface = String(surface.dropLast(suffix.count))
        range = TextRange(range.utf8Start, range.utf8End - suffix.utf8.count)
      }
      guard let f = surface.utf8.first, f >= 65 && f <= 90 else { continue }
      let entityID = em.entityID.isEmpty ? nil : em.entityID
      if em.type == .person, let k = suffixedDivisionKey(surface) {
        // "Oaxaca State" tagged PERSON: a division named with its suffix is no person.
        mentions.append(
          Mention(range: range, entityID: entityID, key: k, containerKey: nil, division: true))
        continue
      }
      if em.type == .person, let last = document.tokenIndices(in: range).last,
        Self.partyMembers.contains(document.tokenText(last))
      {
        // "Oklahoma Republicans" tagged PERSON: the place before the party name.
        scanInside(range, inPlace: true)
        continue
      }
      guard let k = known(surface), !commonWords.contains(k), demonymPlace(k) == nil else { continue }
      if placeKeys.contains(k) {
        mentions.append(
          Mention(range: range, entityID: entityID, key: k, containerKey: nil, rule: "places.same-name"))
        continue
      }
      if em.type == .person, document.tokenIndices(in: range).filter({ isCapitalisedWord($0) }).count == 1,
        !personWords.contains(surface),
        candidates[k]?.first?.feature == .country
      {
        mentions.append(
          Mention(range: range, entityID: entityID, key: k, containerKey: nil, rule: "places.same-name"))
        continue
      }
      if range == em.range, followedByPlaceAfterComma(range) {
        mentions.append(
          Mention(range: range, entityID: entityID, key: k, containerKey: nil, needsContainer: true))
      } else if range == em.range, let outer = placeKeyAfterIn(range) {
        // "Đà Nẵng in Vietnam" tagged PERSON: kept only when that country or division holds a
        // place of the name ("Smith in London" finds none).
        mentions.append(
          Mention(range: range, entityID: entityID, key: k, containerKey: outer, needsContainer: true))
      }
    }
  }

  /// The gazetteer key of a PLACE entity mention right after `range` and " in ", if any.
  mutating func placeKeyAfterIn(_ range: TextRange) -> String? {
    let bytes = document.bytes
    let a = range.utf8End
    guard a + 4 < bytes.count, bytes[a] == 32, bytes[a + 1] == 105, bytes[a + 2] == 110, bytes[a + 3] == 32
    else { return nil }
    guard let place = document.entities.first(where: { $0.type == .place && $0.range.utf8Start == a + 4 })
    else { return nil }
    return known(document.string(place.range))
  }

  /// True when ", " and a PLACE entity mention follow `range`.
  func followedByPlaceAfterComma(_ range: TextRange) -> Bool {
    document.entities.contains {
      $0.type == .place && isCommaGap(from: range.utf8End, to: $0.range.utf8Start)
    }
  }

  /// Hyphenated place modifiers anywhere in the text ("Calgary-based", "U.S.-led"), rule
  /// `places.compound`: the longest capitalised name right before the hyphen that the
  /// gazetteer knows and ``embeddable(_:)`` allows, when no mention covers it yet.
  mutating func collectCompounds() {
    let tokens = document.tokens
    let bytes = document.bytes
    var found: [Mention] = []
    for h in tokens.indices where h > 0 && h + 1 < tokens.count {
      let hy = tokens[h].range
      guard hy.utf8End - hy.utf8Start == 1, bytes[hy.utf8Start] == UInt8(ascii: "-"),
        tokens[h + 1].range.utf8Start == hy.utf8End, tokens[h - 1].range.utf8End == hy.utf8Start,
        Self.compoundHeads.contains(document.tokenText(h + 1))
      else { continue }
      let end = hy.utf8Start
      var best: (TextRange, String)? = nil
      var s = h - 1
      while s >= 0 && h - s <= 4 {
        if s < h - 1 && tokens[s + 1].range.utf8Start - tokens[s].range.utf8End > 1 { break }
        let start = tokens[s].range.utf8Start
        if bytes[start] >= 65 && bytes[start] <= 90 {
          let span = TextRange(start, end)
          if let k = known(document.string(span)), embeddable(k) { best = (span, k) }
        }
        s -= 1
      }
      guard let (span, k) = best, !overlapsMention(span) else { continue }
      found.append(Mention(range: span, entityID: nil, key: k, containerKey: nil, rule: "places.compound"))
    }
    mentions += found
  }
}
