/// Hashing helpers of the tagger's features: FNV-1a over bytes, a SplitMix64 finaliser to
/// combine a feature template with its value.
enum FeatureHash {
  static let fnvOffset: UInt64 = 0xcbf2_9ce4_8422_2325
  static let fnvPrime: UInt64 = 0x0000_0100_0000_01b3

  @inline(__always) static func add(_ h: UInt64, _ b: UInt8) -> UInt64 { (h ^ UInt64(b)) &* fnvPrime }

  /// FNV-1a of `bytes[start..<end]`, lower-casing ASCII letters when `lower`.
  @inline(__always) static func bytes(
    _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, lower: Bool
  ) -> UInt64 {
    var h = fnvOffset
    for k in start..<end {
      var b = bytes[k]
      if lower, b >= 65, b <= 90 { b += 32 }
      h = add(h, b)
    }
    return h
  }

  /// FNV-1a of a string's UTF-8.
  static func string(_ s: String, lower: Bool = false) -> UInt64 {
    var h = fnvOffset
    for var b in s.utf8 {
      if lower, b >= 65, b <= 90 { b += 32 }
      h = add(h, b)
    }
    return h
  }

  /// Combines a feature template number with a value.
  @inline(__always) static func mix(_ template: UInt64, _ value: UInt64) -> UInt64 {
    var z = (template &+ 0x9E37_79B9_7F4A_7C15) &* 0xBF58_476D_1CE4_E5B9 ^ value
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// A deterministic random generator (SplitMix64) for the training data order.
public struct SplitMix64: RandomNumberGenerator, Sendable {
  private var state: UInt64
  public init(seed: UInt64) { state = seed }
  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
