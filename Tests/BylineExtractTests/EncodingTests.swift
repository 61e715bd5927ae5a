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
