/// Month names and abbreviations (lower-case) in the languages the extractor meets most:
/// English, German, French, Spanish, Italian, Portuguese, Dutch, Polish, Russian and Ukrainian
/// (genitive forms as used in dates), Arabic, Turkish, Swedish, Danish, Norwegian, Indonesian,
/// Czech and Romanian. Written by the Byline team from general knowledge.
enum MonthNames {
  static let table: [String: Int] = {
    let lists: [[String]] = [
      // en
      ["january", "february", "march", "april", "may", "june", "july", "august", "september",
       "october", "november", "december"],
      ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"],
      // de
      ["januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september",
       "oktober", "november", "dezember"],
      ["jänner", "feber", "mrz", "apr", "mai", "jun", "jul", "aug", "sept", "okt", "nov", "dez"],
      // fr
      ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
       "octobre", "novembre", "décembre"],
      ["janv", "févr", "mars", "avr", "mai", "juin", "juil", "aout", "sept", "oct", "nov", "déc"],
      // es
      ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
       "octubre", "noviembre", "diciembre"],
      ["ene", "febr", "marz", "abr", "mayo", "jun", "jul", "ago", "setiembre", "octu", "novi", "dic"],
      // it
      ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto",
       "settembre", "ottobre", "novembre", "dicembre"],
      ["gen", "febb", "marz", "apr", "magg", "giu", "lug", "ago", "set", "ott", "nov", "dic"],
      // pt
      ["janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro",
       "outubro", "novembro", "dezembro"],
      ["jan", "fev", "mar", "abr", "mai", "jun", "jul", "ago", "set", "out", "nov", "dez"],
      // nl
      ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
       "oktober", "november", "december"],
      // pl (genitive)
      ["stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia",
       "września", "października", "listopada", "grudnia"],
      // ru (genitive)
      ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
       "октября", "ноября", "декабря"],
      // uk (genitive)
      ["січня", "лютого", "березня", "квітня", "травня", "червня", "липня", "серпня", "вересня",
       "жовтня", "листопада", "грудня"],
      // ar (Egyptian/Gulf transliterations)
      ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر",
       "نوفمبر", "ديسمبر"],
      ["يناير", "فبراير", "مارس", "ابريل", "مايو", "يونيه", "يوليه", "اغسطس", "سبتمبر", "اكتوبر",
       "نوفمبر", "ديسمبر"],
      // ar (Levantine/Iraqi names; the two-word ones, كانون الثاني and the like, are left out)
      ["", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول", "", "", ""],
      ["", "", "اذار", "", "ايار", "", "", "اب", "ايلول", "", "", ""],
      // tr
      ["ocak", "şubat", "mart", "nisan", "mayıs", "haziran", "temmuz", "ağustos", "eylül", "ekim",
       "kasım", "aralık"],
      // sv / da / no / id
      ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september",
       "oktober", "november", "december"],
      ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september",
       "oktober", "november", "desember"],
      ["januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus", "september",
       "oktober", "november", "desember"],
      // cs (genitive)
      ["ledna", "února", "března", "dubna", "května", "června", "července", "srpna", "září",
       "října", "listopadu", "prosince"],
      // ro
      ["ianuarie", "februarie", "martie", "aprilie", "mai", "iunie", "iulie", "august",
       "septembrie", "octombrie", "noiembrie", "decembrie"],
    ]
    var t: [String: Int] = [:]
    for list in lists {
      for (i, name) in list.enumerated() where !name.isEmpty && t[name] == nil { t[name] = i + 1 }
    }
    t["sept"] = 9
    t["märz"] = 3
    return t
  }()

  /// The month number (1–12) for a lower-cased word, or nil.
  static func month(_ word: String) -> Int? { table[word] }
}
