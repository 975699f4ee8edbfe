### The network pages' texts: warm introductions, brokers, communities, the core group and growth.

## Warm introductions

network-network = Network
network-reach-title = How can I reach them?

# $from: the name of the person or organization the paths start from
network-reach-intro = Warm introductions from { $from }: a chain of people who know each other, strong and recent ties first.

network-reach-from = Start from
network-reach-from-hint = the id of a person or organization
network-no-path = No chain of ties joins them through records you may see.
network-path-number = Path
network-introductions = introductions
network-direct = directly tied
network-cost = cost

## Two people tied the same way to one organization

# $organization: the organization's name
network-studied-together = studied together at { $organization }

# $organization: the organization's name
network-trained-together = trained together at { $organization }

# $organization: the organization's name
network-worked-together = worked together at { $organization }

# $organization: the organization's name
network-members-together = both members of { $organization }

# $organization: the organization's name
network-founded-together = founded { $organization } together

# $organization: the organization's name
network-interns-together = both interns at { $organization }

# The same, when they began in different years.
# $organization: the organization's name
network-studied-both = both studied at { $organization }

# $organization: the organization's name
network-trained-both = both trained at { $organization }
network-hub-narrowed = a hub: this step counts because both ties to it began within a year of each other
network-hub-passed = { $name } (a hub: ties begun within a year)
network-hub-mark = hub
network-hub-note = A path passes through a hub, a body with very many members or alumni, only between two ties to it begun within a year of each other.

# $organization: the organization's name
network-worked-both = both worked at { $organization }

# $organization: the organization's name
network-founded-both = both founders of { $organization }

## What a tie says, read from its first end (forward) and from its second (backward), by kind

network-verb-studied-at-forward = studied at
network-verb-studied-at-backward = where studied
network-verb-trained-at-forward = trained at
network-verb-trained-at-backward = trained
network-verb-employed-by-forward = works at
network-verb-employed-by-backward = employs
network-verb-member-of-forward = member of
network-verb-member-of-backward = has as member
network-verb-founded-forward = founded
network-verb-founded-backward = founded by
network-verb-mentored-forward = mentored
network-verb-mentored-backward = mentored by
network-verb-hosted-intern-forward = hosted as intern
network-verb-hosted-intern-backward = intern at
network-verb-partnered-with-forward = partners with
network-verb-partnered-with-backward = partners with
network-verb-supervises-forward = supervises
network-verb-supervises-backward = supervised by
network-verb-met-at-forward = met
network-verb-met-at-backward = met

## Brokers

network-brokers = Brokers
network-brokers-intro = Who bridges otherwise separate parts of the network: the share of shortest paths between others that pass through them (betweenness).
network-exact = Exact betweenness over every record.

# $sources: how many sources were sampled (a number)
# $error: the error bound, a decimal such as 0.0123
network-sampled = Estimated from { $sources } sampled sources: with 95% confidence every score is within ±{ $error }; the ± beside a score is its own approximate 95% range.

network-rank = #
network-score = Betweenness
network-ties = Ties
network-bridges-countries = Ties to countries
network-bridges-types = Ties to kinds of organization
network-from-group = Between group
network-to-group = and group
network-group-hint = e.g. country:TH,type:private — types: government, ngo, partnership, multilateral, foundation, private, academic, other; sector:321

## Communities and the core group

network-communities = Communities
network-communities-intro = Groups of records more tied to one another than to the rest (Louvain method).
network-modularity = Modularity
network-community = Community
network-members = Members
network-ties-inside = Ties inside
network-countries = Countries
network-most-connected = Most connected
network-partial = The search ran out of time: this is the best grouping found so far.
network-map-aggregated = Each circle is a community, sized by its members; lines are ties between communities.
network-map-members = Each dot is a person (circle) or organization (square), coloured by community.
network-core-group = Core group

# $k: the k of the k-core: each member's least number of ties inside it (a number, 0 or more)
# $size: how many members the core has (a number)
network-core-intro =
    { $k ->
        [one] The { $k }-core: { $size } members, each with at least { $k } tie to other members — the committed core.
       *[other] The { $k }-core: { $size } members, each with at least { $k } ties to other members — the committed core.
    }

## Growth

network-growth = Growth
network-growth-intro = A record joins the network with its first tie.
network-per-year = per year
network-per-month = per month
network-new-members = New members
network-new-ties = New ties
network-total-members = Members
network-total-ties = Ties
network-largest-group = Largest connected group
network-countries-reached = Countries reached
network-first-period = Since
network-as-of = As of
network-show = Show
network-verb-attended-forward = attended
network-verb-attended-backward = attended by
network-attended-together = both attended { $organization }
