/// The Windows-1252 code page: bytes 0x80–0x9F map to typographic characters; every other
/// byte is the Latin-1 code point. ISO-8859-1 pages are read with it too (as browsers do).
enum Windows1252 {
  /// Code points for 0x80–0x9F; undefined positions (0x81, 0x8D, 0x8F, 0x90, 0x9D) keep the
  /// C1 control, as the WHATWG encoding standard does.
  static let high: [UInt32] = [
    0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
    0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
  ]

  /// Decodes every byte; never fails.
  static func decode<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
    var scalars = String.UnicodeScalarView()
    scalars.reserveCapacity(bytes.count)
    for b in bytes {
      let v: UInt32 = (b >= 0x80 && b <= 0x9F) ? high[Int(b - 0x80)] : UInt32(b)
      scalars.append(Unicode.Scalar(v)!)
    }
    return String(scalars)
  }
}
