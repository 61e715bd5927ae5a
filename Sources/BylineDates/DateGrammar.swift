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
enum Tense { case past, future, present, unknown }

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
  /// Index of the current sentence, and of the one where `lastDay` was mentioned.
  var sentence = 0
  var lastDaySentence = -10
}

/// The English-shaped date rules over a ``SentenceView``; the words come from ``DateLexicon``.
///
/// Each rule is a function `(token index) -> TimexHit?` that tries one expression shape
/// starting at that token; ``best(at:)`` keeps the longest. The rules live in the
/// `DateGrammar+*.swift` files by family: absolute dates and years, quarters, weekdays and
/// relative units, amounts (durations, "ago"), clock times, sets/holidays/references,
/// modifiers ("early", "about"), and resolution (tense, weekday and month-day choice).
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
          if p.isDay {
            ctx.lastDay = p
            ctx.lastDaySentence = ctx.sentence
          }
          if p.quarter != nil, h.rule == "dates.quarter" || h.rule == "dates.year" { ctx.focusQuarter = p }
        }
        i = max(h.end, i + 1)
        // "April 24 and 25", "July 15–17": the second day shares the month.
        if h.rule == "dates.month_day", var p = h.point, p.isDay, i + 1 < v.count,
          v.isText(i, "and") || v.isText(i, "to") || v.isText(i, "-") || v.isText(i, "–") || v.isText(i, "through"),
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
    guard v.words[i]?.canStart ?? false || v.kinds[i] == .number || v.low[i] == "'"
      || (v.kinds[i] == .word && (v.low[i].utf8.first.map { $0 >= 48 && $0 <= 57 } ?? false))
    else { return nil }
    // "the", "a", "last", "that"… start a date only with a time word, a number or a phrase
    // ("the future") within the next four tokens: skipping the rest saves most of the work.
    if let w = v.words[i], !w.namesTime, !timeAhead(i), !w.phrases.contains(where: { matches($0.tokens, at: i) }) {
      return nil
    }
    var best: TimexHit?
    func consider(_ h: TimexHit?) {
      guard let h, h.end > h.start else { return }
      if best == nil || h.end > best!.end { best = h }
    }
    consider(modified(at: i))
    consider(positioned(at: i))
    consider(positionedDaypart(i))
    consider(core(at: i))
    // "the next two years or so": a trailing hedge belongs to the extent.
    if var h = best, v.isText(h.end, "or"), v.isText(h.end + 1, "so") {
      h.end += 2
      if h.mod == nil { h.mod = "APPROX" }
      best = h
    }
    return best
  }

  /// A token naming or counting time among the four after `i` ("the end of the year").
  func timeAhead(_ i: Int) -> Bool {
    var k = i + 1
    while k <= i + 4, k < v.count {
      if v.kinds[k] == .number || v.low[k] == "'" || v.words[k]?.namesTime == true || !(v.words[k]?.phrases.isEmpty ?? true)
        || (v.kinds[k] == .word && (v.low[k].utf8.first.map { $0 >= 48 && $0 <= 57 } ?? false))
      {
        return true
      }
      k += 1
    }
    return false
  }

  /// Every unmodified expression starting at `i`.
  func core(at i: Int) -> TimexHit? {
    guard i >= 0, i < v.count else { return nil }
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
      if w?.periodCode != nil { consider(quarterRule(i)) }
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
        consider(weekOf(i))
        consider(unitShift(i))
        consider(theYear(i))
        consider(samePeriodLastYear(i))
      }
      consider(yearRule(i))
      consider(quarterRule(i))
      consider(yearAdjective(i))
      if w.unit != nil {
        consider(yearEnd(i))
        consider(unitLong(i))
      }
      consider(relative(i))
      consider(someDay(i))
      consider(amount(i))
      consider(setRule(i))
      if w.season != nil || w.roles.contains(.the) { consider(season(i)) }
      if w.periodCode != nil { consider(quarterRule(i)) }
      if w.unit != nil { consider(barePlural(i)) }
    }
    if let w, !w.phrases.isEmpty {
      consider(holiday(i))
      consider(reference(i))
    }
    return best
  }
}
