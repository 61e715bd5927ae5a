import BylineCore
import BylinePlaces

// Pass 1: runs of capitalised words and their trimming.
extension Scan {
  /// Calendar words and (in mid-run) stop-words end a run.
  func breaksRun(_ w: Word) -> Bool {
    lex.calendar.contains(w.text) || (w.shape == .capitalized && lex.stopwords.contains(w.text))
  }

  /// Longest run of words considered as one name.
  static let maxRunWords = 16

  mutating func findRuns() {
    var i = 0
    while i < words.count {
      let w = words[i]
      if caseless[w.sentence] || !w.isCapital {
        // "pro-Western", "anti-Israeli", "post-Soviet", "non-EU": a name with a prefix is MISC.
        if !caseless[w.sentence], w.shape == .lower, Scan.isPrefixedName(w.text) {
          emit(i, i, .misc, "entities.prefixed-name")
        }
        i += 1
        continue
      }
      var j = i
      while true {
        let n = j + 1
        guard n < words.count, words[n].sentence == w.sentence else { break }
        // "Peter Such", "Will Power": after a given name a capitalised stop-word is a surname.
        if words[n].isCapital, !breaksRun(words[n]) || (j == i && isFirstName(words[j].text) && !words[n].sentenceStart
          && !lex.calendar.contains(words[n].text) && n + 1 < words.count && !words[n + 1].isCapital)
        {
          j = n
          continue
        }
        if n + 1 < words.count, words[n + 1].sentence == w.sentence, Scan.connectors.contains(words[n].text),
          words[n + 1].isCapital, !breaksRun(words[n + 1])
        {
          j = n + 1
          continue
        }
        // "Securities and Exchange Commission", "Department of Health and Human Services".
        if words[n].text == "and", n + 1 < words.count, words[n + 1].sentence == w.sentence, words[n + 1].isCapital,
          joinsWithAnd(n + 1)
        {
          j = n + 1
          continue
        }
        // "International Committee of the Red Cross": "of the" after an organisation head.
        if n + 2 < words.count, words[n + 2].sentence == w.sentence, words[n].text == "of" || words[n].text == "for",
          words[n + 1].text == "the", words[n + 2].isCapital, !breaksRun(words[n + 2]),
          lex.orgOfHeads.contains(words[j].text)
        {
          j = n + 2
          continue
        }
        // "Joost van der Westhuizen": two particles in a row.
        if n + 2 < words.count, words[n + 2].sentence == w.sentence, Scan.connectors.contains(words[n].text),
          Scan.connectors.contains(words[n + 1].text), words[n].text != "of", words[n].text != "for", words[n + 2].isCapital, !breaksRun(words[n + 2])
        {
          j = n + 2
          continue
        }
        break
      }
      // Names are short; a longer run is a heading or a list (and would make the recursive
      // typing deep): skip it.
      if j - i < Scan.maxRunWords { addRun(i, j) }
      i = j + 1
    }
  }

  /// True when words from `a` (up to `last`) begin a known multi-word place or name.
  func startsKnownName(_ a: Int, _ last: Int) -> Bool {
    guard a < last else { return false }
    for e in (a + 1)...min(last, a + max(lex.maxEntryWords, finder.gazetteer.maxNameWords) - 1) {
      let k = key(a, e)
      if lex.knownNames[k] != nil || lex.demonyms[k] != nil || !placeCandidates(k).isEmpty { return true }
    }
    return false
  }

  /// Whether "and" before the capitalised words from `next` is inside one organisation name:
  /// they end in an organisation head ("Securities and Exchange Commission") that is not a
  /// known name of its own.
  func joinsWithAnd(_ next: Int) -> Bool {
    var e = next
    while e + 1 < words.count, words[e + 1].sentence == words[next].sentence, words[e + 1].isCapital { e += 1 }
    return e > next && lex.orgHeads.contains(words[e].text) && lex.knownNames[key(next, e)] == nil
  }

  /// Trims a run's leading stop-words, calendar words and sentence-initial common words,
  /// then classifies it.
  mutating func addRun(_ first: Int, _ last: Int) {
    var a = first
    while a <= last {
      let w = words[a]
      if lex.stopwords.contains(w.text) || lex.calendar.contains(w.text) || Scan.connectors.contains(w.text) {
        a += 1
        continue
      }
      // "Top-seeded Thomas Muster": a common derived adjective before a name.
      if Scan.isDerivedAdjective(w.text), !isNameAdjective(w.text) {
        a += 1
        continue
      }
      // "Reading the report…": a sentence-initial word the article also writes in lower case
      // (but "Northern Ireland", "Central Bank of …" keep theirs).
      if w.sentenceStart, !resultLine[w.sentence], !startsKnownName(a, last), w.shape == .capitalized, !(a < last && lex.firstNames.contains(w.text)),
        lowerVocabulary.contains(w.text.lowercased()) || lex.commonWords.contains(w.text.lowercased())
      {
        a += 1
        continue
      }
      break
    }
    var b = last
    while b >= a, Scan.connectors.contains(words[b].text) || lex.calendar.contains(words[b].text) { b -= 1 }
    guard a <= b else { return }
    // "W D L G": runs of single letters are table headings, not names.
    if (a...b).allSatisfy({ words[$0].text.unicodeScalars.count == 1 }) { return }
    // "Hong Kong-based", "United Nations-sponsored": a name turned adjective is MISC and ends
    // the name ("Bergamo-based Atalanta" → MISC + the club).
    if let c = (a...b).first(where: { isNameAdjective(words[$0].text) }) {
      emit(a, c, .misc, "entities.compound-adjective")
      if c < b { addRun(c + 1, b) }
      return
    }
    classify(a, b)
  }
}
