import BylineCore

/// How a reporting cue introduces speech.
public enum CueKind: String, Sendable, Hashable {
  /// A speech verb cueing direct and indirect speech ("said").
  case say
  /// A verb taking an addressee before the reported clause ("told reporters that …").
  case tell
  /// Cues direct quotes, and indirect speech only before "that" ("noted that …").
  case report
  /// Cues direct quotes only ("asked").
  case direct
  /// "according to X": the source follows the cue.
  case according
}

/// A reporting cue: a lemma with its kind.
public struct Cue: Sendable, Hashable {
  public var lemma: String
  public var kind: CueKind

  public init(lemma: String, kind: CueKind) {
    self.lemma = lemma
    self.kind = kind
  }
}

/// The word lists the quote stage reads: cues, role words and speaker nouns.
///
/// Every entry is lower case. Multi-word cue forms ("according to", "pointed out") are matched
/// token by token.
public struct QuoteLexicon: Sendable {
  /// Cue forms by their first word; each entry lists the remaining words of the form.
  let cueForms: [String: [(rest: [String], cue: Cue)]]
  /// Role words ("president", "minister") → true when a full title, false for a modifier.
  let titles: [String: Bool]
  /// Honorifics ("mr.") that belong neither to a role nor to a name.
  let honorifics: Set<String>
  /// Head nouns of speaker descriptions ("source", "officials").
  let speakerNouns: Set<String>
  /// Nouns that report a "that" clause after a possessive ("her claim that …").
  let cueNouns: Set<String>

  /// Builds a lexicon from in-memory lists (for tests): `cues` maps a surface form to its cue.
  public init(
    cues: [String: Cue], titles: [String: Bool], honorifics: Set<String> = [],
    speakerNouns: Set<String>, cueNouns: Set<String> = []
  ) {
    var forms: [String: [(rest: [String], cue: Cue)]] = [:]
    for (form, cue) in cues.sorted(by: { $0.key < $1.key }) {
      let words = form.split(separator: " ").map(String.init)
      guard let first = words.first else { continue }
      forms[first, default: []].append((Array(words.dropFirst()), cue))
    }
    for key in forms.keys { forms[key]!.sort { $0.rest.count > $1.rest.count } }
    self.cueForms = forms
    self.titles = titles
    self.honorifics = honorifics
    self.speakerNouns = speakerNouns
    self.cueNouns = cueNouns
  }

  /// Loads `quotes/cues.tsv`, `quotes/titles.tsv`, `quotes/speaker-nouns.tsv` and
  /// `quotes/cue-nouns.tsv`.
  public init(lexicons: LexiconStore) throws {
    let cueTable = try lexicons.table("quotes/cues.tsv", requiredColumns: ["lemma", "forms", "kind"])
    let (l, f, k) = (cueTable.column("lemma")!, cueTable.column("forms")!, cueTable.column("kind")!)
    var cues: [String: Cue] = [:]
    for (n, row) in cueTable.rows.enumerated() {
      guard let kind = CueKind(rawValue: row[k]) else {
        throw cueTable.error(row: n, "unknown kind \"\(row[k])\"")
      }
      for form in row[f].split(separator: ",") {
        let w = form.trimmingSpaces().lowercased()
        if !w.isEmpty, cues[w] == nil { cues[w] = Cue(lemma: row[l], kind: kind) }
      }
    }
    let titleTable = try lexicons.table("quotes/titles.tsv", requiredColumns: ["word", "kind"])
    var titles: [String: Bool] = [:]
    var honorifics: Set<String> = []
    let (tw, tk) = (titleTable.column("word")!, titleTable.column("kind")!)
    for (n, row) in titleTable.rows.enumerated() {
      var w = row[tw].lowercased()
      if w.hasSuffix(".") { w.removeLast() }
      switch row[tk] {
      case "title": titles[w] = true
      case "modifier": if titles[w] == nil { titles[w] = false }
      case "honorific": honorifics.insert(w)
      default: throw titleTable.error(row: n, "unknown kind \"\(row[tk])\"")
      }
    }
    let nounTable = try lexicons.table("quotes/speaker-nouns.tsv", requiredColumns: ["word"])
    let nw = nounTable.column("word")!
    let nouns = Set(nounTable.rows.map { $0[nw].lowercased() })
    let cueNounTable = try lexicons.table("quotes/cue-nouns.tsv", requiredColumns: ["word"])
    let cw = cueNounTable.column("word")!
    let cueNouns = Set(cueNounTable.rows.map { $0[cw].lowercased() })
    self.init(cues: cues, titles: titles, honorifics: honorifics, speakerNouns: nouns, cueNouns: cueNouns)
  }

  /// The longest cue form starting at token `i` of `low` (lower-cased token texts): its cue
  /// and the token range it covers.
  func cue(at i: Int, in low: [String], limit: Int) -> (cue: Cue, tokens: Range<Int>)? {
    guard i < limit, let entries = cueForms[low[i]] else { return nil }
    for e in entries {
      let end = i + 1 + e.rest.count
      guard end <= limit else { continue }
      var ok = true
      for (k, w) in e.rest.enumerated() where low[i + 1 + k] != w { ok = false; break }
      if ok { return (e.cue, i..<end) }
    }
    return nil
  }
}

extension Substring {
  func trimmingSpaces() -> String {
    var s = self[...]
    while let c = s.first, c == " " { s = s.dropFirst() }
    while let c = s.last, c == " " { s = s.dropLast() }
    return String(s)
  }
}
