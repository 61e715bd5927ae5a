import BylineCore

/// Finds temporal expressions and normalises them TimeML-style (TIMEX3).
///
/// - Requires: `tokens`, `sentences`.
/// - Produces: `dates`: one ``DateMention`` per expression with type DATE / TIME / DURATION /
///   SET, a TIMEX3 value resolved against `metadata.published` ("July 15" → `2024-07-15`,
///   "last year" → `2023`, "13 years ago" → `2011`, "next week" → `2024-W31`, "three years" →
///   `P3Y`, "every Monday" → `XXXX-WXX-1`, "now" → `PRESENT_REF`) and a `mod` for "early",
///   "mid", "late", "about", "more than"… Extents follow TimeBank: modifiers, numbers, units and
///   the "the" of "the past two weeks" are inside; prepositions and hedges ("as early as") are
///   not. `rule` names the rule family (`dates.month_day`, `dates.ago`, `dates.weekday`…).
/// - Options: `language` picks the lexicon folder `Lexicons/dates/<language>/` (words only; the
///   rule shapes are English-like).
/// - Resolution: a weekday, a month or a month and day without a year is placed by the nearest
///   tense marker of its clause (verbs before it first): future ("will", "would", "'ll", "is
///   expected to", "is to", an intention before "to" such as "agreed to" / "plans to", "until
///   …") → the next one; present → the nearest; past, present perfect, "since …" or none → the
///   last one (news mostly reports the past). A month one or two ahead stays ahead even in a
///   past clause ("agreed in October to buy it in December"); "Thursday's price" is past.
///   "that year", "that same day" take the last date mentioned. "The following month", "two days later" and bare clock times
///   count from the last date mentioned; "a year earlier" after "the third quarter" is the
///   third quarter a year before.
/// - Ranges: "July 15–17", "March 3-5", "April 24 and 25", "from 2011 to 2013" give one mention per
///   part. "Friday morning" is TIME `…TMO` (parts of day MO/AF/EV/NI).
/// - Limits: without a publication date, unresolvable parts stay `X` (`XXXX-07-15`) and
///   relative dates become `PAST_REF` / `PRESENT_REF` / `FUTURE_REF`. Ambiguous numeric dates
///   ("07/08/2024") are read month first (US); "15/07/2024" is day first. No range
///   values (a range is its parts), no event anchors ("after the war"), no spelled-out numbers
///   beyond the lexicon's.
public struct DateStage: Stage {
  public let name = "dates"
  public let summary = "TIMEX3 temporal expressions (DATE, TIME, DURATION, SET) resolved against the publication date"
  public let requires: Set<Layer> = [.tokens, .sentences]
  public let produces: Set<Layer> = [.dates]

  let lexicon: DateLexicon

  /// Loads the date words from `Lexicons/dates/<language>/`.
  public init(lexicons: LexiconStore, language: String = "en") throws {
    lexicon = try DateLexicon(lexicons: lexicons, language: language)
  }

  /// A stage over an already loaded lexicon.
  public init(lexicon: DateLexicon) {
    self.lexicon = lexicon
  }

  public func process(_ document: inout Document) throws {
    var ctx = DateContext(reference: document.metadata.published)
    var out: [DateMention] = []
    for toks in spans(document) {
      let view = SentenceView(document: document, tokens: toks, lexicon: lexicon)
      var grammar = DateGrammar(v: view, ctx: ctx)
      for h in grammar.run() {
        let range = TextRange(view.ranges[h.start].utf8Start, view.ranges[h.end - 1].utf8End)
        out.append(DateMention(range: range, type: h.type, value: h.value, mod: h.mod, rule: h.rule))
      }
      ctx = grammar.ctx
      ctx.sentence += 1
    }
    document.dates = out
  }

  /// Token ranges of the sentences, with a sentence that ends in "Oct." or "p.m." joined to
  /// the next one when that goes on with the date ("Oct. | 23", "9 a.m. | EST Tuesday"): the
  /// sentence splitter cannot know those abbreviations.
  func spans(_ document: Document) -> [Range<Int>] {
    var out: [Range<Int>] = []
    for sentence in document.sentences {
      let toks = document.tokenIndices(in: sentence)
      guard !toks.isEmpty else { continue }
      if let last = out.last, last.count >= 2, last.upperBound == toks.lowerBound, joins(document, last, toks.lowerBound) {
        out[out.count - 1] = last.lowerBound..<toks.upperBound
      } else {
        out.append(toks)
      }
    }
    return out
  }

  private func joins(_ d: Document, _ prev: Range<Int>, _ next: Int) -> Bool {
    let dot = prev.upperBound - 1
    guard d.tokens[dot].range.utf8End - d.tokens[dot].range.utf8Start == 1, d.bytes[d.tokens[dot].range.utf8Start] == 46 else {
      return false
    }
    let word = d.tokenText(dot - 1).lowercased()
    let nextText = d.tokenText(next)
    if let w = lexicon.words[word], w.month != nil, w.monthAbbreviated {
      return d.tokens[next].kind == .number
    }
    if let half = lexicon.clockSuffixes[word], half != "none" {
      let n = lexicon.words[nextText.lowercased()]
      return lexicon.timeZones.contains(nextText) || n?.weekday != nil || n?.relativeDay != nil || n?.month != nil
    }
    return false
  }
}
