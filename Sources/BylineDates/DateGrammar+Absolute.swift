import BylineCore

/// Date rules: absolute dates.
extension DateGrammar {
  /// "2024-07-22", "2024-07-22T18:17", "15/07/2024" (day first when the first number is over 12,
  /// else month first as in US usage), "2024/07/22".
  func numericDate(_ i: Int) -> TimexHit? {
    guard let a = v.digits(i), v.count > i + 4 else { return nil }
    if let h = isoDateTime(i) { return h }
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
    // A clock time after a space: "2024-07-22 18:17" (the "T" form is isoDateTime).
    if let (t, e) = clockTime(at: end) {
      p.part = t
      end = e
      type = .time
    }
    return TimexHit(start: i, end: end, type: type, value: p.value, rule: "dates.numeric", point: p)
  }

  /// "2024-07-22T18:17:05Z" (the tokenizer gives "22T18" as one token).
  func isoDateTime(_ i: Int) -> TimexHit? {
    guard let y = v.digits(i), y.length == 4, v.isText(i + 1, "-"), let m = v.digits(i + 2), v.isText(i + 3, "-"),
      i + 4 < v.count, v.kinds[i + 4] != .punctuation, v.glued(i + 4)
    else { return nil }
    let t = Array(v.low[i + 4].utf8)
    guard t.count == 5, t[2] == 116, t.allSatisfy({ $0 == 116 || ($0 >= 48 && $0 <= 57) }) else { return nil }
    let d = Int(t[0] - 48) * 10 + Int(t[1] - 48)
    let hour = Int(t[3] - 48) * 10 + Int(t[4] - 48)
    var p = CalendarPoint(year: y.value, month: m.value, day: d)
    guard p.date != nil, hour < 24, v.isText(i + 5, ":"), let mi = v.digits(i + 6), mi.length == 2, mi.value < 60 else { return nil }
    var end = i + 7
    // Seconds, fractions and the zone ("05Z", "05", "05.123+03") belong to the extent.
    if v.isText(end, ":"), v.glued(end), end + 1 < v.count, v.glued(end + 1) { end += 2 }
    while end < v.count, v.glued(end), v.kinds[end] != .punctuation || ["+", "-", ":"].contains(v.low[end]) && v.digits(end + 1) != nil {
      end += 1
      if v.low[end - 1] == "+" || v.low[end - 1] == "-" || v.low[end - 1] == ":" { end += 1 }
    }
    p.part = "T" + pad(hour, 2) + ":" + pad(mi.value, 2)
    return TimexHit(start: i, end: end, type: .time, value: p.value, rule: "dates.numeric", point: p)
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
        // "March 3-5" is a range of days (its second day comes later), not a score.
        || v.isText(j + 1, "-") && v.dayNumber(j + 2).map({ $0 > d && $0 <= PublicationDate.daysIn(month: m, year: 2000) }) == true
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
  func withClock(_ p: CalendarPoint, start: Int, end: Int, rule: String) -> TimexHit {
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
        // "the 1988 period" in an earnings report: the quarter in focus, in that year.
        p.quarter = ctx.focusQuarter?.quarter
        // (Its own rule name: a period taken from the focus does not move the focus.)
        return TimexHit(start: i, end: j + 3, type: .date, value: p.value, rule: "dates.year_period", point: p)
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
      // "555-2013", "A-1990": the end of a phone or code number, not a year (a year range
      // "2012-2013" has a year before the hyphen).
      if i > 1, v.isText(i - 1, "-"), v.glued(i - 1), v.glued(i), let d = v.digits(i - 2), d.length != 4 { return nil }
      // "has 2000 employees": a count, unless a preposition or determiner makes it a year.
      if i > 0, i + 1 < v.count, v.kinds[i + 1] == .word, !v.capitalized(i + 1), v.low[i + 1].hasSuffix("s"),
        v.word(i + 1) == nil, !(v.role(i - 1, .prep) || v.role(i - 1, .of) || v.role(i - 1, .the) || v.isText(i - 1, "'s")),
        v.kinds[i - 1] == .word
      {
        return nil
      }
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
    // "the '80s"
    if j > i, v.isText(j, "'"), j + 1 < v.count, v.glued(j + 1) { j += 1 }
    var value: Int?
    var century = false
    if let (n, suffix) = v.numberWithSuffix(j), suffix == "s" || suffix == "'s" {
      if n >= 1000, n <= 2090, n % 10 == 0 {
        if n % 100 == 0 { value = n / 100; century = true } else { value = n / 10 }
      } else if n < 100, n % 10 == 0, v.isText(j - 1, "'") {
        value = lastDecade(n)
      }
    } else if j > i, let w = v.word(j), w.numberKind == "decade", let n = w.cardinal {
      // "the nineties": the last such decade before the reference year.
      value = lastDecade(n)
    }
    guard let val = value else { return nil }
    let start = v.isText(j - 1, "'") && j == i ? i - 1 : i
    var p = CalendarPoint()
    if century { p.century = val } else { p.decade = val }
    return TimexHit(start: min(start, i), end: j + 1, type: .date, value: p.value, rule: century ? "dates.century" : "dates.decade", point: p)
  }

  /// The three-digit prefix of the most recent decade ending in `n` ("90s" → 199 in 2024).
  func lastDecade(_ n: Int) -> Int {
    let year = ctx.reference?.year ?? 1999
    let base = (n > year % 100 ? year / 100 - 1 : year / 100) * 100
    return (base + n) / 10
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
}
