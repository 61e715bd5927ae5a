/// Converts UTF-8 byte offsets into Unicode-scalar offsets (Python `str` indices).
///
/// Built once per document when a report is written; lookups are O(1).
public struct ScalarOffsetMap: Sendable {
  private let scalarIndex: [Int32]

  /// Builds the map for `bytes`, which must be valid UTF-8.
  public init(_ bytes: [UInt8]) {
    var map = [Int32](repeating: 0, count: bytes.count + 1)
    var n: Int32 = 0
    for i in 0..<bytes.count {
      map[i] = n
      // Count scalars at their lead byte; continuation bytes are 10xxxxxx.
      if bytes[i] & 0xC0 != 0x80 { n += 1 }
    }
    map[bytes.count] = n
    scalarIndex = map
  }

  /// The scalar offset of a UTF-8 offset (offsets inside a scalar map to that scalar).
  public func scalarOffset(_ utf8Offset: Int) -> Int { Int(scalarIndex[utf8Offset]) }
}
