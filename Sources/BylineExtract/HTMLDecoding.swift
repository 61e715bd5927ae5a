import Foundation

/// Turns the bytes of an HTML page into a String (NFC), the way browsers pick the encoding.
///
/// Order: a byte-order mark (UTF-8, UTF-16 LE/BE) wins; then bytes that are valid UTF-8 are
/// UTF-8; then the charset declared by the HTTP `Content-Type` (when given) or by the page's
/// `<meta charset>` / `<meta http-equiv="Content-Type" content="…; charset=…">` in the first
/// 16 KiB; then Windows-1252. ISO-8859-1, Latin-1 and US-ASCII are read as Windows-1252.
/// Declared charsets other than UTF-8/UTF-16/1252 go through Foundation's `String(data:encoding:)`
/// where it knows them (ISO-8859-2, Windows-1250/1251/1253/1254, Shift_JIS, EUC-JP,
/// ISO-2022-JP); unknown ones fall back to Windows-1252. Never fails.
public enum HTMLDecoding {
  /// Decodes `bytes`; `contentType` is an optional HTTP header value such as
  /// `text/html; charset=ISO-8859-1`.
  public static func decode(_ bytes: [UInt8], contentType: String? = nil) -> String {
    HTMLText.nfc(decodeRaw(bytes, declared: contentType.flatMap(charset(inContentType:))))
  }

  /// Decodes `bytes`; `charset` is a charset name declared outside the page (`"iso-8859-1"`),
  /// used like an HTTP header's.
  public static func decode(_ bytes: [UInt8], charset: String?) -> String {
    HTMLText.nfc(decodeRaw(bytes, declared: charset.map { $0.lowercased() }))
  }

  /// The byte-order marks a page may start with.
  enum ByteOrderMark {
    case utf8, utf16LittleEndian, utf16BigEndian

    /// The mark `bytes` start with, if any.
    init?<C: Collection>(_ bytes: C) where C.Element == UInt8, C.Index == Int {
      let s = bytes.startIndex
      if bytes.count >= 3, bytes[s] == 0xEF, bytes[s + 1] == 0xBB, bytes[s + 2] == 0xBF {
        self = .utf8
      } else if bytes.count >= 2, bytes[s] == 0xFF, bytes[s + 1] == 0xFE {
        self = .utf16LittleEndian
      } else if bytes.count >= 2, bytes[s] == 0xFE, bytes[s + 1] == 0xFF {
        self = .utf16BigEndian
      } else {
        return nil
      }
    }
  }

  static func decodeRaw(_ bytes: [UInt8], declared outside: String?) -> String {
    switch ByteOrderMark(bytes) {
    case .utf8: return String(decoding: bytes[3...], as: UTF8.self)
    case .utf16LittleEndian: return decodeUTF16(bytes[2...], littleEndian: true)
    case .utf16BigEndian: return decodeUTF16(bytes[2...], littleEndian: false)
    case nil: break
    }
    if let s = String(validating: bytes, as: UTF8.self) { return s }
    let declared = outside ?? metaCharset(bytes)
    if let name = declared, let s = decodeDeclared(bytes, charset: name) { return s }
    return Windows1252.decode(bytes)
  }

  /// The `charset=` parameter of a Content-Type value, lower-cased, quotes removed.
  /// `"text/html; charset=\"UTF-8\""` → `"utf-8"`.
  public static func charset(inContentType value: String) -> String? {
    let lower = value.lowercased()
    guard let r = lower.range(of: "charset") else { return nil }
    var rest = lower[r.upperBound...].drop { $0 == " " }
    guard rest.first == "=" else { return nil }
    rest = rest.dropFirst().drop { $0 == " " || $0 == "\"" || $0 == "'" }
    let name = String(rest.prefix { $0.isLetter || $0.isNumber || "-_:.".contains($0) })
    return name.isEmpty ? nil : name
  }

  /// The charset declared by a `<meta>` tag in the first 16 KiB, lower-cased.
  static func metaCharset(_ bytes: [UInt8]) -> String? {
    let head = Windows1252.decode(bytes.prefix(16384)).lowercased()
    var search = head[...]
    while let m = search.range(of: "<meta") {
      let tagEnd = search[m.upperBound...].firstIndex(of: ">") ?? search.endIndex
      let tag = String(search[m.upperBound..<tagEnd])
      if tag.contains("charset"), let cs = charset(inContentType: tag) { return cs }
      search = search[tagEnd...]
    }
    return nil
  }

  /// Decodes with a named charset; nil when the name is unknown or the bytes do not fit it.
  static func decodeDeclared(_ bytes: [UInt8], charset name: String) -> String? {
    switch name {
    case "utf-8", "utf8":
      return String(decoding: bytes, as: UTF8.self)
    case "utf-16", "utf-16le":
      return decodeUTF16(bytes[...], littleEndian: true)
    case "utf-16be":
      return decodeUTF16(bytes[...], littleEndian: false)
    case "iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "us-ascii", "ascii",
      "windows-1252", "cp1252", "x-cp1252", "iso_8859-1", "iso-8859-15", "iso8859-15":
      return Windows1252.decode(bytes)
    default:
      break
    }
    let table: [String: String.Encoding] = [
      "iso-8859-2": .isoLatin2, "latin2": .isoLatin2, "windows-1250": .windowsCP1250,
      "cp1250": .windowsCP1250, "windows-1251": .windowsCP1251, "cp1251": .windowsCP1251,
      "windows-1253": .windowsCP1253, "windows-1254": .windowsCP1254, "shift_jis": .shiftJIS,
      "shift-jis": .shiftJIS, "sjis": .shiftJIS, "euc-jp": .japaneseEUC, "iso-2022-jp": .iso2022JP,
    ]
    guard let enc = table[name] else { return nil }
    return String(data: Data(bytes), encoding: enc)
  }

  static func decodeUTF16(_ bytes: ArraySlice<UInt8>, littleEndian: Bool) -> String {
    var units: [UInt16] = []
    units.reserveCapacity(bytes.count / 2)
    var i = bytes.startIndex
    while i + 1 < bytes.endIndex {
      let a = UInt16(bytes[i])
      let b = UInt16(bytes[i + 1])
      units.append(littleEndian ? (a | b << 8) : (a << 8 | b))
      i += 2
    }
    return String(decoding: units, as: UTF16.self)
  }
}
