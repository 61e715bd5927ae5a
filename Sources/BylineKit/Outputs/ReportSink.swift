/// Where analysed articles go. Sinks receive results in input order.
public protocol ReportSink {
  mutating func write(_ result: AnalysisResult) throws
  /// Completes the output (closes and renames files into place).
  mutating func finish() throws
}
