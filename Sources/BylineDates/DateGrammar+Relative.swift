import BylineCore

/// Date rules: weekdays and relative days.
extension DateGrammar {
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
    // "Tuesday nights", "Monday and Tuesday nights": a plural part of day repeats (SET).
    var shared = j
    if v.isText(shared, "and") || v.isText(shared, "or"), v.word(shared + 1)?.weekdayForm == "full", v.capitalized(shared + 1) {
      shared += 2
    }
    if let part = pluralDaypart(shared) {
      var p = CalendarPoint()
      p.week = 0
      p.weekday = wd
      p.part = "T" + part
      return TimexHit(start: i, end: shared == j ? j + 1 : j, type: .set, value: p.value, rule: "dates.set", point: nil)
    }
    // Names: "Sunday Times".
    if j < v.count, v.capitalized(j), v.word(j) == nil { return nil }
    let t = tense(i, i + 1)
    // "Thursday's closing price", "Wednesday's ruling": a day already named as past news;
    // with a future verb the nearest one ("Tuesday's vote will decide").
    var p = v.isText(j, "'s") ? (t == .future ? nearestWeekday(wd) : resolveWeekday(wd, tense: .past)) : resolveWeekday(wd, tense: t)
    // "Monday night" → TIME `…TNI` (TimeML part of day); "Monday noon" keeps its clock time.
    var type = TimexType.date
    if let dp = v.word(j)?.daypart, v.word(j)?.unit == nil {
      p.part = dp.hasPrefix("T") ? dp : "T" + dp
      type = .time
      j += 1
    }
    return TimexHit(start: i, end: j, type: type, value: p.value, rule: "dates.weekday", point: p)
  }

  /// The part-of-day code of a plural like "nights" or "mornings" at `k` (not "noon"-like times).
  func pluralDaypart(_ k: Int) -> String? {
    guard k < v.count, v.kinds[k] == .word, v.low[k].hasSuffix("s"), v.word(k) == nil,
      let dp = v.lexicon.words[String(v.low[k].dropLast())]?.daypart, !dp.hasPrefix("T")
    else { return nil }
    return dp
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

  /// "will one day be", "could one day replace": "one day" after a modal is some day ahead
  /// (TimeML FUTURE_REF), not a duration.
  func someDay(_ i: Int) -> TimexHit? {
    guard i > 0, v.isText(i, "one"), v.word(i + 1)?.unit == "D", v.word(i + 1)?.unitPlural == false,
      v.role(i - 1, .future) || ["could", "may", "can", "might", "must"].contains(v.low[i - 1])
    else { return nil }
    return TimexHit(start: i, end: i + 2, type: .date, value: "FUTURE_REF", rule: "dates.reference", point: nil)
  }

  /// "the year before", "the month earlier", "the day after" at the end of a clause: one unit
  /// from the last date mentioned, at its precision ("the day before the vote" names no date).
  func unitShift(_ i: Int) -> TimexHit? {
    guard v.role(i, .the), let w = v.word(i + 1), let u = w.unit, !w.unitPlural, ["Y", "M", "D"].contains(u) else { return nil }
    let k = i + 2
    let dir: Int
    if v.role(k, .before) || v.role(k, .earlier) {
      dir = -1
    } else if v.role(k, .after) || v.role(k, .later) {
      dir = 1
    } else {
      return nil
    }
    // "the day after tomorrow", "the day before yesterday".
    if u == "D", let rd = v.word(k + 1)?.relativeDay, rd.daypart.isEmpty, rd.offset != 0, let r = ctx.reference {
      let p = CalendarPoint(r.adding(days: rd.offset + dir))
      return TimexHit(start: i, end: k + 2, type: .date, value: p.value, rule: "dates.relative_day", point: p)
    }
    guard k + 1 >= v.count || v.kinds[k + 1] == .punctuation, v.low[k + 1 < v.count ? k + 1 : k] != "-" else { return nil }
    guard let lp = ctx.lastPoint, let y = lp.year, lp.decade == nil, lp.century == nil else { return nil }
    let p: CalendarPoint
    switch u {
    case "Y":
      p = CalendarPoint(year: y + dir)
    case "M":
      guard let m = lp.month else { return nil }
      let (yy, mm) = Cal.addMonths(y, m, dir)
      p = CalendarPoint(year: yy, month: mm)
    default:
      guard lp.isDay, let m = lp.month, let d = lp.day else { return nil }
      p = CalendarPoint(PublicationDate(year: y, month: m, day: d).adding(days: dir))
    }
    return TimexHit(start: i, end: k + 1, type: .date, value: p.value, rule: "dates.relative", point: p)
  }

  /// "the week of March 6": the ISO week holding that day.
  func weekOf(_ i: Int) -> TimexHit? {
    guard v.role(i, .the), v.word(i + 1)?.unit == "W", v.word(i + 1)?.unitPlural == false, v.role(i + 2, .of),
      let h = monthFirst(i + 3) ?? dayFirst(i + 3), h.type == .date, let d = h.point, d.isDay,
      let y = d.year, let m = d.month, let day = d.day
    else { return nil }
    let p = Cal.weekPoint(PublicationDate(year: y, month: m, day: day))
    return TimexHit(start: i, end: h.end, type: .date, value: p.value, rule: "dates.relative", point: p)
  }

  /// "the weekend": the one just past (Saturday–Sunday of the week before, or of this week when
  /// the reference day is a weekend day), or the coming one in a future clause.
  func weekend(_ i: Int) -> TimexHit? {
    guard v.role(i, .the), v.word(i + 1)?.unit == "WE", v.word(i + 1)?.unitPlural == false else { return nil }
    // "The Weekend Australian": a capitalized "Weekend" is part of a title.
    if v.capitalized(i + 1) { return nil }
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
  /// "last Friday", "next July", "this summer", "last Thanksgiving", "this past spring", "that
  /// year" / "that same day" (the last date mentioned).
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
    } else if !hasThe, v.role(j, .that), ctx.lastPoint != nil {
      // "that year", "that same day": the unit around the last date mentioned (none yet: no
      // expression, as "said that day-to-day…" is no date).
      dir = 0
      anchored = true
      if v.isText(j + 1, "same") { j += 1 }
      guard let u = v.word(j + 1)?.unit, !(v.word(j + 1)?.unitPlural ?? true), ["D", "W", "M", "Q", "Y"].contains(u),
        !v.isText(j + 2, "-"), !v.isText(j + 2, "'s"), u != "D" || ctx.lastPoint?.isDay == true
      else { return nil }
    } else {
      return nil
    }
    if hasThe, v.role(j, .this) { return nil }
    // "ABC's This Week": a capitalized pair inside a sentence is a title.
    if i > 0, v.capitalized(j), v.capitalized(j + 1), v.word(j + 1)?.unit != nil { return nil }
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
        // "last year's quarter", "last year's period": the quarter in focus a year before.
        if dir == -1, !anchored, v.isText(end, "'s"),
          (v.word(end + 1)?.unit == "Q" && v.word(end + 1)?.unitPlural == false) || v.role(end + 1, .period)
        {
          var h = hit(yearBefore())
          h.end = end + 2
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
      // "this coming Sunday, March 8": the explicit date.
      if v.isText(j + 1, ","), let h = monthFirst(j + 2) ?? dayFirst(j + 2), let p = h.point, p.isDay {
        var whole = hit(p)
        whole.end = h.end
        return whole
      }
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
}
