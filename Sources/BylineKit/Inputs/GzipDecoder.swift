/// A zlib failure, with zlib's own message.
struct GzipError: Error, Equatable {
  let message: String
  /// True when decoding stopped because the output limit was reached.
  var limitExceeded = false
}

/// One-shot decoding of an HTTP `Content-Encoding` body.
enum GzipDecoder {
  /// The result of decoding a whole body.
  struct Decoded {
    /// The decoded bytes (possibly partial, see `complete`).
    var bytes: [UInt8]
    /// False when the compressed data ended before its end marker (a clipped body).
    var complete: Bool
  }

  /// Decodes `input` (gzip members, zlib or raw deflate) into at most `limit` bytes.
  ///
  /// Concatenated gzip members are all decoded. Throws on corrupt data that yielded nothing,
  /// and when the output would exceed `limit` (`limitExceeded` is then set).
  static func decode(
    _ input: [UInt8], format: GzipInflater.Format, limit: Int
  ) throws(GzipError) -> Decoded {
    let inflater = try GzipInflater(format: format, scratchSize: 64 * 1024)
    var out: [UInt8] = []
    var offset = 0
    while true {
      let (consumed, status) = input.withUnsafeBufferPointer { all in
        inflater.inflate(UnsafeBufferPointer(rebasing: all[offset...]), into: &out, maxOutput: limit + 1 - out.count)
      }
      offset += consumed
      switch status {
      case .needInput:
        return Decoded(bytes: out, complete: false)
      case .outputFull:
        throw GzipError(message: "decoded body exceeds \(limit) bytes", limitExceeded: true)
      case .error(let message):
        if out.isEmpty { throw GzipError(message: message) }
        return Decoded(bytes: out, complete: false)
      case .streamEnd:
        // Another gzip member may follow (some servers concatenate them).
        if format == .gzip, offset + 1 < input.count, input[offset] == 0x1f, input[offset + 1] == 0x8b {
          inflater.reset()
          continue
        }
        return Decoded(bytes: out, complete: true)
      }
    }
  }
}
