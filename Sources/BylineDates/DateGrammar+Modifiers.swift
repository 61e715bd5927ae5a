import BylineCore

/// Date rules: modifiers.
extension DateGrammar {
  /// "about three years" (APPROX), "more than four hours", "around 7:15 p.m.": a modifier
  /// phrase from modifiers.tsv before an amount, a clock time or (APPROX only) a date.
  func modified(at i: Int) -> TimexHit? {
    guard let (mod, j) = modifierPhrase(at: i), !v.role(j, .the), var h = core(at: j), h.start == j else { return nil }
    let ok: Bool
    switch h.rule {
    case "dates.duration", "dates.ago", "dates.shift", "dates.clock": ok = true
    case "dates.reference", "dates.set": ok = false
    case "dates.month_day", "dates.year", "dates.month_year", "dates.numeric": ok = mod == "APPROX" && v.low[i] != "some"
    default: ok = false
    }
    guard ok else { return nil }
    h.start = i
    if h.mod == nil { h.mod = mod }
    return h
  }

  func modifierPhrase(at i: Int) -> (String, Int)? {
    for p in v.word(i)?.phrases ?? [] {
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
      // TimeBank leaves "earlier" out of "earlier this week".
      if v.role(j + 1, .this), v.word(j + 2)?.unit == "W" { return nil }
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
    return h
  }

  /// The current year, month, week or quarter as a point ("the end of the year").
  func currentUnit(_ unit: String) -> CalendarPoint? {
    guard let r = ctx.reference else { return nil }
    var p = CalendarPoint(year: r.year)
    switch unit {
    case "Y": break
    case "M": p.month = r.month
    case "W": p = Cal.weekPoint(r)
    case "Q": p.quarter = Cal.quarter(ofMonth: r.month)
    // "the end of the decade", "the middle of the century": the current one (TIMEX3 "201", "20").
    case "DE":
      p = CalendarPoint()
      p.decade = r.year / 10
    case "CE":
      p = CalendarPoint()
      p.century = r.year / 100
    default: return nil
    }
    return p
  }
}
