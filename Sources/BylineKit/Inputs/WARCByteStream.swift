import Foundation

/// The uncompressed bytes of a WARC file, produced chunk by chunk.
///
/// Reads the file in fixed-size chunks (never the whole file) and, for gzip input, inflates
/// member after member (Common Crawl writes one gzip member per record; a whole-file gzip is
/// just one member). After corrupt gzip data it reports one ``Chunk/error(_:)`` and resumes at
/// the next gzip member header it can find, so one bad record does not end the file.
final class WARCByteStream {
  /// What the next read produced.
  enum Chunk: Equatable {
    /// More uncompressed bytes.
    case data([UInt8])
    /// The input ended cleanly.
    case end
    /// The input ended inside a gzip member (a clipped file); `.end` follows.
    case truncated
    /// The compressed data is corrupt here; reading resumes at the next gzip member.
    case error(String)
  }

  /// How the file is compressed, detected from its first bytes.
  enum Compression: Equatable {
    case none, gzip
  }

  private enum Source {
    case file(FileHandle)
    case memory([UInt8])
  }

  private let source: Source
  private let chunkSize: Int
  /// Compressed (raw file) bytes read but not yet used, from `rawPos`.
  private var raw: [UInt8] = []
  private var rawPos = 0
  private var rawEOF = false
  private var memoryPos = 0
  /// How the message of a read failure (not a gzip problem) starts.
  static let readErrorPrefix = "read error: "
  /// A read failure of the underlying file, reported once as an error.
  private(set) var readFailure: String?

  private(set) var compression: Compression = .none
  private var inflater: GzipInflater?
  private var inMember = false
  private var pending: [Chunk] = []
  private var finished = false

  /// Opens a stream over a file handle (closed when the stream is released).
  convenience init(fileHandle: FileHandle, chunkSize: Int) throws(WARCFileError) {
    try self.init(source: .file(fileHandle), chunkSize: chunkSize)
  }

  /// A stream over bytes already in memory (tests, small inputs).
  convenience init(bytes: [UInt8], chunkSize: Int) throws(WARCFileError) {
    try self.init(source: .memory(bytes), chunkSize: chunkSize)
  }

  private init(source: Source, chunkSize: Int) throws(WARCFileError) {
    self.source = source
    self.chunkSize = max(chunkSize, 4096)
    // Sniff the compression from the first bytes.
    while raw.count < 4 && !rawEOF { readRaw() }
    if let failure = readFailure { throw WARCFileError.unreadable(failure) }
    let head = Array(raw.prefix(4))
    if head.starts(with: [0x1f, 0x8b]) {
      compression = .gzip
      do { inflater = try GzipInflater(format: .gzip) } catch { throw WARCFileError.unreadable(error.message) }
    } else if head.starts(with: [0x28, 0xb5, 0x2f, 0xfd]) {
      throw WARCFileError.notWARC("it is zstd-compressed (.warc.zst is not supported; decompress it first)")
    } else if head.starts(with: Array("BZh".utf8)) {
      throw WARCFileError.notWARC("it is bzip2-compressed (not supported; decompress it first)")
    }
  }

  deinit {
    if case .file(let handle) = source { try? handle.close() }
  }

  /// Appends the next raw chunk of the file to `raw` (dropping used bytes first).
  private func readRaw() {
    if rawPos > 0 && rawPos == raw.count {
      raw.removeAll(keepingCapacity: true)
      rawPos = 0
    } else if rawPos > chunkSize {
      raw.removeFirst(rawPos)
      rawPos = 0
    }
    switch source {
    case .memory(let bytes):
      let end = min(bytes.count, memoryPos + chunkSize)
      raw.append(contentsOf: bytes[memoryPos..<end])
      memoryPos = end
      if memoryPos == bytes.count { rawEOF = true }
    case .file(let handle):
      do {
        if let data = try handle.read(upToCount: chunkSize), !data.isEmpty {
          raw.append(contentsOf: data)
        } else {
          rawEOF = true
        }
      } catch {
        readFailure = Self.readErrorPrefix + error.localizedDescription
        rawEOF = true
      }
    }
  }

  /// The next chunk of uncompressed bytes, or why there is none.
  func next() -> Chunk {
    if !pending.isEmpty { return pending.removeFirst() }
    if finished { return .end }
    switch compression {
    case .none: return nextPlain()
    case .gzip: return nextInflated()
    }
  }

  private func finish(_ last: Chunk) -> Chunk {
    finished = true
    if let failure = readFailure {
      readFailure = nil
      return .error(failure)
    }
    return last
  }

  private func nextPlain() -> Chunk {
    if rawPos == raw.count {
      if rawEOF { return finish(.end) }
      readRaw()
      if rawPos == raw.count { return finish(.end) }
    }
    let chunk = Array(raw[rawPos...])
    rawPos = raw.count
    return .data(chunk)
  }

  private func nextInflated() -> Chunk {
    guard let inflater else { return finish(.end) }
    while true {
      if !inMember {
        // Between members: expect the gzip magic; skip padding; report other junk once.
        var junk = 0
        while true {
          if raw.count - rawPos < 2 && !rawEOF { readRaw(); continue }
          if raw.count - rawPos < 2 {
            junk += raw[rawPos...].filter { $0 != 0 }.count
            rawPos = raw.count
            if junk > 0 {
              pending.append(finish(.end))
              return .error("\(junk) bytes of non-gzip data at the end of the file")
            }
            return finish(.end)
          }
          if raw[rawPos] == 0x1f && raw[rawPos + 1] == 0x8b { break }
          if raw[rawPos] != 0 { junk += 1 }
          rawPos += 1
        }
        inflater.reset()
        inMember = true
        if junk > 0 { return .error("\(junk) bytes of non-gzip data between gzip members") }
      }
      if rawPos == raw.count {
        if rawEOF {
          inMember = false
          pending.append(finish(.end))
          return .truncated
        }
        readRaw()
        continue
      }
      var out: [UInt8] = []
      out.reserveCapacity(chunkSize)
      let (consumed, status) = raw.withUnsafeBufferPointer { all in
        inflater.inflate(UnsafeBufferPointer(rebasing: all[rawPos...]), into: &out, maxOutput: chunkSize)
      }
      rawPos += consumed
      switch status {
      case .needInput, .outputFull:
        break
      case .streamEnd:
        inMember = false
      case .error(let message):
        // Resume at the next member header after this point.
        inMember = false
        if rawPos < raw.count { rawPos += 1 }
        let error = Chunk.error("corrupt gzip data: \(message)")
        if out.isEmpty { return error }
        pending.append(error)
      }
      if !out.isEmpty { return .data(out) }
    }
  }
}
