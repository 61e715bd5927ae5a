import BylineCore

/// The wording ``TextDumpExtractor`` recognises in page dumps, loaded from
/// `Lexicons/textdump/line_patterns.tsv` (columns `pattern`, `role`).
///
/// All patterns are stored lowercased; lines are matched case-insensitively.
public struct TextDumpLexicon: Sendable, Hashable {
  /// Whole-line block headers that start a link list ("most read", "related news").
  public var skipHeaders: Set<String>
  /// Line starts that open a comment section ("leave a reply", "comments").
  public var endHeaders: Set<String>
  /// Teaser prefixes followed by ":", "|" or "-" ("read more").
  public var leads: Set<String>
  /// Caption credits ("ap", "reuters", "getty images", "photo").
  public var credits: Set<String>
  /// Units after a bare number ("shares", "min read").
  public var counters: Set<String>
  /// Byline prefixes, longest first ("written by", "by").
  public var bylinePrefixes: [String]
  /// Source-line prefixes ("source:").
  public var sourcePrefixes: [String]
  /// Words marking a byline name as an organisation ("staff", "english").
  public var orgWords: Set<String>
  /// Job titles after a name in a byline ("columnist", "writer").
  public var roleWords: Set<String>
  /// Degrees and credentials after a name ("ms", "phd"), lowercased without dots.
  public var credentials: Set<String>
  /// Phrases marking a line of any length as a legal or site notice ("registered trademarks").
  public var legalPhrases: [String]
  /// Starts of short header lines ("more in", "more from") that open a link list.
  public var skipPrefixes: [String]
  /// Starts of author-box headers followed by a name ("about", "über", "sobre").
  public var bioPrefixes: [String]
  /// Phrases marking a line of under 40 words as site furniture ("newsletter", "log in").
  public var junkPhrases: [String]

  /// The roles a row may have.
  public static let roles: Set<String> = [
    "skip", "end", "lead", "credit", "counter", "byline", "source", "org", "junk", "skipprefix", "bio", "legal", "role", "credential",
  ]

  public init(
    skipHeaders: Set<String> = [], endHeaders: Set<String> = [], leads: Set<String> = [],
    credits: Set<String> = [], counters: Set<String> = [], bylinePrefixes: [String] = [],
    sourcePrefixes: [String] = [], orgWords: Set<String> = [], junkPhrases: [String] = [],
    skipPrefixes: [String] = [], bioPrefixes: [String] = [], legalPhrases: [String] = [],
    roleWords: Set<String> = [], credentials: Set<String> = []
  ) {
    self.skipHeaders = Set(skipHeaders.map { $0.lowercased() })
    self.endHeaders = Set(endHeaders.map { $0.lowercased() })
    self.leads = Set(leads.map { $0.lowercased() })
    self.credits = Set(credits.map { $0.lowercased() })
    self.counters = Set(counters.map { $0.lowercased() })
    self.bylinePrefixes = bylinePrefixes.map { $0.lowercased() }.sorted {
      ($0.count, $0) > ($1.count, $1)
    }
    self.sourcePrefixes = sourcePrefixes.map { $0.lowercased() }.sorted {
      ($0.count, $0) > ($1.count, $1)
    }
    self.orgWords = Set(orgWords.map { $0.lowercased() })
    self.junkPhrases = Set(junkPhrases.map { $0.lowercased() }).sorted()
    self.skipPrefixes = Set(skipPrefixes.map { $0.lowercased() }).sorted()
    self.bioPrefixes = Set(bioPrefixes.map { $0.lowercased() }).sorted()
    self.legalPhrases = Set(legalPhrases.map { $0.lowercased() }).sorted()
    self.roleWords = Set(roleWords.map { $0.lowercased() })
    self.credentials = Set(credentials.map { $0.lowercased() })
  }

  /// Builds the lexicon from a `pattern`/`role` table; an unknown role is a `file:line` error.
  public init(table: TSVTable) throws(LexiconError) {
    guard let p = table.column("pattern"), let r = table.column("role") else {
      throw .badLine(file: table.path, line: 1, reason: "header must have columns pattern, role")
    }
    var by: [String: [String]] = [:]
    for (i, row) in table.rows.enumerated() {
      let role = TextDumpScan.trim(row[r])
      let pattern = TextDumpScan.trim(row[p])
      guard TextDumpLexicon.roles.contains(role) else {
        throw table.error(row: i, "unknown role \"\(role)\"")
      }
      guard !pattern.isEmpty else { throw table.error(row: i, "empty pattern") }
      by[role, default: []].append(pattern)
    }
    self.init(
      skipHeaders: Set(by["skip"] ?? []), endHeaders: Set(by["end"] ?? []),
      leads: Set(by["lead"] ?? []), credits: Set(by["credit"] ?? []),
      counters: Set(by["counter"] ?? []), bylinePrefixes: by["byline"] ?? [],
      sourcePrefixes: by["source"] ?? [], orgWords: Set(by["org"] ?? []),
      junkPhrases: by["junk"] ?? [], skipPrefixes: by["skipprefix"] ?? [],
      bioPrefixes: by["bio"] ?? [], legalPhrases: by["legal"] ?? [],
      roleWords: Set(by["role"] ?? []), credentials: Set(by["credential"] ?? []))
  }

  /// Loads `textdump/line_patterns.tsv` from the Lexicons folder.
  public init(lexicons: LexiconStore) throws(LexiconError) {
    try self.init(
      table: lexicons.table("textdump/line_patterns.tsv", requiredColumns: ["pattern", "role"]))
  }
}
