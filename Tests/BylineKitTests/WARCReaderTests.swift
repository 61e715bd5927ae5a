import CZlib
import Foundation
import Testing

@testable import BylineKit

/// Builds small WARC files in memory for the reader tests.
enum WARCFixture {
  /// One WARC record: version line, fields, blank line, block, blank line.
  static func record(
    type: String, id: String, url: String? = nil, block: [UInt8],
    contentType: String? = nil, extra: [(String, String)] = [], newline: String = "\r\n"
  ) -> [UInt8] {
    var lines = ["WARC/1.0", "WARC-Type: \(type)", "WARC-Record-ID: \(id)"]
    if let url { lines.append("WARC-Target-URI: \(url)") }
    lines.append("WARC-Date: 2024-05-18T01:58:53Z")
    if let contentType { lines.append("Content-Type: \(contentType)") }
    for (name, value) in extra { lines.append("\(name): \(value)") }
    lines.append("Content-Length: \(block.count)")
    let head = lines.joined(separator: newline) + newline + newline
    return Array(head.utf8) + block + Array((newline + newline).utf8)
  }

  /// An HTTP response as a crawler stores it.
  static func http(
    status: String = "200 OK", headers: [(String, String)], body: [UInt8], newline: String = "\r\n"
  ) -> [UInt8] {
    var head = "HTTP/1.1 \(status)" + newline
    for (name, value) in headers { head += "\(name): \(value)" + newline }
    return Array((head + newline).utf8) + body
  }

  /// A `response` record holding `http`.
  static func response(id: String, url: String, http: [UInt8], newline: String = "\r\n") -> [UInt8] {
    record(type: "response", id: id, url: url, block: http,
      contentType: "application/http; msgtype=response", newline: newline)
  }

  /// A `request` record (to be skipped).
  static func request(id: String, url: String) -> [UInt8] {
    record(type: "request", id: id, url: url,
      block: Array("GET / HTTP/1.1\r\nHost: example.org\r\n\r\n".utf8),
      contentType: "application/http; msgtype=request")
  }

  /// `body` in HTTP/1.1 chunked framing, cut into pieces of `size` bytes.
  static func chunked(_ body: [UInt8], size: Int) -> [UInt8] {
    var out: [UInt8] = []
    var i = 0
    while i < body.count {
      let n = min(size, body.count - i)
      out += Array((String(n, radix: 16) + ";ext=1\r\n").utf8) + body[i..<(i + n)] + [13, 10]
      i += n
    }
    return out + Array("0\r\n\r\n".utf8)
  }

  /// One gzip member holding `bytes` (zlib, level 6).
  static func gzip(_ bytes: [UInt8], windowBits: Int32 = 16 + MAX_WBITS) -> [UInt8] {
    var stream = z_stream()
    let rc = deflateInit2_(&stream, 6, Z_DEFLATED, windowBits, 8, Z_DEFAULT_STRATEGY,
      zlibVersion(), Int32(MemoryLayout<z_stream>.size))
    precondition(rc == Z_OK)
    defer { deflateEnd(&stream) }
    var out = [UInt8](repeating: 0, count: Int(deflateBound(&stream, UInt(bytes.count))) + 64)
    var input = bytes
    let produced = input.withUnsafeMutableBufferPointer { inBuf in
      out.withUnsafeMutableBufferPointer { outBuf -> Int in
        stream.next_in = inBuf.baseAddress
        stream.avail_in = UInt32(inBuf.count)
        stream.next_out = outBuf.baseAddress
        stream.avail_out = UInt32(outBuf.count)
        let status = deflate(&stream, Z_FINISH)
        precondition(status == Z_STREAM_END)
        return outBuf.count - Int(stream.avail_out)
      }
    }
    return Array(out[0..<produced])
  }

  static let page1 = Array("<!DOCTYPE html><html><head><title>One</title></head><body><p>Caf\u{e9} one.</p></body></html>".utf8)
  /// A longer page, so records cross the reader's 4 KiB chunks.
  static let page2: [UInt8] = {
    var s = "<html><body>"
    for i in 0..<600 { s += "<p>Paragraph \(i) of the second page.</p>\n" }
    return Array((s + "</body></html>").utf8)
  }()

  /// warcinfo, request, HTML response, request, chunked HTML response, PNG response, metadata.
  static func sampleRecords(newline: String = "\r\n") -> [[UInt8]] {
    [
      record(type: "warcinfo", id: "<urn:uuid:info>", block: Array("software: test\r\n".utf8),
        contentType: "application/warc-fields", newline: newline),
      request(id: "<urn:uuid:req-1>", url: "https://example.org/one"),
      response(id: "<urn:uuid:resp-1>", url: "https://example.org/one",
        http: http(headers: [("Content-Type", "text/html; charset=ISO-8859-1"), ("Content-Length", "\(page1.count)")],
          body: page1, newline: newline), newline: newline),
      request(id: "<urn:uuid:req-2>", url: "https://example.org/two"),
      response(id: "<urn:uuid:resp-2>", url: "<https://example.org/two>",
        http: http(headers: [("Content-Type", "text/html"), ("Transfer-Encoding", "chunked")],
          body: chunked(page2, size: 1000), newline: newline), newline: newline),
      response(id: "<urn:uuid:resp-3>", url: "https://example.org/logo.png",
        http: http(headers: [("Content-Type", "image/png")], body: [0x89, 0x50, 0x4e, 0x47], newline: newline),
        newline: newline),
      record(type: "metadata", id: "<urn:uuid:meta>", url: "https://example.org/one",
        block: Array("fetchTimeMs: 12\r\n".utf8), contentType: "application/warc-fields", newline: newline),
    ]
  }

  /// Small chunks, to exercise reads that cross chunk borders.
  static let smallChunks = WARCReader.Options(chunkSize: 4096)

  static func entries(_ bytes: [UInt8], options: WARCReader.Options = smallChunks) throws -> [WARCEntry] {
    Array(try WARCReader(bytes: bytes, options: options))
  }
}

/// Expects equal bytes; on failure it reports sizes and the start, not whole pages.
func expectBytes(
  _ actual: [UInt8]?, _ expected: [UInt8], _ note: String = "", sourceLocation: SourceLocation = #_sourceLocation
) {
  guard actual != expected else { return }
  let got = actual.map { "\($0.count) bytes starting \(String(decoding: $0.prefix(60), as: UTF8.self).debugDescription)" } ?? "nil"
  Issue.record("bytes differ \(note): got \(got), expected \(expected.count) bytes", sourceLocation: sourceLocation)
}

/// A small seeded generator (SplitMix64) for reproducible damage.
struct SplitMix {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func below(_ n: Int) -> Int {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return Int((z ^ (z >> 31)) % UInt64(max(n, 1)))
  }
}

extension WARCEntry {
  var page: WARCRecordPage? { if case .page(let p) = self { return p } else { return nil } }
  var skip: WARCSkip? { if case .skipped(let s) = self { return s } else { return nil } }
  var failure: WARCFailure? { if case .failed(let f) = self { return f } else { return nil } }
}

@Suite struct WARCReaderTests {
  /// The three entries `sampleRecords` must give, in order.
  func checkSample(_ entries: [WARCEntry]) {
    #expect(entries.count == 3)
    guard entries.count == 3 else { return }
    let one = entries[0].page
    #expect(one?.id == "<urn:uuid:resp-1>")
    #expect(one?.url == "https://example.org/one")
    expectBytes(one?.body, WARCFixture.page1)
    #expect(one?.charset == "ISO-8859-1")
    #expect(one?.contentType == "text/html")
    #expect(one?.warcDate == "2024-05-18T01:58:53Z")
    let two = entries[1].page
    #expect(two?.id == "<urn:uuid:resp-2>")
    #expect(two?.url == "https://example.org/two")
    expectBytes(two?.body, WARCFixture.page2)
    #expect(two?.charset == nil)
    #expect(entries[2].skip == WARCSkip(id: "<urn:uuid:resp-3>", url: "https://example.org/logo.png",
      reason: .notHTML(contentType: "image/png"), offset: entries[2].skip?.offset ?? -1))
  }

  @Test func plainWARCYieldsResponsesAndSkipsOtherRecords() throws {
    checkSample(try WARCFixture.entries(WARCFixture.sampleRecords().reduce([], +)))
  }

  @Test func gzipPerRecordWARC() throws {
    let file = WARCFixture.sampleRecords().map { WARCFixture.gzip($0) }.reduce([], +)
    checkSample(try WARCFixture.entries(file))
  }

  @Test func wholeFileGzipWARC() throws {
    checkSample(try WARCFixture.entries(WARCFixture.gzip(WARCFixture.sampleRecords().reduce([], +))))
  }

  @Test func bareLineFeeds() throws {
    checkSample(try WARCFixture.entries(WARCFixture.sampleRecords(newline: "\n").reduce([], +)))
  }

  @Test func offsetsPointAtRecordStarts() throws {
    let records = WARCFixture.sampleRecords()
    let file = records.reduce([], +)
    let entries = try WARCFixture.entries(file)
    let start = records[0..<2].map(\.count).reduce(0, +)
    #expect(entries.first?.page?.offset == start)
    #expect(Array(file[start..<(start + 5)]) == Array("WARC/".utf8))
  }

  @Test func gzipContentEncodingInsideChunkedBody() throws {
    let http = WARCFixture.http(
      headers: [("Content-Type", "text/html; charset=\"utf-8\""), ("Content-Encoding", "gzip"),
        ("Transfer-Encoding", "chunked")],
      body: WARCFixture.chunked(WARCFixture.gzip(WARCFixture.page2), size: 300))
    let entries = try WARCFixture.entries(WARCFixture.response(id: "<urn:uuid:gz>", url: "https://a.test/", http: http))
    #expect(entries.count == 1)
    expectBytes(entries.first?.page?.body, WARCFixture.page2)
    #expect(entries.first?.page?.charset == "utf-8")
  }

  @Test func deflateContentEncodingZlibAndRaw() throws {
    for bits in [MAX_WBITS, -MAX_WBITS] {
      let http = WARCFixture.http(
        headers: [("Content-Type", "text/html"), ("Content-Encoding", "deflate")],
        body: WARCFixture.gzip(WARCFixture.page1, windowBits: bits))
      let entries = try WARCFixture.entries(WARCFixture.response(id: "<urn:uuid:d>", url: "https://a.test/", http: http))
      expectBytes(entries.first?.page?.body, WARCFixture.page1, "windowBits \(bits)")
    }
  }

  @Test func corruptContentEncodingFailsTheRecordOnly() throws {
    let bad = WARCFixture.http(
      headers: [("Content-Type", "text/html"), ("Content-Encoding", "gzip")],
      body: [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 0xff, 0xff, 0xff, 0xff])
    let good = WARCFixture.http(headers: [("Content-Type", "text/html")], body: WARCFixture.page1)
    let file = WARCFixture.response(id: "<urn:uuid:bad>", url: "https://a.test/1", http: bad)
      + WARCFixture.response(id: "<urn:uuid:good>", url: "https://a.test/2", http: good)
    let entries = try WARCFixture.entries(file)
    #expect(entries.count == 2)
    if case .contentEncoding? = entries.first?.failure?.reason {} else { Issue.record("\(entries)") }
    #expect(entries.first?.failure?.id == "<urn:uuid:bad>")
    #expect(entries.last?.page?.id == "<urn:uuid:good>")
  }

  @Test func repeatedContentTypeKeepsTheCharset() throws {
    let http = WARCFixture.http(
      headers: [("Content-Type", "text/html; charset=windows-1251"), ("content-type", "text/html")],
      body: WARCFixture.page1)
    let page = try WARCFixture.entries(WARCFixture.response(id: "<urn:uuid:c>", url: "https://a.test/", http: http)).first?.page
    #expect(page?.charset == "windows-1251")
  }

  @Test func sniffsHTMLOnlyWhenTheTypeIsMissingOrGeneric() throws {
    let noType = WARCFixture.http(headers: [], body: Array("\n  <HTML><body>x</body></HTML>".utf8))
    let textPlain = WARCFixture.http(headers: [("Content-Type", "text/plain")], body: Array("just words".utf8))
    let json = WARCFixture.http(headers: [("Content-Type", "application/json")], body: Array("{\"a\":\"<html>\"}".utf8))
    let file = WARCFixture.response(id: "<urn:uuid:a>", url: "https://a.test/a", http: noType)
      + WARCFixture.response(id: "<urn:uuid:b>", url: "https://a.test/b", http: textPlain)
      + WARCFixture.response(id: "<urn:uuid:c>", url: "https://a.test/c", http: json)
    let entries = try WARCFixture.entries(file)
    #expect(entries.count == 3)
    #expect(entries[0].page?.contentType == nil)
    #expect(entries[0].page?.id == "<urn:uuid:a>")
    #expect(entries[1].skip?.reason == .notHTML(contentType: "text/plain"))
    #expect(entries[2].skip?.reason == .notHTML(contentType: "application/json"))
  }

  @Test func nonSuccessStatusIsSkipped() throws {
    let http = WARCFixture.http(status: "301 Moved Permanently",
      headers: [("Location", "https://a.test/new"), ("Content-Type", "text/html")], body: WARCFixture.page1)
    let entries = try WARCFixture.entries(WARCFixture.response(id: "<urn:uuid:r>", url: "https://a.test/", http: http))
    #expect(entries.map(\.skip?.reason) == [.httpStatus(301)])
  }

  @Test func badHTTPStatusLineFails() throws {
    let file = WARCFixture.response(id: "<urn:uuid:x>", url: "https://a.test/", http: Array("garbage\r\n\r\n<html></html>".utf8))
    let entries = try WARCFixture.entries(file)
    if case .badHTTPHeader? = entries.first?.failure?.reason {} else { Issue.record("\(entries)") }
  }

  @Test func truncatedFinalRecordIsReportedOnce() throws {
    let records = WARCFixture.sampleRecords()
    let whole = records[0..<3].reduce([], +)
    let clipped = Array(whole.prefix(whole.count - 40))
    let gzClipped: [UInt8] = {
      let members = records[0..<3].map { WARCFixture.gzip($0) }
      let joined = members.reduce([], +)
      return Array(joined.prefix(joined.count - 30))
    }()
    for file in [clipped, gzClipped] {
      let reader = try WARCReader(bytes: file, options: WARCFixture.smallChunks)
      let entry = reader.next()
      #expect(entry?.failure?.id == "<urn:uuid:resp-1>")
      if case .truncated(let expected, let available)? = entry?.failure?.reason {
        let header = String(decoding: records[2], as: UTF8.self).components(separatedBy: "Content-Length: ")[1]
        #expect(expected == Int(header.prefix { $0.isNumber }))
        #expect(available < expected)
      } else {
        Issue.record("expected a truncation, got \(String(describing: entry))")
      }
      #expect(entry?.failure?.description.contains("truncated") == true)
      #expect(reader.next() == nil)
      #expect(reader.next() == nil)
    }
  }

  @Test func fileClippedInsideAWARCHeader() throws {
    let records = WARCFixture.sampleRecords()
    let file = records[2] + Array(records[4].prefix(60))
    let entries = try WARCFixture.entries(file)
    #expect(entries.count == 2)
    #expect(entries.first?.page?.id == "<urn:uuid:resp-1>")
    #expect(entries.last?.failure != nil)
  }

  @Test func oversizedRecordFailsAndReadingGoesOn() throws {
    let records = WARCFixture.sampleRecords()
    let file = records[4] + records[2]  // the chunked page2 record is > 20 KB
    let entries = try WARCFixture.entries(file, options: WARCReader.Options(maxBodyBytes: 10_000, chunkSize: 4096))
    #expect(entries.count == 2)
    #expect(entries.first?.failure?.id == "<urn:uuid:resp-2>")
    if case .tooLarge(_, let limit)? = entries.first?.failure?.reason { #expect(limit == 10_000) } else {
      Issue.record("\(entries)")
    }
    #expect(entries.last?.page?.id == "<urn:uuid:resp-1>")
  }

  @Test func junkBetweenRecordsIsReportedAndSkipped() throws {
    let records = WARCFixture.sampleRecords()
    let junk = Array(String(repeating: "not a record line\n", count: 400).utf8)
    let file = records[2] + junk + records[4]
    let entries = try WARCFixture.entries(file)
    #expect(entries.count == 3)
    #expect(entries[0].page?.id == "<urn:uuid:resp-1>")
    #expect(entries[1].failure?.id == nil)
    if case .badWARCHeader? = entries[1].failure?.reason {} else { Issue.record("\(entries)") }
    #expect(entries[2].page?.id == "<urn:uuid:resp-2>")
  }

  @Test func missingContentLengthResynchronises() throws {
    let records = WARCFixture.sampleRecords()
    let broken = Array("WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:nolen>\r\n\r\nHTTP/1.1 200 OK\r\n\r\n<html></html>\r\n\r\n".utf8)
    let entries = try WARCFixture.entries(broken + records[2])
    #expect(entries.count == 2)
    #expect(entries[0].failure?.id == "<urn:uuid:nolen>")
    #expect(entries[1].page?.id == "<urn:uuid:resp-1>")
  }

  @Test func corruptGzipMemberFailsOneRecordOnly() throws {
    let records = WARCFixture.sampleRecords()
    var members = [records[2], records[4], records[2]].map { WARCFixture.gzip($0) }
    // Damage the deflate data in the middle of the second member.
    for k in 0..<40 { members[1][members[1].count / 2 + k] ^= 0x5a }
    let entries = try WARCFixture.entries(members.reduce([], +))
    #expect(entries.first?.page?.id == "<urn:uuid:resp-1>")
    #expect(entries.last?.page?.id == "<urn:uuid:resp-1>")
    let failures = entries.compactMap(\.failure)
    #expect(failures.count == 1)
    if case .gzip? = failures.first?.reason {} else { Issue.record("\(entries)") }
    #expect(failures.first?.id == "<urn:uuid:resp-2>")
    #expect(entries.count == 3)
  }

  @Test func notWARCFilesThrowOneClearError() throws {
    let html = Array("<!DOCTYPE html><html><body>hello</body></html>".utf8)
    let cases: [([UInt8], String)] = [
      (html, "WARC/1.x"), ([], "empty"), (WARCFixture.gzip(html), "WARC/1.x"),
      ([0x1f, 0x8b, 8, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9], "gzip"),
      ([0x28, 0xb5, 0x2f, 0xfd, 0, 0], "zstd"),
    ]
    for (bytes, word) in cases {
      do {
        _ = try WARCReader(bytes: bytes)
        Issue.record("no error for \(word)")
      } catch {
        guard case .notWARC(let reason) = error else { Issue.record("\(error)"); continue }
        #expect(error.description.hasPrefix("not a WARC file"))
        #expect(reason.contains(word), "\(reason)")
      }
    }
  }

  @Test func missingFileIsUnreadable() {
    #expect(throws: WARCFileError.self) {
      _ = try WARCReader(url: URL(fileURLWithPath: "/nonexistent/x.warc.gz"))
    }
  }

  @Test func resourceRecordWithHTML() throws {
    let file = WARCFixture.record(type: "resource", id: "<urn:uuid:res>", url: "file:///a.html",
      block: WARCFixture.page1, contentType: "text/html; charset=utf-8")
    let page = try WARCFixture.entries(file).first?.page
    expectBytes(page?.body, WARCFixture.page1)
    #expect(page?.charset == "utf-8")
  }

  @Test func contentEncodingHeaderOverAlreadyDecodedBody() throws {
    // Archives often store the decoded body but keep the original header.
    let http = WARCFixture.http(headers: [("Content-Type", "text/html"), ("Content-Encoding", "gzip")], body: WARCFixture.page1)
    let page = try WARCFixture.entries(WARCFixture.response(id: "<urn:uuid:p>", url: "https://a.test/", http: http)).first?.page
    expectBytes(page?.body, WARCFixture.page1)
  }

  @Test func unsupportedContentEncodingFails() throws {
    let http = WARCFixture.http(headers: [("Content-Type", "text/html"), ("Content-Encoding", "br")], body: [0x1b, 0x2f, 0x00, 0x8b, 0x91])
    let failure = try WARCFixture.entries(WARCFixture.response(id: "<urn:uuid:br>", url: "https://a.test/", http: http)).first?.failure
    #expect(failure?.reason == .contentEncoding("unsupported Content-Encoding \"br\""))
    #expect(failure?.description.contains("<urn:uuid:br>") == true)
  }

  @Test func trailingJunkAfterTheLastGzipMemberIsReportedOnce() throws {
    let records = WARCFixture.sampleRecords()
    let file = WARCFixture.gzip(records[2]) + Array("this is not gzip data".utf8)
    let entries = try WARCFixture.entries(file)
    #expect(entries.count == 2)
    #expect(entries.first?.page?.id == "<urn:uuid:resp-1>")
    if case .gzip? = entries.last?.failure?.reason {} else { Issue.record("\(entries)") }
    // Zero padding after the last member is not junk.
    #expect(try WARCFixture.entries(WARCFixture.gzip(records[2]) + [UInt8](repeating: 0, count: 512)).count == 1)
  }

  @Test func truncatedNonResponseRecordEndsSilently() throws {
    let records = WARCFixture.sampleRecords()
    let file = records[2] + Array(records[3].dropLast(10))
    let entries = try WARCFixture.entries(file)
    #expect(entries.count == 1)
    #expect(entries.first?.page?.id == "<urn:uuid:resp-1>")
  }

  @Test func crawlerTruncatedRecordIsStillAPage() throws {
    let http = WARCFixture.http(headers: [("Content-Type", "text/html")], body: Array(WARCFixture.page2.prefix(5000)))
    let file = WARCFixture.record(type: "response", id: "<urn:uuid:t>", url: "https://a.test/", block: http,
      contentType: "application/http; msgtype=response", extra: [("WARC-Truncated", "length")])
    let page = try WARCFixture.entries(file).first?.page
    #expect(page?.warcTruncated == "length")
    #expect(page?.body.count == 5000)
  }

  @Test func damagedFilesNeverCrashOrLoop() throws {
    // Seeded damage (flipped bytes, cuts, deletions, inserted noise) on plain and gzip files:
    // every run must end, with at most one entry per record or damage site.
    let records = WARCFixture.sampleRecords() + WARCFixture.sampleRecords()
    let plain = records.reduce([], +)
    let gzipped = records.map { WARCFixture.gzip($0) }.reduce([], +)
    var rng = SplitMix(seed: 42)
    for round in 0..<240 {
      var data = round % 2 == 0 ? plain : gzipped
      switch rng.below(4) {
      case 0: for _ in 0...rng.below(8) { data[rng.below(data.count)] ^= UInt8(1 + rng.below(255)) }
      case 1: data = Array(data.prefix(rng.below(data.count)))
      case 2:
        let at = rng.below(data.count)
        data.removeSubrange(at..<min(data.count, at + rng.below(3000)))
      default:
        let noise = (0..<rng.below(2000)).map { _ in UInt8(rng.below(256)) }
        data.insert(contentsOf: noise, at: rng.below(data.count))
      }
      guard let reader = try? WARCReader(bytes: data, options: WARCFixture.smallChunks) else { continue }
      var count = 0
      while reader.next() != nil {
        count += 1
        if count > 3 * records.count { break }
      }
      #expect(count <= 3 * records.count, "round \(round)")
      #expect(reader.next() == nil)
    }
  }

  @Test func dechunkIsLenient() {
    let body = Array("plain body, no chunks".utf8)
    #expect(WARCHTTPResponse.dechunk(body) == body)
    let cut = Array("5\r\nhello\r\n10\r\nwor".utf8)
    #expect(WARCHTTPResponse.dechunk(cut) == Array("hellowor".utf8))
  }
}
