### The command line's messages to people: results, progress, errors and the settings it prints.

## Errors

# Before the error that stopped a command. $error: what went wrong.
cli-error = error: { $error }

# The program could not start its runtime. $error: why.
cli-error-cannot-start = error: cannot start: { $error }

# Under cli-error, once per cause, indented by two spaces by the code.
cli-error-caused-by = caused by: { $cause }

# What was being done when an error stopped the command: it follows "error: " and
# the cause follows it. Translations may say it failed. $database: the URL, password masked.
cli-opening-database = opening { $database }

# As cli-opening-database. $file: a path.
cli-reading-file = reading { $file }

# As cli-opening-database. $file: a path.
cli-creating-file = creating { $file }

# As cli-opening-database. $file: a path.
cli-renaming-file = renaming to { $file }

# After the first faults of a refused file: how many more there are. $count: a number.
cli-and-more = ... and { $count } more

## Settings (kyoso config)

# A comment line of `kyoso config`: keep the leading "# " so the output stays a valid kyoso.toml.
cli-config-read-from = # read from { $file }

# A comment line of `kyoso config`: keep the leading "# ", `log` and --verbose.
cli-config-log-not-set = # log: not set (warnings and errors; --verbose for more)

# Where a setting came from, after "# " at the end of its line in `kyoso config`
# (a setting from the file shows kyoso.toml, not translated).
cli-config-source-default = default

cli-config-source-environment = environment
cli-config-source-flag = flag

# As cli-opening-database. $file: the settings file's path.
cli-config-reading-file = reading the settings file { $file }

# $name: the environment variable (KYOSO_ADDR); $value: what it holds.
cli-config-not-an-address = { $name }: "{ $value }" is not an address such as 127.0.0.1:8080

# $name: the environment variable; $value: what it holds.
cli-config-not-a-whole-number = { $name }: "{ $value }" is not a whole number

# $name: the environment variable; $value: what it holds. Keep true and false.
cli-config-not-true-or-false = { $name }: "{ $value }" is not true or false

# $source: where the value came from (cli-config-source-*, or kyoso.toml).
cli-config-max-connections-zero = max_connections (from { $source }) must be at least 1

## Users and tokens

# As cli-opening-database.
cli-password-read-failed = reading the password from standard input

cli-password-missing = give the password on standard input

# $role: the role's keyword as given to --role (admin, officer, coordinator, member).
cli-user-added = added { $email } ({ $role })

# $role: the role's keyword, as in cli-user-added.
cli-user-role-set = { $email } is now { $role }

cli-user-disabled = { $email } is disabled
cli-user-enabled = { $email } is enabled

# On standard error, just before the secret itself is printed on standard output.
cli-token-created = token { $id } for { $email }; it is shown once, keep it secret:

cli-token-revoked = revoked
cli-token-not-found = no live token has that id

## The server and the demonstration network

# As cli-opening-database. $address: such as 127.0.0.1:8080.
cli-serve-listen-failed = listening on { $address }

# $address: such as 127.0.0.1:8080.
cli-serve-started = kyoso is serving on http://{ $address }

cli-serve-stopped = kyoso stopped
cli-demo-filling = filling the empty database with the demonstration network…
cli-demo-network-counts = demo network: { $organizations } organizations, { $people } people, { $ties } ties

# Before the list of demo accounts, one per line: email, then cli-demo-account-of or the role alone.
cli-demo-accounts = demo accounts (password { $password }):

# $role: the role's keyword (admin, officer, coordinator, member); $organization: its acronym, such as TPA.
cli-demo-account-of = { $role } of { $organization }

# After `kyoso demo`. $database: the URL, password masked; $seconds: with one decimal.
cli-demo-summary = demo network (seed { $seed }) in { $database }: { $organizations } organizations, { $people } people, { $ties } ties ({ $seconds } s)

# One line per table after `kyoso demo`, after the table's name (cli-table-*), which the code pads.
cli-write-counts = { $added } added, { $updated } updated, { $unchanged } unchanged

## Tables

# A table's name: in cli-export-done, cli-progress-importing, cli-progress-exporting
# and beside cli-write-counts.
cli-table-people = people

cli-table-organizations = organizations
cli-table-ties = ties
cli-table-events = events
cli-table-participations = participations
cli-table-programs = programs
cli-table-lessons = lessons
cli-table-needs = needs
cli-table-offers = offers

## Import, export and the database

# $seconds: with one decimal; $rate: rows per second, a whole number.
# English selects a plural form on $rows; add a selector where your language needs one.
cli-import-done =
    { $rows ->
        [one] { $file }: { $rows } row: { $added } added, { $updated } updated, { $unchanged } unchanged ({ $seconds } s, { $rate } rows/s)
       *[other] { $file }: { $rows } rows: { $added } added, { $updated } updated, { $unchanged } unchanged ({ $seconds } s, { $rate } rows/s)
    }

# After the faults of a refused file, each on its own line as FILE:LINE: FIELD: MESSAGE.
# English selects a plural form on $errors; add a selector where your language needs one.
cli-import-refused =
    { $errors ->
        [one] { $file }: { $errors } error; nothing was imported
       *[other] { $file }: { $errors } errors; nothing was imported
    }

# $table: the table's name (cli-table-*); $count: how many records.
cli-export-done = { $file }: { $count } { $table } exported

# $database: the URL, password masked.
cli-db-migrated = the schema of { $database } is up to date

# $id: the person's id. Keep the command `kyoso db erasures` as it is.
cli-db-erased = erased { $id }; keep `kyoso db erasures` beside your backups

# $erased: how many were erased now; $listed: how many the file lists.
cli-db-replayed = { $erased } of { $listed } listed erased again; the others were erased already or are gone

cli-db-check-ok = ok: { $organizations } organizations, { $people } people, { $ties } ties, { $events } events checked

# One line per problem; $problem: what is wrong (in English, from the store).
cli-db-check-problem = problem: { $problem }

# English selects a plural form on $count; add a selector where your language needs one.
cli-db-check-problems =
    { $count ->
        [one] { $count } problem found
       *[other] { $count } problems found
    }

## Assignment rounds

# As cli-import-refused.
# English selects a plural form on $errors; add a selector where your language needs one.
cli-assign-refused =
    { $errors ->
        [one] { $file }: { $errors } error; nothing was assigned
       *[other] { $file }: { $errors } errors; nothing was assigned
    }

# $mode: optimal or stable, as given to --mode; $score: with six decimals; $seconds: with two.
cli-assign-summary = { $file } ({ $mode } mode): { $placed } of { $participants } participants placed with { $hosts } hosts ({ $places } places); total score { $score } ({ $seconds } s)

# A heading; below it one line per participant: id, then why (cli-assign-reason-*).
cli-assign-not-placed = not placed:

# Why a participant was not placed. The pages say it as matching-no-candidates-reason.
cli-assign-reason-no-candidates = no candidate host

cli-assign-reason-hosts-full = every candidate host was filled by others
cli-assign-reason-not-worth-it = no pair with a score above 0

# A heading; below it one line per group (cli-assign-fairness-row).
cli-assign-fairness = fairness:

# Indented, its first columns padded by the code. $by: country or gender (keywords);
# $group: the country code or the gender; $share: a percentage with one decimal;
# $mean: with four decimals, or – when no one was placed.
cli-assign-fairness-row = { $by } { $group } { $placed } of { $participants } placed ({ $share }%), mean score { $mean }

## Matching

# $need: what was given as the need's id.
cli-match-not-a-need-id = "{ $need }" is not a need's id

# The first line of `kyoso match`. $kind and $status: the need's kind and status
# (keywords today; matching-need-kind-* and matching-need-status-* name them);
# $shown, $pool: numbers; $seconds: with one decimal.
cli-match-summary = { $title } ({ $kind }, { $status }): the best { $shown } of { $pool } candidates ({ $seconds } s)

# After a candidate's title and ", ": how many introductions away from the need's poster.
# English selects a plural form on $steps; add a selector where your language needs one.
cli-match-steps-away =
    { $steps ->
        [one] { $steps } step away
       *[other] { $steps } steps away
    }

# Indented under a candidate: the company that provides a technology.
cli-match-provider = by { $provider }

# Indented under a candidate: an alumnus in the country who can champion it.
cli-match-champion = local champion: { $name }

# Indented under a candidate; $path: names joined with " → ".
cli-match-warm-path = warm path: { $path }

# After `kyoso needs sweep`.
# English selects a plural form on $count; add a selector where your language needs one.
cli-needs-expired =
    { $count ->
        [one] { $count } need expired
       *[other] { $count } needs expired
    }

# $title: the need's title; $id: its id; $date: its deadline, YYYY-MM-DD.
cli-needs-reminder = reminder: "{ $title }" ({ $id }) expires on { $date }

## The network

cli-path-none = no chain of ties joins them
cli-hubs-header = Hubs: organizations and events with more than { $hub_ties } members, alumni, interns or attendees, and those flagged. A path passes through an organization that is a hub only between ties begun within a year of each other, and through an event that is a hub never.
cli-hubs-none = no hubs
cli-hubs-flagged = flagged by an administrator
cli-hub-flagged = { $organization } is flagged as a hub.
cli-hub-unflagged = { $organization } is no longer flagged as a hub.

# After a path's number ("1. "). $introductions: how many people pass it on (0 for a direct tie);
# $cost: with three decimals.
# English selects a plural form on $introductions; add a selector where your language needs one.
cli-path-summary =
    { $introductions ->
        [one] { $introductions } introduction, cost { $cost }
       *[other] { $introductions } introductions, cost { $cost }
    }

# $method: cli-brokers-exact or cli-brokers-sampled; $seconds: with one decimal.
cli-brokers-summary = { $records } records, { $ties } ties; { $method } ({ $seconds } s)

cli-brokers-exact = exact betweenness

# $sources: how many sources were sampled; $error: the error bound, five decimals;
# $confidence: a percentage, such as 95.
cli-brokers-sampled = betweenness sampled from { $sources } sources: every score within ±{ $error } with { $confidence }% confidence; ± beside a score is its approximate 95% range

# $from, $to: group selectors as given, such as country:TH,type:private.
cli-brokers-between = on shortest paths from { $from } to { $to }

# A column of a broker's line: how many ties the broker has. The code pads the column.
cli-brokers-ties = { $ties } ties

# $modularity: with four decimals; $levels: how many levels the method went through;
# $seconds: with one decimal.
cli-communities-summary = { $count } communities among { $records } records and { $ties } ties: modularity { $modularity }, { $levels } levels ({ $seconds } s)

# As cli-communities-summary, when the time budget ran out.
cli-communities-summary-partial = { $count } communities among { $records } records and { $ties } ties: modularity { $modularity }, { $levels } levels; stopped at the time budget with the best so far ({ $seconds } s)

# After a community's number ("1. "). $countries: codes and counts, such as TH 12 VN 8;
# $leading: the names of its most connected members.
cli-communities-row = { $members } members { $ties } ties inside  { $countries }  ({ $leading })

# A heading; the core's members follow, one per line. $k: each member's least number of ties inside.
cli-core-group = core group: the { $k }-core, { $size } members

# As cli-opening-database.
cli-growth-failed = counting the network's growth

# Column headings of `kyoso network growth`; keep them short: the code pads them.
cli-growth-period = period

cli-growth-new-members = +members
cli-growth-new-ties = +ties
cli-growth-members = members
cli-growth-ties = ties
cli-growth-countries = countries

# The size of the largest connected group.
cli-growth-largest = largest

# Column headings of `kyoso network growth --by country`.
cli-growth-country = country

# The first period in which the country had a member.
cli-growth-since = since

# The last column's heading: new members in each of the latest ten periods.
cli-growth-recent = new members per period, latest 10

## Progress

# In the progress bar: the time left. The code passes indicatif's own placeholder
# "{eta}" as $eta and puts the result into the bar's template.
cli-progress-eta = { $eta } left

# Stages beside the progress bar (right-aligned in 18 columns).
cli-progress-ranking = reading the network and indexing candidates

cli-progress-reading-network = reading the network
cli-progress-brokers = finding brokers
cli-progress-communities = finding communities
cli-progress-growth = counting growth

# Stages that kyoso-service starts today with English text (exchange.rs, enrolments.rs);
# $table: the table's name (cli-table-*). The demo's stages are the table names alone.
cli-progress-importing = importing { $table }

cli-progress-exporting = exporting { $table }

## Search

# After a search: how many records match. $count: a number.
cli-search-found = { $count ->
    [one] 1 record found
   *[other] { $count } records found
}

# A hit's line: its kind, its title; the id follows.
cli-search-translated = (translated)

# After kyoso search reindex. $count: records indexed.
cli-search-reindexed = { $count } records indexed

# kyoso eval search: one line of figures. $group: overall, a language or a split; $queries: a number; $ndcg, $recall: 0 to 1.
cli-eval-scores = { $group }: { $queries } queries, nDCG@10 { $ndcg }, recall@10 { $recall }

# The group name of all queries together.
cli-eval-overall = overall
cli-eval-match-scores = { $group }: { $needs } needs, P@10 { $precision }, nDCG@10 { $ndcg }, { $breakers } hard-constraint breakers in the top 10

# kyoso search vocabulary --coverage: one line per language. $language: a code; $concepts, $names: numbers.
cli-vocabulary-language = { $language }: { $concepts } concepts, { $names } names

# The first line of the coverage. $concepts, $abbreviations, $homonyms: numbers.
cli-vocabulary-total = { $concepts } concepts, { $abbreviations } abbreviations, { $homonyms } homonyms kept apart by sense

# A hit's kind, before its title in kyoso search.
cli-search-kind-person = person
cli-search-kind-organization = organization
cli-search-kind-need = need
cli-search-kind-technology = technology
cli-search-kind-company = company
cli-search-kind-program = program
cli-search-kind-lesson = lesson
cli-search-kind-question = question
cli-eval-bm25 = Baseline: BM25 over the candidates' own words (no vocabulary, no constraints)
cli-eval-bm25-filtered = Baseline: BM25 with perfect hard filters (the set's breakers taken out)
