#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Names the records that were being analysed when the process dies of a fault, so a crawl
/// that stops on one bad record can be rerun without it.
///
/// Swift traps (an index out of range, a failed precondition) and memory faults end the
/// process: they cannot be caught and turned into a per-record error. What can be done is to
/// say which record did it. ``BatchRunner`` marks each record it starts and finishes per
/// worker slot; ``install()`` sets handlers for SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGFPE and
/// SIGABRT that write `byline: crashed (signal N) while analysing record: ID` to standard error
/// for every slot in use, then let the signal kill the process as it would have.
///
/// The handler only reads fixed buffers and calls `write(2)`, `sigaction(2)` and `raise(3)`
/// (async-signal-safe), then hands the signal to the handler installed before it. Record ids longer than ``idLimit`` UTF-8 bytes are cut. Slots beyond
/// ``slotCount`` (more worker threads than that) are not tracked.
public enum CrashReport {
  /// Worker slots tracked.
  public static let slotCount = 64
  /// Bytes of a record id kept per slot.
  public static let idLimit = 200

  nonisolated(unsafe) private static let ids: UnsafeMutablePointer<UInt8> = {
    let p = UnsafeMutablePointer<UInt8>.allocate(capacity: slotCount * idLimit)
    p.initialize(repeating: 0, count: slotCount * idLimit)
    return p
  }()
  nonisolated(unsafe) private static let lengths: UnsafeMutablePointer<Int> = {
    let p = UnsafeMutablePointer<Int>.allocate(capacity: slotCount)
    p.initialize(repeating: 0, count: slotCount)
    return p
  }()

  /// Installs the fault handlers (once per process; later calls do nothing more).
  public static func install() {
    _ = installed
  }

  /// The signals handled, and the handlers they had before (restored before the signal is
  /// raised again, so the Swift runtime's backtracer, when installed, still reports).
  private static let handled: [Int32] = [SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGFPE, SIGABRT]
  nonisolated(unsafe) private static let previous: UnsafeMutablePointer<sigaction> = {
    let p = UnsafeMutablePointer<sigaction>.allocate(capacity: 32)
    p.initialize(repeating: sigaction(), count: 32)
    return p
  }()

  private static let installed: Bool = {
    _ = (ids, lengths, head, middle, idle, digits, previous)
    for sig in handled where sig < 32 {
      var action = sigaction()
      #if canImport(Glibc)
        action.__sigaction_handler.sa_handler = crashReportHandler
      #else
        action.__sigaction_u.__sa_handler = crashReportHandler
      #endif
      sigemptyset(&action.sa_mask)
      action.sa_flags = 0
      sigaction(sig, &action, previous + Int(sig))
    }
    return true
  }()

  /// Puts back the handler `sig` had before ``install()``.
  fileprivate static func restore(_ sig: Int32) {
    guard sig >= 0, sig < 32 else {
      signal(sig, SIG_DFL)
      return
    }
    sigaction(sig, previous + Int(sig), nil)
  }

  /// Marks `id` as being analysed by worker `slot`.
  static func begin(slot: Int, id: String) {
    guard slot >= 0, slot < slotCount else { return }
    let base = ids + slot * idLimit
    var n = 0
    for b in id.utf8 {
      if n == idLimit { break }
      base[n] = b
      n += 1
    }
    lengths[slot] = n
  }

  /// Marks worker `slot` as idle.
  static func end(slot: Int) {
    guard slot >= 0, slot < slotCount else { return }
    lengths[slot] = 0
  }

  /// The ids marked as being analysed now (for tests and diagnostics).
  static func inFlight() -> [String] {
    (0..<slotCount).compactMap { s in
      let n = lengths[s]
      guard n > 0 else { return nil }
      return String(decoding: UnsafeBufferPointer(start: ids + s * idLimit, count: n), as: UTF8.self)
    }
  }

  /// Fixed texts and a scratch buffer for the handler, allocated at install time: the
  /// handler must not allocate (the fault may have happened inside `malloc`).
  nonisolated(unsafe) private static let head = staticBytes("byline: crashed (signal ")
  nonisolated(unsafe) private static let middle = staticBytes(") while analysing record: ")
  nonisolated(unsafe) private static let idle = staticBytes("byline: crashed (no record was being analysed)\n")
  nonisolated(unsafe) private static let digits = UnsafeMutablePointer<UInt8>.allocate(capacity: 12)

  private static func staticBytes(_ s: String) -> UnsafeBufferPointer<UInt8> {
    let bytes = Array(s.utf8)
    let p = UnsafeMutablePointer<UInt8>.allocate(capacity: bytes.count)
    p.initialize(from: bytes, count: bytes.count)
    return UnsafeBufferPointer(start: p, count: bytes.count)
  }

  /// Writes the crash lines for signal `sig` to standard error (called from the handler).
  fileprivate static func report(signal sig: Int32) {
    // The signal number, written right to left into the scratch buffer.
    var v = Int(max(0, sig))
    var start = 12
    repeat {
      start -= 1
      digits[start] = UInt8(48 + v % 10)
      v /= 10
    } while v > 0 && start > 0
    var any = false
    for s in 0..<slotCount where lengths[s] > 0 {
      any = true
      _ = write(2, head.baseAddress, head.count)
      _ = write(2, digits + start, 12 - start)
      _ = write(2, middle.baseAddress, middle.count)
      _ = write(2, ids + s * idLimit, lengths[s])
      _ = write(2, "\n", 1)
    }
    if !any { _ = write(2, idle.baseAddress, idle.count) }
  }
}

/// The fault handler: reports the in-flight records, then raises the signal again under the
/// handler it had before (the default: the process dies of it).
private func crashReportHandler(_ sig: Int32) {
  CrashReport.report(signal: sig)
  CrashReport.restore(sig)
  raise(sig)
}
