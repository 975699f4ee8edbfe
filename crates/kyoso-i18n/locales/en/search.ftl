## The search page: one search over every kind of record.

search-title = Search
search-intro = One search over people, organizations, needs, technologies, companies, programs, lessons learned and questions. Write in English, Japanese, Thai or Vietnamese: a record written in another language is found through the same words.
search-query = What are you looking for?
search-placeholder = e.g. lubrication, 潤滑, bôi trơn, forklift
search-button = Search
# How many records match. $count: a number.
search-found = { $count ->
    [one] One record found
   *[other] { $count } records found
}
search-nothing = Nothing found. Try other words, another language, or fewer filters.
search-empty = Write a word or two, or choose a kind, a country or a sector on the left.
search-narrow = Narrow down
search-facet-kind = Kind
search-facet-country = Country
search-facet-sector = Sector
search-facet-language = Language
search-clear = Clear every filter
# A filter that is on; following it turns it off.
search-remove-filter = Remove this filter
search-translated = translation
search-translated-hint = Shown in your language; the record was written in another.
search-matched = Matched
search-previous = Previous
search-next = Next
# $from, $to: positions of the first and the last result shown; $total: all results.
search-showing = { $from }–{ $to } of { $total }
search-kinds-person = People
search-kinds-organization = Organizations
search-kinds-event = Events
search-kinds-need = Needs
search-kinds-technology = Technologies
search-kinds-company = Companies
search-kinds-program = Programs
search-kinds-lesson = Lessons learned
search-kinds-question = Questions
