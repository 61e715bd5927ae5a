import BylineCore
import BylinePlaces

// Typing one run of capitalised words.
extension Scan {
  /// Types the run `a...b`; the first rule that applies wins.
  mutating func classify(_ a: Int, _ b: Int) {
    let k = key(a, b)
    let count = b - a + 1
    // "US$", "C$": currencies.
    if count == 1, k.hasSuffix("$") {
      emit(a, b, .misc, "entities.currency")
      return
    }
    // "NATO", "Arab League", "Ramadan".
    if let t = lex.knownNames[k] {
      emit(a, b, t, "entities.lexicon")
      return
    }
    // "West Bank", "Czech Republic", "New Zealand": a known multi-word place first.
    if count > 1, place(k, strict: false) != nil {
      emit(a, b, .place, "entities.gazetteer")
      return
    }
    // "Labour Party", "Palestinian Information Ministry".
    if count > 1, lex.orgHeads.contains(words[b].text) {
      emit(a, b, .org, "entities.org-head")
      return
    }
    // "U.S. Open", "Labor Day", "Venice Film Festival".
    if count > 1, lex.miscHeads.contains(words[b].text) {
      emit(a, b, .misc, "entities.event-head")
      return
    }
    // "Foreign Minister Sergei Lavrov": the title stays outside; "Syrian President X" keeps
    // "Syrian" as its own mention.
    for t in a...b {
      let n = titleLength(at: t, through: b)
      guard n > 0 else { continue }
      // "EU Farm Commissioner X": common words before a title belong to it.
      var l = t - 1
      while l >= a, (words[l].shape == .capitalized && isCommonNoun(words[l].text)) || Scan.connectors.contains(words[l].text) {
        l -= 1
      }
      if l >= a { classify(a, l) }
      var p = t + n
      while p <= b {  // "Gen. Sir John …"
        let m = titleLength(at: p, through: b)
        if m == 0 { break }
        p += m
      }
      // "Minister of Foreign Affairs Sergey Lavrov": the title's complement is common words.
      if p < b, words[p].text == "of" || words[p].text == "for" {
        var q = p + 1
        while q < b, isCommonNoun(words[q].text) || Scan.connectors.contains(words[q].text) || words[q].text == "and" {
          q += 1
        }
        if q > p + 1, q < b, !lex.orgHeads.contains(words[b].text) {
          emit(q, b, .person, "entities.title")
          return
        }
      }
      if p <= b {
        if lex.orgHeads.contains(words[b].text) || lex.knownNames[key(p, b)] != nil {
          classify(p, b)
        } else if let o = (p...b).first(where: { words[$0].text == "of" || words[$0].text == "for" }) {
          // "Tono Eitel of Germany": the person, then the rest.
          if o > p { emit(p, o - 1, .person, "entities.title") }
          if o < b { classify(o + 1, b) }
        } else {
          emit(p, b, .person, "entities.title")
        }
      }
      return
    }
    // "Bank of England", "Organisation for Security and Cooperation"; otherwise split there.
    if let o = (a...b).first(where: { words[$0].text == "of" || words[$0].text == "for" }), o > a, o < b {
      let left = key(a, o - 1)
      if lex.orgOfHeads.contains(words[o - 1].text) || lex.orgHeads.contains(words[o - 1].text) {
        emit(a, b, .org, "entities.org-of")
      } else if lex.miscHeads.contains(words[o - 1].text) {
        emit(a, b, .misc, "entities.event-head")
      } else if words[o].text == "of", place(k, strict: false) != nil {
        emit(a, b, .place, "entities.gazetteer")
      } else if lex.knownNames[left] != nil || lex.demonyms[left] != nil || place(left, strict: false) != nil
        || words[o].text == "for" || place(key(o + 1, b), strict: false) != nil || isFirstName(words[a].text)
      {
        classify(a, o - 1)
        classify(o + 1, b)
      } else {
        emit(a, b, nil, "entities.capitalized")
      }
      return
    }
    // "Orange County", "Royal Street", "Gaza Strip".
    if count > 1, lex.placeHeads.contains(words[b].text) {
      emit(a, b, .place, "entities.place-head")
      return
    }
    // "Syrian", "Syrians", "South African"; "German Bundesbank" → MISC + ORG.
    let d = demonymLength(at: a, through: b)
    if d == count {
      emit(a, b, .misc, "entities.demonym")
      return
    }
    if d > 0, !lex.firstNames.contains(words[a + d].text) || d + 1 < count {
      // "Iraqi Kurds", "Iraqi Kurdish": demonym + group name is one MISC name.
      let rest = key(a + d, b)
      if lex.knownNames[rest] == .misc || lex.demonyms[rest] != nil {
        emit(a, b, .misc, "entities.demonym")
        return
      }
      emit(a, a + d - 1, .misc, "entities.demonym")
      classify(a + d, b)
      return
    }
    let weakStart = count == 1 && words[a].sentenceStart && !resultLine[words[a].sentence]
    // "W. Athey", "P. Simmons": an initial starts a person's name.
    if count >= 2, words[a].text.utf8.count == 2, words[a].text.utf8.last == 0x2E {
      emit(a, b, .person, "entities.initials")
      return
    }
    // "Wave", "Centro": a common word needs a sizeable place even mid-sentence.
    let placeEntry = place(k, strict: weakStart || (count == 1 && isCommonNoun(k)))
    // "Israeli-PLO", "Russian-Chechen": two names joined by a hyphen, one of them a
    // demonym, a known name or a place, name a relation (MISC).
    if count == 1, placeEntry == nil, isNameCompound(k) {
      emit(a, b, .misc, "entities.compound")
      return
    }
    // "Nancy", "Austin": a given name that is also a town is the given name.
    if count == 1, lex.firstNames.contains(k), let p = placeEntry, p.feature != .country, p.population < 1_000_000 {
      emit(a, b, .person, "entities.first-name")
      return
    }
    // "Moscow", "New York", "Turkey".
    if placeEntry != nil {
      emit(a, b, .place, "entities.gazetteer")
      return
    }
    // "Recep Tayyip Erdogan", "Mary".
    if isFirstName(words[a].text), count <= 4 {
      emit(a, b, .person, "entities.first-name")
      return
    }
    // "spokesman Shen Guofang", "president Erdogan", "foreign minister Sergei Lavrov".
    if a > 0, words[a - 1].shape == .lower,
      titleLength(at: a - 1, through: a - 1) == 1
        || (a > 1 && words[a - 2].shape == .lower && titleLength(at: a - 2, through: a - 1) == 2)
    {
      emit(a, b, .person, "entities.title")
      return
    }
    // "Hakan Fidan said", "Cotti said"; '…," said Parnevik.'
    if count <= 4, b + 1 < words.count, words[b + 1].shape == .lower, lex.cueVerbs.contains(words[b + 1].text),
      !(count == 1 && (isCommonNoun(words[a].text) || words[a].shape == .allCaps))
    {
      emit(a, b, .person, "entities.cue-verb")
      return
    }
    if a > 0, words[a - 1].shape == .lower, lex.cueVerbs.contains(words[a - 1].text),
      b + 1 == words.count || words[b + 1].shape == .other
    {
      emit(a, b, .person, "entities.cue-verb")
      return
    }
    // "O'Brien", "McAllister": Irish and Scottish surname shapes.
    if count == 1, Scan.isGaelicSurname(words[a].text) {
      emit(a, b, .person, "entities.surname-shape")
      return
    }
    // "FSIN", "U.N." — short all-capital words.
    if count == 1, words[a].shape == .allCaps {
      let letters = words[a].text.unicodeScalars.filter { $0.properties.isAlphabetic }.count
      if letters >= 2 && letters <= 6 && !isCommonNoun(words[a].text) && !upperStopwords.contains(words[a].text) {
        emit(a, b, .org, "entities.acronym")
        return
      }
    }
    emit(a, b, nil, "entities.capitalized", weak: weakStart)
  }
}
