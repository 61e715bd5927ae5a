import BylineCore
internal import CBylineICU

/// ICU break iteration over UTF-8 bytes, returning byte offsets (no UTF-16 copy).
enum ICUBreaker {
  struct Failure: Error, CustomStringConvertible {
    let code: Int32
    var description: String { "ICU break iterator failed with error \(code)" }
  }

  enum Kind { case word, sentence }

  /// Boundaries after offset 0 with the rule status of the segment each one ends.
  static func boundaries(_ kind: Kind, in bytes: [UInt8]) throws -> [(offset: Int, status: Int32)] {
    guard !bytes.isEmpty else { return [] }
    let capacity = bytes.count + 1
    var offsets = [Int64](repeating: 0, count: capacity)
    var statuses = [Int32](repeating: 0, count: capacity)
    var error: Int32 = 0
    // The buffer stays pinned for the whole call, which opens and closes the iterator.
    let n = bytes.withUnsafeBufferPointer { buf in
      buf.withMemoryRebound(to: CChar.self) { chars in
        byline_icu_breaks(
          kind == .word ? BYLINE_BREAK_WORD : BYLINE_BREAK_SENTENCE, chars.baseAddress, Int64(bytes.count), &offsets, &statuses, Int64(capacity), &error)
      }
    }
    guard n >= 0 else { throw Failure(code: error) }
    return (0..<Int(n)).map { (Int(offsets[$0]), statuses[$0]) }
  }
}
