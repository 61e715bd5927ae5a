/// A minimal, deterministic JSON text builder: keys come out in the order they are written,
/// numbers in Swift's shortest round-trip form, strings UTF-8 with only the escapes JSON needs.
///
/// Reports are built with it rather than `JSONEncoder` so that field order follows the report
/// contract and output is byte-identical across runs and platforms.
public struct JSONWriter {
  /// The JSON text so far.
  public private(set) var output: [UInt8] = []
  private var needsComma: [Bool] = [false]

  public init() {}

  public mutating func beginObject() { separate(); output.append(UInt8(ascii: "{")); needsComma.append(false) }
  public mutating func endObject() { needsComma.removeLast(); output.append(UInt8(ascii: "}")) }
  public mutating func beginArray() { separate(); output.append(UInt8(ascii: "[")); needsComma.append(false) }
  public mutating func endArray() { needsComma.removeLast(); output.append(UInt8(ascii: "]")) }

  /// Writes an object key; the next value call writes its value.
  public mutating func key(_ k: String) {
    separate()
    writeString(k)
    output.append(UInt8(ascii: ":"))
    needsComma[needsComma.count - 1] = false
  }

  public mutating func string(_ s: String?) {
    separate()
    if let s { writeString(s) } else { writeNull() }
  }

  public mutating func int(_ v: Int?) {
    separate()
    if let v { output.append(contentsOf: String(v).utf8) } else { writeNull() }
  }

  public mutating func double(_ v: Double?) {
    separate()
    guard let v, v.isFinite else { writeNull(); return }
    output.append(contentsOf: String(v).utf8)
  }

  public mutating func bool(_ v: Bool) {
    separate()
    output.append(contentsOf: (v ? "true" : "false").utf8)
  }

  public mutating func null() { separate(); writeNull() }

  /// Convenience: `"key": "value"` (or null).
  public mutating func field(_ k: String, _ v: String?) { key(k); string(v) }
  public mutating func field(_ k: String, _ v: Int?) { key(k); int(v) }
  public mutating func field(_ k: String, _ v: Double?) { key(k); double(v) }

  public mutating func stringArray(_ values: [String]) {
    beginArray()
    for v in values { string(v) }
    endArray()
  }

  private mutating func writeNull() { output.append(contentsOf: "null".utf8) }

  private mutating func separate() {
    if needsComma[needsComma.count - 1] { output.append(UInt8(ascii: ",")) }
    needsComma[needsComma.count - 1] = true
  }

  private mutating func writeString(_ s: String) {
    output.append(UInt8(ascii: "\""))
    for b in s.utf8 {
      switch b {
      case UInt8(ascii: "\""): output.append(contentsOf: [92, 34])
      case UInt8(ascii: "\\"): output.append(contentsOf: [92, 92])
      case 10: output.append(contentsOf: [92, 110])
      case 13: output.append(contentsOf: [92, 114])
      case 9: output.append(contentsOf: [92, 116])
      case 0..<32:
        let hex = Array("0123456789abcdef".utf8)
        output.append(contentsOf: [92, 117, 48, 48, hex[Int(b >> 4)], hex[Int(b & 15)]])
      default: output.append(b)
      }
    }
    output.append(UInt8(ascii: "\""))
  }
}
