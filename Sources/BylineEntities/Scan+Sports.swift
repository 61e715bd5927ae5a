import BylineCore
import BylinePlaces

// Pass 4: sports results and teams.
extension Scan {
  /// Words that may stand between team names in a fixture line ("Atlanta at Chicago").
  static let fixtureWords: Set<String> = ["at", "v", "vs", "AT", "V", "VS", "v.", "vs."]

  /// Verbs after a team's name in sports reports ("Leicestershire beat Somerset").
  static let teamVerbsAfter: Set<String> = [
    "beat", "beats", "drew", "draw", "defeated", "edged", "routed", "thrashed", "crushed", "trounced",
    "overcame", "downed", "blanked", "outscored", "outplayed", "held", "hammered", "whipped", "swept",
  ]
  /// Words before a team's name ("beat Somerset", "Surrey v Kent").
  static let teamWordsBefore: Set<String> = ["beat", "beating", "defeated", "v", "vs", "vs."]

  /// The candidate stands before "beat"/"drew" or after "beat"/"v" in its sentence.
  func isTeamContext(_ c: Candidate) -> Bool {
    let s = words[c.first].sentence
    let before = c.first > 0 && words[c.first - 1].sentence == s && Scan.teamWordsBefore.contains(words[c.first - 1].text)
    let after = c.last + 1 < words.count && words[c.last + 1].sentence == s
      && Scan.teamVerbsAfter.contains(words[c.last + 1].text)
    return before || after
  }

  /// A town or division named as the subject or object of a sports result is a team:
  /// "Leicestershire beat Somerset", "Surrey v Kent" → ORG; every mention of the same name in
  /// the article follows. Only towns: countries and divisions ("England", "Scotland") name
  /// national teams, which stay places.
  mutating func markTeams() {
    var teams = Set<String>()
    for c in candidates where c.rule == "entities.results-line" { teams.insert(key(c.first, c.last).uppercased()) }
    for ci in candidates.indices where candidates[ci].type == .place {
      let c = candidates[ci]
      let k = key(c.first, c.last)
      if let e = place(k, strict: false), e.feature != .city { continue }
      if isTeamContext(c) { teams.insert(k.uppercased()) }
    }
    guard !teams.isEmpty else { return }
    for ci in candidates.indices where candidates[ci].type == .place {
      // Headlines and fixture lists in capitals name places by convention; keep those.
      if caseless[words[candidates[ci].first].sentence] { continue }
      if teams.contains(key(candidates[ci].first, candidates[ci].last).uppercased()) {
        candidates[ci].type = .org
        candidates[ci].rule = "entities.team-context"
      }
    }
  }

  /// In a results line (names and numbers only, see ``resultLine``) the towns are teams:
  /// "Wigan 4 Chester 2", "Detroit 48 86 .358" → ORG; bracketed names and countries stay.
  mutating func markResultLines() {
    for ci in candidates.indices where resultLine[words[candidates[ci].first].sentence] {
      let f = candidates[ci].first
      // "Paul Koech ( Kenya ) 13:06.45": a bracketed country is the athlete's, not a team.
      if f > 0, words[f - 1].text == "(" { continue }
      // National teams are named by country and stay places, as datelines do.
      if candidates[ci].type == .place,
        place(key(f, candidates[ci].last), strict: false).map({ $0.feature != .country }) ?? true
      {
        candidates[ci].type = .org
        candidates[ci].rule = "entities.results-line"
      }
    }
  }
}
