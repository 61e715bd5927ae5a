import BylineCore

/// Date rules: sets, holidays, seasons, references.
extension DateGrammar {
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

  func holidayPhrase(at i: Int) -> (HolidayRule, Int)? {
    guard i < v.count, v.capitalized(i) else { return nil }
    for p in v.word(i)?.phrases ?? [] {
      guard case let .holiday(text) = p.kind, matches(p.tokens, at: i), let rule = HolidayRule(text) else { continue }
      return (rule, i + p.tokens.count)
    }
    return nil
  }

  /// "Christmas", "Thanksgiving 2023", "Easter" (year by tense, like a month and day).
  func holiday(_ i: Int) -> TimexHit? {
    guard let (rule, end) = holidayPhrase(at: i) else { return nil }
    var e = end
    // "Easter week", "Thanksgiving week": the ISO week holding the holiday.
    let week = v.word(e)?.unit == "W" && v.word(e)?.unitPlural == false
    if week { e += 1 }
    var day: PublicationDate?
    if !week, let y = v.year4(e) {
      day = rule.date(in: y)
      e += 1
    } else if let r = ctx.reference {
      let t = tense(i, e)
      let this = rule.date(in: r.year)
      // A holiday week counts as past once it has begun (its Monday).
      let start = { (d: PublicationDate) in week ? d.adding(days: 1 - d.isoWeekday) : d }
      if t == .past, let d = this, start(d).dayNumber > r.dayNumber {
        day = rule.date(in: r.year - 1)
      } else if t == .future, let d = this, d.dayNumber < r.dayNumber {
        day = rule.date(in: r.year + 1)
      } else {
        day = this
      }
    }
    guard let d = day else { return nil }
    if week {
      let p = Cal.weekPoint(d)
      return TimexHit(start: i, end: e, type: .date, value: p.value, rule: "dates.holiday", point: p)
    }
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
      // "the Summer Olympics", "the summer Games": part of a name.
      if end < v.count, v.capitalized(end), v.word(end) == nil { return nil }
      // Without a year, a past clause means the last such season, a future one the next
      // ("the team struggled in the summer", written in February, is last year's).
      if let r = ctx.reference, s != "WI" {
        // Spring is March–May, summer June–August, fall September–November.
        let first = 3 + 3 * Cal.seasonIndex(s)
        let t = tense(i, end)
        if t == .past, first > r.month { p.year = r.year - 1 }
        if t == .future, first + 2 < r.month { p.year = r.year + 1 }
      }
    }
    return TimexHit(start: i, end: end, type: .date, value: p.value, rule: "dates.season", point: p)
  }

  /// "now" → PRESENT_REF, "recently" → PAST_REF, "the future" → FUTURE_REF (references.tsv; a
  /// duration value there, such as `PXY`, gives type DURATION).
  func reference(_ i: Int) -> TimexHit? {
    for p in v.word(i)?.phrases ?? [] {
      guard case let .reference(value) = p.kind, matches(p.tokens, at: i) else { continue }
      // "now" as a discourse marker is still PRESENT_REF in TimeBank; "future" before a noun too.
      // A duration value in the table (`PXY`: some years) is a DURATION.
      let type: TimexType = value.hasPrefix("P") && !value.hasSuffix("_REF") ? .duration : .date
      return TimexHit(start: i, end: i + p.tokens.count, type: type, value: value, rule: "dates.reference", point: nil)
    }
    return nil
  }

  func matches(_ tokens: [String], at i: Int) -> Bool {
    guard i + tokens.count <= v.count else { return false }
    for (k, t) in tokens.enumerated() where v.low[i + k] != t { return false }
    return true
  }
}
