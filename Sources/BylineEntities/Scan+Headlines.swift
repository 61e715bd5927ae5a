import BylineCore
import BylinePlaces

// Pass 3: headlines and datelines, matched case-insensitively.
extension Scan {
  mutating func matchCaselessSentences() {
    guard caseless.contains(true) else { return }
    // Names found in the body, upper-cased, with their type.
    var known: [String: EntityType] = [:]
    var maxWords = max(lex.maxEntryWords, finder.gazetteer.maxNameWords)
    for c in candidates {
      guard let t = c.type else { continue }
      let k = key(c.first, c.last).uppercased()
      if known[k] == nil { known[k] = t }
      maxWords = max(maxWords, c.last - c.first + 1)
      if t == .person, c.last > c.first {
        let s = Scan.surnameKey(words[c.last].text).uppercased()
        if known[s] == nil { known[s] = .person }
      }
    }
    let upperKnown = lex.upperKnownNames
    let demonyms = lex.upperDemonyms
    let stop = upperStopwords

    var added: [Candidate] = []
    var i = 0
    while i < words.count {
      guard caseless[words[i].sentence], words[i].shape != .other else {
        i += 1
        continue
      }
      var matched = 0
      var n = min(maxWords, words.count - i)
      while n >= 1 {
        let b = i + n - 1
        if words[b].sentence != words[i].sentence || words[b].shape == .other && n > 1 {
          n -= 1
          continue
        }
        let k = key(i, b).uppercased()
        if n == 1 && (stop.contains(k) || k.unicodeScalars.count < 2) {
          n -= 1
          continue
        }
        if let t = known[k] ?? upperKnown[k] {
          added.append(Candidate(first: i, last: b, type: t, rule: "entities.headline-propagated"))
        } else if demonyms.contains(k) {
          added.append(Candidate(first: i, last: b, type: .misc, rule: "entities.demonym"))
        } else if place(k, strict: !isDateline(i, b)) != nil {
          added.append(Candidate(first: i, last: b, type: .place, rule: "entities.gazetteer"))
        } else {
          n -= 1
          continue
        }
        matched = n
        break
      }
      i += max(matched, 1)
    }
    candidates.append(contentsOf: added)
  }

  /// "BONN 1996-08-22", "BONN, Aug 22": a name opening its line, then a comma or a number.
  func isDateline(_ a: Int, _ b: Int) -> Bool {
    guard words[a].sentenceStart, b + 1 < words.count, words[b + 1].sentence == words[a].sentence else { return false }
    let next = words[b + 1].text
    return next == "," || next.unicodeScalars.first?.properties.numericType != nil
  }
}
