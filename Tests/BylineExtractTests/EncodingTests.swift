import Foundation
import Testing

@testable import BylineExtract

@Test func utf8IsKeptAndNormalisedToNFC() {
  let decomposed = "Cafe\u{301}"
  #expect(HTMLDecoding.decode(Array(decomposed.utf8)) == "Café")
  #expect(HTMLDecoding.decode(Array("Zoë".utf8)).unicodeScalars.count == 3)
}

@Test func byteOrderMarks() {
  #expect(HTMLDecoding.decode([0xEF, 0xBB, 0xBF, 0x41]) == "A")
  #expect(HTMLDecoding.decode([0xFF, 0xFE, 0x41, 0x00, 0xE9, 0x00]) == "Aé")
  #expect(HTMLDecoding.decode([0xFE, 0xFF, 0x00, 0x41, 0x00, 0xE9]) == "Aé")
}

@Test func invalidUTF8FallsBackToWindows1252() {
  #expect(HTMLDecoding.decode([0x93, 0x48, 0x69, 0x94, 0x20, 0x80, 0x35]) == "“Hi” €5")
  #expect(Windows1252.decode([0x81, 0x9F, 0xFF]) == "\u{81}Ÿÿ")
}

@Test func declaredCharsets() {
  // Content-Type header charset is used for bytes that are not UTF-8.
  #expect(HTMLDecoding.charset(inContentType: "text/html; charset=\"ISO-8859-1\"") == "iso-8859-1")
  #expect(HTMLDecoding.charset(inContentType: "text/html") == nil)
  // Windows-1251 "Привет" declared by HTTP header.
  let cyr: [UInt8] = [0xCF, 0xF0, 0xE8, 0xE2, 0xE5, 0xF2]
  #expect(HTMLDecoding.decode(cyr, contentType: "text/html; charset=windows-1251") == "Привет")
  #expect(HTMLDecoding.decode(cyr, charset: "windows-1251") == "Привет")
  // Meta http-equiv declaration.
  let page = Array("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\">".utf8) + cyr
  #expect(HTMLDecoding.decode(page).hasSuffix("Привет"))
  #expect(HTMLDecoding.metaCharset(Array("<meta charset='UTF-8'>".utf8)) == "utf-8")
  // Unknown charset: Windows-1252.
  #expect(HTMLDecoding.decode([0xE9], charset: "x-unknown") == "é")
}

/// NFC line by line must equal Foundation's NFC of the whole string.
@Test func nfcNormalisesOnlyTheLinesThatNeedIt() {
  let cases = [
    "plain ASCII\nno change",
    "Cafe\u{301}\nsecond line\nnai\u{308}ve end",
    "\u{301}leading mark\nA\u{30A}ngstro\u{308}m",
    "한국어 \u{1100}\u{1161} jamo\nΕλληνικά и кириллица\n日本語のテキスト",
    "line one\n\nCafe\u{301}",
    "e\u{301}",
  ]
  for s in cases {
    let expected = s.precomposedStringWithCanonicalMapping
    #expect(Array(HTMLText.nfc(s).unicodeScalars) == Array(expected.unicodeScalars), "\(s.debugDescription)")
  }
  let untouched = "Zoë and Ærø\n“quotes” – dashes"
  #expect(HTMLText.nfc(untouched) == untouched)
}

@Test func collapseHandlesUnicodeSpacesAndInvisibles() {
  #expect(HTMLText.collapse("  a\n\t b\u{A0}") == "a b")
  #expect(HTMLText.collapse("x\u{2003}\u{3000}y\u{1680}z\u{85}w") == "x y z w")
  #expect(HTMLText.collapse("soft\u{AD}hy\u{200B}phen\u{FEFF}") == "softhyphen")
  #expect(HTMLText.collapse("Grüße – “quoted” 日本 😀") == "Grüße – “quoted” 日本 😀")
  #expect(HTMLText.collapse("\u{2028}\u{205F}") == "")
}

@Test func utf8CheckAgreesWithTheStandardLibrary() {
  var cases: [[UInt8]] = [
    [], Array("plain ascii text, long enough for the eight-byte path".utf8), Array("Grüße – 日本 😀".utf8),
    [0xC0, 0x80], [0xC1, 0xBF], [0xE0, 0x80, 0x80], [0xE0, 0xA0, 0x80], [0xED, 0xA0, 0x80],
    [0xED, 0x9F, 0xBF], [0xF0, 0x8F, 0xBF, 0xBF], [0xF0, 0x90, 0x80, 0x80], [0xF4, 0x8F, 0xBF, 0xBF],
    [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xE2, 0x82], [0x80], [0x41, 0xBF, 0x41],
    Array("abcdefgh".utf8) + [0xE2, 0x82, 0xAC] + Array("ijklmnop".utf8),
  ]
  // Deterministic pseudo-random byte strings, most bytes high, to cover the state machine.
  var seed: UInt64 = 2026
  for _ in 0..<3000 {
    var bytes: [UInt8] = []
    seed = seed &* 6364136223846793005 &+ 1442695040888963407
    for _ in 0..<Int(seed >> 60) {
      seed = seed &* 6364136223846793005 &+ 1442695040888963407
      let r = UInt8(truncatingIfNeeded: seed >> 56)
      bytes.append(r < 64 ? r & 0x7F : r | 0x80)
    }
    cases.append(bytes)
  }
  for c in cases {
    let expected = String(validating: c, as: UTF8.self) != nil
    #expect(c.withUnsafeBufferPointer { UTF8Check.isValid($0) } == expected, "\(c)")
  }
}

/// Bytes parsed directly must give what decoding first gives, in every case the fast path
/// takes or declines (BOM, invalid UTF-8, text needing NFC).
@Test func extractionFromBytesMatchesExtractionFromDecodedText() throws {
  let body = "<p>Der Bürgermeister sagte am Montag, die Straße werde im Sommer erneuert, und lobte die Anwohner.</p>"
  let pages: [[UInt8]] = [
    Array("<html><head><title>Straße</title></head><body><article>\(body)\(body)</article></body></html>".utf8),
    [0xEF, 0xBB, 0xBF] + Array("<html><body><article>\(body)</article></body></html>".utf8),
    Array("<html><body><article><p>Cafe\u{301} owners said on Monday that prices will rise again.</p></article></body></html>".utf8),
    Array("<html><body><article><p>Caf".utf8) + [0xE9] + Array(" owners said on Monday that prices would rise.</p></article></body></html>".utf8),
  ]
  for page in pages {
    let direct = try HTMLArticleExtractor.extract(html: page, charset: nil, url: nil)
    let decoded = try HTMLArticleExtractor.extract(html: HTMLDecoding.decode(page, charset: nil), url: nil)
    #expect(direct.text == decoded.text)
    #expect(direct.metadata == decoded.metadata)
  }
}
