import BylineCore

/// The word lists the rule-based entity finder reads, from `Lexicons/entities/`.
///
/// Keys are exact surface strings unless a field says otherwise; multi-word entries are
/// stored with single spaces between words (as ``Word`` texts are joined).
public struct EntityLexicons: Sendable {
  /// Titles and roles before a person's name, lower-cased ("prime minister", "mr.").
  public var titles: Set<String>
  /// Most words in a title.
  public var maxTitleWords: Int
  /// Words that end organisation names ("Party", "Ministry").
  public var orgHeads: Set<String>
  /// Words that end event, award and document names ("Open", "Cup", "Treaty") → MISC.
  public var miscHeads: Set<String>
  /// Words that end place, street and landmark names ("County", "Street") → PLACE.
  public var placeHeads: Set<String>
  /// Heads that also start "<head> of <Name>" organisations ("Bank of England").
  public var orgOfHeads: Set<String>
  /// Known names → their type ("NATO", "Hezbollah", "Ramadan", "Yeltsin").
  public var knownNames: [String: EntityType]
  /// Demonyms → ISO country code ("Syrian" → "SY"), with regular plurals.
  public var demonyms: [String: String]
  /// Given names ("Recep", "Mary").
  public var firstNames: Set<String>
  /// Capitalised function words and sentence openers that are never names alone.
  public var stopwords: Set<String>
  /// Month and weekday names.
  public var calendar: Set<String>
  /// Verbs that mark a preceding name as a person ("said"), lower-case.
  public var cueVerbs: Set<String>
  /// Words usually written in lower case ("results", "controversial"), lower-case: a
  /// capital at sentence start is no evidence for them.
  public var commonWords: Set<String>
  /// `knownNames` with upper-cased keys, for headlines in capitals.
  public var upperKnownNames: [String: EntityType]
  /// Demonyms in capitals ("SYRIAN").
  public var upperDemonyms: Set<String>
  /// Stop-words and calendar words in capitals ("IT", "MAY").
  public var upperStopwords: Set<String>
  /// Most words in any multi-word lexicon entry (known names, demonyms).
  public var maxEntryWords: Int

  /// Loads every file from `Lexicons/entities/`.
  public init(lexicons: LexiconStore) throws {
    func column(_ file: String, _ name: String) throws -> [String] {
      let t = try lexicons.table("entities/" + file, requiredColumns: [name])
      let c = t.column(name)!
      return t.rows.map { $0[c].trimmingSpaces }.filter { !$0.isEmpty }
    }
    let heads = try lexicons.table("entities/org_heads.tsv", requiredColumns: ["head", "of_pattern"])
    let hc = heads.column("head")!
    let oc = heads.column("of_pattern")!
    var ofHeads: [String] = []
    var plainHeads: [String] = []
    for row in heads.rows {
      plainHeads.append(row[hc].trimmingSpaces)
      if row[oc] == "yes" { ofHeads.append(row[hc].trimmingSpaces) }
    }
    let known = try lexicons.table("entities/known_names.tsv", requiredColumns: ["name", "type"])
    let nc = known.column("name")!
    let tc = known.column("type")!
    var knownNames: [(String, EntityType)] = []
    for (i, row) in known.rows.enumerated() {
      guard let type = EntityType(rawValue: row[tc]) else {
        throw known.error(row: i, "unknown entity type \"\(row[tc])\"")
      }
      knownNames.append((row[nc].trimmingSpaces, type))
    }
    let dem = try lexicons.table(
      "entities/demonyms.tsv", requiredColumns: ["demonym", "country_code", "country"])
    let dc = dem.column("demonym")!
    let cc = dem.column("country_code")!
    self.init(
      titles: try column("person_titles.tsv", "title"), orgHeads: plainHeads, orgOfHeads: ofHeads,
      knownNames: knownNames,
      demonyms: dem.rows.map { ($0[dc].trimmingSpaces, $0[cc].trimmingSpaces) },
      firstNames: try column("first_names.tsv", "name"),
      stopwords: try column("stopwords.tsv", "word"),
      calendar: try column("calendar.tsv", "word"), cueVerbs: try column("cue_verbs.tsv", "verb"),
      commonWords: try column("common_words.tsv", "word"), miscHeads: try column("misc_heads.tsv", "head"),
      placeHeads: try column("place_heads.tsv", "head"))
  }

  /// Builds the lists from memory (tests, or callers with their own data).
  public init(
    titles: [String], orgHeads: [String], orgOfHeads: [String], knownNames: [(String, EntityType)],
    demonyms: [(String, String)], firstNames: [String], stopwords: [String], calendar: [String],
    cueVerbs: [String], commonWords: [String] = [], miscHeads: [String] = [],
    placeHeads: [String] = []
  ) {
    var maxWords = 1
    func norm(_ s: String) -> String {
      let words = s.split(separator: " ")
      maxWords = max(maxWords, words.count)
      return words.joined(separator: " ")
    }
    var titleSet = Set<String>()
    var maxTitle = 1
    for t in titles {
      let words = t.lowercased().split(separator: " ")
      maxTitle = max(maxTitle, words.count)
      titleSet.insert(words.joined(separator: " "))
    }
    self.titles = titleSet
    self.maxTitleWords = maxTitle
    self.orgHeads = Set(orgHeads)
    self.orgOfHeads = Set(orgOfHeads)
    var known: [String: EntityType] = [:]
    for (n, t) in knownNames { known[norm(n)] = t }
    self.knownNames = known
    var dem: [String: String] = [:]
    for (d, c) in demonyms {
      let key = norm(d)
      if dem[key] == nil { dem[key] = c }
      // Regular plurals: "Syrian" → "Syrians", "Iraqi" → "Iraqis".
      // "Syrians", "Iraqis", "Serbs", "Danes"; not "Swiss", "Chinese", "French", "Frenchman"
      // (irregular forms are listed by hand).
      if !key.contains(" "), let last = key.last, !"sxzh".contains(last), !key.hasSuffix("ese"),
        !key.hasSuffix("man"), !key.hasSuffix("ish")
      {
        if dem[key + "s"] == nil { dem[key + "s"] = c }
      }
      if key.hasSuffix("man"), !key.hasSuffix("shman"), !key.hasSuffix("chman") {  // "Germans"
        if dem[key + "s"] == nil { dem[key + "s"] = c }
      }
    }
    self.demonyms = dem
    let notFirst = Set(dem.keys).union(known.keys)
    self.firstNames = Set(firstNames).subtracting(notFirst)
    self.stopwords = Set(stopwords)
    self.calendar = Set(calendar)
    self.cueVerbs = Set(cueVerbs.map { $0.lowercased() })
    self.miscHeads = Set(miscHeads)
    self.placeHeads = Set(placeHeads)
    self.commonWords = Set(commonWords.map { $0.lowercased() })
    self.maxEntryWords = maxWords
    var upperKnown: [String: EntityType] = [:]
    for (n, t) in known.sorted(by: { $0.key < $1.key }) where upperKnown[n.uppercased()] == nil {
      upperKnown[n.uppercased()] = t
    }
    self.upperKnownNames = upperKnown
    self.upperDemonyms = Set(dem.keys.map { $0.uppercased() })
    self.upperStopwords = Set(self.stopwords.map { $0.uppercased() }).union(self.calendar.map { $0.uppercased() })
  }
}

extension String {
  fileprivate var trimmingSpaces: String {
    var s = Substring(self)
    while let f = s.first, f == " " { s = s.dropFirst() }
    while let l = s.last, l == " " { s = s.dropLast() }
    return String(s)
  }
}
