### The web interface's common texts: navigation, signing in, people, organizations, ties, forms and personal data.

## Navigation and signing in

web-tagline = The network of people who carry Japanese know-how abroad
web-home = Home
web-people = People
web-organizations = Organizations
web-ties = Ties
web-audit-log = Audit log
web-api-reference = API
web-sign-in = Sign in
web-sign-out = Sign out
web-signed-in-as = Signed in as
web-email = Email
web-password = Password
web-sign-in-failed = The email or the password is wrong.
web-too-many-attempts = Too many attempts. Wait a minute, then try again.

## Home, search and profiles

web-recent-activity = Recent activity
web-no-activity = Nothing has changed yet.
web-search = Search
web-name = Name
web-name-native = Name in own script
web-name-latin = Name in Latin letters
web-name-japanese = Name in Japanese (or katakana reading)
web-country = Country
web-any = Any
web-skill = Skill
web-sector = Sector
web-language = Language
web-at-least = at least
web-no-results = No one matches these filters.
web-next-page = Next page
web-residence = Lives in
web-another-language = Another language
web-another-sector = Another sector
web-level = Level
web-experience-countries = Has lived or worked in
web-another-country = Another country
web-available-from = Available from (if not now)
web-nationality = Nationality
web-gender = Gender
web-languages = Languages
web-skills = Skills
web-sectors = Sectors
web-available-mentoring = Available as a mentor
web-available-dispatch = Available for expert dispatch
web-available-training = Trains others (a trainer or instructor)
web-phone = Phone
web-bio = About
web-network = Network
web-ego-network-caption = The people and organizations this person is tied to.

## Forms and messages

web-edit = Edit
web-save = Save
web-cancel = Cancel
web-delete = Delete
web-new-person = Add a person
web-new-organization = Add an organization
web-new-tie = Add a tie
web-edit-tie = Edit tie
web-strength = Strength
web-visibility = Who can see this
web-sub-organizations = Sub-organizations
web-parent = Part of
web-website = Website
web-org-type = Type
web-acronym = Short name
web-present = present
web-fix-errors = Please correct the fields marked below.
web-saved = Saved.
web-not-found = This page does not exist, or you may not see it.
web-forbidden = You may not do this.

## Personal data and erasure

web-download-my-data = Download my data
web-ask-erasure = Ask to erase my record
web-erasure-explained = Your organization's officer erases your record, or tells you why it cannot be erased yet.
web-erasure-pending = Your request to erase your record is waiting for your organization's officer.
web-erasure-postponed = Your record cannot be erased yet:
web-erasure-requests = Erasure requests
web-erasure-requests-none = No one is waiting for an erasure.
web-erase-now = Erase now
web-postpone-because = Not yet, because
web-requested-on = asked on
web-consent-processing = Agrees to the processing of their data
web-consent-contact = May be contacted by the network
web-consent-public-listing = May be listed publicly

## Ties and the audit log

web-kind = Kind
web-from = From
web-to = To
web-start = Start
web-end = End
web-role = Role
web-note = Note
web-when = When
web-who = Who
web-action = Action
web-record = Record
web-error-title = Something went wrong

## Visibility

web-vis-private = Only our organization
web-vis-network = The network
web-vis-public = Everyone

## Gender

web-female = Female
web-male = Male
web-other = Other

## Group headings of a profile's ties, by kind

web-studied-at = Studies
web-trained-at = Training
web-employed-by = Work
web-member-of = Memberships
web-founded = Founded
web-mentored = Mentoring
web-hosted-intern = Internships
web-partnered-with = Partnerships
web-supervises = Supervision
web-met-at = Met

## Language switcher

# The language's own name, for the switcher: each language's file gives its own (look it up in each language to list the switcher).
web-language-own-name = English
web-another-skill = Another skill
web-word-rows-hint = One per box: start typing to choose a known name, or write your own
web-attended = Attended
web-event-kind = Kind of event
web-event-dates = Dates
web-event-place = Place
web-event-organizer = Held by
event-kind-conference = Conference
event-kind-seminar = Seminar
event-kind-workshop = Workshop
event-kind-training = Training
event-kind-trade-fair = Trade fair
event-kind-study-tour = Study tour
event-kind-alumni-gathering = Alumni gathering
event-kind-business-matching = Business matching meeting
event-kind-other = Other event
web-events = Events
web-met-at-event = Event met at (for a meeting)
