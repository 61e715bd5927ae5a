/// Fixed-width ASCII numbers inside byte strings (URLs, script time stamps).
enum ASCIIDigits {
  /// The value of the `count` ASCII digits starting at `at`, or nil when the bytes run out or
  /// one of them is not a digit. `value(of: Array("/2024/".utf8), at: 1, count: 4)` → 2024.
  static func value(of b: [UInt8], at: Int, count: Int) -> Int? {
    guard at >= 0, at + count <= b.count else { return nil }
    var v = 0
    for k in at..<(at + count) {
      guard b[k] >= 48, b[k] <= 57 else { return nil }
      v = v * 10 + Int(b[k] - 48)
    }
    return v
  }
}
