import Foundation
import BylineExtract

/// Reads inputs one record at a time, in order: a single-article file is one record, a JSONL
/// file one record per non-blank line, a WARC file one record per HTML response.
///
/// Never throws for a bad input: an unreadable file or line becomes an `.unreadable` record so
/// that it gets an error report and the run goes on.
public final class RecordStream {
  /// Largest single-article file read (bytes); larger ones get an error report.
  public static let maxFileBytes = 64 << 20

  private var inputs: [InputCollector.Input]
  private var nextInput = 0
  private var lines: LineReader?
  private var lineSource = ""
  private var lineNumber = 0
  private var warc: WARCRecordSource?

  public init(inputs: [InputCollector.Input]) {
    self.inputs = inputs
  }

  /// The next record, or nil when every input is read.
  public func next() -> InputRecord? {
    while true {
      if let reader = lines {
        do {
          while let line = try reader.next() {
            lineNumber += 1
            if line.allSatisfy({ $0 == 32 || $0 == 9 || $0 == 13 }) { continue }
            return JSONLRecordParser.record(from: line, source: lineSource, lineNumber: lineNumber)
          }
        } catch {
          lines = nil
          return InputRecord(id: "\(lineSource):\(lineNumber + 1)", content: .unreadable("read error: \(error.localizedDescription)"))
        }
        lines = nil
      }
      if var w = warc {
        if let r = w.next() {
          warc = w
          return r
        }
        warc = nil
      }
      guard nextInput < inputs.count else { return nil }
      let input = inputs[nextInput]
      nextInput += 1
      if let r = open(input) { return r }
    }
  }

  /// Opens an input; returns its only record for single-article files, nil when it set up a
  /// multi-record reader.
  private func open(_ input: InputCollector.Input) -> InputRecord? {
    guard let kind = input.kind else {
      return InputRecord(id: input.id, content: .unreadable("unsupported file type (expected .html, .htm, .txt, .jsonl, .warc, .warc.gz)"))
    }
    switch kind {
    case .jsonl:
      do {
        let handle = try input.url.map { try FileHandle(forReadingFrom: $0) } ?? FileHandle.standardInput
        lines = LineReader(handle: handle)
        lineSource = input.url?.lastPathComponent ?? "stdin"
        lineNumber = 0
        return nil
      } catch {
        return InputRecord(id: input.id, content: .unreadable("cannot open: \(error.localizedDescription)"))
      }
    case .warc:
      guard let url = input.url else { return nil }
      warc = WARCRecordSource(url: url, id: input.id)
      return nil
    case .html, .pageDump:
      guard let url = input.url else { return nil }
      let bytes: [UInt8]
      do {
        bytes = try FileBytes.read(path: url.path, limit: Self.maxFileBytes)
      } catch FileBytes.Failure.tooLarge(let size) {
        return InputRecord(id: input.id, content: .unreadable("file is \(size) bytes; the limit is \(Self.maxFileBytes)"))
      } catch {
        return InputRecord(id: input.id, content: .unreadable("cannot read: \(error)"))
      }
      if kind == .html { return InputRecord(id: input.id, content: .html(bytes, charset: nil)) }
      // Page dumps: BOM, valid UTF-8, else Windows-1252 (as for HTML), NFC.
      return InputRecord(id: input.id, content: .page(HTMLDecoding.decode(bytes, charset: nil)))
    }
  }
}
