/// Decoding of plain-text page dumps: UTF-8 (BOM dropped) when valid, else Windows-1252.
enum TextDecoding {
  static func decodePlainText(_ bytes: [UInt8]) -> String {
    var b = bytes[...]
    if b.starts(with: [0xEF, 0xBB, 0xBF]) { b = b.dropFirst(3) }
    if let s = String(validating: b, as: UTF8.self) { return s }
    return String(decoding: b, as: UTF8.self)
  }
}
