import BylineCore

/// Finds temporal expressions and normalises them TimeML-style (TIMEX3).
///
/// - Requires: `tokens`, `sentences`.
/// - Produces: `dates`: one ``DateMention`` per expression with type DATE / TIME / DURATION /
///   SET, a TIMEX3 value resolved against `metadata.published` ("July 15" → `2024-07-15`,
///   "last year" → `2023`, "13 years ago" → `2011`, "next week" → `2024-W31`, "three years" →
///   `P3Y`, "every Monday" → `XXXX-WXX-1`, "now" → `PRESENT_REF`) and a `mod` for "early",
///   "mid", "late", "about", "more than"… Extents follow TimeBank: modifiers, numbers, units and
///   "the" of "the past two weeks" are inside; prepositions and hedges ("as early as") are not.
/// - Options: `language` picks the lexicon folder `Lexicons/dates/<language>/` (words only; the
///   rule shapes are English-like).
/// - Limits: without a publication date, unresolvable parts stay `X` (`XXXX-07-15`) and
///   relative dates become `PAST_REF` / `PRESENT_REF` / `FUTURE_REF`. Weekdays, months and
///   holidays without a year are resolved by the nearest tense marker in the sentence. No
///   ranges ("2009-2010" gives two dates), no event-anchored times ("after the war").
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
    for sentence in document.sentences {
      let toks = document.tokenIndices(in: sentence)
      guard !toks.isEmpty else { continue }
      let view = SentenceView(document: document, tokens: toks, lexicon: lexicon)
      var grammar = DateGrammar(v: view, ctx: ctx)
      for h in grammar.run() {
        let range = TextRange(view.ranges[h.start].utf8Start, view.ranges[h.end - 1].utf8End)
        out.append(DateMention(range: range, type: h.type, value: h.value, mod: h.mod, rule: h.rule))
      }
      ctx = grammar.ctx
    }
    document.dates = out
  }
}
