### The matching pages' texts: needs, candidates, the pipeline, the technology catalogue and assignment rounds.

## Needs

matching-needs = Needs
matching-needs-intro = What partner-country organizations and people ask of the network: experts, technologies, partners, training, mentors, investors.
matching-post-need = Post a need
matching-no-needs = No needs match.
matching-kind = Kind
matching-status = Status
matching-title = Title
matching-description = Description
matching-skills = Skills
matching-required-skills = Skills every candidate must have
matching-sectors = Sectors
matching-country = Country of the work
matching-require-country = Only candidates with time in this country
matching-languages = Languages
matching-another-language = Another language
matching-works-in = Works in (or gives support in)
matching-offer-countries = Countries
matching-offer-countries-hint = A technology: where it is in use already; a company: the markets it seeks
matching-another-country = Another country
matching-least-level = At least
matching-must-hold = Must hold: leave out those below it
matching-or-above = Or: this language will do as well as the one above
matching-available-by = Available by
matching-people-only = For an expert or a mentor: those available only later are left out
matching-require-available = Only candidates who are available
matching-deadline = Deadline

## Candidates and introductions

matching-candidates = Best candidates

# $shown: how many candidates are shown (a number)
# $pool: how many candidates were ranked (a number)
matching-candidates-intro = The best { $shown } of { $pool }, each with the reasons for its score.

matching-score = Score
matching-why = Why
matching-warm-path = Warm path
matching-provider = Provider
matching-champion = Local champion
matching-champion-hint = An alumnus in the country who can champion it
matching-ask-introduction = Ask for an introduction
matching-already-matched = In the pipeline
matching-no-candidates = No candidate shares a skill, a sector or the country with this need.
matching-sign-in-to-match = Sign in to see the candidates.
matching-matches = Introductions
matching-no-matches = No introductions asked for yet.
matching-move-to = Move to
matching-outcome = Outcome
matching-note = Note
matching-note-hint = Why, when declining
matching-save = Save
matching-close-need = Close the need
matching-reopen-need = Open it again

# $date: the deadline, as YYYY-MM-DD
matching-expires-soon = This need expires on { $date }: extend the deadline or close it.

matching-expired-note = This need expired. Move its deadline to open it again.
matching-weights-note = Weights: skills 35%, sectors 10%, languages 15%, country 10%, availability 10%, track record 8%, network 12%.

## The pipeline

matching-pipeline = Match pipeline
matching-pipeline-intro = Every introduction asked for your organization's needs, by where it stands.
matching-candidate = Candidate

## Technologies and partners

matching-catalogue = Technologies and partners
matching-catalogue-intro = Japanese technologies ready for partner countries, and companies seeking partners.
matching-list-offer = List an offer
matching-no-offers = No offers match.
matching-search = Search
matching-readiness = Readiness (TRL)
matching-min-readiness = At least TRL
matching-sdgs = SDGs
matching-deployed-in = Deployed in
matching-deployed-abroad = Anywhere outside Japan
matching-another-sector = Another sector
matching-technology-only = For a technology need: technologies that fall short are left out
matching-markets-sought = Markets sought
matching-seeks = Seeks
matching-keywords = Keywords
matching-capacity = Capacity
matching-any = Any

## Assignment rounds

matching-assignment = Assignment round
matching-assignment-intro = Assign participants to hosts (interns to host companies, mentees to mentors) with capacities and scores.
matching-round-file = The round, as CSV: participant,host,score,capacity[,participant_preference,host_preference,country,gender]
matching-mode = Mode
matching-mode-optimal = Optimal: the largest total score
matching-mode-stable = Stable: no participant and host would both rather have each other
matching-assign = Assign
matching-participants = Participants
matching-hosts = Hosts
matching-places = Places
matching-placed = Placed
matching-total-score = Total score
matching-participant = Participant
matching-host = Host
matching-reason = Reason
matching-fairness = Fairness
matching-by-country = By country
matching-by-gender = By gender
matching-share-placed = Share placed
matching-mean-score = Mean score
matching-no-candidates-reason = no candidate host
matching-hosts-full-reason = every candidate host was full
matching-not-worth-it-reason = no placement with a positive score

## Need kinds

matching-need-kind-expertise = Expertise
matching-need-kind-technology = Technology
matching-need-kind-business-partner = Business partner
matching-need-kind-training = Training
matching-need-kind-mentoring = Mentoring
matching-need-kind-investment = Investment

## Need statuses

matching-need-status-open = Open
matching-need-status-matched = Matched
matching-need-status-closed = Closed
matching-need-status-expired = Expired

## Match statuses

matching-match-status-proposed = Proposed
matching-match-status-introduced = Introduced
matching-match-status-accepted = Accepted
matching-match-status-declined = Declined
matching-match-status-collaborating = Collaborating
matching-match-status-concluded = Concluded

## Match outcomes

matching-match-outcome-agreement-signed = Agreement signed
matching-match-outcome-demonstration-done = Demonstration done
matching-match-outcome-hired = Hired
matching-match-outcome-no-result = No result

## Offer kinds

matching-offer-kind-technology = Technology
matching-offer-kind-partnership = Partnership

## What a company seeks in a partner

matching-seek-joint-venture = A joint-venture partner
matching-seek-technical-cooperation = Technical cooperation
matching-seek-licence-out = Licensees for its technology (licence out)
matching-seek-licence-in = A technology to license (licence in)
matching-seek-demonstration = A site to demonstrate its technology
matching-seek-buyer = Buyers or customers
matching-seek-supplier = A supplier
matching-seek-distributor = Distributors
matching-seek-contract-manufacturing = A contract manufacturer
matching-seek-offshore-development = An offshore development partner
matching-seek-investment = Investment
matching-seek-investing = An enterprise to invest in


## Ranking factors

matching-factor-skills = Skills
matching-factor-sectors = Sectors
matching-factor-languages = Languages
matching-factor-country = Country
matching-factor-availability = Availability
matching-factor-track-record = Track record
matching-factor-network = Network

# Beside a language a need requires (not only prefers).
matching-language-must = required

## The sides of a deal and the size of an investment

matching-seeks-hint = What the poster seeks in a partner: only companies seeking the other side of the deal are proposed
matching-seeks-offer-hint = What the company seeks in a partner
matching-investment-usd = Investment sought (US dollars)
matching-invests-from-usd = Invests at least (US dollars)
matching-invests-up-to-usd = Invests at most (US dollars)
matching-invests = Invests per enterprise
matching-investing-only = For a company seeking an enterprise to invest in

## How a course is taught

matching-course-mode = Taught
matching-course-mode-in-japan = In Japan
matching-course-mode-in-country = In the participants' country
matching-course-mode-both = In Japan and in the participants' country
matching-course-mode-online = Online
matching-training-only = For a training need: courses taught otherwise are left out

## The Sustainable Development Goals, by number

matching-sdgs-hint = Goals by name; targets such as 6.3 through the API or a file
matching-sdg-1 = 1. No poverty
matching-sdg-2 = 2. Zero hunger
matching-sdg-3 = 3. Good health and well-being
matching-sdg-4 = 4. Quality education
matching-sdg-5 = 5. Gender equality
matching-sdg-6 = 6. Clean water and sanitation
matching-sdg-7 = 7. Affordable and clean energy
matching-sdg-8 = 8. Decent work and economic growth
matching-sdg-9 = 9. Industry, innovation and infrastructure
matching-sdg-10 = 10. Reduced inequalities
matching-sdg-11 = 11. Sustainable cities and communities
matching-sdg-12 = 12. Responsible consumption and production
matching-sdg-13 = 13. Climate action
matching-sdg-14 = 14. Life below water
matching-sdg-15 = 15. Life on land
matching-sdg-16 = 16. Peace, justice and strong institutions
matching-sdg-17 = 17. Partnerships for the goals
matching-another-keyword = Another keyword
matching-another-required-skill = Another required skill
matching-located-in = Candidates based in
matching-or-located-in = or based in
matching-located-in-hint = Where a person lives, or a company or a technology's provider is; leave empty for anywhere
