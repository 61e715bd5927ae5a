import CZlib

/// A streaming zlib inflater over one compressed stream at a time (gzip, zlib or raw deflate).
///
/// It owns a heap-allocated `z_stream` (zlib keeps a pointer back to it, so it must not move).
/// Feed input with ``inflate(_:into:maxOutput:)``; at ``Status/streamEnd`` call ``reset()`` to
/// read the next gzip member. Not thread-safe: one inflater per reader.
final class GzipInflater {
  /// The wrapper around the deflate data.
  enum Format {
    /// RFC 1952 gzip (`inflateInit2` with 16 + MAX_WBITS).
    case gzip
    /// RFC 1950 zlib.
    case zlib
    /// Headerless RFC 1951 deflate.
    case raw
    /// gzip or zlib, detected from the header (32 + MAX_WBITS).
    case auto

    var windowBits: Int32 {
      switch self {
      case .gzip: return 16 + MAX_WBITS
      case .zlib: return MAX_WBITS
      case .raw: return -MAX_WBITS
      case .auto: return 32 + MAX_WBITS
      }
    }
  }

  /// The outcome of one ``inflate(_:into:maxOutput:)`` call.
  enum Status: Equatable {
    /// All input was consumed and the stream goes on: give more input.
    case needInput
    /// The stream (gzip member) ended; bytes after `consumed` belong to what follows.
    case streamEnd
    /// `maxOutput` bytes were produced; call again with the remaining input.
    case outputFull
    /// The compressed data is corrupt (zlib's message).
    case error(String)
  }

  private let stream: UnsafeMutablePointer<z_stream>
  private var scratch: [UInt8]

  /// Makes an inflater; fails only when zlib cannot allocate its state.
  init(format: Format, scratchSize: Int = 256 * 1024) throws(GzipError) {
    stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
    stream.initialize(to: z_stream())
    scratch = [UInt8](repeating: 0, count: max(scratchSize, 4096))
    let rc = inflateInit2_(stream, format.windowBits, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
    guard rc == Z_OK else {
      stream.deinitialize(count: 1)
      stream.deallocate()
      throw GzipError(message: "zlib inflateInit2 failed (\(rc))")
    }
  }

  deinit {
    inflateEnd(stream)
    stream.deinitialize(count: 1)
    stream.deallocate()
  }

  /// Prepares for a new stream (the next gzip member), keeping the allocated state.
  func reset() {
    inflateReset(stream)
  }

  /// Inflates from `input`, appending at most `maxOutput` bytes to `output`.
  ///
  /// Returns how many input bytes were consumed and why it stopped. After `.error` the
  /// inflater must be ``reset()`` before further use.
  func inflate(
    _ input: UnsafeBufferPointer<UInt8>, into output: inout [UInt8], maxOutput: Int
  ) -> (consumed: Int, status: Status) {
    guard let base = input.baseAddress, input.count > 0 else { return (0, .needInput) }
    stream.pointee.next_in = UnsafeMutablePointer(mutating: base)
    stream.pointee.avail_in = UInt32(truncatingIfNeeded: min(input.count, Int(UInt32.max)))
    var produced = 0
    var status = Status.needInput
    while true {
      let room = min(scratch.count, maxOutput - produced)
      if room <= 0 { status = .outputFull; break }
      let (rc, made) = scratch.withUnsafeMutableBufferPointer { out -> (Int32, Int) in
        stream.pointee.next_out = out.baseAddress
        stream.pointee.avail_out = UInt32(room)
        let rc = CZlib.inflate(stream, Z_NO_FLUSH)
        return (rc, room - Int(stream.pointee.avail_out))
      }
      if made > 0 {
        output.append(contentsOf: scratch[0..<made])
        produced += made
      }
      if rc == Z_STREAM_END { status = .streamEnd; break }
      if rc == Z_OK {
        if stream.pointee.avail_in == 0 && made < room { status = .needInput; break }
        continue
      }
      if rc == Z_BUF_ERROR {
        // No progress possible: either all input is used or the output is full.
        status = stream.pointee.avail_in == 0 ? .needInput : .outputFull
        break
      }
      let detail = stream.pointee.msg.map { String(cString: $0) } ?? "zlib error \(rc)"
      status = .error(rc == Z_NEED_DICT ? "needs a preset dictionary" : detail)
      break
    }
    let consumed = input.count - Int(stream.pointee.avail_in)
    stream.pointee.next_in = nil
    stream.pointee.avail_in = 0
    return (consumed, status)
  }
}
