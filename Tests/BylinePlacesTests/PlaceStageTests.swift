import BylineCore
import BylinePlaces
import BylineTestSupport
import Foundation
import Testing

@Suite struct PlaceStageTests {
  static let stage: PlaceStage? = try? PlaceStage(
    lexicons: LexiconStore(directory: TestPaths.lexicons))

  /// A document whose PLACE mentions are the given names (each at its `nth` occurrence order).
  static func run(_ text: String, places: [String], misc: [String] = []) throws -> Document {
    var doc = DocumentBuilder.make(text)
    var after: [String: Int] = [:]
    var n = 0
    for (names, type) in [(places, EntityType.place), (misc, EntityType.misc)] {
      for name in names {
        let r = try #require(DocumentBuilder.range(of: name, in: doc, after: after[name] ?? 0))
        after[name] = r.utf8End
        n += 1
        doc.entities.append(EntityMention(range: r, type: type, entityID: "E\(n)", canonical: name, rule: "test"))
      }
    }
    try #require(stage).process(&doc)
    return doc
  }

  @Test func moscowIsTheRussianCapital() throws {
    let doc = try Self.run("Talks resumed in Moscow on Monday.", places: ["Moscow"])
    let p = try #require(doc.places.first)
    #expect(p.geonamesID == 524901 && p.countryCode == "RU" && p.feature == .city)
    #expect(doc.string(p.range) == "Moscow")
    #expect(p.entityID == "E1")
  }

  @Test func countriesGetGeoNamesCountryIDs() throws {
    let doc = try Self.run(
      "Syria accused Turkey and Iran of meddling.", places: ["Syria", "Turkey", "Iran"])
    #expect(doc.places.map(\.geonamesID) == [163843, 298795, 130758])
    #expect(doc.places.allSatisfy { $0.feature == .country && $0.rule == "places.country" })
    #expect(doc.places.map { $0.countryCode ?? "" } == ["SY", "TR", "IR"])
  }

  @Test func parisTexasAsTwoMentionsAndAsOne() throws {
    let two = try Self.run("The storm hit Paris, Texas overnight.", places: ["Paris", "Texas"])
    #expect(two.places.count == 2)
    #expect(two.places[0].countryCode == "US" && two.places[0].admin1 == "Texas")
    #expect(two.places[0].rule == "places.container")
    #expect(two.places[1].feature == .admin1)
    let one = try Self.run("The storm hit Paris, Texas overnight.", places: ["Paris, Texas"])
    #expect(one.places.first?.countryCode == "US")
    let plain = try Self.run("The summit opened in Paris.", places: ["Paris"])
    #expect(plain.places.first?.countryCode == "FR")
  }

  @Test func laterBareMentionFollowsTheContainer() throws {
    let doc = try Self.run(
      "He grew up in Bangor, Maine. Bangor has a paper mill.", places: ["Bangor", "Maine", "Bangor"])
    #expect(doc.places.count == 3)
    #expect(doc.places[0].countryCode == "US" && doc.places[2].geonamesID == doc.places[0].geonamesID)
  }

  @Test func georgiaIsTheStateNextToAtlanta() throws {
    let state = try Self.run(
      "Voters in Georgia lined up early; Atlanta reported long queues.",
      places: ["Georgia", "Atlanta"])
    #expect(state.places[0].feature == .admin1 && state.places[0].countryCode == "US")
    #expect(state.places[0].rule == "places.context-admin1")
    let country = try Self.run(
      "Georgia and Russia fought a brief war in 2008.", places: ["Georgia", "Russia"])
    #expect(country.places[0].feature == .country && country.places[0].countryCode == "GE")
    // Another US state favours the state; a neighbour (Russia) brings the country back.
    let states = try Self.run(
      "Primaries in Georgia and Ohio drew U.S. observers.", places: ["Georgia", "Ohio", "U.S."])
    #expect(states.places[0].feature == .admin1 && states.places[0].countryCode == "US")
    let both = try Self.run(
      "U.S. observers watched Georgia as Russia massed troops.", places: ["U.S.", "Georgia", "Russia"])
    #expect(both.places[1].feature == .country && both.places[1].countryCode == "GE")
    let gaza = try Self.run("Aid trucks entered Gaza.", places: ["Gaza"])
    #expect(gaza.places.first?.geonamesID == 281132)  // the alias: Gaza Strip, not Gaza, Mozambique
    let bethlehem = try Self.run("Pilgrims reached Bethlehem.", places: ["Bethlehem"])
    #expect(bethlehem.places.first?.countryCode != "BR")  // not Belém by an alternate spelling
  }

  @Test func moscowIdahoOnlyWhenIdahoIsMentioned() throws {
    let idaho = try Self.run(
      "The university in Moscow is the largest employer in northern Idaho.",
      places: ["Moscow", "Idaho"])
    #expect(idaho.places[0].countryCode == "US" && idaho.places[0].admin1 == "Idaho")
    #expect(idaho.places[0].rule == "places.context-admin1")
    let us = try Self.run(
      "The U.S. envoy flew to Moscow for talks.", places: ["U.S.", "Moscow"])
    #expect(us.places[1].countryCode == "RU")
    #expect(us.places[0].geonamesID == 6252001)
  }

  @Test func sourceDomainCountryIsContext() throws {
    var doc = DocumentBuilder.make("Flooding closed roads around Windsor.")
    let r = try #require(DocumentBuilder.range(of: "Windsor", in: doc))
    doc.entities = [EntityMention(range: r, type: .place, entityID: "E1", canonical: "Windsor", rule: "test")]
    let stage = try #require(Self.stage)
    var plain = doc
    try stage.process(&plain)
    #expect(plain.places.first?.countryCode == "CA")  // Windsor, Ontario: the largest
    var uk = doc
    uk.metadata.url = "https://www.bbc.co.uk/news/flooding"
    try stage.process(&uk)
    #expect(uk.places.first?.countryCode == "GB" && uk.places.first?.rule == "places.context-country")
    var tv = doc
    tv.metadata.url = "https://news.example.tv/flooding"  // .tv is used as a generic domain
    try stage.process(&tv)
    #expect(tv.places.first?.countryCode == "CA")
  }

  @Test func jordanIsTheCountry() throws {
    let doc = try Self.run("Refugees crossed into Jordan.", places: ["Jordan"])
    #expect(doc.places.first?.geonamesID == 248816)
  }

  @Test func unknownNamesAreLeftOut() throws {
    let doc = try Self.run("They met at Qwxzyville.", places: ["Qwxzyville"])
    #expect(doc.places.isEmpty)
  }

  @Test func demonymsAreContextAndOptionallyPlaces() throws {
    let g = try Gazetteer.shared(from: LexiconStore(directory: TestPaths.lexicons))
    // "Tripoli": Libya's capital by prior; Lebanon's city when the text says "Lebanese".
    var doc = DocumentBuilder.make("Lebanese troops entered Tripoli.")
    let r = try #require(DocumentBuilder.range(of: "Tripoli", in: doc))
    let d = try #require(DocumentBuilder.range(of: "Lebanese", in: doc))
    doc.entities = [
      EntityMention(range: d, type: .misc, entityID: "E1", canonical: "Lebanese", rule: "test"),
      EntityMention(range: r, type: .place, entityID: "E2", canonical: "Tripoli", rule: "test"),
    ]
    var plain = doc
    try PlaceStage(gazetteer: g).process(&plain)
    #expect(plain.places.first?.countryCode == "LY")
    try PlaceStage(gazetteer: g, demonyms: ["Lebanese": "LB"]).process(&doc)
    #expect(doc.places.count == 1)
    #expect(doc.places.first?.countryCode == "LB" && doc.places.first?.rule == "places.context-country")
    var withDemonyms = doc
    try PlaceStage(gazetteer: g, demonyms: ["Lebanese": "LB"], options: .init(resolveDemonyms: true))
      .process(&withDemonyms)
    #expect(withDemonyms.places.map(\.rule) == ["places.demonym", "places.context-country"])
  }

  @Test func splitWashingtonDCIsOneName() throws {
    let doc = try Self.run("She moved to Washington, D.C. last year.", places: ["Washington", "D.C."])
    #expect(doc.places.count == 1)
    #expect(doc.string(doc.places[0].range) == "Washington, D.C.")
    #expect(doc.places[0].countryCode == "US")
  }

  @Test func apStateAbbreviationIsAContainer() throws {
    let doc = try Self.run("RALEIGH, N.C. — Lawmakers met.", places: ["RALEIGH", "N.C."])
    #expect(doc.places.map(\.countryCode) == ["US", "US"])
    #expect(doc.places[0].admin1 == "North Carolina" && doc.places[1].feature == .admin1)
  }

  @Test func commonWordNamesNeedAContainer() throws {
    let alone = try Self.run("The Centre said nothing.", places: ["Centre"])
    #expect(alone.places.isEmpty)
    let contained = try Self.run("Fires reached Orange, California.", places: ["Orange", "California"])
    #expect(contained.places.first?.countryCode == "US")
    #expect(contained.places.first?.rule == "places.container")
  }

  @Test func embeddedNamesAndDemonymsAreOptional() throws {
    let lex = LexiconStore(directory: TestPaths.lexicons)
    var doc = DocumentBuilder.make("The Washington Post quoted European diplomats.")
    let org = try #require(DocumentBuilder.range(of: "The Washington Post", in: doc))
    let misc = try #require(DocumentBuilder.range(of: "European", in: doc))
    doc.tokens = Self.words(doc)
    doc.entities = [
      EntityMention(range: org, type: .org, entityID: "E1", canonical: "The Washington Post", rule: "test"),
      EntityMention(range: misc, type: .misc, entityID: "E2", canonical: "European", rule: "test"),
    ]
    var plain = doc
    try PlaceStage(lexicons: lex).process(&plain)
    #expect(plain.places.isEmpty)
    try PlaceStage(lexicons: lex, options: .init(resolveDemonyms: true, embedded: true)).process(&doc)
    #expect(doc.places.map { doc.string($0.range) } == ["Washington", "European"])
    #expect(doc.places.map(\.rule) == ["places.embedded", "places.demonym"])
    #expect(doc.places[1].geonamesID == 6255148 && doc.places[1].feature == .region)
  }

  @Test func suffixedDivisionAndWholeOrgNames() throws {
    let state = try Self.run("Gunmen attacked villages in Borno State.", places: ["Borno State"])
    #expect(state.places.first?.feature == .admin1 && state.places.first?.countryCode == "NG")
    let lex = LexiconStore(directory: TestPaths.lexicons)
    var doc = DocumentBuilder.make("The EU imposed tariffs.")
    let eu = try #require(DocumentBuilder.range(of: "EU", in: doc))
    doc.tokens = Self.words(doc)
    doc.entities = [EntityMention(range: eu, type: .org, entityID: "E1", canonical: "EU", rule: "test")]
    var plain = doc
    try PlaceStage(lexicons: lex).process(&plain)
    #expect(plain.places.isEmpty)
    try PlaceStage(lexicons: lex, options: .init(embedded: true)).process(&doc)
    #expect(doc.places.first?.geonamesID == 6255148 && doc.places.first?.rule == "places.embedded")
  }

  @Test func localNamesTakeTheArticlesMainTown() throws {
    let lex = LexiconStore(directory: TestPaths.lexicons)
    var doc = DocumentBuilder.make(
      "Crowds filled Royal Street in New Orleans before driving to Bywater. Storm hit New Orleans.")
    doc.tokens = Self.words(doc)
    var after = 0
    for (n, name) in ["Royal Street", "New Orleans", "Bywater", "Storm", "New Orleans"].enumerated() {
      let r = try #require(DocumentBuilder.range(of: name, in: doc, after: after))
      after = name == "New Orleans" ? r.utf8End : after
      doc.entities.append(EntityMention(range: r, type: .place, entityID: "E\(n)", canonical: name, rule: "test"))
    }
    var plain = doc
    try PlaceStage(lexicons: lex).process(&plain)
    #expect(plain.places.map { plain.string($0.range) } == ["New Orleans", "New Orleans"])
    try PlaceStage(lexicons: lex, options: .init(localNames: true)).process(&doc)
    #expect(doc.places.map { doc.string($0.range) } == ["Royal Street", "New Orleans", "Bywater", "New Orleans"])
    let street = try #require(doc.places.first)
    #expect(street.rule == "places.local" && street.geonamesID == 0 && street.feature == .other)
    #expect(street.latitude == doc.places[1].latitude && street.countryCode == "US")
  }

  @Test func divisionWordsJoinTheToponym() throws {
    let lex = LexiconStore(directory: TestPaths.lexicons)
    var doc = DocumentBuilder.make("Gunmen attacked villages in Benue state. Mississippi State won.")
    doc.tokens = Self.words(doc)
    let benue = try #require(DocumentBuilder.range(of: "Benue", in: doc))
    let team = try #require(DocumentBuilder.range(of: "Mississippi State", in: doc))
    doc.entities = [
      EntityMention(range: benue, type: .place, entityID: "E1", canonical: "Benue", rule: "test"),
      EntityMention(range: team, type: .org, entityID: "E2", canonical: "Mississippi State", rule: "test"),
    ]
    try PlaceStage(lexicons: lex, options: .init(embedded: true)).process(&doc)
    #expect(doc.places.map { doc.string($0.range) } == ["Benue state", "Mississippi"])
    #expect(doc.places.allSatisfy { $0.feature == .admin1 })
  }

  @Test func abbreviationKeepsItsPeriod() throws {
    let doc = try Self.run("The company moved to Va. Rents were lower.", places: ["Va"])
    let p = try #require(doc.places.first)
    #expect(doc.string(p.range) == "Va." && p.geonamesID == 6254928)
  }

  /// Runs the stage with embedded names on over entity mentions of the given types (each name
  /// at its next occurrence), on tokens that keep punctuation ("-", ".") as tokens.
  static func runEmbedded(_ text: String, _ entities: [(String, EntityType)]) throws -> Document {
    var doc = DocumentBuilder.make(text)
    doc.tokens = Self.wordsAndPunctuation(doc)
    var after: [String: Int] = [:]
    for (n, (name, type)) in entities.enumerated() {
      let r = try #require(DocumentBuilder.range(of: name, in: doc, after: after[name] ?? 0))
      after[name] = r.utf8End
      doc.entities.append(EntityMention(range: r, type: type, entityID: "E\(n)", canonical: name, rule: "test"))
    }
    let lex = LexiconStore(directory: TestPaths.lexicons)
    try PlaceStage(lexicons: lex, options: .init(resolveDemonyms: true, embedded: true)).process(&doc)
    return doc
  }

  static func texts(_ doc: Document) -> [String] { doc.places.map { doc.string($0.range) } }

  @Test func placesInsideARunTogetherPlaceName() throws {
    let pair = try Self.runEmbedded("Jobs are scarce in Cyprus, Greece Italy or Spain.", [("Greece Italy", .place)])
    #expect(Self.texts(pair) == ["Greece", "Italy"])
    #expect(pair.places.allSatisfy { $0.feature == .country && $0.rule == "places.inside" })
    let hyphen = try Self.runEmbedded("The Amsterdam-London route opens.", [("Amsterdam-London", .place)])
    #expect(Self.texts(hyphen) == ["Amsterdam", "London"])
    let state = try Self.runEmbedded(
      "Troops paraded in Maiduguri Borno State on Monday.", [("Maiduguri Borno State", .place)])
    #expect(Self.texts(state) == ["Maiduguri", "Borno State"])
    #expect(state.places.last?.feature == .admin1)
    // A landmark the gazetteer lacks is one toponym, not the place it is named after.
    for name in ["Manila Cathedral", "Washington Square", "Nile Delta"] {
      let landmark = try Self.runEmbedded("They met at the \(name) at noon.", [(name, .place)])
      #expect(landmark.places.isEmpty)
    }
  }

  @Test func namesTheArticleAlsoWritesAsPlaces() throws {
    let police = try Self.runEmbedded(
      "Beverly Hills is quiet. Beverly Hills Police Department said so.",
      [("Beverly Hills", .place), ("Beverly Hills Police Department", .org)])
    #expect(Self.texts(police) == ["Beverly Hills", "Beverly Hills"])
    #expect(police.places.last?.rule == "places.embedded")
    // Without the place mention a small town inside an ORG name stays out.
    let alone = try Self.runEmbedded(
      "Beverly Hills Police Department said so.", [("Beverly Hills Police Department", .org)])
    #expect(alone.places.isEmpty)
    let org = try Self.runEmbedded(
      "Tourists came to Lisbon. Lisbon's streets were full.", [("Lisbon", .place), ("Lisbon's", .person)])
    #expect(Self.texts(org) == ["Lisbon", "Lisbon"])
    #expect(org.places.last?.rule == "places.same-name")
  }

  @Test func countryTaggedAsAPerson() throws {
    let doc = try Self.runEmbedded("A breakthrough in Canada's budget.", [("Canada's", .person)])
    #expect(Self.texts(doc) == ["Canada"] && doc.places.first?.feature == .country)
    // A first name that is also a country stays a person when the article names the person in full.
    let chad = try Self.runEmbedded(
      "Chad Miller scored twice. Chad said it was easy.", [("Chad Miller", .person), ("Chad", .person)])
    #expect(chad.places.isEmpty)
  }

  @Test func townTaggedAsAPersonBeforeItsState() throws {
    let doc = try Self.runEmbedded(
      "Sgt John Doe of Austin, Texas, died.", [("John Doe", .person), ("Austin", .person), ("Texas", .place)])
    #expect(Self.texts(doc) == ["Austin", "Texas"])
    #expect(doc.places.first?.admin1 == "Texas" && doc.places.first?.rule == "places.container")
    // No containing state: the person stays a person.
    let person = try Self.runEmbedded(
      "He met Austin, Paris and others.", [("Austin", .person), ("Paris", .place)])
    #expect(Self.texts(person) == ["Paris"])
  }

  @Test func townTaggedAsAPersonBeforeInAndItsState() throws {
    let doc = try Self.runEmbedded(
      "Austin in Texas and Paris won.", [("Austin", .person), ("Texas", .place), ("Paris", .place)])
    #expect(Self.texts(doc).prefix(2) == ["Austin", "Texas"])
    #expect(doc.places.first?.admin1 == "Texas" && doc.places.first?.rule == "places.container")
    // "Smith in Texas": no place of that name there, so no place.
    let person = try Self.runEmbedded("Smith in Texas said so.", [("Smith", .person), ("Texas", .place)])
    #expect(Self.texts(person) == ["Texas"])
  }

  @Test func lettersWithAStrokeFoldToTheirPlainLetter() {
    #expect(Gazetteer.key("Đà Nẵng") == "da nang")
    #expect(Gazetteer.key("Łódź") == "lodz")
    #expect(Gazetteer.key("Søndre") == "sondre")
  }

  @Test func hyphenatedPlaceModifiers() throws {
    let doc = try Self.runEmbedded("A Calgary-based firm joined the U.S.-led group.", [])
    #expect(Self.texts(doc) == ["Calgary", "U.S."])
    #expect(doc.places.allSatisfy { $0.rule == "places.compound" })
    #expect(doc.places.last?.feature == .country)
    // Only after a known modifier word, and not demonyms ("Saudi-led").
    let other = try Self.runEmbedded("The Calgary-style stampede and a Saudi-led push.", [])
    #expect(other.places.isEmpty)
  }

  @Test func facilityNamesKeepTheirPlaceWords() throws {
    // The whole facility is the toponym, which the gazetteer lacks: no place for its place word.
    let doc = try Self.runEmbedded(
      "She studied at Colorado State University and visited the Russian Embassy and the Colorado Times.",
      [("Colorado State University", .org), ("Russian Embassy", .org), ("Colorado Times", .org)])
    #expect(Self.texts(doc) == ["Colorado"])
    #expect(doc.places.first.map { doc.string(TextRange($0.range.utf8End, $0.range.utf8End + 6)) } == " Times")
  }

  @Test func townNameBeforeAPersonsFamilyName() throws {
    let doc = try Self.runEmbedded(
      "Sergei Skripal recovered. His niece Charlotte Skripal spoke to Charlotte Observer.",
      [("Sergei Skripal", .person), ("Charlotte Skripal", .org), ("Charlotte Observer", .org)])
    #expect(Self.texts(doc) == ["Charlotte"])
    let paper = try #require(DocumentBuilder.range(of: "Charlotte Observer", in: doc))
    #expect(doc.places.first?.range.utf8Start == paper.utf8Start)
  }

  @Test func articleBeforeAToponymIsLeftOut() throws {
    let doc = try Self.runEmbedded(
      "The Atlantic storms grew. The Hague hosted talks.", [("The Atlantic", .place), ("The Hague", .place)])
    #expect(Self.texts(doc) == ["Atlantic", "The Hague"])
  }

  @Test func demonymInsideAResolvedNameIsNotASecondPlace() throws {
    let doc = try Self.runEmbedded("The European Union met.", [("European Union", .org)])
    #expect(Self.texts(doc) == ["European Union"])
  }

  @Test func compassPartOfACountryOrDivision() throws {
    let doc = try Self.runEmbedded(
      "Mines in South Venezuela and jobs in the Western US grew; South Africa too.",
      [("South Venezuela", .place), ("Western US", .org), ("South Africa", .place)])
    #expect(Self.texts(doc) == ["South Venezuela", "Western US", "South Africa"])
    #expect(doc.places.map(\.countryCode) == ["VE", "US", "ZA"])
    #expect(doc.places[0].rule == "places.part-of" && doc.places[0].feature == .country)
    // A compass word before a town is not resolved to the town.
    let town = try Self.runEmbedded("They drove to North Springfield.", [("North Springfield", .place)])
    #expect(town.places.isEmpty)
  }

  @Test func demonymTaggedAsAnOrganisation() throws {
    let doc = try Self.runEmbedded("A caravan of Central American migrants arrived.", [("Central American", .org)])
    #expect(Self.texts(doc) == ["Central American"])
    #expect(doc.places.first?.rule == "places.demonym" && doc.places.first?.feature == .region)
  }

  @Test func partyMembersAfterAPlace() throws {
    let doc = try Self.runEmbedded(
      "Ohio Republicans and Orange County Democrats met.",
      [("Ohio Republicans", .person), ("Orange County Democrats", .place)])
    #expect(Self.texts(doc) == ["Ohio", "Orange County"])
    #expect(doc.places.first?.feature == .admin1)
  }

  @Test func divisionWithSuffixTaggedAsAPerson() throws {
    let doc = try Self.runEmbedded(
      "Migrants camped in Oaxaca State, Mexico.", [("Oaxaca State", .person), ("Mexico", .place)])
    #expect(Self.texts(doc) == ["Oaxaca State", "Mexico"])
    #expect(doc.places.first?.feature == .admin1 && doc.places.first?.countryCode == "MX")
  }

  @Test func regionOfACountryInsideAName() throws {
    let doc = try Self.runEmbedded(
      "The East of England Ambulance Service and the D.C. Commission responded near the B.C. border.",
      [("East of England Ambulance Service", .org), ("D.C. Commission", .org), ("B.C.", .place)])
    #expect(Self.texts(doc) == ["East of England", "D.C.", "B.C."])
    #expect(doc.places.first?.rule == "places.part-of" && doc.places.first?.feature == .admin1)
    #expect(doc.places[2].feature == .admin1 && doc.places[2].countryCode == "CA")
  }

  /// Word tokens (letters) and one token per other non-space character.
  static func wordsAndPunctuation(_ doc: Document) -> [Token] {
    var out: [Token] = []
    var start: Int? = nil
    for (i, b) in doc.bytes.enumerated() {
      let letter = (b >= 65 && b <= 90) || (b >= 97 && b <= 122) || b >= 128
      if letter, start == nil { start = i }
      if !letter, let s = start { out.append(Token(range: TextRange(s, i), kind: .word)); start = nil }
      if !letter && b != 32 { out.append(Token(range: TextRange(i, i + 1), kind: .punctuation)) }
    }
    if let s = start { out.append(Token(range: TextRange(s, doc.bytes.count), kind: .word)) }
    return out
  }

  /// Word tokens split at spaces and before punctuation (enough for these tests).
  static func words(_ doc: Document) -> [Token] {
    var out: [Token] = []
    var start: Int? = nil
    for (i, b) in doc.bytes.enumerated() {
      let letter = (b >= 65 && b <= 90) || (b >= 97 && b <= 122)
      if letter, start == nil { start = i }
      if !letter, let s = start { out.append(Token(range: TextRange(s, i), kind: .word)); start = nil }
    }
    if let s = start { out.append(Token(range: TextRange(s, doc.bytes.count), kind: .word)) }
    return out
  }
}
