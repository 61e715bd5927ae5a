import BylineCore

/// Date rules: resolution.
extension DateGrammar {
  /// The clause's tense near tokens `s..<e`: the nearest tense marker in the same clause
  /// (between punctuation marks), else in the sentence.
  func tense(_ s: Int, _ e: Int) -> Tense {
    // "until 9 a.m. Tuesday", "till Friday": a deadline ahead, whatever the verb.
    var d = s - 1
    while d >= 0, v.digits(d) != nil || v.low[d] == "." || v.low[d] == ":" || v.role(d, .at) || v.isText(d, "on")
      || v.lexicon.clockSuffixes[v.low[d]] != nil || v.lexicon.timeZones.contains(v.text(d)) || v.word(d)?.daypart != nil
    {
      d -= 1
    }
    // "since Oct. 23": a start that lies behind.
    if v.role(d, .since) { return .past }
    // ("Up until Thursday, they had…", "not until Tuesday": a past bound, left to the verbs.)
    if v.role(d, .deadline), d > 0, v.kinds[d - 1] != .punctuation, !v.isText(d - 1, "up"), !v.isText(d - 1, "not") {
      return .future
    }
    var lo = s
    while lo > 0, v.kinds[lo - 1] != .punctuation || v.low[lo - 1] == "-" || v.low[lo - 1] == "." { lo -= 1 }
    var hi = e
    while hi < v.count, v.kinds[hi] != .punctuation || v.low[hi] == "-" || v.low[hi] == "." { hi += 1 }
    // "a federal court Thursday refused…": a verb right after the date is its own, whatever
    // the main clause says ("will remain even after…").
    // (Not a verb of intention: "Clinton Saturday vowed to…" is the act of that day.)
    if e < v.count, !v.role(e, .intent), let t = tense(at: e), t == .past || t == .future { return t }
    // The verb a time adverbial belongs to mostly comes before it ("met Monday", "will meet
    // on Thursday"), so look back first, then forward, in the clause and then the sentence.
    for scope in [lo..<hi, 0..<v.count] {
      for k in stride(from: s - 1, through: scope.lowerBound, by: -1) {
        if let t = tense(at: k) { return t }
      }
      for k in e..<scope.upperBound {
        // "Clinton Saturday vowed to hunt them down": an intention after the date is the
        // act of that day, not its aim.
        // A present-tense plan still points ahead: "On Tuesday, the league plans to hold…".
        if v.role(k, .intent), v.low[k].hasSuffix("ed") || k == e { continue }
        if let t = tense(at: k) { return t }
      }
    }
    return .unknown
  }

  func tense(at k: Int) -> Tense? {
    switch v.tenseRole(k) {
    case .future: return .future
    case .past: return .past
    case .present: return .present
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
    // "The summit ends Tuesday", "the deadline is Friday": a present-tense schedule, so
    // today or the coming one.
    case .present: return CalendarPoint(r.adding(days: diff >= 0 ? diff : diff + 7))
    case .future: return CalendarPoint(r.adding(days: diff > 0 ? diff : diff + 7))
    }
  }

  /// The weekday `wd` nearest to the reference day (three days either way).
  func nearestWeekday(_ wd: Int) -> CalendarPoint {
    guard let r = ctx.reference else { return resolveWeekday(wd, tense: .unknown) }
    let diff = wd - r.isoWeekday
    return CalendarPoint(r.adding(days: diff > 3 ? diff - 7 : diff < -3 ? diff + 7 : diff))
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
    case .past:
      pick = candidates.last { $0.1 <= 0 }!
      // As for months: a day in the next six weeks is a plan, not a date ten months back.
      if let ahead = candidates.first(where: { $0.1 > 0 }), ahead.1 <= 42 { pick = ahead }
    case .future: pick = candidates.first { $0.1 >= 0 }!
    case .unknown, .present: pick = candidates.min { abs($0.1) < abs($1.1) }!
    }
    if tense == .past || tense == .future, abs(pick.1) > 300, let same = candidates.first(where: { $0.0 == r.year }), abs(same.1) < 200 { pick = same }
    return CalendarPoint(year: pick.0, month: m, day: d)
  }

  /// A month without a year: past → the last one up to the reference month (but the next one
  /// when it is one or two months ahead), future → the next one from it, otherwise the nearest.
  func resolveMonth(_ m: Int, tense: Tense) -> CalendarPoint {
    guard let r = ctx.reference else { return CalendarPoint(month: m) }
    var y = r.year
    switch tense {
    case .past:
      // A month one or two ahead is an announced plan even in a past clause ("agreed to buy
      // it in January", written in November): news names a month ten months back with a year.
      let ahead = (m - r.month + 12) % 12
      if ahead >= 1, ahead <= 2 { y = m < r.month ? y + 1 : y } else if m > r.month { y -= 1 }
    case .future: if m < r.month { y += 1 }
    case .unknown, .present:
      if m - r.month > 6 { y -= 1 } else if r.month - m > 6 { y += 1 }
    }
    return CalendarPoint(year: y, month: m)
  }
}
