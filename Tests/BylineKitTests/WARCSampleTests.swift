import BylineTestSupport
import Foundation
import Testing

@testable import BylineKit

/// The real WARC samples in `shared/samples/warc` (see its README); skipped without `shared`.
@Suite struct WARCSampleTests {
  static let folder = TestPaths.shared?.appendingPathComponent("samples/warc")

  func read(_ name: String, options: WARCReader.Options = WARCReader.Options()) throws -> [WARCEntry] {
    let url = try #require(Self.folder).appendingPathComponent(name)
    return Array(try WARCReader(url: url, options: options))
  }

  @Test(.enabled(if: folder != nil))
  func commonCrawlWhirlwindHasOnePage() throws {
    // warcinfo, request, response, metadata: only the response gives an entry.
    for chunkSize in [4096, 1 << 20] {
      let entries = try read("cc-main-2024-22_whirlwind.warc.gz", options: WARCReader.Options(chunkSize: chunkSize))
      #expect(entries.count == 1)
      let page = try #require(entries.first?.page)
      #expect(page.id == "<urn:uuid:2aabeff2-67f5-4608-8466-e87c6296e2b6>")
      #expect(page.url == "https://an.wikipedia.org/wiki/Escopete")
      #expect(page.charset == "UTF-8")
      #expect(page.contentType == "text/html")
      #expect(page.body.count == 72848)  // the HTTP Content-Length of this response
      #expect(WARCHTTPResponse.looksLikeHTML(page.body))
    }
  }

  @Test(.enabled(if: folder != nil))
  func resiliparseSampleHasSixteenPagesWithTheirCharsets() throws {
    let entries = try read("resiliparse_warcfile.warc.gz")
    let pages = entries.compactMap(\.page)
    #expect(entries.count == 16)
    #expect(pages.count == 16)
    #expect(Set(pages.map(\.id)).count == 16)
    #expect(pages.first?.id == "<urn:uuid:c4c112a5-3503-4483-abf8-51a0dd86dd53>")
    #expect(pages.first?.url == "http://003338.cn/l41/481397.html")
    #expect(pages.first?.charset == nil)
    #expect(pages[1].url == "http://01spb.ru/company/")
    #expect(pages[1].charset == "windows-1251")
    // Two Content-Type headers, the second without a charset: the charset is kept.
    #expect(pages[2].url == "http://035.psb556.com/24/i/u_1090813/article.html")
    #expect(pages[2].charset == "utf-8")
    #expect(pages.filter { $0.charset == "gb2312" }.count == 2)
    #expect(pages.allSatisfy { $0.contentType == "text/html" && !$0.body.isEmpty })
    // A gb2312 body is passed through undecoded (bytes >= 0x80, not UTF-8).
    let gb = try #require(pages.first { $0.charset == "gb2312" })
    #expect(String(validating: gb.body, as: UTF8.self) == nil)
  }

  @Test(.enabled(if: folder != nil))
  func clippedSampleReportsOneTruncatedRecord() throws {
    let entries = try read("resiliparse_clipped.warc.gz")
    #expect(entries.count == 1)
    let failure = try #require(entries.first?.failure)
    #expect(failure.id == "<urn:uuid:f3dfa8fa-f031-4a38-90cc-1dcee3d07bb5>")
    #expect(failure.url?.hasPrefix("http://www.houstonpress.com/music/") == true)
    #expect(failure.warcType == "response")
    guard case .truncated(let expected, let available) = failure.reason else {
      Issue.record("expected truncation: \(failure)")
      return
    }
    #expect(expected == 88275)
    #expect(available > 0 && available < expected)
  }

  @Test(.enabled(if: folder != nil))
  func wetAndWatFilesAreWARCWithoutPages() throws {
    // WET holds `conversion` records, WAT `metadata` records: valid WARC, nothing to analyse.
    #expect(try read("cc-main-2024-22_whirlwind.warc.wet.gz").isEmpty)
    #expect(try read("cc-main-2024-22_whirlwind.warc.wat.gz").isEmpty)
  }

  @Test(.enabled(if: folder != nil))
  func readmeIsNotWARC() throws {
    let url = try #require(Self.folder).appendingPathComponent("README.md")
    #expect(throws: WARCFileError.self) { _ = try WARCReader(url: url) }
  }
}
