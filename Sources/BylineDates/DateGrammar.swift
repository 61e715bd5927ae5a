import BylineCore

/// A match of one rule over tokens `start..<end` of a sentence.
struct TimexHit {
  var start: Int
  var end: Int
  var type: TimexType
  var value: String
  var mod: String?
  var rule: String
  /// The calendar point, for DATE/TIME hits that name one; later relative expressions anchor on it.
  var point: CalendarPoint?
}

/// Which way an expression without a year or week points, from the clause's tense.
enum Tense { case past, future, unknown }

/// What the rules know about the document so far.
struct DateContext {
  /// The publication date (the TimeML document creation time).
  let reference: PublicationDate?
  /// The last day-precision date mentioned, for "two days later", "the next day", bare times.
  var lastDay: CalendarPoint?
  /// The last date of any precision mentioned, for "the following year", "the next month".
  var lastPoint: CalendarPoint?
  /// The last quarter named outright ("the third quarter"), for "a year earlier" in earnings
  /// reports, which means the same quarter a year before.
  var focusQuarter: CalendarPoint?
}

/// The English-shaped date rules over a ``SentenceView``; the words come from ``DateLexicon``.
struct DateGrammar {
  let v: SentenceView
  var ctx: DateContext

  /// All timexes of the sentence, left to right, longest match first at each token.
  mutating func run() -> [TimexHit] {
    var out: [TimexHit] = []
    var i = 0
    while i < v.count {
      if let h = best(at: i) {
        out.append(h)
        if let p = h.point, h.type == .date || h.type == .time {
          ctx.lastPoint = p
          if p.isDay { ctx.lastDay = p }
          if p.quarter != nil, h.rule == "dates.quarter" || h.rule == "dates.year" { ctx.focusQuarter = p }
        }
        i = max(h.end, i + 1)
        // "April 24 and 25": the second day shares the month.
        if h.rule == "dates.month_day", var p = h.point, p.isDay, i + 1 < v.count,
          v.isText(i, "and") || v.isText(i, "to") || v.isText(i, "-") || v.isText(i, "through"),
          let d = v.dayNumber(i + 1), v.word(i + 2)?.month == nil, let m = p.month, d <= PublicationDate.daysIn(month: m, year: p.year ?? 2000)
        {
          p.day = d
          p.part = nil
          out.append(TimexHit(start: i + 1, end: i + 2, type: .date, value: p.value, rule: "dates.month_day", point: p))
          i += 2
        }
      } else {
        i += 1
      }
    }
    return out
  }

  /// The longest hit starting at `i` (earlier rules win ties).
  func best(at i: Int) -> TimexHit? {
    // Every rule starts at a lexicon word, a number, a number with letters ("1990s", "5pm")
    // or the apostrophe of "'90s"; skip everything else at once.
    guard v.words[i]?.canStart ?? false || v.kinds[i] == .number || v.low[i] == "'" || v.lexicon.phrases[v.low[i]] != nil
      || (v.kinds[i] == .word && (v.low[i].utf8.first.map { $0 >= 48 && $0 <= 57 } ?? false))
    else { return nil }
    var best: TimexHit?
    func consider(_ h: TimexHit?) {
      guard let h, h.end > h.start else { return }
      if best == nil || h.end > best!.end { best = h }
    }
    consider(modified(at: i))
    consider(positioned(at: i))
    consider(core(at: i))
    return best
  }

  /// Every unmodified expression starting at `i`.
  func core(at i: Int) -> TimexHit? {
    var best: TimexHit?
    @inline(__always) func consider(_ h: TimexHit?) {
      guard let h, h.end > h.start else { return }
      if best == nil || h.end > best!.end { best = h }
    }
    // Rules by the kind of token they start with, so most tokens try only a few.
    let w = v.words[i]
    if v.kinds[i] == .number {
      consider(numericDate(i))
      consider(clock(i))
      consider(dayFirst(i))
      consider(yearRule(i))
      consider(amount(i))
      return best
    }
    if v.kinds[i] == .word, v.low[i].utf8.first.map({ $0 >= 48 && $0 <= 57 }) ?? false {
      consider(clock(i))
      consider(dayFirst(i))
      consider(decadeRule(i))
      consider(centuryRule(i))
      consider(quarterRule(i))
      return best
    }
    if v.low[i] == "'" { return decadeRule(i) }
    if let w {
      if w.month != nil { consider(monthFirst(i)) }
      if w.weekday != nil { consider(weekdayRule(i)) }
      if w.relativeDay != nil || w.roles.contains(.this) || w.roles.contains(.last) { consider(relativeDay(i)) }
      if w.daypart != nil { consider(clock(i)) }
      if w.roles.contains(.the) {
        consider(dayFirst(i))
        consider(decadeRule(i))
        consider(centuryRule(i))
        consider(weekend(i))
        consider(theYear(i))
      }
      consider(yearRule(i))
      consider(quarterRule(i))
      consider(yearAdjective(i))
      if w.unit != nil { consider(yearEnd(i)) }
      consider(relative(i))
      consider(amount(i))
      consider(setRule(i))
      if w.season != nil || w.roles.contains(.the) { consider(season(i)) }
      if w.unit != nil { consider(barePlural(i)) }
    }
    if v.lexicon.phrases[v.low[i]] != nil {
      consider(holiday(i))
      consider(reference(i))
    }
    return best
  }

  // MARK: Modifiers

  /// "about three years" (APPROX), "more than four hours", "around 7:15 p.m.": a modifier
  /// phrase from modifiers.tsv before an amount, a clock time or (APPROX only) a date.
  func modified(at i: Int) -> TimexHit? {
    guard let (mod, j) = modifierPhrase(at: i), !v.role(j, .the), var h = core(at: j), h.start == j else { return nil }
    let ok: Bool
    switch h.rule {
    case "dates.duration", "dates.ago", "dates.shift", "dates.clock": ok = true
    case "dates.reference", "dates.set": ok = false
    default: ok = mod == "APPROX" && v.low[i] != "some"
    }
    guard ok else { return nil }
    h.start = i
    if h.mod == nil { h.mod = mod }
    return h
  }

  private func modifierPhrase(at i: Int) -> (String, Int)? {
    for p in v.lexicon.phrases[v.low[i]] ?? [] {
      guard case let .modifier(mod) = p.kind, matches(p.tokens, at: i) else { continue }
      return (mod, i + p.tokens.count)
    }
    return nil
  }

  /// "early August" (START), "mid-2024" (MID), "late last year" (END), "the end of 1990",
  /// "earlier this year" (START), "the early 1990s".
  func positioned(at i: Int) -> TimexHit? {
    var j = i
    let hasThe = v.role(j, .the)
    if hasThe { j += 1 }
    var mod: String?
    if v.role(j, .early) {
      mod = "START"
    } else if v.role(j, .mid) {
      mod = "MID"
    } else if v.role(j, .late) {
      mod = "END"
    } else if !hasThe, v.role(j, .earlier) || v.role(j, .later), v.role(j + 1, .this) || v.role(j + 1, .prep) {
      // "earlier this year", "later this month", "earlier in the year" (not "earlier Friday").
      mod = v.role(j, .earlier) ? "START" : "END"
    }
    var k = j + 1
    if mod != nil {
      if v.isText(k, "-") { k += 1 }
    } else if hasThe, v.role(j, .of) == false, v.isText(j + 1, "of") {
      if v.role(j, .start) { mod = "START" } else if v.role(j, .middle) { mod = "MID" } else if v.role(j, .end) { mod = "END" }
      k = j + 2
    }
    guard let m = mod, k < v.count else { return nil }
    // "earlier in the year", "the end of the year": the bare unit after "the" names the current one.
    var target: TimexHit?
    if v.role(k, .the) || (v.isText(k, "in") && v.role(k + 1, .the)) {
      let u = v.isText(k, "in") ? k + 2 : k + 1
      if let unit = v.word(u)?.unit, !(v.word(u)?.unitPlural ?? true), let p = currentUnit(unit) {
        target = TimexHit(start: k, end: u + 1, type: .date, value: p.value, rule: "dates.position", point: p)
      }
    }
    if target == nil, let c = core(at: k), c.start == k, c.type == .date || c.type == .time,
      !["dates.reference", "dates.duration"].contains(c.rule)
    {
      target = c
    }
    guard var h = target else { return nil }
    if hasThe, !["dates.decade", "dates.century", "dates.season", "dates.position"].contains(h.rule),
      v.role(j, .early) || v.role(j, .mid) || v.role(j, .late)
    {
      return nil
    }
    h.start = i
    h.mod = m
    h.rule = h.rule == "dates.position" ? h.rule : h.rule
    return h
  }

  /// The current year, month, week or quarter as a point ("the end of the year").
  private func currentUnit(_ unit: String) -> CalendarPoint? {
    guard let r = ctx.reference else { return nil }
    var p = CalendarPoint(year: r.year)
    switch unit {
    case "Y": break
    case "M": p.month = r.month
    case "W": p = Cal.weekPoint(r)
    case "Q": p.quarter = Cal.quarter(ofMonth: r.month)
    default: return nil
    }
    return p
  }

  // MARK: Absolute dates

  /// "2024-07-22", "2024-07-22T18:17", "15/07/2024" (day first when the first number is over 12,
  /// else month first as in US usage), "2024/07/22".
  func numericDate(_ i: Int) -> TimexHit? {
    guard let a = v.digits(i), v.count > i + 4 else { return nil }
    let sep = v.low[i + 1]
    guard sep == "-" || sep == "/" || sep == ".", v.low[i + 3] == sep,
      v.glued(i + 1), v.glued(i + 2), v.glued(i + 3), v.glued(i + 4),
      let b = v.digits(i + 2), let c = v.digits(i + 4)
    else { return nil }
    var p: CalendarPoint
    if a.length == 4 {
      p = CalendarPoint(year: a.value, month: b.value, day: c.value)
    } else if c.length == 4 || c.length == 2 {
      guard sep != "-" || c.length == 4 else { return nil }
      let y = c.length == 4 ? c.value : (c.value < 50 ? 2000 + c.value : 1900 + c.value)
      if a.value > 12 {
        p = CalendarPoint(year: y, month: b.value, day: a.value)
      } else {
        p = CalendarPoint(year: y, month: a.value, day: b.value)
      }
    } else {
      return nil
    }
    guard p.date != nil else { return nil }
    var end = i + 5
    var type = TimexType.date
    // "2024-07-22T18:17" tokenizes as "22T18", ":"... only the plain form with a space is taken.
    if let (t, e) = clockTime(at: end) {
      p.part = t
      end = e
      type = .time
    }
    return TimexHit(start: i, end: end, type: type, value: p.value, rule: "dates.numeric", point: p)
  }

  /// "July 22, 2024", "July 15", "Sept. 11", "August 2024", "August of 2024", "May" (guarded),
  /// "July 22, 2024 18:17".
  func monthFirst(_ i: Int) -> TimexHit? {
    guard let w = v.word(i), let m = w.month, v.capitalized(i) else { return nil }
    var j = i + 1
    if w.monthAbbreviated {
      if v.isText(j, "."), v.glued(j) { j += 1 }
    }
    if let d = v.dayNumber(j), d <= PublicationDate.daysIn(month: m, year: 2000),
      !((v.isText(j + 1, ":") || v.isText(j + 1, "-")) && v.glued(j + 1) && v.glued(j + 2) && v.digits(j + 2) != nil)
    {
      var end = j + 1
      var p: CalendarPoint
      if v.isText(end, ","), let y = v.year4(end + 1) {
        p = CalendarPoint(year: y, month: m, day: d)
        end += 2
      } else if let y = v.year4(end) {
        p = CalendarPoint(year: y, month: m, day: d)
        end += 1
      } else {
        // "last Oct. 23" is past, "next July 4" future, whatever the verb.
        let t = v.role(i - 1, .last) ? Tense.past : v.role(i - 1, .next) ? Tense.future : tense(i, end)
        p = resolveMonthDay(m, d, tense: t)
      }
      return withClock(p, start: i, end: end, rule: "dates.month_day")
    }
    if let y = v.year4(j) {
      let p = CalendarPoint(year: y, month: m)
      return TimexHit(start: i, end: j + 1, type: .date, value: p.value, rule: "dates.month_year", point: p)
    }
    if let (y, e) = spokenYear(j) {
      let p = CalendarPoint(year: y, month: m)
      return TimexHit(start: i, end: e, type: .date, value: p.value, rule: "dates.month_year", point: p)
    }
    if (v.isText(j, "of") || v.isText(j, ",")), let y = v.year4(j + 1) {
      let p = CalendarPoint(year: y, month: m)
      return TimexHit(start: i, end: j + 2, type: .date, value: p.value, rule: "dates.month_year", point: p)
    }
    // "June last year", "January this year".
    if v.role(j, .this) || v.role(j, .last) || v.role(j, .next), v.word(j + 1)?.unit == "Y", v.word(j + 1)?.unitPlural == false,
      let r = ctx.reference
    {
      let p = CalendarPoint(year: r.year + (v.role(j, .this) ? 0 : v.role(j, .last) ? -1 : 1), month: m)
      return TimexHit(start: i, end: j + 2, type: .date, value: p.value, rule: "dates.month_year", point: p)
    }
    // A month alone.
    if w.monthAbbreviated { return nil }
    let licensed = v.role(i - 1, .prep) || v.role(i - 1, .early) || v.role(i - 1, .mid) || v.role(i - 1, .late)
      || v.isText(i - 1, "-") || v.role(i - 1, .this) || v.role(i - 1, .last) || v.role(i - 1, .next)
      || v.role(i - 1, .every) || v.role(i - 1, .of)
      || (v.role(i - 1, .the) && i + 1 < v.count && v.kinds[i + 1] == .word && !v.capitalized(i + 1))
    if w.monthGuarded, !licensed { return nil }
    if !licensed, i + 1 < v.count, v.capitalized(i + 1), v.word(i + 1)?.month == nil { return nil }
    if i == 0, w.monthGuarded { return nil }
    let p = resolveMonth(m, tense: tense(i, i + 1))
    return TimexHit(start: i, end: i + 1, type: .date, value: p.value, rule: "dates.month", point: p)
  }

  /// "22 Jul 2024", "22 Jul 2024 18:17", "the 15th of July", "15 July".
  func dayFirst(_ i: Int) -> TimexHit? {
    var j = i
    let hasThe = v.role(j, .the)
    if hasThe { j += 1 }
    guard let d = v.dayNumber(j) else { return nil }
    var k = j + 1
    if v.isText(k, "of") { k += 1 }
    guard let w = v.word(k), let m = w.month, v.capitalized(k), d <= PublicationDate.daysIn(month: m, year: 2000) else {
      return nil
    }
    if hasThe, k == j + 1 { return nil }
    var end = k + 1
    if w.monthAbbreviated, v.isText(end, "."), v.glued(end) { end += 1 }
    var p: CalendarPoint
    if let y = v.year4(end) {
      p = CalendarPoint(year: y, month: m, day: d)
      end += 1
    } else if v.isText(end, ","), let y = v.year4(end + 1) {
      p = CalendarPoint(year: y, month: m, day: d)
      end += 2
    } else {
      if w.monthGuarded, v.digits(j) == nil, k == j + 1 { return nil }
      p = resolveMonthDay(m, d, tense: tense(i, end))
    }
    return withClock(p, start: i, end: end, rule: "dates.day_month")
  }

  /// A clock time right after a date makes the whole a TIME ("22 Jul 2024 18:17").
  private func withClock(_ p: CalendarPoint, start: Int, end: Int, rule: String) -> TimexHit {
    var p = p
    var k = end
    if v.isText(k, ",") || v.role(k, .at) { k += 1 }
    if let (t, e) = clockTime(at: k) {
      p.part = t
      return TimexHit(start: start, end: e, type: .time, value: p.value, rule: rule, point: p)
    }
    return TimexHit(start: start, end: end, type: .date, value: p.value, rule: rule, point: p)
  }

  /// "in 2011" → 2011, "fiscal 1989", "the year 2000", "2024" (1900–2099 anywhere; earlier years
  /// only after a preposition). Not after a currency sign or before "%".
  func yearRule(_ i: Int) -> TimexHit? {
    var j = i
    // "the 1988 third quarter", "the 1988 quarter", "the 1989 period".
    if v.role(j, .the), let y = v.year4(j + 1) {
      if let q = quarterPart(at: j + 2), q.year == nil {
        var p = CalendarPoint(year: y)
        p.quarter = q.quarter
        p.half = q.half
        return TimexHit(start: i, end: q.end, type: .date, value: p.value, rule: "dates.year", point: p)
      }
      if v.word(j + 2)?.unit == "Q" && v.word(j + 2)?.unitPlural == false || v.role(j + 2, .period) {
        var p = CalendarPoint(year: y)
        if v.word(j + 2)?.unit == "Q" { p.quarter = ctx.focusQuarter?.quarter }
        return TimexHit(start: i, end: j + 3, type: .date, value: p.value, rule: "dates.year", point: p)
      }
    }
    // "the year two thousand"
    if v.role(j, .the), v.word(j + 1)?.unit == "Y", let (y, e) = spokenYear(j + 2) {
      let p = CalendarPoint(year: y)
      return TimexHit(start: i, end: e, type: .date, value: p.value, rule: "dates.year", point: p)
    }
    if v.role(j, .fiscal) || (v.role(j, .the) && v.word(j + 1)?.unit == "Y" && v.year4(j + 2) != nil) {
      j += v.role(j, .the) ? 2 : 1
      if v.word(j)?.unit == "Y" { j += 1 }
    }
    if let (y, e) = spokenYear(j) {
      let p = CalendarPoint(year: y)
      return TimexHit(start: i, end: e, type: .date, value: p.value, rule: "dates.year", point: p)
    }
    guard let y = v.year4(j) else { return nil }
    if j == i {
      if i > 0, ["$", "€", "£", "#", "¥"].contains(v.low[i - 1]) { return nil }
      if v.isText(i - 1, "no") && v.isText(i, ".") { return nil }
      if !(1900...2099).contains(y), !(v.role(i - 1, .prep) || v.role(i - 1, .of)) { return nil }
      if v.isText(i + 1, "%") || v.isText(i + 1, "percent") { return nil }
      if v.isText(i + 1, ":") || (v.isText(i + 1, ",") && v.digits(i + 2)?.length == 3) { return nil }
      if let u = v.word(i + 1)?.unit, u != "Y" || v.word(i + 1)!.unitPlural { return nil }
      if v.digits(i - 1) != nil { return nil }
    }
    var p = CalendarPoint(year: y)
    var end = j + 1
    // "1988 third quarter", "2024's second half"
    var k = end
    if v.isText(k, "'s") { k += 1 }
    if let q = quarterPart(at: k) {
      if let quarter = q.quarter { p.quarter = quarter } else { p.half = q.half }
      end = q.end
    }
    return TimexHit(start: i, end: end, type: .date, value: p.value, rule: "dates.year", point: p)
  }

  /// A year in words: "nineteen ninety-six" → 1996, "two thousand" → 2000 (the latter only
  /// after "the year"; callers check the context).
  func spokenYear(_ j: Int) -> (Int, Int)? {
    guard let w = v.word(j), w.numberKind == "cardinal", let c = w.cardinal else { return nil }
    if (11...19).contains(c), let t = v.word(j + 1), t.numberKind == "cardinal", let tens = t.cardinal, tens >= 20, tens % 10 == 0 {
      var y = c * 100 + tens
      var e = j + 2
      if tens >= 20, tens % 10 == 0 {
        var k = e
        if v.isText(k, "-") { k += 1 }
        if let u = v.word(k), u.numberKind == "cardinal", let unit = u.cardinal, (1...9).contains(unit) {
          y += unit
          e = k + 1
        }
      }
      return (y, e)
    }
    if c == 2, v.word(j + 1)?.numberKind == "multiplier", v.word(j + 1)?.cardinal == 1000, v.word(j - 1)?.unit == "Y" {
      return (2000, j + 2)
    }
    return nil
  }

  /// "for years" → PXY, "in weeks" → PXW: a bare plural unit after a preposition.
  func barePlural(_ i: Int) -> TimexHit? {
    guard let w = v.word(i), let u = w.unit, w.unitPlural, ["Y", "M", "W"].contains(u), v.role(i - 1, .prep) else {
      return nil
    }
    if v.isText(i + 1, "of") || v.isText(i + 1, "-") { return nil }
    return TimexHit(start: i, end: i + 1, type: .duration, value: durationValue(nil, u), rule: "dates.duration", point: nil)
  }

  /// "the 1990s" → 199, "'90s", "the 1800s" → 18.
  func decadeRule(_ i: Int) -> TimexHit? {
    var j = i
    if v.role(j, .the) { j += 1 }
    var value: Int?
    var century = false
    if let (n, suffix) = v.numberWithSuffix(j), suffix == "s" || suffix == "'s" {
      if n >= 1000, n <= 2090, n % 10 == 0 {
        if n % 100 == 0 { value = n / 100; century = true } else { value = n / 10 }
      } else if n < 100, n % 10 == 0, v.isText(j - 1, "'") {
        let refCentury = (ctx.reference?.year ?? 1999) / 100
        let base = (n > (ctx.reference?.year ?? 1999) % 100 ? refCentury - 1 : refCentury) * 100
        value = (base + n) / 10
      }
    }
    guard let val = value else { return nil }
    let start = v.isText(j - 1, "'") && j == i ? i - 1 : i
    var p = CalendarPoint()
    if century { p.century = val } else { p.decade = val }
    return TimexHit(start: min(start, i), end: j + 1, type: .date, value: p.value, rule: century ? "dates.century" : "dates.decade", point: p)
  }

  /// "the 20th century" → 19, "the eighteenth century".
  func centuryRule(_ i: Int) -> TimexHit? {
    var j = i
    if v.role(j, .the) { j += 1 }
    var n: Int?
    if let (x, suffix) = v.numberWithSuffix(j), ["st", "nd", "rd", "th"].contains(suffix) { n = x }
    if n == nil, let o = v.word(j)?.ordinal, o > 0 { n = o }
    guard let c = n, c > 0, c < 30 else { return nil }
    var k = j + 1
    if v.isText(k, "-") { k += 1 }
    guard v.word(k)?.unit == "CE", !(v.word(k)?.unitPlural ?? true) else { return nil }
    var p = CalendarPoint()
    p.century = c - 1
    return TimexHit(start: i, end: k + 1, type: .date, value: p.value, rule: "dates.century", point: p)
  }

  // MARK: Quarters and halves

  /// "third quarter", "third-quarter", "first half" at `i`, with an optional "of 1989" / "1989".
  private func quarterPart(at i: Int) -> (quarter: Int?, half: Int?, end: Int, year: Int?, hyphen: Bool)? {
    var j = i
    if v.role(j, .fiscal) { j += 1 }
    var ord: Int?
    if let o = v.word(j)?.ordinal { ord = o }
    if ord == nil, let (x, s) = v.numberWithSuffix(j), ["st", "nd", "rd", "th"].contains(s) { ord = x }
    guard let o = ord else { return nil }
    var k = j + 1
    let hyphen = v.isText(k, "-")
    if hyphen { k += 1 }
    if v.role(k, .fiscal) { k += 1 }
    var quarter: Int?
    var half: Int?
    if v.word(k)?.unit == "Q", v.word(k)?.unitPlural == false {
      guard (1...4).contains(o) || o == -2 else { return nil }
      quarter = o == -2 ? 4 : o
    } else if v.role(k, .half) {
      guard (1...2).contains(o) || o == -2 else { return nil }
      half = o == -2 ? 2 : o
    } else {
      return nil
    }
    var end = k + 1
    var year: Int?
    if v.isText(end, "of"), let y = v.year4(end + 1) {
      year = y
      end += 2
    } else if let y = v.year4(end) {
      year = y
      end += 1
    }
    return (quarter, half, end, year, hyphen)
  }

  /// "the third quarter", "third-quarter", "the fiscal first quarter", "the first half of 1989",
  /// "the quarter" / "the latest quarter" (the last one finished), "the current quarter".
  func quarterRule(_ i: Int) -> TimexHit? {
    var j = i
    if v.role(j, .the) { j += 1 }
    if let q = quarterPart(at: j) {
      var p = CalendarPoint()
      if let y = q.year {
        p.year = y
      } else if let r = ctx.reference {
        var y = r.year
        let firstMonth = q.quarter.map { ($0 - 1) * 3 + 1 } ?? ((q.half ?? 1) - 1) * 6 + 1
        if firstMonth > r.month, tense(i, q.end) != .future { y -= 1 }
        p.year = y
      }
      p.quarter = q.quarter
      p.half = q.half
      // "the third-quarter loss": TimeBank leaves "the" of the adjective out.
      let start = q.hyphen && q.year == nil && j > i ? j : i
      return TimexHit(start: start, end: q.end, type: .date, value: p.value, rule: "dates.quarter", point: p)
    }
    guard j > i else { return nil }
    var k = j
    var current = false
    if v.role(k, .current) || v.role(k, .this) {
      current = true
      k += 1
    } else if v.role(k, .latest) || v.isText(k, "most") && v.role(k + 1, .latest) {
      k += v.isText(k, "most") ? 2 : 1
    }
    guard v.word(k)?.unit == "Q", v.word(k)?.unitPlural == false, v.role(k + 1, .of) == false || v.year4(k + 2) == nil
    else { return nil }
    var p = CalendarPoint()
    if let r = ctx.reference {
      let q = Cal.quarter(ofMonth: r.month)
      if current {
        p.year = r.year
        p.quarter = q
      } else {
        p.year = q == 1 ? r.year - 1 : r.year
        p.quarter = q == 1 ? 4 : q - 1
      }
    } else {
      p.quarter = nil
      return TimexHit(start: i, end: k + 1, type: .date, value: "XXXX-QX", rule: "dates.quarter", point: nil)
    }
    return TimexHit(start: i, end: k + 1, type: .date, value: p.value, rule: "dates.quarter", point: p)
  }

  /// "year-earlier", "the year-ago quarter", "the year-earlier period": the same period one
  /// year before (the quarter last talked about, else the previous year).
  func yearAdjective(_ i: Int) -> TimexHit? {
    var j = i
    if v.role(j, .the) { j += 1 }
    if v.isText(j, "comparable") || v.isText(j, "same") { j += 1 }
    guard v.word(j)?.unit == "Y", v.isText(j + 1, "-"), v.role(j + 2, .ago) || v.role(j + 2, .earlier) else { return nil }
    var end = j + 3
    if let q = quarterPart(at: end), q.year == nil { end = q.end }
    else if v.word(end)?.unit == "Q" || v.role(end, .period) { end += 1 }
    if j > i, end == j + 3 { return nil }
    let p = yearBefore()
    return TimexHit(start: i, end: end, type: .date, value: p.value, rule: "dates.year_ago", point: p)
  }

  /// One year before the period in focus: the last quarter mentioned, else the reference year.
  private func yearBefore() -> CalendarPoint {
    if let lp = ctx.focusQuarter, let q = lp.quarter, let y = lp.year {
      var p = CalendarPoint(year: y - 1)
      p.quarter = q
      return p
    }
    return CalendarPoint(year: ctx.reference.map { $0.year - 1 })
  }

  /// "the year", "the full year", "the fiscal year" → the reference year; "the year ended
  /// March 31" → a DURATION P1Y (a fiscal year named by its end).
  func theYear(_ i: Int) -> TimexHit? {
    guard v.role(i, .the) else { return nil }
    var j = i + 1
    if v.isText(j, "full") || v.role(j, .fiscal) || v.role(j, .latest) && v.role(j + 1, .fiscal) {
      j += v.role(j, .latest) ? 2 : 1
    }
    guard v.word(j)?.unit == "Y", v.word(j)?.unitPlural == false else { return nil }
    let next = j + 1
    if v.isText(next, "-") || v.role(next, .ago) || v.role(next, .earlier) || v.role(next, .before) || v.role(next, .after)
      || v.digits(next) != nil || v.word(next)?.cardinal != nil
    {
      return nil
    }
    if v.isText(next, "ended") || v.isText(next, "ending") {
      return TimexHit(start: i, end: next, type: .duration, value: "P1Y", rule: "dates.the_year", point: nil)
    }
    guard let r = ctx.reference else { return nil }
    let p = CalendarPoint(year: v.role(i + 1, .latest) ? r.year - 1 : r.year)
    return TimexHit(start: i, end: next, type: .date, value: p.value, rule: "dates.the_year", point: p)
  }

  /// "year-end", "year end" → the reference year, mod END.
  func yearEnd(_ i: Int) -> TimexHit? {
    guard v.word(i)?.unit == "Y", v.word(i)?.unitPlural == false else { return nil }
    var j = i + 1
    if v.isText(j, "-") { j += 1 }
    guard v.role(j, .end), !v.role(j + 1, .of) else { return nil }
    let p = CalendarPoint(year: ctx.reference?.year)
    return TimexHit(start: i, end: j + 1, type: .date, value: p.value, mod: "END", rule: "dates.year_end", point: p)
  }

  // MARK: Weekdays and relative days

  /// "Monday" (resolved by the clause's tense: past → the last one, "will" → the next one,
  /// otherwise the one in the publication week), "Monday, July 22", "Monday morning",
  /// "Mondays" (SET). Not "Sunday Times" (a name follows).
  func weekdayRule(_ i: Int) -> TimexHit? {
    guard let w = v.word(i), let wd = w.weekday, v.capitalized(i) else { return nil }
    var j = i + 1
    if w.weekdayForm == "plural" {
      var p = CalendarPoint()
      p.week = 0
      p.weekday = wd
      if let dp = v.word(j)?.daypart, v.low[j].hasSuffix("s") || true, !dp.hasPrefix("T"), v.word(j)?.unit == nil {
        p.part = "T" + dp
        j += 1
      }
      return TimexHit(start: i, end: j, type: .set, value: p.value, rule: "dates.set", point: nil)
    }
    // "Monday, July 22[, 2024]" / "Mon 22 Jul 2024".
    var k = j
    if v.isText(k, ",") || (w.weekdayForm == "abbr" && v.isText(k, ".")) { k += 1 }
    if let h = monthFirst(k) ?? dayFirst(k), h.type != .set, let p = h.point, p.isDay {
      return TimexHit(start: i, end: h.end, type: h.type, value: h.value, rule: "dates.weekday", point: p)
    }
    guard w.weekdayForm == "full" else { return nil }
    // Names: "Sunday Times".
    if j < v.count, v.capitalized(j), v.word(j) == nil { return nil }
    var p = resolveWeekday(wd, tense: tense(i, i + 1))
    // "Monday night": TimeBank mostly gives these the plain day (DATE); a clock word
    // ("Monday noon") keeps its time.
    var type = TimexType.date
    if let dp = v.word(j)?.daypart, v.word(j)?.unit == nil {
      if dp.hasPrefix("T") {
        p.part = dp
        type = .time
      }
      j += 1
    }
    if let r = ctx.reference, p.year == nil, r.year > 0 { _ = r }
    return TimexHit(start: i, end: j, type: type, value: p.value, rule: "dates.weekday", point: p)
  }

  /// "today", "yesterday", "tomorrow", "tonight" (TIME …TNI), "yesterday morning",
  /// "last night", "this morning".
  func relativeDay(_ i: Int) -> TimexHit? {
    var offset: Int
    var part: String?
    var end: Int
    if let rd = v.word(i)?.relativeDay {
      offset = rd.offset
      part = rd.daypart.isEmpty ? nil : rd.daypart
      end = i + 1
      if part == nil, let dp = v.word(end)?.daypart, v.word(end)?.unit == nil {
        part = dp
        end += 1
      }
    } else if v.role(i, .this) || v.role(i, .last) || v.isText(i, "tomorrow"),
      let dp = v.word(i + 1)?.daypart, !dp.hasPrefix("T"), v.word(i + 1)?.unit == nil
    {
      // "last night" is the evening before; "this morning" today.
      offset = v.role(i, .last) ? -1 : 0
      if v.isText(i, "past") { return nil }
      part = dp
      end = i + 2
    } else {
      return nil
    }
    guard let r = ctx.reference else {
      let value = offset < 0 ? "PAST_REF" : offset > 0 ? "FUTURE_REF" : "PRESENT_REF"
      return TimexHit(start: i, end: end, type: .date, value: value, rule: "dates.relative_day", point: nil)
    }
    var p = CalendarPoint(r.adding(days: offset))
    var type = TimexType.date
    if let dp = part {
      p.part = dp.hasPrefix("T") ? dp : "T" + dp
      type = .time
    }
    return TimexHit(start: i, end: end, type: type, value: p.value, rule: "dates.relative_day", point: p)
  }

  /// "the weekend": the one just past (Saturday–Sunday of the week before, or of this week when
  /// the reference day is a weekend day), or the coming one in a future clause.
  func weekend(_ i: Int) -> TimexHit? {
    guard v.role(i, .the), v.word(i + 1)?.unit == "WE", v.word(i + 1)?.unitPlural == false else { return nil }
    guard let r = ctx.reference else {
      return TimexHit(start: i, end: i + 2, type: .date, value: "XXXX-WXX-WE", rule: "dates.weekend", point: nil)
    }
    let wd = r.isoWeekday
    let day: PublicationDate
    if tense(i, i + 2) == .future {
      day = r.adding(days: 6 - wd >= 0 ? 6 - wd : 0)
    } else {
      day = wd >= 6 ? r : r.adding(days: -wd)
    }
    var p = Cal.weekPoint(day)
    p.weekend = true
    return TimexHit(start: i, end: i + 2, type: .date, value: p.value, rule: "dates.weekend", point: p)
  }

  // MARK: Relative units

  /// "last year", "this month", "next week", "the following month", "the past year",
  /// "last Friday", "next July", "this summer", "last Thanksgiving", "this past spring".
  func relative(_ i: Int) -> TimexHit? {
    var j = i
    let hasThe = v.role(j, .the)
    if hasThe { j += 1 }
    var dir: Int
    var anchored = false
    if v.role(j, .this) || (hasThe && v.role(j, .current)) {
      dir = 0
      if v.role(j + 1, .last) { dir = -1; j += 1 } else if v.role(j + 1, .next) { dir = 1; j += 1 }
    } else if v.role(j, .last) {
      dir = -1
    } else if v.role(j, .next) {
      dir = 1
      anchored = hasThe
    } else if v.role(j, .following) {
      dir = 1
      anchored = true
    } else if v.role(j, .previous) {
      dir = -1
      anchored = true
    } else if hasThe, v.isText(j, "same") {
      dir = 0
      anchored = true
    } else {
      return nil
    }
    if hasThe, v.role(j, .this) { return nil }
    j += 1

    if v.role(j, .fiscal) { j += 1 }
    guard j < v.count, let w = v.word(j) else { return nil }
    // "the following month" counts from the last date talked about, at its precision.
    var base: PublicationDate? = ctx.reference
    if anchored, let lp = ctx.lastPoint, let y = lp.year, lp.decade == nil, lp.century == nil {
      base = PublicationDate(year: y, month: lp.month ?? lp.quarter.map { ($0 - 1) * 3 + 1 } ?? 1, day: lp.day ?? 1)
    }
    let end = j + 1
    func hit(_ p: CalendarPoint?, _ type: TimexType = .date) -> TimexHit {
      guard let p else {
        let value = dir < 0 ? "PAST_REF" : dir > 0 ? "FUTURE_REF" : "PRESENT_REF"
        return TimexHit(start: i, end: end, type: .date, value: value, rule: "dates.relative", point: nil)
      }
      return TimexHit(start: i, end: end, type: type, value: p.value, rule: "dates.relative", point: p)
    }
    if anchored, dir != 0, let dp = w.daypart, !dp.hasPrefix("T"), let b = base {
      // "the next morning": the day after the last date talked about.
      return hit(CalendarPoint(b.adding(days: dir)))
    }
    if let unit = w.unit, !w.unitPlural {
      guard let b = base else { return hit(nil) }
      var p = CalendarPoint(year: b.year)
      switch unit {
      case "Y":
        p.year = b.year + dir
        // "this year's third quarter"
        if v.isText(end, "'s"), let q = quarterPart(at: end + 1), q.year == nil {
          p.quarter = q.quarter
          p.half = q.half
          var h = hit(p)
          h.end = q.end
          return h
        }
      case "M":
        let (y, m) = Cal.addMonths(b.year, b.month, dir)
        p = CalendarPoint(year: y, month: m)
      case "W":
        p = Cal.weekPoint(b.adding(days: 7 * dir))
      case "WE":
        p = Cal.weekPoint(b.adding(days: 7 * dir))
        p.weekend = true
      case "D":
        guard anchored || dir == 0 else { return nil }
        p = CalendarPoint(b.adding(days: dir))
      case "Q":
        let (y, m) = Cal.addMonths(b.year, b.month, 3 * dir)
        p.year = y
        p.quarter = Cal.quarter(ofMonth: m)
      case "DE":
        p = CalendarPoint()
        p.decade = b.year / 10 + dir
      case "CE":
        p = CalendarPoint()
        p.century = b.year / 100 + dir
      default:
        return nil
      }
      return hit(p)
    }
    if let m = w.month, v.capitalized(j), !w.monthAbbreviated || v.isText(j + 1, "."),
      v.dayNumber(w.monthAbbreviated ? j + 2 : j + 1) == nil
    {
      // ("last Oct. 23" is the date "Oct. 23", resolved to the past by the month-day rule.)
      guard let b = base else { return hit(CalendarPoint(month: m)) }
      var y = b.year
      if dir < 0, m >= b.month { y -= 1 }
      if dir > 0, m <= b.month { y += 1 }
      return hit(CalendarPoint(year: y, month: m))
    }
    if let wd = w.weekday, w.weekdayForm == "full", v.capitalized(j) {
      guard let b = base else {
        var p = CalendarPoint()
        p.week = 0
        p.weekday = wd
        return hit(p)
      }
      let diff = wd - b.isoWeekday
      let d: PublicationDate
      if dir < 0 {
        d = b.adding(days: diff < 0 ? diff : diff - 7)
      } else if dir > 0 {
        d = b.adding(days: diff > 0 ? diff : diff + 7)
      } else {
        d = b.adding(days: diff)
      }
      return hit(CalendarPoint(d))
    }
    if let s = w.season {
      guard let b = base else { var p = CalendarPoint(); p.season = s; return hit(p) }
      var p = CalendarPoint(year: b.year)
      p.season = s
      let cur = Cal.seasonIndex(Cal.season(ofMonth: b.month))
      // "last spring" is last year's (TimeBank reads it so even in the autumn).
      if dir < 0 { p.year = v.role(j - 1, .last) && v.role(j - 2, .this) && Cal.seasonIndex(s) < cur ? b.year : b.year - 1 }
      if dir > 0, Cal.seasonIndex(s) <= cur { p.year = b.year + 1 }
      return hit(p)
    }
    if let (rule, hEnd) = holidayPhrase(at: j), let b = base {
      var d = rule.date(in: b.year)
      if dir < 0, let x = d, x.dayNumber >= b.dayNumber { d = rule.date(in: b.year - 1) }
      if dir > 0, let x = d, x.dayNumber <= b.dayNumber { d = rule.date(in: b.year + 1) }
      guard let day = d else { return nil }
      var h = hit(CalendarPoint(day))
      h.end = hEnd
      return h
    }
    return nil
  }

  // MARK: Amounts: durations and shifts

  /// Parses an amount at `i`: "13", "three", "twenty-four", "a", "a few", "several",
  /// "a couple of", "a hundred". Returns nil value for vague amounts.
  func parseAmount(_ i: Int) -> (value: Double?, end: Int, approx: Bool, article: Bool)? {
    if let d = v.digits(i) {
      if v.isText(i + 1, "."), v.glued(i + 1), let f = v.digits(i + 2), v.glued(i + 2), f.length == 1 {
        return (Double(d.value) + Double(f.value) / 10, i + 3, false, false)
      }
      // "2 1/2 years"
      if v.digits(i + 1)?.value == 1, v.isText(i + 2, "/"), v.digits(i + 3)?.value == 2, v.glued(i + 2), v.glued(i + 3) {
        return (Double(d.value) + 0.5, i + 4, false, false)
      }
      return (Double(d.value), i + 1, false, false)
    }
    if i < v.count, v.kinds[i] == .number, let x = Double(v.low[i].filter { $0 != "," }) { return (x, i + 1, false, false) }
    guard let w = v.word(i) else { return nil }
    if w.roles.contains(.a) {
      if let n = v.word(i + 1), let kind = n.numberKind {
        switch kind {
        case "vague": return (nil, i + 2, false, false)
        case "approx":
          return (Double(n.cardinal ?? 2), v.role(i + 2, .of) ? i + 3 : i + 2, true, false)
        case "multiplier": return (Double(n.cardinal ?? 1), i + 2, false, false)
        case "cardinal" where n.cardinal == 12: return (12, i + 2, false, false)
        default: break
        }
      }
      return (1, i + 1, false, true)
    }
    guard let kind = w.numberKind, let c = w.cardinal else { return nil }
    switch kind {
    case "vague": return (nil, i + 1, false, false)
    case "approx": return (Double(c), v.role(i + 1, .of) ? i + 2 : i + 1, true, false)
    case "cardinal":
      var value = c
      var end = i + 1
      if c >= 20, c % 10 == 0 {
        var k = end
        if v.isText(k, "-"), v.glued(k) { k += 1 }
        if let u = v.word(k)?.cardinal, v.word(k)?.numberKind == "cardinal", (1...9).contains(u) {
          value += u
          end = k + 1
        }
      }
      if let m = v.word(end), m.numberKind == "multiplier", let f = m.cardinal {
        value *= f
        end += 1
      }
      return (Double(value), end, false, false)
    default:
      return nil
    }
  }

  /// "three years" → P3Y, "two hours" → PT2H, "a month" → P1M, "10-year" → P10Y,
  /// "the past two weeks" → P2W, "the first nine months" → P9M; "13 years ago" → 2011 (DATE),
  /// "two days later" (from the last date mentioned), "a year earlier"; "$5 a year" → SET P1Y.
  func amount(_ i: Int) -> TimexHit? {
    var j = i
    let hasThe = v.role(j, .the)
    if hasThe { j += 1 }
    var lead: DateLexicon.Role?
    if v.role(j, .last) || v.role(j, .next) || v.role(j, .previous) || v.role(j, .following) {
      lead = v.role(j, .next) || v.role(j, .following) ? .next : .last
      j += 1
    } else if v.word(j)?.ordinal == 1, v.word(j + 1)?.unit == nil {
      lead = .next
      j += 1
    }
    guard let amt = parseAmount(j) else {
      // "the coming weeks", "the past few years" without a number: an unknown amount.
      if lead != nil, hasThe || lead == .next, let w = v.word(j), let u = w.unit, w.unitPlural, u != "WE" {
        return TimexHit(start: i, end: j + 1, type: .duration, value: durationValue(nil, u), rule: "dates.duration", point: nil)
      }
      return nil
    }
    if hasThe || lead != nil, amt.article { return nil }
    var k = amt.end
    if v.role(k, .more) { k += 1 }
    var adjective = false
    if v.isText(k, "-"), v.glued(k), amt.value != nil, !amt.article { k += 1; adjective = true }
    if v.isText(k, "trading") || v.isText(k, "business") || v.isText(k, "calendar") { k += 1 }
    guard let w = v.word(k), let unit = w.unit else { return nil }
    if adjective, w.unitPlural { return nil }
    // "a second time", "a quarter of the market": not durations.
    if amt.article, unit == "S" || unit == "Q" || unit == "MIN", !v.role(i - 1, .prep) { return nil }
    // "60 Minutes", "This Week": a capitalized unit inside a sentence is a name.
    if v.capitalized(k), k > 0, !v.capitalized(k - 1) || v.kinds[k - 1] == .number, v.low[k - 1] != "." { return nil }
    // "a year-earlier loss" is the adjective "year-earlier", not "a year".
    if v.isText(k + 1, "-"), v.role(k + 2, .earlier) || v.role(k + 2, .ago) { return nil }
    // "the two-week delay": TimeBank leaves "the" of an adjective out.
    let start = adjective && hasThe ? i + 1 : i
    if !adjective, amt.value != nil, amt.value! > 1, !w.unitPlural, !(v.isText(k + 1, "-")) { /* "five year low" */ }
    if amt.value == 1, w.unitPlural, !amt.approx { return nil }
    if amt.article, w.unitPlural { return nil }
    var end = k + 1
    // "a 6-year-old": an age, not a time.
    if v.isText(end, "-"), v.isText(end + 1, "old") || (v.isText(end + 1, "olds")) { return nil }
    if w.unitPlural, v.isText(end, "old") { return nil }
    if v.isText(end, "-"), v.isText(end + 1, "long") { end += 2 }
    // "the 1988 second quarter" is a quarter, not 1988 seconds.
    if unit == "S", v.word(end)?.unit == "Q" || v.role(end, .half) { return nil }
    if amt.value == nil, lead != nil, !(v.role(end, .ago)) {
      // "the next few days" → PXD
      return TimexHit(start: i, end: end, type: .duration, value: durationValue(nil, unit), rule: "dates.duration", point: nil)
    }
    // Shifts.
    if !adjective, lead == nil {
      if v.role(end, .ago) {
        return shifted(i, end + 1, amount: amt.value, unit: unit, sign: -1, anchor: ctx.reference, rule: "dates.ago")
      }
      if v.role(end, .from), v.role(end + 1, .now) {
        return shifted(i, end + 2, amount: amt.value, unit: unit, sign: 1, anchor: ctx.reference, rule: "dates.ago")
      }
      // "three days later" is a DURATION "three days" in TimeBank; "a year earlier" a DATE.
      if ["Y", "M", "Q", "DE"].contains(unit),
        v.role(end, .earlier) || v.role(end, .later) || (v.role(end, .before) || v.role(end, .after)) && end + 1 >= v.count
      {
        let sign = v.role(end, .earlier) || v.role(end, .before) ? -1 : 1
        let anchor = ctx.lastDay?.date ?? ctx.reference
        return shifted(i, end + 1, amount: amt.value, unit: unit, sign: sign, anchor: anchor, rule: "dates.shift")
      }
    }
    // "$5 a year", "twice a day": a rate is a SET.
    if amt.article, !hasThe, lead == nil, i > 0 {
      let prev = v.low[i - 1]
      if v.kinds[i - 1] == .number || ["%", "percent", "million", "billion", "trillion", "times", "twice", "once", "thrice", "cents", "dollars", "share"].contains(prev) {
        return TimexHit(start: i, end: end, type: .set, value: durationValue(1, unit), rule: "dates.set", point: nil)
      }
    }
    if unit == "WE" { return nil }
    let value = durationValue(amt.value, unit)
    return TimexHit(start: start, end: end, type: .duration, value: value, mod: amt.approx ? "APPROX" : nil, rule: "dates.duration", point: nil)
  }

  /// A date `amount` units before (`sign` -1) or after the anchor, at the unit's precision.
  private func shifted(_ s: Int, _ e: Int, amount: Double?, unit: String, sign: Int, anchor: PublicationDate?, rule: String) -> TimexHit? {
    guard let a = anchor, let x = amount, x == x.rounded() else {
      return TimexHit(start: s, end: e, type: .date, value: sign < 0 ? "PAST_REF" : "FUTURE_REF", rule: rule, point: nil)
    }
    let n = Int(x) * sign
    var p: CalendarPoint
    switch unit {
    case "Y":
      if Int(x) == 1, sign < 0, ctx.focusQuarter != nil {
        p = yearBefore()
      } else {
        p = CalendarPoint(year: a.year + n)
      }
    case "M":
      let (y, m) = Cal.addMonths(a.year, a.month, n)
      p = CalendarPoint(year: y, month: m)
    case "W": p = Cal.weekPoint(a.adding(days: 7 * n))
    case "D": p = CalendarPoint(a.adding(days: n))
    case "Q":
      let (y, m) = Cal.addMonths(a.year, a.month, 3 * n)
      p = CalendarPoint(year: y)
      p.quarter = Cal.quarter(ofMonth: m)
    case "DE":
      p = CalendarPoint()
      p.decade = (a.year + 10 * n) / 10
    case "CE":
      p = CalendarPoint()
      p.century = (a.year + 100 * n) / 100
    case "H", "MIN", "S":
      p = CalendarPoint(a)
      return TimexHit(start: s, end: e, type: .date, value: p.value, rule: rule, point: p)
    default:
      return nil
    }
    return TimexHit(start: s, end: e, type: .date, value: p.value, rule: rule, point: p)
  }

  private func durationValue(_ amount: Double?, _ unit: String) -> String {
    // Half units are written in the next smaller unit: P2Y6M, PT5H30M.
    if let a = amount, a != a.rounded(), a * 2 == (a * 2).rounded() {
      let whole = Int(a)
      switch unit {
      case "Y": return "P" + (whole > 0 ? "\(whole)Y" : "") + "6M"
      case "D": return "P" + (whole > 0 ? "\(whole)D" : "") + "T12H"
      case "H": return "PT" + (whole > 0 ? "\(whole)H" : "") + "30M"
      case "MIN": return "PT" + (whole > 0 ? "\(whole)M" : "") + "30S"
      default: break
      }
    }
    func num(_ scale: Double) -> String {
      guard let a = amount else { return "X" }
      let x = a * scale
      return x == x.rounded() ? String(Int(x)) : String(x)
    }
    switch unit {
    case "Y": return "P" + num(1) + "Y"
    case "M": return "P" + num(1) + "M"
    case "W": return "P" + num(1) + "W"
    case "D": return "P" + num(1) + "D"
    case "WE": return "P" + num(2) + "D"
    case "Q": return "P" + num(1) + "Q"
    case "DE": return amount == nil ? "PXDE" : "P" + num(10) + "Y"
    case "CE": return amount == nil ? "PXCE" : "P" + num(100) + "Y"
    case "ML": return amount == nil ? "PXML" : "P" + num(1000) + "Y"
    case "H": return "PT" + num(1) + "H"
    case "MIN": return "PT" + num(1) + "M"
    default: return "PT" + num(1) + "S"
    }
  }

  // MARK: Clock times

  /// "18:17", "10:35 a.m.", "6 a.m", "5pm", "noon" at `i`; returns the `T…` suffix and end.
  func clockTime(at i: Int) -> (String, Int)? {
    guard i >= 0, i < v.count else { return nil }
    var hour: Int
    var minute: Int?
    var end: Int
    if let h = v.digits(i), h.length <= 2, v.isText(i + 1, ":"), v.glued(i + 1), let m = v.digits(i + 2), m.length == 2, v.glued(i + 2) {
      hour = h.value
      minute = m.value
      end = i + 3
      if v.isText(end, ":"), v.glued(end), let sec = v.digits(end + 1), sec.length == 2 { end += 2 }
    } else if let h = v.digits(i), h.length <= 2 {
      hour = h.value
      end = i + 1
      guard let suffix = v.lexicon.clockSuffixes[v.low[end < v.count ? end : i]], end < v.count else { return nil }
      _ = suffix
    } else if let (h, suffix) = v.numberWithSuffix(i), let half = v.lexicon.clockSuffixes[suffix], half != "none" {
      hour = h
      end = i + 1
      guard (1...12).contains(h) else { return nil }
      hour = half == "pm" ? (h % 12) + 12 : h % 12
      return (timeString(hour, nil), end)
    } else if let dp = v.word(i)?.daypart, dp.hasPrefix("T") {
      return (dp, i + 1)
    } else {
      return nil
    }
    guard hour <= 24, (minute ?? 0) < 60 else { return nil }
    if end < v.count, let half = v.lexicon.clockSuffixes[v.low[end]] {
      if half != "none" {
        guard (1...12).contains(hour) else { return nil }
        hour = half == "pm" ? (hour % 12) + 12 : hour % 12
      }
      end += 1
      if v.isText(end, "."), v.glued(end), end + 1 < v.count { end += 1 }
    } else if minute == nil {
      return nil
    }
    if end < v.count, v.lexicon.timeZones.contains(v.text(end)) { end += 1 }
    return (timeString(hour, minute), end)
  }

  private func timeString(_ h: Int, _ m: Int?) -> String {
    "T" + pad(h, 2) + ":" + pad(m ?? 0, 2)
  }

  /// "10 p.m. Wednesday", "noon Thursday", "5 p.m. EST, Nov. 6", "10:35 a.m." (on the last
  /// date mentioned, else the publication day).
  func clock(_ i: Int) -> TimexHit? {
    guard let (t, end) = clockTime(at: i) else { return nil }
    if v.word(i)?.daypart != nil, v.role(i - 1, .the) || v.role(i - 1, .a) { return nil }
    var k = end
    if v.isText(k, ",") || v.role(k, .prep) && v.low[k] == "on" { k += 1 }
    if let h = weekdayRule(k) ?? relativeDay(k) ?? monthFirst(k) ?? dayFirst(k), h.type == .date, var p = h.point, p.isDay {
      p.part = t
      return TimexHit(start: i, end: h.end, type: .time, value: p.value, rule: "dates.clock", point: p)
    }
    var p: CalendarPoint
    if let d = ctx.lastDay {
      p = d
    } else if let r = ctx.reference {
      p = CalendarPoint(r)
    } else {
      p = CalendarPoint()
    }
    p.part = t
    return TimexHit(start: i, end: end, type: .time, value: p.value, rule: "dates.clock", point: nil)
  }

  // MARK: Sets, holidays, seasons, references

  /// "every Monday" → XXXX-WXX-1, "every year" → P1Y, "each July" → XXXX-07, "every two weeks"
  /// → P2W, "annually" → P1Y, "weekly", "per year".
  func setRule(_ i: Int) -> TimexHit? {
    if let s = v.word(i)?.setValue {
      if v.role(i - 1, .the) || v.role(i - 1, .a) { return nil }
      return TimexHit(start: i, end: i + 1, type: .set, value: s, rule: "dates.set", point: nil)
    }
    guard v.role(i, .every) else { return nil }
    var j = i + 1
    var n: Double = 1
    if v.role(j, .other) {
      n = 2
      j += 1
    } else if let a = parseAmount(j), let x = a.value, !a.article {
      n = x
      j = a.end
    }
    guard let w = v.word(j) else { return nil }
    if let u = w.unit {
      return TimexHit(start: i, end: j + 1, type: .set, value: durationValue(n, u), rule: "dates.set", point: nil)
    }
    var p = CalendarPoint()
    if let wd = w.weekday, w.weekdayForm == "full" {
      p.week = 0
      p.weekday = wd
    } else if let m = w.month, !w.monthAbbreviated {
      p.month = m
    } else if let s = w.season {
      p.season = s
    } else if let dp = w.daypart, !dp.hasPrefix("T") {
      p.part = "T" + dp
    } else {
      return nil
    }
    return TimexHit(start: i, end: j + 1, type: .set, value: p.value, rule: "dates.set", point: nil)
  }

  private func holidayPhrase(at i: Int) -> (HolidayRule, Int)? {
    guard i < v.count, v.capitalized(i) else { return nil }
    for p in v.lexicon.phrases[v.low[i]] ?? [] {
      guard case let .holiday(text) = p.kind, matches(p.tokens, at: i), let rule = HolidayRule(text) else { continue }
      return (rule, i + p.tokens.count)
    }
    return nil
  }

  /// "Christmas", "Thanksgiving 2023", "Easter" (year by tense, like a month and day).
  func holiday(_ i: Int) -> TimexHit? {
    guard let (rule, end) = holidayPhrase(at: i) else { return nil }
    var e = end
    var day: PublicationDate?
    if let y = v.year4(e) {
      day = rule.date(in: y)
      e += 1
    } else if let r = ctx.reference {
      let t = tense(i, e)
      let this = rule.date(in: r.year)
      if t == .past, let d = this, d.dayNumber > r.dayNumber {
        day = rule.date(in: r.year - 1)
      } else if t == .future, let d = this, d.dayNumber < r.dayNumber {
        day = rule.date(in: r.year + 1)
      } else {
        day = this
      }
    }
    guard let d = day else { return nil }
    let p = CalendarPoint(d)
    return TimexHit(start: i, end: e, type: .date, value: p.value, rule: "dates.holiday", point: p)
  }

  /// "summer 2023", "the summer of 2023", "the summer" / "in spring" (reference year).
  /// "fall" counts only with a year or after "the" / a preposition and not before "of".
  func season(_ i: Int) -> TimexHit? {
    var j = i
    let hasThe = v.role(j, .the)
    if hasThe { j += 1 }
    guard let s = v.word(j)?.season else { return nil }
    var p = CalendarPoint(year: ctx.reference?.year)
    p.season = s
    var end = j + 1
    if let y = v.year4(end) {
      p.year = y
      end += 1
    } else if v.isText(end, "of"), let y = v.year4(end + 1) {
      p.year = y
      end += 2
    } else if v.isText(end, "of"), let (y, e) = spokenYear(end + 1) {
      p.year = y
      end = e
    } else {
      guard hasThe || v.role(i - 1, .prep) || v.role(i - 1, .early) || v.role(i - 1, .mid) || v.role(i - 1, .late) else {
        return nil
      }
      if v.isText(end, "of") || v.isText(end, "-") { return nil }
      if !hasThe, s == "FA" { return nil }
    }
    return TimexHit(start: i, end: end, type: .date, value: p.value, rule: "dates.season", point: p)
  }

  /// "now" → PRESENT_REF, "recently" → PAST_REF, "the future" → FUTURE_REF (references.tsv).
  func reference(_ i: Int) -> TimexHit? {
    for p in v.lexicon.phrases[v.low[i]] ?? [] {
      guard case let .reference(value) = p.kind, matches(p.tokens, at: i) else { continue }
      // "now" as a discourse marker is still PRESENT_REF in TimeBank; "future" before a noun too.
      return TimexHit(start: i, end: i + p.tokens.count, type: .date, value: value, rule: "dates.reference", point: nil)
    }
    return nil
  }

  private func matches(_ tokens: [String], at i: Int) -> Bool {
    guard i + tokens.count <= v.count else { return false }
    for (k, t) in tokens.enumerated() where v.low[i + k] != t { return false }
    return true
  }

  // MARK: Resolution

  /// The clause's tense near tokens `s..<e`: the nearest tense marker in the same clause
  /// (between punctuation marks), else in the sentence.
  func tense(_ s: Int, _ e: Int) -> Tense {
    var lo = s
    while lo > 0, v.kinds[lo - 1] != .punctuation || v.low[lo - 1] == "-" || v.low[lo - 1] == "." { lo -= 1 }
    var hi = e
    while hi < v.count, v.kinds[hi] != .punctuation || v.low[hi] == "-" || v.low[hi] == "." { hi += 1 }
    // The verb a time adverbial belongs to mostly comes before it ("met Monday", "will meet
    // on Thursday"), so look back first, then forward, in the clause and then the sentence.
    for scope in [lo..<hi, 0..<v.count] {
      for k in stride(from: s - 1, through: scope.lowerBound, by: -1) {
        if let t = tense(at: k) { return t }
      }
      for k in e..<scope.upperBound {
        if let t = tense(at: k) { return t }
      }
    }
    return .unknown
  }

  private func tense(at k: Int) -> Tense? {
    switch v.tenseRole(k) {
    case .future: return .future
    case .past: return .past
    case .present: return .unknown
    default: return nil
    }
  }

  /// A weekday: future tense → the next one after the reference day; otherwise the last one on
  /// or before it (news mostly reports what happened: 90 % of bare weekdays in TimeBank).
  func resolveWeekday(_ wd: Int, tense: Tense) -> CalendarPoint {
    guard let r = ctx.reference else {
      var p = CalendarPoint()
      p.week = 0
      p.weekday = wd
      return p
    }
    let diff = wd - r.isoWeekday
    switch tense {
    case .past, .unknown: return CalendarPoint(r.adding(days: diff <= 0 ? diff : diff - 7))
    case .future: return CalendarPoint(r.adding(days: diff > 0 ? diff : diff + 7))
    }
  }

  /// A month and day without a year: past → the last one on or before the reference day,
  /// future → the next one on or after it, otherwise the nearest one.
  func resolveMonthDay(_ m: Int, _ d: Int, tense: Tense) -> CalendarPoint {
    guard let r = ctx.reference else { return CalendarPoint(month: m, day: d) }
    let candidates = [r.year - 1, r.year, r.year + 1].map { y -> (Int, Int) in
      let day = min(d, PublicationDate.daysIn(month: m, year: y))
      return (y, PublicationDate(year: y, month: m, day: day).dayNumber - r.dayNumber)
    }
    var pick: (Int, Int)
    switch tense {
    case .past: pick = candidates.last { $0.1 <= 0 }!
    case .future: pick = candidates.first { $0.1 >= 0 }!
    case .unknown: pick = candidates.min { abs($0.1) < abs($1.1) }!
    }
    if tense != .unknown, abs(pick.1) > 300, let same = candidates.first(where: { $0.0 == r.year }), abs(same.1) < 200 { pick = same }
    return CalendarPoint(year: pick.0, month: m, day: d)
  }

  /// A month without a year: past → the last one up to the reference month, future → the next
  /// one from it, otherwise the nearest one.
  func resolveMonth(_ m: Int, tense: Tense) -> CalendarPoint {
    guard let r = ctx.reference else { return CalendarPoint(month: m) }
    var y = r.year
    switch tense {
    case .past: if m > r.month { y -= 1 }
    case .future: if m < r.month { y += 1 }
    case .unknown:
      if m - r.month > 6 { y -= 1 } else if r.month - m > 6 { y += 1 }
    }
    return CalendarPoint(year: y, month: m)
  }
}
