/// Checks UTF-8 bytes without building a String (`String(validating:)` validates and copies a
/// whole page; pages are mostly ASCII markup, checked here eight bytes at a time).
enum UTF8Check {
  /// True when `b` is well-formed UTF-8: no stray continuation bytes, no overlong forms, no
  /// surrogates, nothing above U+10FFFF, no sequence cut off at the end.
  static func isValid(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
    let raw = UnsafeRawBufferPointer(b)
    let n = b.count
    var i = 0
    while i < n {
      if i + 8 <= n, raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
        i += 8
        continue
      }
      let c = b[i]
      if c < 0x80 {
        i += 1
        continue
      }
      if c < 0xC2 { return false }  // continuation byte first, or an overlong two-byte form
      if c < 0xE0 {
        guard i + 1 < n, b[i + 1] & 0xC0 == 0x80 else { return false }
        i += 2
        continue
      }
      if c < 0xF0 {
        guard i + 2 < n, b[i + 1] & 0xC0 == 0x80, b[i + 2] & 0xC0 == 0x80 else { return false }
        if c == 0xE0 && b[i + 1] < 0xA0 { return false }  // overlong
        if c == 0xED && b[i + 1] > 0x9F { return false }  // UTF-16 surrogates
        i += 3
        continue
      }
      if c < 0xF5 {
        guard i + 3 < n, b[i + 1] & 0xC0 == 0x80, b[i + 2] & 0xC0 == 0x80, b[i + 3] & 0xC0 == 0x80
        else { return false }
        if c == 0xF0 && b[i + 1] < 0x90 { return false }  // overlong
        if c == 0xF4 && b[i + 1] > 0x8F { return false }  // above U+10FFFF
        i += 4
        continue
      }
      return false
    }
    return true
  }
}
