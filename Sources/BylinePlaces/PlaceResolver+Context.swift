import BylineCore
import Foundation

/// Priors, document context (countries, divisions, demonyms, source domain) and the choice.
extension PlaceResolver {
  // MARK: - Context

  /// Prior adjustment for a place named by a hand-written alias.
  static let aliasBonus = 2.0
  /// Prior adjustment for a place reached by an alternate spelling when another candidate
  /// bears the name itself.
  static let otherSpellingPenalty = -3.0

  /// The prior weight of candidate `e` for name `key`.
  func prior(_ e: GazetteerEntry, _ key: String) -> Double {
    Self.prior(e) + (nameBonus[key]?[e.geonamesID] ?? 0)
  }

  /// The prior weight of a candidate: log population plus a bonus by kind.
  static func prior(_ e: GazetteerEntry) -> Double {
    var s = log10(Double(max(e.population, 1)) + 1)
    switch e.feature {
    case .country: s += 3
    case .admin1: s += 0.5
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
  /// Bonus for a candidate in the country of the source's web domain (weak: outlets report on
  /// the world; ~10× population).
  static let sourceBonus = 1.0
  /// Bonus for a town in a division the article names, or a division holding a town it names.
  static let admin1Bonus = 3.5
  /// Bonus for a town in the same division as another town the article names (weaker: large
  /// divisions such as England hold many same-named towns).
  static let siblingBonus = 1.5

  struct Context {
    /// Country code → voters (key of the mention, or "#demonym" → id of its pick) that put it in
    /// the article.
    var countries: [String: [String: Int]] = [:]
    /// "CC|division" → voters that are that division, named.
    var divisions: [String: [String: Int]] = [:]
    /// "CC|division" → voters that are towns in that division.
    var townDivisions: [String: [String: Int]] = [:]
    /// Country code → voters that are divisions of that country ("Ohio" for a "Georgia").
    var countryDivisions: [String: [String: Int]] = [:]
    /// The country of the source's web domain.
    var source: String?

    /// True when some other name than `key`, resolved to another place than `id`, votes for `k`
    /// (so "Mexico City" does not make the city the reading of "Mexico").
    func has(_ table: [String: [String: Int]], _ k: String, besides key: String, id: Int) -> Bool {
      guard let voters = table[k] else { return false }
      return voters.contains { $0.key != key && $0.value != id }
    }
  }

  func divisionKey(_ cc: String?, _ name: String?) -> String? {
    guard let cc, let name else { return nil }
    if let k = divisionKeyCache.keys[name] { return cc + "|" + k }
    let k = Gazetteer.key(name)
    divisionKeyCache.keys[name] = k
    return cc + "|" + k
  }

  func context(from picks: [String: GazetteerEntry], demonymCountries: Set<String>) -> Context {
    var ctx = Context()
    for cc in demonymCountries { ctx.countries[cc, default: [:]]["#demonym"] = -1 }
    ctx.source = sourceCountry()
    for (k, e) in picks {
      let id = e.geonamesID
      if let cc = e.countryCode { ctx.countries[cc, default: [:]][k] = id }
      switch e.feature {
      case .admin1:
        if let d = divisionKey(e.countryCode, e.name) { ctx.divisions[d, default: [:]][k] = id }
        if let cc = e.countryCode { ctx.countryDivisions[cc, default: [:]][k] = id }
      case .city:
        if let d = divisionKey(e.countryCode, e.admin1) { ctx.townDivisions[d, default: [:]][k] = id }
      default: break
      }
    }
    return ctx
  }

  /// Score of `e` for name `key` given the context, with the rule of the strongest bonus used.
  func score(_ e: GazetteerEntry, key: String, _ ctx: Context) -> (Double, String?) {
    var s = prior(e, key)
    var rule: String? = nil
    if let cc = e.countryCode, ctx.has(ctx.countries, cc, besides: key, id: e.geonamesID) {
      s += Self.countryBonus
      rule = "places.context-country"
    } else if e.feature == .country, let cc = e.countryCode,
      neighbours[cc, default: []].contains(where: { ctx.has(ctx.countries, $0, besides: key, id: e.geonamesID) })
    {
      s += Self.countryBonus
      rule = "places.context-country"
    } else if let cc = e.countryCode, cc == ctx.source {
      s += Self.sourceBonus
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
      } else if let cc = e.countryCode, ctx.has(ctx.countryDivisions, cc, besides: key, id: e.geonamesID) {
        // Another division of the same country is named ("Georgia" next to "Ohio").
        s += Self.siblingBonus
        rule = "places.context-admin1"
      }
    default: break
    }
    return (s, rule)
  }

  /// Country-code top-level domains that are used as generic ones, not for the country.
  static let genericTLDs: Set<String> = [
    "ai", "co", "fm", "io", "ly", "me", "tv", "cc", "ws", "to", "gg", "la", "am", "is", "it",
  ]

  /// The publisher's country from the article URL's country-code domain ("bbc.co.uk" → GB).
  func sourceCountry() -> String? {
    guard let url = document.metadata.canonicalURL ?? document.metadata.url,
      let host = URL(string: url)?.host?.lowercased(),
      let tld = host.split(separator: ".").last, tld.count == 2
    else { return nil }
    let t = String(tld)
    guard !Self.genericTLDs.contains(t) else { return nil }
    let cc = t == "uk" ? "GB" : t.uppercased()
    return gazetteer.country(code: cc) != nil ? cc : nil
  }

  /// Countries named by a demonym ("Syrian", "Syrians"): MISC mentions that are one, and
  /// capitalised demonym words inside MISC and ORG names ("Syrian Observatory").
  func demonymCountries() -> Set<String> {
    guard !demonyms.isEmpty else { return [] }
    var out: Set<String> = []
    for em in document.entities where em.type == .misc || em.type == .org {
      if em.type == .misc, let cc = demonymPlace(Gazetteer.key(document.string(em.range)))?.countryCode {
        out.insert(cc)
        continue
      }
      for i in document.tokenIndices(in: em.range) where isCapitalisedWord(i) {
        let r = document.tokens[i].range
        guard r.utf8End - r.utf8Start >= 4 else { continue }
        if let cc = demonymPlace(Gazetteer.key(document.string(r)))?.countryCode { out.insert(cc) }
      }
    }
    return out
  }

  func chooseWithContext() -> [String: Choice] {
    // Pass 0: prior only; passes 1 and 2: context from the previous pass's picks.
    var picks: [String: GazetteerEntry] = [:]
    var priorPicks: [String: GazetteerEntry] = [:]
    for k in keys {
      if let f = fixed[k] { picks[k] = f.entry; priorPicks[k] = f.entry; continue }
      guard let c = candidates[k], !c.isEmpty else { continue }
      var best = c[0]
      var bestScore = prior(best, k)
      for e in c.dropFirst() {
        let s = prior(e, k)
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
