import BylineCore

/// The words the date rules know, for one language, loaded from `Lexicons/dates/<lang>/`.
///
/// Every file is a TSV with a header (see `Lexicons/dates/README.md`). Words are matched on
/// the lowercased token text; phrases are space-separated token sequences.
public struct DateLexicon: Sendable {
  /// Grammar roles of function words (`keywords.tsv`); the rules name them.
  enum Role: UInt8, Sendable, CaseIterable {
    case this, last, next, following, previous, ago, earlier, later, before, after
    case early, mid, late, start, middle, end, every, the, a, of, fiscal, half, prep
    case future, past, present, infinitive, deadline, latest, current, period, other, more, from, now, at
    /// A verb of intention that points ahead only before "to" ("plans to", "agreed to").
    case intent
    /// A word that makes the date right after it lie in the past ("since Friday").
    case since
    /// "has" / "have": past when a participle or "been" follows (present perfect).
    case perfect
    /// "that" in "that year", "that same day": the unit around the last date mentioned.
    case that

    /// The role spelled as in keywords.tsv (the case name).
    static func named(_ name: String) -> Role? { allCases.first { String(describing: $0) == name } }
  }

  /// A set of roles as a bit mask (the rules test roles on every token).
  struct RoleSet: Sendable {
    var bits: UInt64 = 0
    @inline(__always) func contains(_ r: Role) -> Bool { bits & (1 << UInt64(r.rawValue)) != 0 }
    mutating func insert(_ r: Role) { bits |= 1 << UInt64(r.rawValue) }
    var isEmpty: Bool { bits == 0 }
  }

  /// Everything known about one lowercased word. A class so that looking a word up in the hot
  /// loop copies one reference; never mutated after loading.
  final class Word: @unchecked Sendable {
    var month: Int?
    var monthAbbreviated = false
    var monthGuarded = false
    var weekday: Int?
    var weekdayForm: String?
    var cardinal: Int?
    /// `cardinal`, `ordinal`, `multiplier`, `approx`, `vague`.
    var numberKind: String?
    var ordinal: Int?
    var unit: String?
    var unitPlural = false
    var season: String?
    var daypart: String?
    var relativeDay: (offset: Int, daypart: String)?
    var setValue: String?
    /// Quarter (1–4) or half (5–6 for H1–H2) from period_codes.tsv.
    var periodCode: Int?
    var roles = RoleSet()
    /// Phrases (references, modifiers, holidays) that start with this word, longest first.
    var phrases: [Phrase] = []

    /// True when some rule can start at this word (a date word, a number word or a
    /// determiner/modifier role); tense markers and prepositions alone cannot.
    /// True when the word names or counts time itself (a month, a unit, a number word…), not
    /// only a role such as "the" or "last": a roles-only word starts a date only with such a
    /// word close after it.
    var namesTime: Bool {
      month != nil || weekday != nil || cardinal != nil || ordinal != nil || unit != nil || season != nil
        || daypart != nil || relativeDay != nil || setValue != nil || periodCode != nil || roles.contains(.period)
    }

    var canStart: Bool {
      if month != nil || weekday != nil || cardinal != nil || ordinal != nil || unit != nil || season != nil
        || daypart != nil || relativeDay != nil || setValue != nil || periodCode != nil || !phrases.isEmpty
      {
        return true
      }
      return roles.bits & DateLexicon.startRoles.bits != 0
    }
  }

  /// Roles a rule can start with.
  static let startRoles: RoleSet = {
    var r = RoleSet()
    for role in [Role.this, .last, .next, .following, .previous, .early, .mid, .late, .every, .the, .a, .fiscal, .current,
      .latest, .earlier, .later, .that]
    {
      r.insert(role)
    }
    return r
  }()

  struct SuffixRole: Sendable {
    var suffix: String
    var role: Role
  }

  /// A multi-token entry.
  struct Phrase: Sendable {
    enum Kind: Sendable { case reference(String), modifier(String), holiday(String) }
    var tokens: [String]
    var kind: Kind
  }

  /// Every known word, phrase starts included (one lookup per token).
  var words: [String: Word] = [:]
  /// Which (first byte, length) pairs occur among `words`: 256 × 32 flags.
  private var shapes = [Bool](repeating: false, count: 256 * 32)

  /// False when no known word has the first byte and length of `word` (skips a hash lookup).
  @inline(__always) func mayContain(_ word: String) -> Bool {
    let u = word.utf8
    guard let first = u.first else { return false }
    return shapes[Int(first) * 32 + min(u.count, 31)]
  }
  /// Word endings with a grammar role (`*ed` in keywords.tsv), used when the word itself has none.
  var suffixRoles: [SuffixRole] = []
  /// Time zone abbreviations (case-sensitive).
  var timeZones: Set<String> = []
  /// Words after an hour: `am`, `pm` or `none`.
  var clockSuffixes: [String: String] = [:]

  /// Loads the files of `language` (a folder name under `dates/`, e.g. `en`).
  public init(lexicons: LexiconStore, language: String = "en") throws {
    let dir = "dates/" + language + "/"
    func load(_ name: String, _ columns: [String]) throws -> TSVTable {
      try lexicons.table(dir + name, requiredColumns: columns)
    }
    func int(_ t: TSVTable, _ r: Int, _ col: String) throws -> Int {
      guard let v = Int(t.rows[r][t.column(col)!]) else { throw t.error(row: r, "\(col) is not a number") }
      return v
    }
    func field(_ t: TSVTable, _ r: Int, _ col: String) -> String { t.rows[r][t.column(col)!] }

    let months = try load("months.tsv", ["word", "month", "form", "context"])
    for r in months.rows.indices {
      let m = try int(months, r, "month")
      guard (1...12).contains(m) else { throw months.error(row: r, "month must be 1-12") }
      update(field(months, r, "word")) {
        $0.month = m
        $0.monthAbbreviated = field(months, r, "form") == "abbr"
        $0.monthGuarded = field(months, r, "context") == "guarded"
      }
    }
    let weekdays = try load("weekdays.tsv", ["word", "weekday", "form"])
    for r in weekdays.rows.indices {
      let d = try int(weekdays, r, "weekday")
      guard (1...7).contains(d) else { throw weekdays.error(row: r, "weekday must be 1-7") }
      update(field(weekdays, r, "word")) {
        $0.weekday = d
        $0.weekdayForm = field(weekdays, r, "form")
      }
    }
    let numbers = try load("numbers.tsv", ["word", "value", "kind"])
    for r in numbers.rows.indices {
      let v = try int(numbers, r, "value")
      let kind = field(numbers, r, "kind")
      update(field(numbers, r, "word")) {
        if kind == "ordinal" { $0.ordinal = v } else { $0.cardinal = v; $0.numberKind = kind }
      }
    }
    let units = try load("units.tsv", ["word", "unit", "number"])
    for r in units.rows.indices {
      update(field(units, r, "word")) {
        $0.unit = field(units, r, "unit")
        $0.unitPlural = field(units, r, "number") == "plural"
      }
    }
    let seasons = try load("seasons.tsv", ["word", "code"])
    for r in seasons.rows.indices { update(field(seasons, r, "word")) { $0.season = field(seasons, r, "code") } }
    let dayparts = try load("dayparts.tsv", ["word", "code"])
    for r in dayparts.rows.indices { update(field(dayparts, r, "word")) { $0.daypart = field(dayparts, r, "code") } }
    let relative = try load("relative_days.tsv", ["word", "offset", "daypart"])
    for r in relative.rows.indices {
      let off = try int(relative, r, "offset")
      update(field(relative, r, "word")) { $0.relativeDay = (off, field(relative, r, "daypart")) }
    }
    let codes = try load("period_codes.tsv", ["word", "code"])
    for r in codes.rows.indices {
      let code = field(codes, r, "code")
      let n = Int(code.dropFirst()) ?? 0
      guard code.hasPrefix("Q") && (1...4).contains(n) || code.hasPrefix("H") && (1...2).contains(n) else {
        throw codes.error(row: r, "code must be Q1-Q4 or H1-H2")
      }
      update(field(codes, r, "word")) { $0.periodCode = code.hasPrefix("Q") ? n : 4 + n }
    }
    let sets = try load("set_words.tsv", ["word", "value"])
    for r in sets.rows.indices { update(field(sets, r, "word")) { $0.setValue = field(sets, r, "value") } }
    let keywords = try load("keywords.tsv", ["word", "role"])
    for r in keywords.rows.indices {
      guard let role = Role.named(field(keywords, r, "role")) else {
        throw keywords.error(row: r, "unknown role \"\(field(keywords, r, "role"))\"")
      }
      let word = field(keywords, r, "word")
      if word.hasPrefix("*") {
        suffixRoles.append(SuffixRole(suffix: String(word.dropFirst()), role: role))
      } else {
        update(word) { $0.roles.insert(role) }
      }
    }
    let zones = try load("timezones.tsv", ["word"])
    timeZones = Set(zones.rows.map { $0[zones.column("word")!] })
    let clock = try load("clock_suffixes.tsv", ["word", "half"])
    for r in clock.rows.indices {
      let half = field(clock, r, "half")
      guard ["am", "pm", "none"].contains(half) else { throw clock.error(row: r, "half must be am, pm or none") }
      clockSuffixes[field(clock, r, "word").lowercased()] = half
    }

    var list: [Phrase] = []
    let refs = try load("references.tsv", ["phrase", "value"])
    for r in refs.rows.indices {
      list.append(Phrase(tokens: Self.phraseTokens(field(refs, r, "phrase")), kind: .reference(field(refs, r, "value"))))
    }
    let mods = try load("modifiers.tsv", ["phrase", "mod"])
    for r in mods.rows.indices {
      list.append(Phrase(tokens: Self.phraseTokens(field(mods, r, "phrase")), kind: .modifier(field(mods, r, "mod"))))
    }
    let holidays = try load("holidays.tsv", ["phrase", "rule"])
    for r in holidays.rows.indices {
      let rule = field(holidays, r, "rule")
      guard HolidayRule(rule) != nil else { throw holidays.error(row: r, "bad rule \"\(rule)\"") }
      list.append(Phrase(tokens: Self.phraseTokens(field(holidays, r, "phrase")), kind: .holiday(rule)))
    }
    for p in list where !p.tokens.isEmpty { update(p.tokens[0]) { $0.phrases.append(p) } }
    for w in words.values where w.phrases.count > 1 { w.phrases.sort { $0.tokens.count > $1.tokens.count } }
    for key in words.keys {
      if let first = key.utf8.first { shapes[Int(first) * 32 + min(key.utf8.count, 31)] = true }
    }
  }

  private mutating func update(_ word: String, _ body: (Word) -> Void) {
    let key = word.lowercased()
    let w = words[key] ?? Word()
    body(w)
    words[key] = w
  }

  /// Splits a phrase as the tokenizer would: at spaces, with a possessive `'s` split off.
  static func phraseTokens(_ phrase: String) -> [String] {
    var out: [String] = []
    for piece in phrase.lowercased().split(separator: " ") {
      if piece.count > 2, piece.hasSuffix("'s") {
        out.append(String(piece.dropLast(2)))
        out.append("'s")
      } else {
        out.append(String(piece))
      }
    }
    return out
  }
}

/// A holiday's date rule from `holidays.tsv`.
struct HolidayRule: Sendable {
  enum Kind: Sendable { case fixed(month: Int, day: Int), nth(month: Int, weekday: Int, n: Int, offset: Int), easter(Int) }
  let kind: Kind

  init?(_ text: String) {
    let parts = text.split(separator: ":").map(String.init)
    switch parts.first {
    case "fixed":
      let md = parts.count == 2 ? parts[1].split(separator: "-").compactMap { Int($0) } : []
      guard md.count == 2, (1...12).contains(md[0]), (1...31).contains(md[1]) else { return nil }
      kind = .fixed(month: md[0], day: md[1])
    case "nth":
      // An optional fourth field shifts the day: "nth:11:1:1:1" is the Tuesday after the first
      // Monday of November (US Election Day).
      let v = parts.dropFirst().compactMap { Int($0) }
      guard v.count == parts.count - 1, v.count == 3 || v.count == 4, (1...12).contains(v[0]), (1...7).contains(v[1]), v[2] != 0
      else { return nil }
      kind = .nth(month: v[0], weekday: v[1], n: v[2], offset: v.count == 4 ? v[3] : 0)
    case "easter":
      guard parts.count == 2, let off = Int(parts[1]) else { return nil }
      kind = .easter(off)
    default:
      return nil
    }
  }

  /// The holiday's day in `year`.
  func date(in year: Int) -> PublicationDate? {
    switch kind {
    case let .fixed(m, d): return PublicationDate(year: year, month: m, day: d)
    case let .nth(m, wd, n, off): return Cal.nthWeekday(year: year, month: m, weekday: wd, n: n)?.adding(days: off)
    case let .easter(off): return Cal.easter(year).adding(days: off)
    }
  }
}
