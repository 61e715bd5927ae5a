import BylineCore
import BylinePlaces

/// Finds PERSON / ORG / PLACE / MISC mentions with lexicons, capitalisation and context rules.
///
/// How it works, per document (one pass per `Scan+*.swift` file):
/// 1. Runs (`Scan+Runs`): words (``WordBuilder``: "al-Assad", "U.S.", "Hong Kong-based" are one
///    word) are grouped into runs of capitalised words, allowing name particles, "of", "for",
///    "&" and (before an organisation head) "and" between them ("Ludwig van Beethoven", "Bank
///    of England", "Securities and Exchange Commission"). A run never starts with a stop-word
///    ("The European Union" → "European Union") nor contains a month or weekday; a
///    sentence-initial common word is dropped ("Reading the report" ↛ "Reading"); "pro-Western"
///    and "Moscow-based" are MISC.
/// 2. Typing (`Scan+Classify`), first rule that applies: currency ("US$"), known name
///    (`entities.lexicon`), gazetteer for multi-word places, organisation head (`org-head`:
///    "Labour Party"), event head (`event-head`: "U.S. Open"), title before a name (`title`: "Turkish President
///    Recep Tayyip Erdogan" → MISC "Turkish" + PERSON, title outside), "<head> of <Name>"
///    (`org-of`), place head (`place-head`: "Orange County"), demonym (`demonym`), initials
///    (`initials`: "P. Simmons"), name compounds ("Israeli-PLO"), gazetteer (`gazetteer`,
///    stricter at sentence start), given name (`first-name`), lower-case title before
///    (`title`: "spokesman Shen Guofang"), cue verb (`cue-verb`: "Cotti said"), surname shape
///    (`surname-shape`: "O'Brien"), acronym (`acronym`: "FSIN" → ORG).
/// 3. Document level (`Scan+Document`): untyped two- or three-word names become persons;
///    a single word equal to the surname of a full name in the article is that person
///    (`coreference`); an untyped run takes the type of the same string typed elsewhere
///    (`propagated`); unknown names after "in"/"at" are places (`place-context`); runs of only
///    common words and lone unknown words with no evidence are dropped; other unknown runs
///    are `default-person` (two or three name-like words) or `default-org`.
/// 4. Headlines and datelines (`Scan+Headlines`): sentences in capitals or title case are
///    matched case-insensitively against names found in the body and the lexicons only
///    (`headline-propagated`).
/// 5. Sports (`Scan+Sports`): in lines of names and numbers ("Wigan 4 Chester 2") and next to
///    "beat"/"v", towns are teams (`results-line`, `team-context` → ORG).
///
/// Limits: English only; no nested entities; types of unknown names are a guess; products,
/// works and events without a known head are missed or typed ORG.
public struct RuleMentionFinder: MentionFinder {
  public let lexicons: EntityLexicons
  public let gazetteer: Gazetteer
  /// Smallest population for a gazetteer city to count as a place when its word starts a
  /// sentence or stands in a headline (countries and first-order divisions always count).
  public var sentenceStartPopulation: Int

  public init(lexicons: EntityLexicons, gazetteer: Gazetteer, sentenceStartPopulation: Int = 100_000) {
    self.lexicons = lexicons
    self.gazetteer = gazetteer
    self.sentenceStartPopulation = sentenceStartPopulation
  }

  public func mentions(in document: Document) -> [EntityMention] {
    var scan = Scan(
      finder: self, words: WordBuilder.words(in: document, stopwords: lexicons.stopwords),
      sentenceCount: document.sentences.count)
    scan.findRuns()
    scan.resolveDocumentLevel()
    scan.matchCaselessSentences()
    scan.markResultLines()
    scan.markTeams()
    return scan.output()
  }
}
