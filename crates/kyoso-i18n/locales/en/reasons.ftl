### A ranking's reasons in words, shared by the pages, the API and `kyoso match --explain`.

## Lists

# Between the skills of a list. Spaces at its ends go inside a string literal, as in {", "}: Fluent trims them otherwise.
reasons-list-separator = {", "}

# Between the languages of a reason. Spaces at its ends go inside a string literal, as in {"; "}: Fluent trims them otherwise.
reasons-languages-separator = {"; "}
# Between languages of which any one will do ("Thai B2 or English C1").
reasons-language-or = {" or "}

## Language names

reasons-language-name-ja = Japanese
reasons-language-name-en = English
reasons-language-name-th = Thai
reasons-language-name-vi = Vietnamese
reasons-language-name-id = Indonesian
reasons-language-name-zh = Chinese
reasons-language-name-es = Spanish
reasons-language-name-fr = French

# The level "native" of a language; other levels (B2, N2) are shown as written.
reasons-level-native = native

## Skills

reasons-skills-none-asked = No skills asked for

# $asked: how many skills the need asks for (a number, 1 or more)
# English selects a plural form on $asked; add a selector where your language needs one.
reasons-skills-none-held =
    { $asked ->
        [one] Does not have the { $asked } skill asked for
       *[other] Has none of the { $asked } skills asked for
    }

# $held: how many of them the candidate has (a number, 1 or more)
# $asked: how many skills the need asks for (a number, 1 or more)
# $list: the skills held, joined with reasons-list-separator
# English selects a plural form on $asked; add a selector where your language needs one.
reasons-skills-held =
    { $asked ->
        [one] Has { $held } of the { $asked } skill asked for: { $list }
       *[other] Has { $held } of the { $asked } skills asked for: { $list }
    }

# A skill asked for, met in the candidate's own words (a synonym or a translation).
# $skill: the skill asked for; $by: the candidate's own words
reasons-skill-through = { $skill } (as “{ $by }”)

# Topics of the need's title and description that the candidate's skills name too.
# $list: the topics, joined with reasons-list-separator
reasons-topics = Also knows what the need speaks of: { $list }

## Sectors

reasons-sectors-exact = Works in a sector the need names
reasons-sectors-related = Works in a related sector (the same category)
reasons-sectors-none = No sector in common

## Languages

reasons-languages-none-asked = No language asked for

# One language of the need; several are joined with reasons-languages-separator.
# $language: the language's name (reasons-language-name-*)
# $held: the candidate's level, such as B2 or N2 (or reasons-level-native)
# $asked: the level asked for, written the same way
reasons-language-held = { $language } { $held } (asked: { $asked })

# One language of the need that the candidate has no record of.
# $language: the language's name (reasons-language-name-*)
# $asked: the level asked for, such as B2 or N2 (or reasons-level-native)
reasons-language-missing = no { $language } recorded (asked: { $asked })

## Country

reasons-country-none-named = No country named

# $country: the country's name, in the reader's language
reasons-country-known = Has lived or worked in { $country }

# $country: the country's name, in the reader's language
reasons-country-unknown = No time in { $country } recorded

## Availability

reasons-availability-dispatch = Available for dispatch
reasons-availability-training = Trains others: a trainer or instructor
reasons-availability-mentoring = Open to mentoring
reasons-availability-open = Open: listed and taking requests
reasons-availability-not-marked = Not marked as available

## Track record

reasons-track-record-none = No past matches yet (counted as average)

# $successes: how many past matches ended in success (a number)
# $matches: how many past matches the candidate had (a number, 1 or more)
# $concluded: how many of them are concluded (a number)
# English selects a plural form on $matches; add a selector where your language needs one.
reasons-track-record =
    { $matches ->
        [one] { $successes } successful of { $matches } past match ({ $concluded } concluded)
       *[other] { $successes } successful of { $matches } past matches ({ $concluded } concluded)
    }

## Network

reasons-network-out-of-reach = Not within three introductions of the poster
reasons-network-direct = Tied directly to the poster

# $steps: how many steps (a number, 2 or more: 1 is reasons-network-direct)
reasons-network-steps = { $steps } steps from the poster: a warm introduction

## Hard constraints, as a candidate holds them

# $skill: the skill the need requires; $by: the candidate's own words for it
reasons-holds-required-skill = Has the required skill “{ $skill }” (as “{ $by }”)
# $asked: the languages of which one must be spoken, each with its level; $held: the one the candidate speaks, with its level
reasons-holds-language = Speaks { $held } ({ $asked } required)
# $country: the country's name
reasons-holds-country = Has lived or worked in { $country }, as required
reasons-holds-located-in = Based in { $country }
# $from: the day they can start; $by: the day the need asks (YYYY-MM-DD)
reasons-holds-available-from = Available from { $from } (needed by { $by })
reasons-holds-available-now = Available now (needed by { $by })
# $least and $held: technology readiness levels (numbers)
reasons-holds-readiness = Ready at TRL { $held } (at least TRL { $least } required)
# $asked: where the technology must be in use; $countries: where it is
reasons-holds-deployed = In use in { $countries } ({ $asked } required)
reasons-holds-abroad = outside Japan

# $asked: what the need seeks in a partner; $held: what the company seeks, the other side of it
reasons-holds-deal = The other side of the deal: seeks “{ $held }” where the need seeks “{ $asked }”
# As reasons-holds-deal, where both seek what either side may (a joint venture); $country: the company's country, not the poster's
reasons-holds-deal-from = The other side of the deal, from { $country }: seeks “{ $held }” where the need seeks “{ $asked }”
# $asked: the investment sought; $from and $up_to: the least and the most the investor invests (amounts, or reasons-any-amount)
reasons-holds-investment-size = Invests { $from } to { $up_to } ({ $asked } sought)
reasons-any-amount = any amount
# $sectors: the need's sectors the investor invests in
reasons-holds-invests-in-sectors = Invests in { $sectors }
# $country: the need's country
reasons-holds-invests-in-country = Invests in { $country }
# $amount: digits grouped by reasons-thousands-separator
reasons-usd = US${ $amount }
reasons-thousands-separator = ,

# $country: the need's country
reasons-holds-eligible = Open to participants from { $country }
# $language: a language the participants speak; $level: the least level the course needs
reasons-holds-taught-in = Taught in { $language } (participants need { $level })
# $mode: how the course is taught (matching-course-mode-*)
reasons-holds-mode = { $mode }, as asked
# $seats: a number
reasons-holds-seats-left = { $seats ->
    [one] One seat left
   *[other] { $seats } seats left
}
# $day: YYYY-MM-DD
reasons-holds-apply-by = Applications until { $day }
