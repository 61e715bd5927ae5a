import BylineCore

/// Date rules: clock times.
extension DateGrammar {
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
      // "at 4 in the morning", "by 8 in the evening": the part of day gives the half.
      if (1...12).contains(hour), v.isText(end, "in"), v.role(end + 1, .the), let dp = v.word(end + 2)?.daypart, !dp.hasPrefix("T"),
        i > 0, ["at", "by", "until", "till", "around", "about", "before", "after", "from"].contains(v.low[i - 1])
      {
        return (timeString(dp == "MO" ? hour % 12 : hour % 12 + 12, nil), end + 3)
      }
      // A bare hour needs "a.m.", "p.m." or "o'clock" after it.
      guard end < v.count, v.lexicon.clockSuffixes[v.low[end]] != nil else { return nil }
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

  func timeString(_ h: Int, _ m: Int?) -> String {
    "T" + pad(h, 2) + ":" + pad(m ?? 0, 2)
  }

  /// "mid-afternoon", "late morning", "early evening yesterday": a part of the day on the day
  /// named right after it, else (like a bare clock time) on the last day mentioned or the
  /// publication day.
  func positionedDaypart(_ i: Int) -> TimexHit? {
    guard v.role(i, .early) || v.role(i, .mid) || v.role(i, .late) else { return nil }
    var k = i + 1
    if v.isText(k, "-") { k += 1 }
    guard let w = v.word(k), let dp = w.daypart, !dp.hasPrefix("T"), w.unit == nil else { return nil }
    var end = k + 1
    var p: CalendarPoint
    if let h = relativeDay(end) ?? weekdayRule(end), h.type == .date, let d = h.point, d.isDay {
      p = d
      end = h.end
    } else if let d = ctx.lastDay, ctx.sentence - ctx.lastDaySentence <= 6 {
      p = d
    } else if let r = ctx.reference {
      p = CalendarPoint(r)
    } else {
      p = CalendarPoint()
    }
    p.part = "T" + dp
    let mod = v.role(i, .early) ? "START" : v.role(i, .mid) ? "MID" : "END"
    return TimexHit(start: i, end: end, type: .time, value: p.value, mod: mod, rule: "dates.clock", point: nil)
  }

  /// "10 p.m. Wednesday", "noon Thursday", "5 p.m. EST, Nov. 6", "10:35 a.m." (on the last
  /// date mentioned, else the publication day).
  func clock(_ i: Int) -> TimexHit? {
    guard let (t, end) = clockTime(at: i) else { return nil }
    // ("the noon deadline" is a clock time only with a day; "high noon" is an idiom.)
    if v.word(i)?.daypart != nil, v.role(i - 1, .the) || v.role(i - 1, .a) || v.isText(i - 1, "high") { return nil }
    var k = end
    let on = v.isText(k, "on")
    if v.isText(k, ",") || on { k += 1 }
    if let h = weekdayRule(k) ?? relativeDay(k) ?? monthFirst(k) ?? dayFirst(k), h.type == .date, var p = h.point, p.isDay {
      p.part = t
      // "10 p.m. Wednesday" is one TIME; in "9:45 p.m. on Saturday" the date is its own
      // expression, but still dates the clock time.
      return TimexHit(start: i, end: on ? end : h.end, type: .time, value: p.value, rule: "dates.clock", point: on ? nil : p)
    }
    var p: CalendarPoint
    // A bare clock time belongs to a day named in this or the last six sentences, else to the
    // publication day (not to a birth date three paragraphs up).
    if let d = ctx.lastDay, ctx.sentence - ctx.lastDaySentence <= 6 {
      p = d
    } else if let r = ctx.reference {
      p = CalendarPoint(r)
    } else {
      p = CalendarPoint()
    }
    p.part = t
    return TimexHit(start: i, end: end, type: .time, value: p.value, rule: "dates.clock", point: nil)
  }
}
