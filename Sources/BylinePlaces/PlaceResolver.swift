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
  }

  struct Choice {
    var entry: GazetteerEntry
    var rule: String
  }

  private(set) var mentions: [Mention] = []
  /// Candidates per key.
  private var candidates: [String: [GazetteerEntry]] = [:]
  /// Keys in first-mention order (deterministic iteration).
  private var keys: [String] = []
  /// Choices fixed by container pairs.
  private var fixed: [String: Choice] = [:]

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
      if commonWords.contains(m.key) && c.rule != "places.container" { continue }
      let e = c.entry
      out.append(
        PlaceMention(
          range: m.range, name: e.name, countryCode: e.countryCode, admin1: e.admin1,
          latitude: e.latitude, longitude: e.longitude, geonamesID: e.geonamesID,
          feature: e.feature, population: e.population > 0 ? e.population : nil,
          entityID: m.entityID, rule: m.embedded ? "places.embedded" : c.rule))
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
        if em.type == .misc { add(em.range, e, em.entityID) }
        continue
      }
      guard options.embedded else { continue }
      for i in document.tokenIndices(in: em.range) where document.tokens[i].kind == .word {
        let t = document.tokenText(i)
        guard let f = t.utf8.first, f >= 65 && f <= 90, let e = demonymPlace(Gazetteer.key(t))
        else { continue }
        add(document.tokens[i].range, e, "")
      }
    }
    return out
  }

  private func demonymPlace(_ key: String) -> GazetteerEntry? {
    if let e = demonyms[key] { return e }
    if key.hasSuffix("s"), let e = demonyms[String(key.dropLast())] { return e }
    return nil
  }

  // MARK: - Candidates

  private mutating func collectMentions() {
    let places = document.entities.filter { $0.type == .place }
      .sorted { ($0.range.utf8Start, $0.range.utf8End) < ($1.range.utf8Start, $1.range.utf8End) }
    for em in places {
      let surface = document.string(em.range)
      if let (key, container) = lookupKey(surface) ?? lookupKey(em.canonical) {
        mentions.append(
          Mention(
            range: em.range, entityID: em.entityID.isEmpty ? nil : em.entityID, key: key,
            containerKey: container))
      } else if let key = suffixedDivisionKey(surface) {
        mentions.append(
          Mention(
            range: em.range, entityID: em.entityID.isEmpty ? nil : em.entityID, key: key,
            containerKey: nil, division: true))
      }
    }
    if options.embedded { collectEmbedded() }
    mentions.sort { ($0.range.utf8Start, $0.range.utf8End) < ($1.range.utf8Start, $1.range.utf8End) }
  }

  /// Place names inside ORG and MISC names ("Washington Post", "University of Mississippi"):
  /// the longest run of capitalised tokens the gazetteer knows, when it is a country, division,
  /// region or a city of 100,000 people or more, and not the whole name.
  private mutating func collectEmbedded() {
    let maxWords = gazetteer.maxNameWords
    for em in document.entities where em.type == .org || em.type == .misc {
      // A whole ORG or MISC name that is a place name ("EU", "Atlantic", "Turkey" as an actor).
      if let k = known(document.string(em.range)), embeddable(k) {
        mentions.append(
          Mention(
            range: em.range, entityID: em.entityID.isEmpty ? nil : em.entityID, key: k,
            containerKey: nil, embedded: true))
        continue
      }
      let idx = document.tokenIndices(in: em.range)
      guard idx.count > 1 else { continue }
      var i = idx.lowerBound
      while i < idx.upperBound {
        guard isCapitalisedWord(i) else { i += 1; continue }
        var found: (Int, String)? = nil
        var j = i
        while j < idx.upperBound && j - i < maxWords {
          if j > i && document.tokens[j].range.utf8Start - document.tokens[j - 1].range.utf8End > 1 { break }
          if isCapitalisedWord(j) {
            let span = TextRange(document.tokens[i].range.utf8Start, document.tokens[j].range.utf8End)
            if span != em.range, let k = known(document.string(span)), embeddable(k) {
              found = (j, k)
            }
          }
          j += 1
        }
        if let (end, k) = found {
          let span = TextRange(document.tokens[i].range.utf8Start, document.tokens[end].range.utf8End)
          mentions.append(Mention(range: span, entityID: nil, key: k, containerKey: nil, embedded: true))
          i = end + 1
        } else {
          i += 1
        }
      }
    }
  }

  private func isCapitalisedWord(_ i: Int) -> Bool {
    guard document.tokens[i].kind == .word, let f = document.bytes[safe: document.tokens[i].range.utf8Start]
    else { return false }
    return f >= 65 && f <= 90
  }

  private func embeddable(_ key: String) -> Bool {
    guard !commonWords.contains(key), let c = candidates[key], let top = c.first else { return false }
    if demonymPlace(key) != nil { return false }
    return c.contains { $0.feature != .city } || top.population >= 100_000
  }

  /// The key under which the gazetteer knows `surface`, trying "the X", "X's" and "X, Y"
  /// variants; the second value is the container key of an "X, Y" name.
  private mutating func lookupKey(_ surface: String) -> (String, String?)? {
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
  private mutating func suffixedDivisionKey(_ surface: String) -> String? {
    for suffix in Self.divisionSuffixes where surface.hasSuffix(suffix) {
      let head = String(surface.dropLast(suffix.count))
      if let k = known(head), candidates[k]?.contains(where: { $0.feature == .admin1 }) == true {
        return k
      }
    }
    return nil
  }

  /// The key of `name` when the gazetteer knows it (candidates cached).
  private mutating func known(_ name: String) -> String? {
    let k = Gazetteer.key(name)
    if candidates[k] != nil { return k }
    var c = gazetteer.candidates(for: name)
    // A small town reached only through an alternate spelling ("Media" for Mehdya) is more
    // likely a word than that town.
    c.removeAll { $0.feature == .city && $0.population < 100_000 && Gazetteer.key($0.name) != k }
    // Short all-capital forms ("UK", "SOL") name countries and regions; a town only by its own
    // name ("ROME") or a dotted abbreviation ("D.C."), never through another spelling.
    if name.utf8.count <= 4, name.utf8.allSatisfy({ ($0 >= 65 && $0 <= 90) || $0 == 46 }),
      !name.utf8.contains(46)
    {
      c.removeAll { $0.feature == .city && Gazetteer.key($0.name) != k }
    }
    guard !c.isEmpty else { return nil }
    candidates[k] = Array(c.prefix(Self.maxCandidates))
    keys.append(k)
    return k
  }

  // MARK: - Containers ("Paris, Texas")

  private mutating func applyContainers() {
    var i = 0
    while i < mentions.count {
      let m = mentions[i]
      if let ck = m.containerKey { fixPair(inner: m.key, outer: ck) }
      guard i + 1 < mentions.count else { break }
      let next = mentions[i + 1]
      if isCommaGap(from: m.range.utf8End, to: next.range.utf8Start) {
        // "Washington, D.C." split in two by the entity stage is one name.
        let whole = TextRange(m.range.utf8Start, next.range.utf8End)
        if !m.embedded && !next.embedded, let k = known(document.string(whole)) {
          mentions[i] = Mention(range: whole, entityID: m.entityID, key: k, containerKey: nil)
          mentions.remove(at: i + 1)
          continue
        }
        fixPair(inner: m.key, outer: next.key)
      }
      i += 1
    }
  }

  /// True when only ", " (a comma and spaces) lies between the two offsets.
  private func isCommaGap(from a: Int, to b: Int) -> Bool {
    guard b > a, b - a <= 4 else { return false }
    let bytes = document.bytes
    guard bytes[a] == UInt8(ascii: ",") else { return false }
    for i in (a + 1)..<b where bytes[i] != 32 { return false }
    return true
  }

  private mutating func fixPair(inner: String, outer: String) {
    guard inner != outer, fixed[inner] == nil, let ci = candidates[inner], let co = candidates[outer]
    else { return }
    var best: (GazetteerEntry, GazetteerEntry, Double)? = nil
    for o in co where o.feature == .country || o.feature == .admin1 {
      for c in ci where c.feature != .country && c.countryCode == o.countryCode && c.geonamesID != o.geonamesID {
        if o.feature == .admin1 {
          guard let a = c.admin1, Gazetteer.key(a) == Gazetteer.key(o.name) else { continue }
        }
        let s = Self.prior(c) + Self.prior(o)
        if best == nil || s > best!.2 { best = (c, o, s) }
      }
    }
    guard let (c, o, _) = best else { return }
    fixed[inner] = Choice(entry: c, rule: "places.container")
    if fixed[outer] == nil { fixed[outer] = Choice(entry: o, rule: "places.container") }
  }

  // MARK: - Same-named divisions ("Moscow" city vs Moscow oblast)

  /// Drops a division when a big city or the capital of the same country has the same name,
  /// unless a mention is followed by a word like "region" or "state".
  private mutating func pruneSameNamedDivisions() {
    var divisionKeys: Set<String> = []
    for m in mentions where m.division || followedByDivisionWord(m.range.utf8End) {
      divisionKeys.insert(m.key)
    }
    for k in keys {
      guard let c = candidates[k], c.contains(where: { $0.feature == .admin1 }),
        c.contains(where: { $0.feature == .city })
      else { continue }
      let preferDivision = divisionKeys.contains(k)
      candidates[k] = c.filter { e in
        let cities = c.filter { $0.feature == .city && $0.countryCode == e.countryCode }
        if e.feature == .admin1 {
          if preferDivision { return true }
          return !cities.contains { $0.featureCode == "PPLC" || $0.population * 4 >= e.population }
        }
        if e.feature == .city && preferDivision {
          return !c.contains { $0.feature == .admin1 && $0.countryCode == e.countryCode }
        }
        return true
      }
    }
  }

  private func followedByDivisionWord(_ end: Int) -> Bool {
    let b = document.bytes
    var i = end
    while i < b.count && b[i] == 32 { i += 1 }
    var j = i
    while j < b.count && ((b[j] >= 97 && b[j] <= 122) || (b[j] >= 65 && b[j] <= 90)) { j += 1 }
    guard j > i else { return false }
    return Self.divisionWords.contains(String(decoding: b[i..<j], as: UTF8.self).lowercased())
  }

  // MARK: - Context

  /// The prior weight of a candidate: log population plus a bonus by kind.
  static func prior(_ e: GazetteerEntry) -> Double {
    var s = log10(Double(max(e.population, 1)) + 1)
    switch e.feature {
    case .country: s += 3
    case .admin1: s += 1.5
    case .region, .other: s += 5
    case .city:
      switch e.featureCode {
      case "PPLC": s += 2
      case "PPLA": s += 0.5
      case "PPLX", "PPLL", "STLMT": s -= 1
      default: break
      }
    }
    return s
  }

  /// Bonus for a candidate in a country the article mentions otherwise (~300× population).
  static let countryBonus = 2.5
  /// Bonus for a town in a division the article names, or a division holding a town it names.
  static let admin1Bonus = 3.5
  /// Bonus for a town in the same division as another town the article names (weaker: large
  /// divisions such as England hold many same-named towns).
  static let siblingBonus = 1.5

  private struct Context {
    /// Country code → voters (key of the mention, or "#demonym" → id of its pick) that put it in
    /// the article.
    var countries: [String: [String: Int]] = [:]
    /// "CC|division" → voters that are that division, named.
    var divisions: [String: [String: Int]] = [:]
    /// "CC|division" → voters that are towns in that division.
    var townDivisions: [String: [String: Int]] = [:]

    /// True when some other name than `key`, resolved to another place than `id`, votes for `k`
    /// (so "Mexico City" does not make the city the reading of "Mexico").
    func has(_ table: [String: [String: Int]], _ k: String, besides key: String, id: Int) -> Bool {
      guard let voters = table[k] else { return false }
      return voters.contains { $0.key != key && $0.value != id }
    }
  }

  private func divisionKey(_ cc: String?, _ name: String?) -> String? {
    guard let cc, let name else { return nil }
    return cc + "|" + Gazetteer.key(name)
  }

  private func context(from picks: [String: GazetteerEntry], demonymCountries: Set<String>) -> Context {
    var ctx = Context()
    for cc in demonymCountries { ctx.countries[cc, default: [:]]["#demonym"] = -1 }
    for (k, e) in picks {
      let id = e.geonamesID
      if let cc = e.countryCode { ctx.countries[cc, default: [:]][k] = id }
      switch e.feature {
      case .admin1:
        if let d = divisionKey(e.countryCode, e.name) { ctx.divisions[d, default: [:]][k] = id }
      case .city:
        if let d = divisionKey(e.countryCode, e.admin1) { ctx.townDivisions[d, default: [:]][k] = id }
      default: break
      }
    }
    return ctx
  }

  /// Score of `e` for name `key` given the context, with the rule of the strongest bonus used.
  private func score(_ e: GazetteerEntry, key: String, _ ctx: Context) -> (Double, String?) {
    var s = Self.prior(e)
    var rule: String? = nil
    if let cc = e.countryCode, ctx.has(ctx.countries, cc, besides: key, id: e.geonamesID) {
      s += Self.countryBonus
      rule = "places.context-country"
    } else if e.feature == .country, let cc = e.countryCode,
      neighbours[cc, default: []].contains(where: { ctx.has(ctx.countries, $0, besides: key, id: e.geonamesID) })
    {
      s += Self.countryBonus
      rule = "places.context-country"
    }
    switch e.feature {
    case .city:
      if let d = divisionKey(e.countryCode, e.admin1) {
        if ctx.has(ctx.divisions, d, besides: key, id: e.geonamesID) {
          s += Self.admin1Bonus
          rule = "places.context-admin1"
        } else if ctx.has(ctx.townDivisions, d, besides: key, id: e.geonamesID) {
          s += Self.siblingBonus
          rule = "places.context-admin1"
        }
      }
    case .admin1:
      if let d = divisionKey(e.countryCode, e.name), ctx.has(ctx.townDivisions, d, besides: key, id: e.geonamesID) {
        s += Self.admin1Bonus
        rule = "places.context-admin1"
      }
    default: break
    }
    return (s, rule)
  }

  /// Countries named by a capitalised demonym anywhere in the text ("Syrian", "Syrians").
  private func demonymCountries() -> Set<String> {
    guard !demonyms.isEmpty else { return [] }
    var out: Set<String> = []
    let b = document.bytes
    var i = 0
    while i < b.count {
      let isUpper = b[i] >= 65 && b[i] <= 90
      let startsWord = i == 0 || !(b[i - 1] >= 65 && b[i - 1] <= 90 || b[i - 1] >= 97 && b[i - 1] <= 122)
      guard isUpper && startsWord else { i += 1; continue }
      var j = i + 1
      while j < b.count && (b[j] >= 97 && b[j] <= 122 || b[j] >= 65 && b[j] <= 90) { j += 1 }
      if j - i >= 4, let cc = demonymPlace(String(decoding: b[i..<j], as: UTF8.self).lowercased())?.countryCode {
        out.insert(cc)
      }
      i = j
    }
    return out
  }

  private func chooseWithContext() -> [String: Choice] {
    // Pass 0: prior only; passes 1 and 2: context from the previous pass's picks.
    var picks: [String: GazetteerEntry] = [:]
    var priorPicks: [String: GazetteerEntry] = [:]
    for k in keys {
      if let f = fixed[k] { picks[k] = f.entry; priorPicks[k] = f.entry; continue }
      guard let c = candidates[k], !c.isEmpty else { continue }
      var best = c[0]
      var bestScore = Self.prior(best)
      for e in c.dropFirst() {
        let s = Self.prior(e)
        if s > bestScore { best = e; bestScore = s }
      }
      picks[k] = best
      priorPicks[k] = best
    }
    let demonymCCs = demonymCountries()
    var choices: [String: Choice] = [:]
    for _ in 0..<2 {
      let ctx = context(from: picks, demonymCountries: demonymCCs)
      var next: [String: GazetteerEntry] = [:]
      choices = [:]
      for k in keys {
        if let f = fixed[k] { next[k] = f.entry; choices[k] = f; continue }
        guard let c = candidates[k], !c.isEmpty else { continue }
        var best = c[0]
        var (bestScore, bestRule) = score(best, key: k, ctx)
        for e in c.dropFirst() {
          let (s, r) = score(e, key: k, ctx)
          if s > bestScore { best = e; bestScore = s; bestRule = r }
        }
        next[k] = best
        let rule: String
        if let r = bestRule, best.geonamesID != priorPicks[k]?.geonamesID || best.name != priorPicks[k]?.name {
          rule = r
        } else {
          rule = Self.priorRule(best)
        }
        choices[k] = Choice(entry: best, rule: rule)
      }
      picks = next
    }
    return choices
  }

  static func priorRule(_ e: GazetteerEntry) -> String {
    switch e.feature {
    case .country: return "places.country"
    case .admin1: return "places.admin1"
    case .region, .other: return "places.region"
    case .city: return "places.population"
    }
  }
}

extension Array {
  subscript(safe i: Int) -> Element? { i >= 0 && i < count ? self[i] : nil }
}
