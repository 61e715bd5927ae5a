import BylineCore
import Testing

@testable import BylineExtract

private func meta(_ head: String, _ body: String = "", url: String? = nil) throws -> ArticleMetadata {
  let html = "<html><head>\(head)</head><body>\(body)<p>Some body text that is long enough to be a paragraph.</p></body></html>"
  return try HTMLArticleExtractor.extract(html: html, url: url).metadata
}

@Test func titleSuffixIsStripped() throws {
  #expect(try meta("<title>Storm hits the coast | Daily Planet</title>").title == "Storm hits the coast")
  #expect(try meta("<title>Storm hits the coast - Daily Planet</title><meta property='og:site_name' content='Daily Planet'>").title == "Storm hits the coast")
  #expect(TitleCleaner.clean("Storm hits the coast – Example News", siteNames: [], host: "www.examplenews.com") == "Storm hits the coast")
  #expect(TitleCleaner.clean("Spiegel Online - Storm hits the coast", siteNames: [], host: "www.spiegel.de") == "Storm hits the coast")
  // A dash inside a headline that is not the site stays.
  #expect(TitleCleaner.clean("Biden - the early years", siteNames: ["Planet"], host: "planet.com") == "Biden - the early years")
  #expect(TitleCleaner.hostLabel("news.bbc.co.uk") == "bbc")
}

@Test func titlePriorities() throws {
  let ld = "<script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"headline\":\"LD headline here\"}</script>"
  #expect(try meta(ld + "<meta property='og:title' content='OG title'><title>T</title>").title == "LD headline here")
  #expect(try meta("<meta property='og:title' content='OG title here'><title>T</title>").title == "OG title here")
  // The visible h1 wins when a meta title agrees with it.
  #expect(try meta("<meta property='og:title' content='Big News Today | Site'>", "<h1>Big News Today</h1>").title == "Big News Today")
  #expect(try meta("<title>Only the title tag</title>").title == "Only the title tag")
}

@Test func bylinesAreCleaned() {
  #expect(AuthorCleaner.names(from: "By Jane Doe and John Roe", siteNames: []) == ["Jane Doe", "John Roe"])
  #expect(AuthorCleaner.names(from: "Von Max Muster | 22.07.2024", siteNames: []) == ["Max Muster"])
  #expect(AuthorCleaner.names(from: "BY JANE DOE, JOHN ROE", siteNames: []) == ["JANE DOE", "JOHN ROE"])
  #expect(AuthorCleaner.names(from: "Staff", siteNames: []).isEmpty)
  #expect(AuthorCleaner.names(from: "Daily Planet", siteNames: ["Daily Planet"]).isEmpty)
  #expect(AuthorCleaner.names(from: "jane@example.com", siteNames: []).isEmpty)
  #expect(AuthorCleaner.names(from: "https://example.com/author/jane", siteNames: []).isEmpty)
  #expect(AuthorCleaner.names(from: "View all posts by Jane Doe", siteNames: []) == ["Jane Doe"])
  #expect(AuthorCleaner.names(from: "Byron Smith", siteNames: []) == ["Byron Smith"])
  #expect(AuthorCleaner.names(from: "Autor: gnaddrig", siteNames: ["gnaddrig ad libitum"]) == ["gnaddrig"])
  #expect(AuthorCleaner.names(from: "Post author By Helge Fahrnberger", siteNames: []) == ["Helge Fahrnberger"])
  #expect(AuthorCleaner.names(from: "AuthorAndreas Kalt", siteNames: []) == ["Andreas Kalt"])
  #expect(AuthorCleaner.names(from: "Veröffentlicht vonChris Jung", siteNames: []) == ["Chris Jung"])
  #expect(AuthorCleaner.names(from: "Anhora sagt:", siteNames: []).isEmpty)
}

@Test func authorsFromSources() throws {
  let ld = "<script type='application/ld+json'>[{\"@type\":\"NewsArticle\",\"author\":[{\"@type\":\"Person\",\"name\":\"Ada Byron\"},{\"name\":\"Alan Turing\"}]}]</script>"
  #expect(try meta(ld).authors == ["Ada Byron", "Alan Turing"])
  #expect(try meta("<meta name='author' content='Grace Hopper'>").authors == ["Grace Hopper"])
  #expect(try meta("<meta property='article:author' content='https://facebook.com/x'>").authors.isEmpty)
  #expect(try meta("", "<a rel='author' href='/a'>Mary Shelley</a>").authors == ["Mary Shelley"])
  #expect(try meta("", "<span class='byline'>By Lina Bo and Ken Ito</span>").authors == ["Lina Bo", "Ken Ito"])
}

@Test func publishedFromSources() throws {
  let ld = "<script type='application/ld+json'>{\"@graph\":[{\"@type\":\"BlogPosting\",\"datePublished\":\"2024-07-22T18:17:05+03:00\"}]}</script>"
  #expect(try meta(ld).published?.description == "2024-07-22T18:17:05+03:00")
  #expect(try meta("<meta property='article:published_time' content='2023-01-05T09:00:00Z'>").published?.description == "2023-01-05T09:00:00Z")
  #expect(try meta("<meta name='DC.date' content='2022-03-04'>").published?.dayString == "2022-03-04")
  #expect(try meta("", "<time datetime='2021-11-30T08:00'>Tuesday</time>").published?.dayString == "2021-11-30")
  #expect(try meta("", "<div class='date'>Published 22 Jul 2024 18:17</div>").published?.description == "2024-07-22T18:17")
  #expect(try meta("", url: "https://x.example/2020/02/29/leap").published?.dayString == "2020-02-29")
  #expect(MetadataExtractor.dateInURL("https://x.example/news/20190115-story") == PublicationDate(year: 2019, month: 1, day: 15))
  #expect(MetadataExtractor.dateInURL("https://x.example/id/123456789") == nil)
}

@Test func languageCanonicalSiteAndTags() throws {
  let m = try meta("""
    <link rel="canonical" href="https://x.example/a"><meta property="og:site_name" content="X News">
    <meta property="article:tag" content="Syria"><meta property="article:tag" content="Turkey">
    <meta name="keywords" content="syria, Diplomacy">
    """)
  #expect(m.canonicalURL == "https://x.example/a")
  #expect(m.siteName == "X News")
  #expect(m.tags == ["Syria", "Turkey", "Diplomacy"])
  let l = try HTMLArticleExtractor.extract(html: "<html lang='de_DE'><body><p>Text.</p></body></html>", url: nil)
  #expect(l.metadata.language == "de-DE")
}

@Test func looseMachineStamps() {
  #expect(MetadataExtractor.parseDate("2021-03-02T23:40:5Z")?.description == "2021-03-02T23:40:05Z")
  #expect(MetadataExtractor.parseDate("2021-03-02T23:40:05.000+0100")?.description == "2021-03-02T23:40:05+01:00")
  #expect(MetadataExtractor.parseDate("2021-03-02 23:40:05 -05:00")?.description == "2021-03-02T23:40:05-05:00")
}

@Test func utcStampTakesThePublishersLocalDay() throws {
  let stamp = "<meta property='article:published_time' content='2021-03-02T23:40:00Z'>"
  // The date line under the headline gives the next day: the publisher is east of UTC.
  #expect(try meta(stamp, "<h1>Ferry service resumes</h1><p>3 March 2021</p>").published?.dayString == "2021-03-03")
  // With an offset on the line the stamp is converted to it.
  #expect(try meta(stamp, "<h1>Ferry service resumes</h1><p>3 Mar 2021, 09:40 GMT+10</p>").published?.description
    == "2021-03-03T09:40:00+10:00")
  // A stamp in the publisher's own offset is kept; so is one whose line is two days off.
  #expect(try meta("<meta property='article:published_time' content='2021-03-02T23:40:00+01:00'>",
    "<h1>Ferry service resumes</h1><p>3 March 2021</p>").published?.description == "2021-03-02T23:40:00+01:00")
  #expect(try meta(stamp, "<h1>Ferry service resumes</h1><p>4 March 2021</p>").published?.dayString == "2021-03-02")
  // No offset reaches the line's day from 09:00 UTC.
  #expect(try meta("<meta property='article:published_time' content='2021-03-02T09:00:00Z'>",
    "<h1>Ferry service resumes</h1><p>3 March 2021</p>").published?.dayString == "2021-03-02")
}

@Test func commentDatesAreNotThePublicationDate() throws {
  let body = "<h1>Ferry service resumes</h1><div class='post-footer'>Written on 2 March 2021 by Ann</div>"
    + "<ol class='commentlist'><li class='comment'><div class='comment-meta commentmetadata'><a href='#c1'>5 March 2021 at 11:21</a></div></li></ol>"
  #expect(try meta("", body).published?.dayString == "2021-03-02")
}

@Test func zonedDateLineBeatsDateNamedElements() throws {
  // The site's "today" in a date-named element before the headline; the story's own stamp
  // with its zone under the headline.
  let body = "<span class='date'>Tue, 4 Mar 2021</span><h1>Ferry service resumes</h1><p>Wire<br>3 Mar 2021, 21:05 GMT+10</p>"
  #expect(try meta("", body).published?.description == "2021-03-03T21:05+10:00")
  // Without a zone a short date line right under the headline still beats the header's "today".
  let plain = "<span class='date'>Tue, 4 Mar 2021</span><h1>Ferry service resumes</h1><p>Wire<br>3 Mar 2021, 21:05</p>"
  #expect(try meta("", plain).published?.dayString == "2021-03-03")
  // Far from the headline, the date-named element wins.
  let far = "<span class='date'>Tue, 4 Mar 2021</span><h1>Ferry service resumes</h1><p>One</p><p>Two</p><p>Three</p><p>Four</p><p>3 Mar 2021</p>"
  #expect(try meta("", far).published?.dayString == "2021-03-04")
  // A standfirst sentence naming a day is not a date line.
  let standfirst = "<span class='date'>Tue, 4 Mar 2021</span><h1>Ferry service resumes</h1><p>The harbour board decided on 1 March 2021 to reopen the line</p>"
  #expect(try meta("", standfirst).published?.dayString == "2021-03-04")
  // An update line under the headline is not the publication date.
  let updated = "<span class='date'>Tue, 4 Mar 2021</span><h1>Ferry service resumes</h1><p>Updated 5 Mar 2021</p>"
  #expect(try meta("", updated).published?.dayString == "2021-03-04")
}

@Test func theMostSpecificDateElementWins() throws {
  // The entry header holds the headline (with a date range in it) and the date element.
  let body = "<div class='entry-top'><h3>Results of the 11-12/7/2020 races</h3>"
    + "<div class='entry-info'><span class='entry-time'>12.07.2020</span> | News</div></div>"
  #expect(try meta("<html lang='de'>", body).published?.dayString == "2020-07-12")
  // An icon named "time" inside the date element is not a more specific date.
  let icon = "<div class='post-meta'><span class='date'><svg><g id='time'><path d='M1'/></g></svg>August 30, 2017</span></div>"
  #expect(try meta("", icon).published?.dayString == "2017-08-30")
  // A date element in a comment section does not hide its container's date.
  let comments = "<div class='post-meta'><div id='comments-date'><span class='date'>August 30, 2017</span></div></div>"
  #expect(try meta("", comments).published?.dayString == "2017-08-30")
}

@Test func calendarBadgeDatesAreRead() throws {
  let badge = "<div class='datum'><span class='month'>Feb</span> <span class='day'>18</span><span class='year'>2009</span></div>"
  #expect(try meta("", badge + "<h2>Winter photos</h2>").published?.dayString == "2009-02-18")
}

@Test func headlineLineSkipsALogoHeading() throws {
  let body = "<h1><a href='/'>Party news</a></h1><div class='menu'>Home</div><p>Welcome</p><p>Join us</p><p>Events</p>"
    + "<h1>News</h1><p class='newsdate'>[<a href='/2014/07/19/x'>Saturday, 19 July 2014</a>]</p>"
    + "<div class='time'>22 December 2012</div>"
  #expect(try meta("", body).published?.dayString == "2014-07-19")
}

@Test func aShownModificationDateIsThePagesDate() throws {
  let ld = "<script type='application/ld+json'>{\"@type\":\"Article\",\"datePublished\":\"2017-08-21T13:09:00Z\",\"dateModified\":\"2019-04-03T08:04:01Z\"}</script>"
  #expect(try meta(ld, "<h1>Seven jobs with a future</h1><div>03.04.2019</div>").published?.dayString == "2019-04-03")
  // Not shown: the publication date stays.
  #expect(try meta(ld, "<h1>Seven jobs with a future</h1><div>By Jane Doe</div>").published?.dayString == "2017-08-21")
  #expect(try meta(ld, "<h1>Seven jobs with a future</h1><div>21.08.2017</div>").published?.dayString == "2017-08-21")
}

@Test func theSitesTodayIsNotThePublicationDate() throws {
  let body = "<h1>Daily Court News</h1><div class='today'>Wednesday, August 19, 2020</div><p>Filed</p><p>Saturday, July 25, 2020</p>"
  #expect(try meta("", body).published?.dayString == "2020-07-25")
  let edition = "<span class='date-edition'>Mon 5 Aug 2019</span><div class='date'>27 June 2019</div>"
  #expect(try meta("", edition).published?.dayString == "2019-06-27")
}

@Test func wikiPagesTakeTheirLatestRevision() throws {
  let ld = "<script type='application/ld+json'>{\"@type\":\"Article\",\"datePublished\":\"2005-07-26T16:22:26-07:00\",\"dateModified\":\"2020-04-07T12:33:32-07:00\"}</script>"
  #expect(try meta("<meta name='generator' content='MediaWiki 1.31.0'>" + ld).published?.dayString == "2020-04-07")
  #expect(try meta("<meta name='generator' content='WordPress 5.4'>" + ld).published?.dayString == "2005-07-26")
}

@Test func teaserListDatesDateOtherStories() throws {
  // "More from this blog": each item links another story and carries its date.
  let list = "<ul><li><a href='/a'>Council votes on the new bridge plan</a><span class='post-date'>9 Sep 2021</span></li>"
    + "<li><a href='/b'>Harbour festival returns after two years</a><span class='post-date'>5 Jul 2021</span></li></ul>"
  #expect(try meta("", "<h3>Ferry service resumes</h3><div class='post-detail'>27 Sep 2016</div>" + list).published?.dayString == "2016-09-27")
  let times = "<ul><li><a href='/a'>Council votes on the new bridge plan</a><time datetime='2021-09-09'>9 Sep</time></li>"
    + "<li><a href='/b'>Harbour festival returns after two years</a><time datetime='2021-07-05'>5 Jul</time></li></ul>"
  #expect(try meta("", "<h1>Ferry service resumes</h1><p>Lead</p><p>Body</p><p>More</p><p>Text</p><p>Here</p>" + times + "<p>27 Sep 2016</p>").published?.dayString == "2016-09-27")
  // A date in a byline list with only a short author link stays.
  let byline = "<ul class='meta'><li><time datetime='2016-09-27'>27 Sep</time></li><li><a href='/jane'>Jane Doe</a></li></ul>"
  #expect(try meta("", "<h1>Ferry service resumes</h1>" + byline).published?.dayString == "2016-09-27")
}

@Test func earlyUTCStampsOfAmericanPublishersAreTheEveningBefore() throws {
  let stamp = "<meta property='article:published_time' content='2021-03-02T02:40:00Z'>"
  #expect(try meta("<meta property='og:locale' content='en_US'>" + stamp, "<h1>Ferry service resumes</h1>").published?.description == "2021-03-01")
  #expect(try meta("<meta name='dc.language' content='fr-ca'>" + stamp).published?.description == "2021-03-01")
  // Later in the day, elsewhere, or with the URL giving the stamp's own day: kept.
  #expect(try meta("<meta property='og:locale' content='en_US'>"
    + "<meta property='article:published_time' content='2021-03-02T05:40:00Z'>").published?.dayString == "2021-03-02")
  #expect(try meta("<meta property='og:locale' content='en_GB'>" + stamp).published?.dayString == "2021-03-02")
  // A German page with WordPress's default en_US locale is not American.
  #expect(try meta("<meta http-equiv='content-language' content='de'><meta property='og:locale' content='en_US'>" + stamp)
    .published?.dayString == "2021-03-02")
  #expect(try meta("<meta http-equiv='content-language' content='en'><meta property='og:locale' content='en_US'>" + stamp)
    .published?.dayString == "2021-03-01")
  // The day shown in a link under the headline is the stamp's own.
  #expect(try meta("<meta property='og:locale' content='en_US'>" + stamp,
    "<h1>Ferry service resumes</h1><a href='/p/1'>March 2, 2021</a>").published?.dayString == "2021-03-02")
  #expect(try meta("<meta property='og:locale' content='en_US'>" + stamp, url: "https://news.example.com.au/story").published?.dayString == "2021-03-02")
  #expect(try meta("<meta property='og:locale' content='en_US'>" + stamp, url: "https://x.example/2021/03/02/story").published?.dayString == "2021-03-02")
  // A stamp with the publisher's own offset is its local day already.
  #expect(try meta("<meta property='og:locale' content='en_US'>"
    + "<meta property='article:published_time' content='2021-03-02T02:40:00-05:00'>").published?.dayString == "2021-03-02")
}

@Test func lastResortDates() throws {
  // A site's own meta vocabulary for the upload time; change dates are not taken.
  #expect(try meta("<meta property='photosite:uploaded' content='2013-02-16T04:36:36-05:00'>").published?.dayString == "2013-02-16")
  #expect(try meta("<meta property='photosite:modified' content='2013-02-16T04:36:36-05:00'>").published == nil)
  // A date line right above the headline.
  #expect(try meta("", "<span>02.12.19</span><h1>Ferry service resumes</h1>").published?.dayString == "2019-12-02")
  // A time stamp a script writes out.
  #expect(try meta("", "<h1>Ferry service resumes</h1><script>showDate(\"2020/04/17 01:43:09\")</script>").published?.dayString == "2020-04-17")
  #expect(MetadataExtractor.scriptTimeStamp("id=12020/04/17 01:43") == nil)
  #expect(MetadataExtractor.isCreationMetaKey("og:created"))
  #expect(!MetadataExtractor.isCreationMetaKey("og:updated_time"))
}
