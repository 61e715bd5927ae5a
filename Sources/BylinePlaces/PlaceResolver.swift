import Foundation
import BylineCore

/// The per-document work of ``PlaceStage``: candidate lookup, container pairs ("Paris, Texas"),
/// document context, and the final choice for each name.
struct PlaceResolver {
  let gazetteer: Gazetteer
  let demonyms: [String: String]
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

  init(gazetteer: Gazetteer, demonyms: [String: String], document: Document) {
    self.gazetteer = gazetteer
    self.demonyms = demonyms
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
      let e = c.entry
      out.append(
        PlaceMention(
          range: m.range, name: e.name, countryCode: e.countryCode, admin1: e.admin1,
          latitude: e.latitude, longitude: e.longitude, geonamesID: e.geonamesID,
          feature: e.feature, population: e.population > 0 ? e.population : nil,
          entityID: m.entityID, rule: c.rule))
    }
    return out
  }

  /// Country places for demonym MISC mentions ("Syrian" → Syria), rule `places.demonym`.
  func demonymPlaces() -> [PlaceMention] {
    var out: [PlaceMention] = []
    for em in document.entities where em.type == .misc {
      let k = Gazetteer.key(document.string(em.range))
      guard let cc = demonymCountry(k), let e = gazetteer.country(code: cc) else { continue }
      out.append(
        PlaceMention(
          range: em.range, name: e.name, countryCode: e.countryCode, admin1: nil,
          latitude: e.latitude, longitude: e.longitude, geonamesID: e.geonamesID,
          feature: e.feature, population: e.population > 0 ? e.population : nil,
          entityID: em.entityID.isEmpty ? nil : em.entityID, rule: "places.demonym"))
    }
    return out
  }

  private func demonymCountry(_ key: String) -> String? {
    if let cc = demonyms[key] { return cc }
    if key.hasSuffix("s"), let cc = demonyms[String(key.dropLast())] { return cc }
    return nil
  }

  // MARK: - Candidates

  private mutating func collectMentions() {
    let places = document.entities.filter { $0.type == .place }
      .sorted { ($0.range.utf8Start, $0.range.utf8End) < ($1.range.utf8Start, $1.range.utf8End) }
    for em in places {
      let surface = document.string(em.range)
      guard let (key, container) = lookupKey(surface) ?? lookupKey(em.canonical) else { continue }
      mentions.append(
        Mention(
          range: em.range, entityID: em.entityID.isEmpty ? nil : em.entityID, key: key,
          containerKey: container))
    }
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

  /// The key of `name` when the gazetteer knows it (candidates cached).
  private mutating func known(_ name: String) -> String? {
    let k = Gazetteer.key(name)
    if candidates[k] != nil { return k }
    let c = gazetteer.candidates(for: name)
    guard !c.isEmpty else { return nil }
    candidates[k] = Array(c.prefix(Self.maxCandidates))
    keys.append(k)
    return k
  }

  // MARK: - Containers ("Paris, Texas")

  private mutating func applyContainers() {
    for (i, m) in mentions.enumerated() {
      if let ck = m.containerKey { fixPair(inner: m.key, outer: ck) }
      guard i + 1 < mentions.count else { continue }
      let next = mentions[i + 1]
      if isCommaGap(from: m.range.utf8End, to: next.range.utf8Start) {
        fixPair(inner: m.key, outer: next.key)
      }
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
    for m in mentions where followedByDivisionWord(m.range.utf8End) { divisionKeys.insert(m.key) }
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

  static let countryBonus = 2.5
  static let admin1Bonus = 3.5

  private struct Context {
    /// Country code → voters (key of the mention, or "#demonym" → id of its pick) that put it in
    /// the article.
    var countries: [String: [String: Int]] = [:]
    /// "CC|division" → voters (divisions named, or containing a town named).
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
        if let d = divisionKey(e.countryCode, e.admin1) {
          ctx.divisions[d, default: [:]][k] = id
          ctx.townDivisions[d, default: [:]][k] = id
        }
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
    }
    switch e.feature {
    case .city:
      if let d = divisionKey(e.countryCode, e.admin1), ctx.has(ctx.divisions, d, besides: key, id: e.geonamesID) {
        s += Self.admin1Bonus
        rule = "places.context-admin1"
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
      if j - i >= 4, let cc = demonymCountry(String(decoding: b[i..<j], as: UTF8.self).lowercased()) {
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
