import BylineCore

/// Date rules: quarters and halves.
extension DateGrammar {
  /// "third quarter", "third-quarter", "first half" at `i`, with an optional "of 1989" / "1989".
  func quarterPart(at i: Int) -> (quarter: Int?, half: Int?, end: Int, year: Int?, hyphen: Bool)? {
    var j = i
    if v.role(j, .fiscal) { j += 1 }
    if let code = v.word(j)?.periodCode, v.capitalized(j) {
      // "Q2 2024", "H1"
      var end = j + 1
      var year: Int?
      if let y = v.year4(end) {
        year = y
        end += 1
      }
      return (code <= 4 ? code : nil, code > 4 ? code - 4 : nil, end, year, false)
    }
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
      // "the first half of the 1990s", "the last half of the '80s": the decade, START / END.
      if let h = q.half, q.year == nil, v.isText(q.end, "of"), let d = decadeRule(q.end + 1), d.type == .date {
        return TimexHit(start: i, end: d.end, type: .date, value: d.value, mod: h == 1 ? "START" : "END", rule: "dates.decade", point: d.point)
      }
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

  /// "the same period last year", "the corresponding quarter a year ago", "the quarter a year
  /// earlier": the period in focus one year before, as one expression (earnings reports).
  func samePeriodLastYear(_ i: Int) -> TimexHit? {
    guard v.role(i, .the) else { return nil }
    var j = i + 1
    if ["same", "corresponding", "comparable", "like"].contains(v.low[j < v.count ? j : i]) { j += 1 }
    guard j < v.count, (v.word(j)?.unit == "Q" && v.word(j)?.unitPlural == false) || v.role(j, .period) else { return nil }
    var k = j + 1
    if v.isText(k, "of") { k += 1 }
    let end: Int
    if v.role(k, .last), v.word(k + 1)?.unit == "Y", v.word(k + 1)?.unitPlural == false {
      end = k + 2
    } else if v.isText(k, "a") || v.isText(k, "one"), v.word(k + 1)?.unit == "Y", v.word(k + 1)?.unitPlural == false,
      v.role(k + 2, .ago) || v.role(k + 2, .earlier) || v.role(k + 2, .before)
    {
      end = k + 3
    } else {
      return nil
    }
    let p = yearBefore()
    return TimexHit(start: i, end: end, type: .date, value: p.value, rule: "dates.year_ago", point: p)
  }

  /// One year before the period in focus: the last quarter mentioned, else the reference year.
  func yearBefore() -> CalendarPoint {
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
    // In an earnings report the year is the one of the quarter in focus ("fourth-quarter profit
    // rose…; for the full year…" written in February is last year).
    let year = ctx.focusQuarter?.year ?? r.year
    let p = CalendarPoint(year: v.role(i + 1, .latest) ? year - 1 : year)
    return TimexHit(start: i, end: next, type: .date, value: p.value, rule: "dates.the_year", point: p)
  }

  /// "year-end", "year end", "year's end" → the reference year, mod END.
  func yearEnd(_ i: Int) -> TimexHit? {
    guard v.word(i)?.unit == "Y", v.word(i)?.unitPlural == false else { return nil }
    var j = i + 1
    if v.isText(j, "-") || v.isText(j, "'s") { j += 1 }
    guard v.role(j, .end), !v.role(j + 1, .of) else { return nil }
    let p = CalendarPoint(year: ctx.reference?.year)
    return TimexHit(start: i, end: j + 1, type: .date, value: p.value, mod: "END", rule: "dates.year_end", point: p)
  }
}
