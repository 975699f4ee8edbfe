### The program pages' texts: programs, participants' journeys, the work list, technical intern training, grievances, follow-ups and outcomes.

## Programs and participants

programs-programs = Programs
programs-program-type = Type
programs-organizer = Organizer
programs-partners = Partners
programs-funders = Funding
programs-budget = Budget
programs-stage = Development stage
programs-sdgs = SDGs
programs-countries = Countries
programs-period = Period
programs-cohorts = Cohorts
programs-capacity = Places
programs-by-state = Participants by stage
programs-no-participants = No participants yet.
programs-no-programs = No programs to show.
programs-board = Board
programs-journey = Journey
programs-move-to = Move to
programs-move-button = Move
programs-on-date = Date
programs-retract = Retract the last step
programs-reason = Reason
programs-retracted = retracted
programs-retraction-of = Retraction of step
programs-recorded-by = recorded by

## The work list

programs-work-list = Work list
programs-applications = Applications to review
programs-overdue = Follow-ups overdue

# $months: the follow-up period, in months (a number from 1 to 60)
programs-overdue-hint =
    { $months ->
        [one] Returned, or last followed up, more than { $months } month ago.
       *[other] Returned, or last followed up, more than { $months } months ago.
    }

programs-follow-up-months = Overdue after (months)
programs-show = Show
programs-nothing-waiting = Nothing is waiting.
programs-since = since

## Technology demonstrations

programs-provider = Technology provider
programs-technology = Technology
programs-local-partner = Local partner
programs-milestones = Milestones
programs-results = Results

## Technical intern training

programs-placements = Technical intern training placements
programs-phase = Phase
programs-supervising = Supervising organization
programs-implementing = Host company
programs-job-category = Job category
programs-visits = Monitoring visits
programs-findings = Findings
programs-actions = Follow-up actions
programs-grievances = Grievances
programs-raise-grievance = Raise a grievance
programs-grievance-private = Only the trainee, the supervising organization's officers and administrators see grievances.
programs-category = Category
programs-description = What happened
programs-status = Status

## Follow-ups and outcomes

programs-follow-ups = Follow-ups
programs-channel = Channel
programs-outcomes = Outcomes
programs-outcome = Outcome
programs-organization = Organization
programs-japanese-affiliated = Japanese-affiliated employer
programs-jobs-created = Jobs created
programs-people-supported = People supported
programs-record = Record
programs-open-grievances = Open grievances

## Grievance categories

programs-grievance-category-wages = Wages
programs-grievance-category-working-hours = Working hours
programs-grievance-category-safety = Safety
programs-grievance-category-housing = Housing
programs-grievance-category-harassment = Harassment
programs-grievance-category-contract = Contract
programs-grievance-category-health = Health
programs-grievance-category-other = Other

## Grievance statuses

programs-grievance-status-open = Open
programs-grievance-status-in-progress = In progress
programs-grievance-status-resolved = Resolved
programs-grievance-status-closed = Closed

## Follow-up channels

programs-follow-up-channel-visit = Visit
programs-follow-up-channel-phone = Phone
programs-follow-up-channel-email = Email
programs-follow-up-channel-online = Online
programs-follow-up-channel-survey = Survey
programs-follow-up-channel-event = Event

## Follow-up statuses

programs-follow-up-status-reached = Reached
programs-follow-up-status-unreachable = Unreachable
programs-follow-up-status-declined = Declined

## Outcomes after return

programs-outcome-kind-employed = Employed
programs-outcome-kind-promoted = Promoted
programs-outcome-kind-founded = Founded an enterprise
programs-outcome-kind-became-trainer = Became a trainer or lecturer
programs-outcome-kind-contributed-knowledge = Contributed knowledge

## Journey states

programs-journey-state-applied = Applied
programs-journey-state-selected = Selected
programs-journey-state-pre-departure = Pre-departure
programs-journey-state-active = In training
programs-journey-state-completed = Completed
programs-journey-state-returned = Returned
programs-journey-state-follow-up = Follow-up
programs-journey-state-withdrawn = Withdrawn
programs-journey-state-rejected = Not selected

## Participant roles

programs-participant-role-trainee = Trainee
programs-participant-role-intern = Intern
programs-participant-role-technical-intern = Technical intern
programs-participant-role-expert = Expert
programs-participant-role-mentor = Mentor
programs-participant-role-lecturer = Lecturer

## Program types

programs-program-type-training-in-japan = Training in Japan
programs-program-type-overseas-training = Overseas training
programs-program-type-expert-dispatch = Expert dispatch
programs-program-type-internship = Internship
programs-program-type-technical-intern-training = Technical intern training (TITP)
programs-program-type-demonstration-project = Technology demonstration
programs-program-type-pre-departure-training = Pre-departure training
programs-program-type-seminar-series = Seminar series

## Development stages

programs-development-stage-technology-transfer = Technology transfer
programs-development-stage-promotion = Promotion
programs-development-stage-diffusion = Diffusion
programs-development-stage-education = Education

## Funding sources

programs-funding-source-oda = ODA
programs-funding-source-private = Private
programs-funding-source-fund = kyoso fund
