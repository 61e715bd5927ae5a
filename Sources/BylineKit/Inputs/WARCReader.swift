import Foundation

/// A streaming reader of WARC files (`.warc`, `.warc.gz`), yielding one ``WARCEntry`` per
/// `response` or `resource` record.
///
/// ```swift
/// let reader = try WARCReader(url: URL(fileURLWithPath: "crawl.warc.gz"))
/// for entry in reader {
///   switch entry {
///   case .page(let page): analyse(page.body, charset: page.charset, id: page.id, url: page.url)
///   case .skipped: break                       // not an article page
///   case .failed(let failure): reportError(id: failure.id, failure.description)
///   }
/// }
/// ```
///
/// - Input: plain WARC, gzip-per-record WARC (several gzip members, as Common Crawl writes),
///   or one gzip stream over the whole file; detected from the first bytes, not the name.
///   zstd/bzip2 files are refused with a clear ``WARCFileError``.
/// - Memory: the file is read in `chunkSize` pieces; only the current record is held, and a
///   record longer than `maxBodyBytes` is skipped without being buffered.
/// - Skipped without an entry: `warcinfo`, `request`, `metadata`, `revisit`, `conversion`,
///   `continuation` records (and broken ones of those types).
/// - Errors: a file that is not WARC at all throws from `init`; after that nothing throws. A
///   broken record becomes a ``WARCEntry/failed(_:)`` entry and reading goes on: the reader
///   resynchronises at the next gzip member or the next `WARC/` version line. A truncated
///   final record yields one failure and then the sequence ends.
/// - Single pass: the reader is its own iterator and is not thread-safe.
public final class WARCReader: Sequence, IteratorProtocol {
  /// Reader limits.
  public struct Options: Sendable {
    /// Largest record content (and decoded HTTP body) accepted, in bytes; larger records
    /// fail with ``WARCFailure/Reason/tooLarge(bytes:limit:)``. Default 20 MiB.
    public var maxBodyBytes: Int
    /// Size of each read from the file, and of each inflated piece, in bytes. Default 1 MiB.
    public var chunkSize: Int

    /// Makes options; `chunkSize` below 4 KiB is raised to 4 KiB.
    public init(maxBodyBytes: Int = 20 * 1024 * 1024, chunkSize: Int = 1024 * 1024) {
      self.maxBodyBytes = maxBodyBytes
      self.chunkSize = chunkSize
    }
  }

  /// Largest WARC header block accepted (bytes); real ones are well under 4 KiB.
  static let maxWARCHeaderBytes = 64 * 1024

  /// Record types that never yield an entry.
  static let silentTypes: Set<String> = [
    "warcinfo", "request", "metadata", "revisit", "conversion", "continuation",
  ]

  private let stream: WARCByteStream
  private let options: Options
  /// Uncompressed bytes read but not yet used, from `pos`.
  private var buffer: [UInt8] = []
  private var pos = 0
  /// Uncompressed stream offset of `buffer[0]`.
  private var bufferOffset = 0
  /// How the stream stopped giving data, once it has.
  private var stop: WARCByteStream.Chunk?
  /// A gzip or read error met and not yet reported.
  private var streamError: String?
  /// True while looking for the next `WARC/` line after junk or corruption.
  private var resyncing = false
  private var finished = false

  /// Opens the WARC file at `url`. Throws ``WARCFileError`` when it cannot be opened or is not
  /// a WARC file (checked on its first bytes).
  public convenience init(url: URL, options: Options = Options()) throws(WARCFileError) {
    let handle: FileHandle
    do {
      handle = try FileHandle(forReadingFrom: url)
    } catch {
      throw WARCFileError.unreadable("\(url.path): \(error.localizedDescription)")
    }
    try self.init(stream: WARCByteStream(fileHandle: handle, chunkSize: options.chunkSize), options: options)
  }

  /// Reads WARC data from an open handle (e.g. standard input); the reader closes it.
  public convenience init(fileHandle: FileHandle, options: Options = Options()) throws(WARCFileError) {
    try self.init(stream: WARCByteStream(fileHandle: fileHandle, chunkSize: options.chunkSize), options: options)
  }

  /// Reads WARC data (plain or gzip) already in memory.
  public convenience init(bytes: [UInt8], options: Options = Options()) throws(WARCFileError) {
    try self.init(stream: WARCByteStream(bytes: bytes, chunkSize: options.chunkSize), options: options)
  }

  private init(stream: WARCByteStream, options: Options) throws(WARCFileError) {
    self.stream = stream
    self.options = options
    try checkSignature()
  }

  /// Fails unless the data starts (after blank lines) with a `WARC/` version line.
  private func checkSignature() throws(WARCFileError) {
    while true {
      skipLineBreaks()
      if buffer.count - pos >= 5 { break }
      if !fill() { break }
    }
    if buffer.count - pos >= 5 && startsWithWARC(at: pos) { return }
    if let error = streamError {
      throw WARCFileError.notWARC(stream.compression == .gzip ? "gzip data is corrupt (\(error))" : error)
    }
    if buffer.count == pos {
      switch stop {
      case .truncated?: throw WARCFileError.notWARC("the gzip data ends before any content")
      default: throw WARCFileError.notWARC("the file is empty (or only blank lines)")
      }
    }
    let head = buffer[pos..<Swift.min(buffer.count, pos + 16)]
    let printable = String(decoding: head.map { (32...126).contains($0) ? $0 : 46 }, as: UTF8.self)
    throw WARCFileError.notWARC("it does not start with a \"WARC/1.x\" version line (starts with \"\(printable)\")")
  }

  // MARK: Buffer

  /// Appends the next uncompressed chunk; false when the stream has stopped (see `stop`).
  @discardableResult
  private func fill() -> Bool {
    if stop != nil { return false }
    if pos > 0 && (pos == buffer.count || pos >= 1 << 20) {
      buffer.removeFirst(pos)
      bufferOffset += pos
      pos = 0
    }
    switch stream.next() {
    case .data(let bytes):
      buffer.append(contentsOf: bytes)
      return true
    case .error(let message):
      streamError = message
      stop = .error(message)
      return false
    case let other:
      stop = other
      return false
    }
  }

  /// After a reported stream error: drop what is buffered and let the stream go on.
  private func clearStreamError() {
    if case .error? = stop { stop = nil }
    streamError = nil
    bufferOffset += buffer.count
    buffer.removeAll(keepingCapacity: true)
    pos = 0
  }

  private var offset: Int { bufferOffset + pos }

  private func skipLineBreaks() {
    while true {
      while pos < buffer.count && (buffer[pos] == 13 || buffer[pos] == 10) { pos += 1 }
      if pos < buffer.count || !fill() { return }
    }
  }

  private func startsWithWARC(at i: Int) -> Bool {
    i + 5 <= buffer.count && buffer[i] == 87 && buffer[i + 1] == 65 && buffer[i + 2] == 82
      && buffer[i + 3] == 67 && buffer[i + 4] == 47  // "WARC/"
  }

  // MARK: Iteration

  /// The next entry, or nil at the end of the file.
  public func next() -> WARCEntry? {
    while !finished {
      if let entry = step() { return entry }
    }
    return nil
  }

  /// Reads one record; returns its entry, or nil when it yields none (keep going).
  private func step() -> WARCEntry? {
    if resyncing { return resync() }
    skipLineBreaks()
    let start = offset
    if pos == buffer.count { return endOfData(at: start) }

    // Need "WARC/" here; otherwise skip junk to the next version line (one failure).
    while buffer.count - pos < 5 && fill() {}
    if !startsWithWARC(at: pos) {
      if buffer.count - pos < 5 && streamError == nil {
        finished = true
        return .failed(WARCFailure(id: nil, url: nil, warcType: nil,
          reason: .badWARCHeader("the file ends with \(buffer.count - pos) stray bytes"), offset: start))
      }
      resyncing = true
      return .failed(WARCFailure(id: nil, url: nil, warcType: nil,
        reason: .badWARCHeader("expected a \"WARC/1.x\" version line; skipping to the next record"), offset: start))
    }

    // Header block, up to its blank line.
    guard let (fieldsEnd, contentStart) = findHeaderEnd() else {
      return headerFailure(start: start)
    }
    let header = WARCHeaderFields(buffer[pos..<fieldsEnd])
    pos = contentStart
    let id = header.value("WARC-Record-ID")
    let type = header.value("WARC-Type")?.lowercased()
    let url = header.value("WARC-Target-URI").map(Self.stripBrackets)
    func failure(_ reason: WARCFailure.Reason) -> WARCEntry {
      .failed(WARCFailure(id: id, url: url, warcType: type, reason: reason, offset: start))
    }
    guard let lengthText = header.value("Content-Length"), let length = Int(lengthText), length >= 0 else {
      resyncing = true
      return failure(.badWARCHeader("missing or invalid Content-Length"))
    }
    let wanted = type == "response" || type == "resource"
    if !wanted || length > options.maxBodyBytes {
      // Only response and resource records can hold pages: pass over the others (and
      // oversized ones) without buffering. Other types go unreported, unless the header is
      // too broken to tell the type.
      let report = wanted || type == nil
      let skipped = skip(length)
      if let error = streamError {
        clearStreamError()
        resyncing = true
        return report ? failure(Self.streamReason(error)) : nil
      }
      if skipped < length {
        finished = true
        return report ? failure(.truncated(expected: length, available: skipped)) : nil
      }
      if wanted { return failure(.tooLarge(bytes: length, limit: options.maxBodyBytes)) }
      return report ? failure(.badWARCHeader("no WARC-Type")) : nil
    }

    let content = take(length)
    if let error = streamError {
      clearStreamError()
      resyncing = true
      return failure(Self.streamReason(error))
    }
    if content.count < length {
      finished = true
      return failure(.truncated(expected: length, available: content.count))
    }
    guard let id else { return failure(.badWARCHeader("no WARC-Record-ID")) }
    return interpret(content, header: header, id: id, url: url, type: type ?? "", offset: start)
  }

  /// Builds the entry of a complete `response`/`resource` record.
  private func interpret(
    _ content: [UInt8], header: WARCHeaderFields, id: String, url: String?, type: String, offset: Int
  ) -> WARCEntry {
    let warcType = WARCMediaType(header.value("Content-Type") ?? "")
    let outcome: WARCHTTPResponse.Outcome
    if type == "resource" {
      // A stored document, no HTTP wrapper (e.g. wget or browser captures).
      if warcType?.isHTML == true || (warcType == nil && WARCHTTPResponse.looksLikeHTML(content)) {
        outcome = .page(body: content, charset: warcType?.charset, contentType: warcType?.essence)
      } else {
        outcome = .skip(.notHTML(contentType: warcType?.essence))
      }
    } else if warcType == nil || warcType?.essence == "application/http" || content.starts(with: Array("HTTP/".utf8)) {
      outcome = WARCHTTPResponse.interpret(content, limit: options.maxBodyBytes)
    } else {
      outcome = .skip(.notHTTP(contentType: header.value("Content-Type")))
    }
    switch outcome {
    case .page(let body, let charset, let contentType):
      return .page(WARCRecordPage(
        id: id, url: url, body: body, charset: charset, contentType: contentType,
        warcDate: header.value("WARC-Date"), warcTruncated: header.value("WARC-Truncated"), offset: offset))
    case .skip(let reason):
      return .skipped(WARCSkip(id: id, url: url, reason: reason, offset: offset))
    case .fail(let reason):
      return .failed(WARCFailure(id: id, url: url, warcType: type, reason: reason, offset: offset))
    }
  }

  /// The stream has no more bytes at a record boundary.
  private func endOfData(at start: Int) -> WARCEntry? {
    if let error = streamError {
      // Corruption between records, or before a record's header arrived.
      clearStreamError()
      resyncing = true
      return .failed(WARCFailure(id: nil, url: nil, warcType: nil, reason: Self.streamReason(error), offset: start))
    }
    finished = true
    return nil
  }

  /// The header block did not end: truncated file, corrupt gzip, or a runaway header.
  private func headerFailure(start: Int) -> WARCEntry? {
    let partial = WARCHeaderFields(buffer[pos..<Swift.min(buffer.count, pos + Self.maxWARCHeaderBytes)])
    let id = partial.value("WARC-Record-ID")
    let type = partial.value("WARC-Type")?.lowercased()
    let url = partial.value("WARC-Target-URI").map(Self.stripBrackets)
    let wanted = type == nil || type == "response" || type == "resource"
    let reason: WARCFailure.Reason
    if let error = streamError {
      clearStreamError()
      resyncing = true
      guard wanted else { return nil }
      reason = Self.streamReason(error)
    } else if stop != nil {
      finished = true
      guard wanted else { return nil }
      if let length = partial.value("Content-Length").flatMap({ Int($0) }) {
        reason = .truncated(expected: length, available: 0)
      } else {
        reason = .badWARCHeader("the file ends inside the WARC header")
      }
    } else {
      resyncing = true
      reason = .badWARCHeader("no blank line within \(Self.maxWARCHeaderBytes) bytes")
    }
    return .failed(WARCFailure(id: id, url: url, warcType: type, reason: reason, offset: start))
  }

  /// Finds the blank line ending the header at `pos`: (end of fields, start of content).
  private func findHeaderEnd() -> (Int, Int)? {
    var scanned = 0  // bytes after `pos` already searched (`fill` may move `pos`)
    while true {
      let limit = Swift.min(buffer.count, pos + Self.maxWARCHeaderBytes)
      var i = pos + scanned
      var found: (Int, Int)?
      buffer.withUnsafeBufferPointer { buf in
        while i < limit {
          if buf[i] == 10 {
            if i + 1 >= buf.count { break }  // need the next byte
            if buf[i + 1] == 10 { found = (i, i + 2); return }
            if buf[i + 1] == 13 {
              if i + 2 >= buf.count { break }
              if buf[i + 2] == 10 { found = (i, i + 3); return }
            }
          }
          i += 1
        }
      }
      if let found { return found }
      scanned = i - pos
      if scanned >= Self.maxWARCHeaderBytes { return nil }
      if !fill() { return nil }
    }
  }

  /// Takes the next `count` bytes (fewer when the stream stops first).
  private func take(_ count: Int) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(Swift.min(count, 1 << 26))
    while out.count < count {
      if pos == buffer.count && !fill() { break }
      let n = Swift.min(count - out.count, buffer.count - pos)
      out.append(contentsOf: buffer[pos..<(pos + n)])
      pos += n
    }
    return out
  }

  /// Discards the next `count` bytes without keeping them; returns how many were there.
  private func skip(_ count: Int) -> Int {
    var skipped = 0
    while skipped < count {
      if pos == buffer.count && !fill() { break }
      let n = Swift.min(count - skipped, buffer.count - pos)
      pos += n
      skipped += n
    }
    return skipped
  }

  /// Skips to the next line that starts with `WARC/` (after junk, a bad header or corrupt
  /// gzip data). Yields no entry: the problem was reported when resync began; further stream
  /// errors on the way are part of the same damage and pass unreported.
  private func resync() -> WARCEntry? {
    var from = pos + 1  // `pos` is the bad record itself; look past it
    while true {
      if streamError != nil {
        clearStreamError()
        from = 0  // fresh data from the next gzip member may start right at a record
      }
      var i = from
      while i + 5 <= buffer.count {
        if (i == 0 || buffer[i - 1] == 10) && startsWithWARC(at: i) {
          pos = i
          resyncing = false
          return nil
        }
        i += 1
      }
      // Keep the last bytes (and the one before them) to match across chunk borders.
      pos = Swift.max(pos, Swift.min(Swift.max(i - 1, 0), buffer.count))
      let delta = i - pos
      if !fill() && streamError == nil {
        finished = true
        return nil
      }
      from = pos + delta
    }
  }

  /// The failure reason for a stream error: a file read error or corrupt gzip data.
  static func streamReason(_ message: String) -> WARCFailure.Reason {
    message.hasPrefix(WARCByteStream.readErrorPrefix) ? .readError(message) : .gzip(message)
  }

  /// `<uri>` → `uri` (WARC 1.0 writers differ on the brackets).
  static func stripBrackets(_ s: String) -> String {
    if s.hasPrefix("<") && s.hasSuffix(">") && s.count >= 2 { return String(s.dropFirst().dropLast()) }
    return s
  }
}
