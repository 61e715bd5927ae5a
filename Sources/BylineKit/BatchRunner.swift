import Dispatch
import Foundation

/// Runs an analyzer over a record stream with all cores, handing results to the sinks in input
/// order. Memory stays bounded: records are read and analysed in batches.
public struct BatchRunner {
  /// Counts of a finished run.
  public struct Summary: Sendable, Equatable {
    public var records = 0
    public var failed = 0
    /// The first few error messages, "id: message".
    public var examples: [String] = []
  }

  public let analyzer: Analyzer
  /// When true only extraction runs (`byline extract`).
  public var extractOnly = false
  /// Records analysed together; results of a batch are written before the next is read.
  public var batchSize: Int
  /// Worker threads.
  public var concurrency: Int

  public init(analyzer: Analyzer, concurrency: Int = ProcessInfo.processInfo.activeProcessorCount) {
    self.analyzer = analyzer
    self.concurrency = max(1, concurrency)
    self.batchSize = max(1, concurrency) * 16
  }

  /// Reads every record, analyses it and writes it to every sink; finishes the sinks.
  /// Throws only when a sink fails (output cannot be written).
  public func run(_ stream: RecordStream, sinks: inout [any ReportSink]) throws -> Summary {
    var summary = Summary()
    while true {
      var batch: [InputRecord] = []
      while batch.count < batchSize, let r = stream.next() { batch.append(r) }
      if batch.isEmpty { break }
      let results = analyzeAll(batch)
      for r in results {
        summary.records += 1
        if let e = r.error {
          summary.failed += 1
          if summary.examples.count < 5 { summary.examples.append("\(r.document.id): \(e)") }
        }
        for i in sinks.indices { try sinks[i].write(r) }
      }
    }
    for i in sinks.indices { try sinks[i].finish() }
    return summary
  }

  private func analyzeAll(_ batch: [InputRecord]) -> [AnalysisResult] {
    let slots = ResultSlots(count: batch.count)
    let analyzer = self.analyzer
    let extractOnly = self.extractOnly
    let next = AtomicCounter()
    DispatchQueue.concurrentPerform(iterations: min(concurrency, batch.count)) { worker in
      while true {
        let i = next.increment()
        guard i < batch.count else { return }
        // Named while in flight, so a fault reports which record caused it (CrashReport).
        CrashReport.begin(slot: worker, id: batch[i].id)
        slots.set(i, extractOnly ? analyzer.extract(batch[i]) : analyzer.analyze(batch[i]))
        CrashReport.end(slot: worker)
      }
    }
    return slots.values()
  }
}

/// Result storage written by several threads, each to its own index.
private final class ResultSlots: @unchecked Sendable {
  private var slots: [AnalysisResult?]
  private let lock = NSLock()

  init(count: Int) { slots = Array(repeating: nil, count: count) }

  func set(_ i: Int, _ r: AnalysisResult) {
    lock.lock()
    slots[i] = r
    lock.unlock()
  }

  func values() -> [AnalysisResult] { slots.map { $0! } }
}

/// A shared work counter.
private final class AtomicCounter: @unchecked Sendable {
  private var value = 0
  private let lock = NSLock()

  func increment() -> Int {
    lock.lock()
    defer { lock.unlock() }
    value += 1
    return value - 1
  }
}
