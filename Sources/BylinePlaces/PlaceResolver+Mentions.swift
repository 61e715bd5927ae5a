import BylineCore
import Foundation

/// Finding the names to resolve: PLACE mentions, their variants ("the X", "X's", "X, Y",
/// "X State") and, as an option, names inside ORG and MISC mentions.
extension PlaceResolver {
  // MARK: - Candidates

  mutating func collectMentions() {
    let places = document.entities.filter { $0.type == .place }
      .sorted { ($0.range.utf8Start, $0.range.utf8End) < ($1.range.utf8Start, $1.range.utf8End) }
    for em in places {
      let before = mentions.count
      defer { if mentions.count == before { unresolvedPlaces.append(em) } else { placeKeys.insert(mentions[before].key) } }
      let surface = document.string(em.range)
      // "Va." whose period the tokenizer took as the sentence end: the abbreviation with its
      // period is the toponym when the gazetteer knows it so (places.abbreviation-span).
      if surface.utf8.count <= 5, document.bytes[safe: em.range.utf8End] == 46,
        let key = known(surface + ".")
      {
        mentions.append(
          Mention(
            range: TextRange(em.range.utf8Start, em.range.utf8End + 1),
            entityID: em.entityID.isEmpty ? nil : em.entityID, key: key, containerKey: nil))
        continue
      }
      if let (key, container) = lookupKey(surface) ?? lookupKey(em.canonical) {
        // "Benue state", "Orange County": the division word after the name belongs to the
        // toponym (places.suffix-span).
        var range = em.range
        var suffixed = false
        // "The Atlantic" at a sentence start: the article is not part of the toponym, unless
        // the place's own name has it ("The Hague").
        if surface.hasPrefix("The ") || surface.hasPrefix("the "),
          let top = candidates[key]?.first, !top.name.hasPrefix("The "), known(String(surface.dropFirst(4))) != nil
        {
          range = TextRange(range.utf8Start + 4, range.utf8End)
        }
        if container == nil, let next = followingSuffix(em.range),
          next.word == "County" || candidates[key]?.contains(where: { $0.feature == .admin1 }) == true
        {
          range = TextRange(em.range.utf8Start, next.end)
          suffixed = true
        }
        mentions.append(
          Mention(
            range: range, entityID: em.entityID.isEmpty ? nil : em.entityID, key: key,
            containerKey: container, suffixed: suffixed))
      } else if let key = compassKey(surface) {
        mentions.append(
          Mention(
            range: em.range, entityID: em.entityID.isEmpty ? nil : em.entityID, key: key,
            containerKey: nil, rule: "places.part-of"))
      } else if surface.hasSuffix(" County"), let key = known(String(surface.dropLast(7))) {
        // "Orange County": resolved through its head name, even when that is a common word.
        mentions.append(
          Mention(
            range: em.range, entityID: em.entityID.isEmpty ? nil : em.entityID, key: key,
            containerKey: nil, suffixed: true))
      } else if let key = suffixedDivisionKey(surface) {
        mentions.append(
          Mention(
            range: em.range, entityID: em.entityID.isEmpty ? nil : em.entityID, key: key,
            containerKey: nil, division: true))
      }
    }
    if options.embedded {
      collectEmbedded()
      collectInsidePlaces()
      collectNamedElsewhere()
      collectCompounds()
    }
    mentions.sort { ($0.range.utf8Start, $0.range.utf8End) < ($1.range.utf8Start, $1.range.utf8End) }
  }

  /// Place names inside ORG and MISC names ("Washington Post", "University of Mississippi"):
  /// the longest run of capitalised tokens the gazetteer knows, when it is a country, division,
  /// region or a city of 100,000 people or more, and not the whole name.
  mutating func collectEmbedded() {
    for em in document.entities where em.type == .org || em.type == .misc {
      // A whole ORG or MISC name that is a place name ("EU", "Atlantic", "Turkey" as an actor)
      // or a division with a suffix ("Oaxaca State").
      let whole = document.string(em.range)
      if let k = known(whole), embeddable(k) {
        mentions.append(
          Mention(
            range: em.range, entityID: em.entityID.isEmpty ? nil : em.entityID, key: k,
            containerKey: nil, embedded: true))
        continue
      }
      if let k = suffixedDivisionKey(whole) {
        // An ORG or MISC "X State" is a university or team named after the division
        // ("Mississippi State"): only the division's name is the toponym.
        let head = document.tokenIndices(in: em.range)
        let range =
          head.count > 1
          ? TextRange(em.range.utf8Start, document.tokens[head.upperBound - 2].range.utf8End) : em.range
        mentions.append(
          Mention(
            range: range, entityID: nil, key: k, containerKey: nil, embedded: true, division: true))
        continue
      }
      // "Colorado State University", "Russian Embassy": GeoWebNews and common sense take the
      // whole facility name as the toponym, which the gazetteer lacks; its place word alone is
      // not a mention of the place.
      if isFacilityName(em.range) { continue }
      if let k = compassKey(whole) {
        mentions.append(
          Mention(
            range: em.range, entityID: em.entityID.isEmpty ? nil : em.entityID, key: k,
            containerKey: nil, embedded: true, rule: "places.part-of"))
        continue
      }
      scanInside(em.range)
    }
  }

  /// Compass words that name a part of a place ("South Venezuela", "Western US").
  static let compassWords: Set<String> = [
    "North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western", "Central",
    "Northeast", "Northwest", "Southeast", "Southwest", "Northeastern", "Northwestern",
    "Southeastern", "Southwestern",
  ]

  /// The key of the country or division that a compass word and its name denote a part of
  /// ("West Wales" → "wales"), when the whole is not a gazetteer name itself ("South Africa").
  mutating func compassKey(_ surface: String) -> String? {
    guard let space = surface.firstIndex(of: " "), Self.compassWords.contains(String(surface[..<space]))
    else { return nil }
    var rest = String(surface[surface.index(after: space)...])
    if rest.hasPrefix("of ") { rest = String(rest.dropFirst(3)) }  // "the South of France"
    guard known(surface) == nil, let k = known(rest), !commonWords.contains(k), demonymPlace(k) == nil,
      candidates[k]?.first.map({ $0.feature == .country || $0.feature == .admin1 }) == true
    else { return nil }
    return k
  }

  /// Head words of facilities and institutions housed in one building or campus.
  static let facilityHeads: Set<String> = [
    "University", "College", "School", "Academy", "Polytechnic", "Embassy", "Consulate",
    "Hospital", "Center", "Centre", "Stadium", "Airport", "Cathedral", "Museum", "Hotel",
  ]

  /// True when a word of `range` is a facility head ("University", "Embassy").
  func isFacilityName(_ range: TextRange) -> Bool {
    document.tokenIndices(in: range).contains {
      document.tokens[$0].kind == .word && Self.facilityHeads.contains(document.tokenText($0))
    }
  }

  /// Last words of the article's multi-word PERSON names ("Skripal", "Bryant") that do not
  /// start with `first` (a PERSON "Allendale Woman" says nothing about "Allendale").
  func personSurnames(besides first: String) -> Set<String> {
    var out: Set<String> = []
    for em in document.entities where em.type == .person {
      let idx = document.tokenIndices(in: em.range).filter { isCapitalisedWord($0) }
      if idx.count > 1, let last = idx.last, document.tokenText(idx[0]) != first {
        out.insert(document.tokenText(last))
      }
    }
    return out
  }

  /// The places named inside `range` (an ORG or MISC name, or a PLACE name the gazetteer does
  /// not know as a whole): the longest runs of capitalised tokens the gazetteer knows, each
  /// ``embeddable(_:)`` and not the whole range; a county name before "County" joins it.
  mutating func scanInside(_ range: TextRange, inPlace: Bool = false) {
    let maxWords = gazetteer.maxNameWords
    let idx = document.tokenIndices(in: range)
    guard idx.count > 1 else { return }
    var i = idx.lowerBound
    var found: [Mention] = []
    var uncovered = false
    // "Viktoria Skripal" tagged ORG: a town name before a family name the article gives a
    // person is a given name.
    let last = idx.upperBound - 1
    if !inPlace, idx.count == 2, isCapitalisedWord(last), personSurnames(besides: document.tokenText(idx.lowerBound)).contains(document.tokenText(last))
    {
      return
    }
    while i < idx.upperBound {
      guard isCapitalisedWord(i) else { i += 1; continue }
      var run: (Int, String)? = nil
      var j = i
      while j < idx.upperBound && j - i < maxWords {
        if j > i && document.tokens[j].range.utf8Start - document.tokens[j - 1].range.utf8End > 1 { break }
        if isCapitalisedWord(j) {
          let span = TextRange(document.tokens[i].range.utf8Start, document.tokens[j].range.utf8End)
          if span != range, let k = known(document.string(span)), embeddable(k) {
            run = (j, k)
          } else if j + 1 < idx.upperBound, document.tokenText(j + 1) == ".",
            document.tokens[j + 1].range.utf8Start == span.utf8End,
            let k = known(document.string(span) + "."), embeddable(k)
          {
            // "D.C. Commission" where the tokenizer split the final period off.
            run = (j + 1, k)
          }
        }
        j += 1
      }
      if run == nil, let k = known(document.string(document.tokens[i].range)), i + 1 < idx.upperBound,
        document.tokenText(i + 1) == "County"
      {
        // "Montgomery County History Center": a county name inside an ORG name.
        run = (i, k)
      }
      if let (end, k) = run {
        var span = TextRange(document.tokens[i].range.utf8Start, document.tokens[end].range.utf8End)
        // "East of England Ambulance Service": the region is the toponym, resolved to the whole.
        if i - 2 >= idx.lowerBound, document.tokenText(i - 1) == "of",
          Self.compassWords.contains(document.tokenText(i - 2)),
          candidates[k]?.first.map({ $0.feature == .country || $0.feature == .admin1 }) == true
        {
          found.removeAll { $0.range.utf8Start >= document.tokens[i - 2].range.utf8Start }
          found.append(
            Mention(
              range: TextRange(document.tokens[i - 2].range.utf8Start, span.utf8End), entityID: nil, key: k,
              containerKey: nil, embedded: true, rule: "places.part-of"))
          i = end + 1
          continue
        }
        var suffixed = false
        if end + 1 < idx.upperBound, document.tokenText(end + 1) == "County",
          document.tokens[end + 1].range.utf8Start - span.utf8End == 1
        {
          span = TextRange(span.utf8Start, document.tokens[end + 1].range.utf8End)
          suffixed = true
        } else if inPlace, end + 1 < idx.upperBound, ["State", "state"].contains(document.tokenText(end + 1)),
          candidates[k]?.contains(where: { $0.feature == .admin1 }) == true
        {
          // "Maiduguri Borno State": the division word belongs to the division's name.
          span = TextRange(span.utf8Start, document.tokens[end + 1].range.utf8End)
          suffixed = true
        }
        found.append(
          Mention(
            range: span, entityID: nil, key: k, containerKey: nil, embedded: true,
            division: inPlace && suffixed && document.tokenText(end + 1) != "County", suffixed: suffixed,
            rule: inPlace ? "places.inside" : nil))
        i = suffixed ? end + 2 : end + 1
      } else {
        if !Self.looseWord(document.tokenText(i)) { uncovered = true }
        i += 1
      }
    }
    // Inside a PLACE name every name word must be a place: "Washington Square", "Manila
    // Cathedral" or "South Venezuela" are one toponym the gazetteer lacks, not "Washington".
    if inPlace && uncovered { return }
    mentions += found
  }

  /// Plural party names after a place ("Oklahoma Republicans", "Montgomery County Democrats").
  static let partyMembers: Set<String> = [
    "Republicans", "Democrats", "Conservatives", "Liberals", "Tories", "Socialists", "Greens",
    "Unionists", "Nationalists", "Lawmakers", "Legislators",
  ]

  /// Words that may stand between the places of a PLACE name: short all-capital codes
  /// ("IBA-Karachi") and "No." ("Tianjin No. 2 prison").
  static func looseWord(_ w: String) -> Bool {
    if w == "No" || w == "Nos" || Self.partyMembers.contains(w) { return true }
    return w.utf8.count <= 4 && w.utf8.allSatisfy { $0 >= 65 && $0 <= 90 }
  }

  /// The division word right after `range` ("state", "State", "County"), one space away.
  func followingSuffix(_ range: TextRange) -> (word: String, end: Int)? {
    let i = document.tokenIndex(atOrAfter: range.utf8End)
    guard i < document.tokens.count, document.tokens[i].range.utf8Start == range.utf8End + 1,
      document.bytes[range.utf8End] == 32
    else { return nil }
    let w = document.tokenText(i)
    guard w == "State" || w == "state" || w == "County" else { return nil }
    return (w, document.tokens[i].range.utf8End)
  }

  func isCapitalisedWord(_ i: Int) -> Bool {
    guard document.tokens[i].kind == .word, let f = document.bytes[safe: document.tokens[i].range.utf8Start]
    else { return false }
    return f >= 65 && f <= 90
  }

  func embeddable(_ key: String) -> Bool {
    guard !commonWords.contains(key), let c = candidates[key], let top = c.first else { return false }
    if demonymPlace(key) != nil { return false }
    // A name the article also writes as a place of its own ("Beverly Hills" and the "Beverly
    // Hills Police Department").
    if placeKeys.contains(key) { return true }
    return c.contains { $0.feature != .city } || top.population >= 100_000
  }

  /// The key under which the gazetteer knows `surface`, trying "the X", "X's" and "X, Y"
  /// variants; the second value is the container key of an "X, Y" name.
  mutating func lookupKey(_ surface: String) -> (String, String?)? {
    var s = surface.trimmingCharacters(in: .whitespaces)
    guard !s.isEmpty else { return nil }
    if let k = known(s) { return (k, nil) }
    for suffix in ["'s", "’s", "'", "’"] where s.hasSuffix(suffix) {
      s = String(s.dropLast(suffix.count))
      if let k = known(s) { return (k, nil) }
    }
    for prefix in ["the ", "The "] where s.hasPrefix(prefix) {
      if let k = known(String(s.dropFirst(prefix.count))) { return (k, nil) }
    }
    if let comma = s.firstIndex(of: ",") {
      let head = String(s[..<comma])
      let tail = s[s.index(after: comma)...].trimmingCharacters(in: .whitespaces)
      if let hk = known(head) {
        return (hk, known(tail))
      }
    }
    return nil
  }

  /// Words that follow a division's name inside a name ("Oaxaca State", "Borno state").
  static let divisionSuffixes = [
    " State", " state", " Province", " province", " Region", " region", " Oblast", " oblast",
    " Governorate", " governorate", " Prefecture", " prefecture",
  ]

  /// The key of a division named with a suffix ("Oaxaca State" → "oaxaca"), when the gazetteer
  /// has a division of that name.
  mutating func suffixedDivisionKey(_ surface: String) -> String? {
    for suffix in Self.divisionSuffixes where surface.hasSuffix(suffix) {
      let head = String(surface.dropLast(suffix.count))
      if let k = known(head), candidates[k]?.contains(where: { $0.feature == .admin1 }) == true {
        return k
      }
    }
    return nil
  }

  /// The key of `name` when the gazetteer knows it (candidates cached).
  mutating func known(_ name: String) -> String? {
    let k = Gazetteer.key(name)
    if candidates[k] != nil { return k }
    var ranked = gazetteer.rankedCandidates(for: name)
    // A small town reached only through an alternate spelling ("Media" for Mehdya) is more
    // likely a word than that town.
    ranked.removeAll {
      !$0.ownName && !$0.alias && $0.entry.feature == .city && $0.entry.population < 100_000
    }
    // Short all-capital forms ("UK", "SOL") name countries and regions; a town only by its own
    // name ("ROME") or a dotted abbreviation ("D.C."), never through another spelling.
    if name.utf8.count <= 4, name.utf8.allSatisfy({ ($0 >= 65 && $0 <= 90) || $0 == 46 }),
      !name.utf8.contains(46)
    {
      ranked.removeAll { !$0.ownName && !$0.alias && $0.entry.feature == .city }
    }
    ranked = Array(ranked.prefix(Self.maxCandidates))
    guard !ranked.isEmpty else { return nil }
    let someOwn = ranked.contains { $0.ownName }
    var bonus: [Int: Double] = [:]
    for r in ranked {
      if r.alias {
        bonus[r.entry.geonamesID] = Self.aliasBonus
      } else if someOwn && !r.ownName {
        bonus[r.entry.geonamesID] = Self.otherSpellingPenalty
      }
    }
    if !bonus.isEmpty { nameBonus[k] = bonus }
    candidates[k] = ranked.map(\.entry)
    keys.append(k)
    return k
  }

}
