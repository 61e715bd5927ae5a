import BylineCore

/// Date rules: amounts: durations and shifts.
extension DateGrammar {
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
    if v.role(j, .last) || v.role(j, .next) || v.role(j, .previous) || v.role(j, .following) || hasThe && v.role(j, .latest) {
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
      // "the weeks ahead", "in the months ahead": the coming ones.
      if lead == nil, hasThe, let w = v.word(j), let u = w.unit, w.unitPlural, u != "WE", v.isText(j + 1, "ahead") {
        return TimexHit(start: i, end: j + 2, type: .duration, value: durationValue(nil, u), rule: "dates.duration", point: nil)
      }
      return nil
    }
    if hasThe || lead != nil, amt.article { return nil }
    var k = amt.end
    // "a day-long vigil": the article belongs to the noun; "day-long" is the expression.
    if amt.article, v.word(k)?.unit != nil, v.isText(k + 1, "-"), v.isText(k + 2, "long") { return nil }
    // "two to three weeks", "12 to 18 months": one expression, valued by its lower bound.
    if !amt.article, amt.value != nil, v.isText(k, "to") || v.isText(k, "or"), let second = parseAmount(k + 1), second.value != nil,
      !second.article, v.word(second.end)?.unit != nil
    {
      k = second.end
    }
    if v.role(k, .more) { k += 1 }
    var adjective = false
    if v.isText(k, "-"), v.glued(k), amt.value != nil, !amt.article { k += 1; adjective = true }
    if v.isText(k, "trading") || v.isText(k, "business") || v.isText(k, "calendar") { k += 1 }
    guard let w = v.word(k), let unit = w.unit else { return nil }
    if adjective, w.unitPlural { return nil }
    // "a second time", "a quarter of the market": not durations.
    if amt.article, unit == "S" || unit == "Q" || unit == "MIN", !v.role(i - 1, .prep) { return nil }
    // "in a second statement": "second" before a noun is the ordinal.
    if amt.article, unit == "S", !w.unitPlural, k + 1 < v.count, v.kinds[k + 1] == .word, v.word(k + 1) == nil,
      !["or", "and", "of", "to", "in", "for"].contains(v.low[k + 1])
    {
      return nil
    }
    // "60 Minutes", "This Week": a capitalized unit inside a sentence is a name.
    if v.capitalized(k), k > 0, !v.capitalized(k - 1) || v.kinds[k - 1] == .number, v.low[k - 1] != "." { return nil }
    // "a year-earlier loss" is the adjective "year-earlier", not "a year".
    if v.isText(k + 1, "-"), v.role(k + 2, .earlier) || v.role(k + 2, .ago) { return nil }
    // "the two-week delay": TimeBank leaves "the" of an adjective out.
    let start = adjective && hasThe ? i + 1 : i
    if amt.value == 1, w.unitPlural, !amt.approx { return nil }
    if amt.article, w.unitPlural { return nil }
    var end = k + 1
    // "a year and a half", "an hour and a half": half a unit more.
    var amount = amt.value
    if !w.unitPlural || (amount ?? 0) > 1, let a = amount, v.isText(end, "and"), v.isText(end + 1, "a"), v.role(end + 2, .half) {
      amount = a + 0.5
      end += 3
    }
    // "a week or so ago"
    var hedged = false
    if v.isText(end, "or"), v.isText(end + 1, "so"), v.role(end + 2, .ago) {
      end += 2
      hedged = true
    }
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
        var h = shifted(i, end + 1, amount: amt.value, unit: unit, sign: -1, anchor: ctx.reference, rule: "dates.ago")
        if hedged { h?.mod = "APPROX" }
        return h
      }
      if v.role(end, .from), v.role(end + 1, .now) {
        return shifted(i, end + 2, amount: amt.value, unit: unit, sign: 1, anchor: ctx.reference, rule: "dates.ago")
      }
      // "three days later" is a DURATION "three days" in TimeBank; "a year earlier" a DATE.
      if ["Y", "M", "Q", "DE"].contains(unit),
        v.role(end, .earlier) || v.role(end, .later) || (v.role(end, .before) || v.role(end, .after)) && end + 1 >= v.count
      {
        let sign = v.role(end, .earlier) || v.role(end, .before) ? -1 : 1
        // From the last date talked about ("passed in 2010 and took effect two years later"),
        // when it is precise enough for the unit; else the last day, else the publication date.
        var anchor = ctx.lastDay?.date ?? ctx.reference
        if let lp = ctx.lastPoint, let y = lp.year, lp.decade == nil, lp.century == nil, lp.month != nil || unit == "Y" || unit == "DE" {
          anchor = PublicationDate(year: y, month: lp.month ?? lp.quarter.map { ($0 - 1) * 3 + 1 } ?? 1, day: lp.day ?? 1)
        }
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
    let value = durationValue(amount, unit)
    return TimexHit(start: start, end: end, type: .duration, value: value, mod: amt.approx ? "APPROX" : nil, rule: "dates.duration", point: nil)
  }

  /// A date `amount` units before (`sign` -1) or after the anchor, at the unit's precision.
  func shifted(_ s: Int, _ e: Int, amount: Double?, unit: String, sign: Int, anchor: PublicationDate?, rule: String) -> TimexHit? {
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

  /// "day-long", "decades-long", "a year-long strike": an adjective naming a duration.
  func unitLong(_ i: Int) -> TimexHit? {
    guard let w = v.word(i), let u = w.unit, u != "WE", v.isText(i + 1, "-"), v.glued(i + 1), v.isText(i + 2, "long"), v.glued(i + 2)
    else { return nil }
    return TimexHit(start: i, end: i + 3, type: .duration, value: durationValue(w.unitPlural ? nil : 1, u), rule: "dates.duration", point: nil)
  }

  func durationValue(_ amount: Double?, _ unit: String) -> String {
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
}
