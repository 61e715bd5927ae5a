import BylineCore
import BylinePlaces

// Pass 2: document-level rules (surnames, propagation, defaults).
extension Scan {
  /// "Assad" for "al-Assad", lower-cased: the part of a surname that other mentions repeat.
  static func surnameKey(_ text: String) -> String {
    let lower = text.lowercased()
    if let dash = lower.firstIndex(of: "-"), nameParticles.contains(String(lower[..<dash])) {
      return String(lower[lower.index(after: dash)...])
    }
    return lower
  }

  static let placePrepositions: Set<String> = ["in", "at", "near", "outside", "across"]

  /// Two or three capitalised words, none a common word or a sizeable place ("Jimi
  /// Hendrix"; not "Philadelphia Eagles", "Wall Street").
  func looksLikePersonName(_ c: Candidate) -> Bool {
    let count = c.last - c.first + 1
    // Name particles may stand inside ("Maarten den Bakker", "Gil de Ferran") or start it
    // capitalised ("Van der Westhuizen").
    let core = (c.first...c.last).filter { !Scan.connectors.contains(words[$0].text.lowercased()) }
    return count >= 2 && count <= 4 && core.count >= 1 && core.count <= 3
      && !(c.first...c.last).contains(where: { words[$0].text == "of" || words[$0].text == "for" || words[$0].text == "&" })
      && core.allSatisfy({
        words[$0].shape == .capitalized && !lex.commonWords.contains(words[$0].text.lowercased())
          && (place(words[$0].text, strict: true) == nil)
      })
  }

  mutating func resolveDocumentLevel() {
    // Untyped full names that look like persons become persons first, so that their
    // surnames can type the short mentions ("Jimi Hendrix" … "Hendrix").
    var typedFirst = Set<String>()
    for c in candidates where c.type != nil { typedFirst.insert(key(c.first, c.last)) }
    for i in candidates.indices where candidates[i].type == nil && !candidates[i].weak {
      let c = candidates[i]
      if typedFirst.contains(key(c.first, c.last)) { continue }
      if c.first > 0, Scan.placePrepositions.contains(words[c.first - 1].text) { continue }
      if looksLikePersonName(c) {
        candidates[i].type = .person
        candidates[i].rule = "entities.default-person"
      }
    }
    // Surnames of persons named in full.
    var surnames = Set<String>()
    for c in candidates where c.type == .person && c.last > c.first {
      surnames.insert(Scan.surnameKey(words[c.last].text))
    }
    // Typed strings, first type seen (text order).
    var typed: [String: EntityType] = [:]
    var strongStrings = Set<String>()
    for c in candidates {
      let k = key(c.first, c.last)
      if let t = c.type, typed[k] == nil { typed[k] = t }
      if !c.weak { strongStrings.insert(k) }
    }
    // How often each one-word run occurs away from a sentence start.
    var singleCounts: [String: Int] = [:]
    for c in candidates where c.first == c.last && !words[c.first].sentenceStart {
      singleCounts[key(c.first, c.last), default: 0] += 1
    }
    // A lone unknown word written with a capital three times or more mid-sentence is a name
    // ("Glamorgan" in a cricket report); its type is a guess (ORG).
    let minRepeats = 3
    var kept: [Candidate] = []
    kept.reserveCapacity(candidates.count)
    for var c in candidates {
      let k = key(c.first, c.last)
      let single = c.first == c.last
      if single, c.type == nil || c.rule == "entities.gazetteer" || c.rule == "entities.acronym",
        surnames.contains(Scan.surnameKey(k)),
        c.type == nil || placeCandidates(k).first?.feature != .country
      {
        c.type = .person
        c.rule = "entities.coreference"
      } else if c.type == nil, let t = typed[k] {
        c.type = t
        c.rule = "entities.propagated"
      } else if c.type == nil, isTeamContext(c) {
        // "Essex beat Gloucestershire", "Surrey v Kent".
        c.type = .org
        c.rule = "entities.team-context"
      } else if c.type == nil {
        if c.weak && !strongStrings.contains(k) { continue }
        // "W L PCT GB": table headings of short capitalised abbreviations.
        if c.last > c.first, (c.first...c.last).allSatisfy({ words[$0].text.utf8.count <= 3 && words[$0].isCapital }) {
          continue
        }
        // "Thousands", "Cash Equivalents", "RESEARCH ALERT": capitalised common words with no
        // other evidence.
        if (c.first...c.last).allSatisfy({ isCommonNoun(words[$0].text) || Scan.connectors.contains(words[$0].text) }) {
          continue
        }
        // "Revenue 1,234 1,100": table row labels are not names.
        if resultLine[words[c.first].sentence], c.first == c.last, isCommonNoun(k) { continue }
        // "Zemun 1 Rad 0", "Bristol City 0": unknown one-word names, and names with a
        // town in them, in a results line are teams.
        if resultLine[words[c.first].sentence], c.first == c.last || (c.first...c.last).contains(where: {
          place(words[$0].text, strict: true) != nil
        }) {
          c.type = .org
          c.rule = "entities.results-line"
          kept.append(c)
          continue
        }
        // "in Tavildara", "at Edgbaston": an unknown name after "in"/"at"/"near" is a place.
        if c.first > 0, Scan.placePrepositions.contains(words[c.first - 1].text) {
          c.type = .place
          c.rule = "entities.place-context"
          kept.append(c)
          continue
        }
        if looksLikePersonName(c) {
          c.type = .person
          c.rule = "entities.default-person"
        } else if c.first == c.last, (singleCounts[k] ?? 0) < minRepeats {
          // A lone unknown capitalised word with no evidence of its type: more often not a
          // name, or a person, place or work, than an organisation; leave it out.
          continue
        } else {
          c.type = .org
          c.rule = "entities.default-org"
        }
      }
      kept.append(c)
    }
    candidates = kept
  }
}
