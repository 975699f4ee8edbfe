## Knowledge: lessons learned and questions to the network.

knowledge-title = Knowledge
knowledge-intro = How Japanese practice was carried abroad and made to work there, and what the network asks and answers.
knowledge-lessons = Lessons learned
knowledge-questions = Questions to the network
knowledge-record-lesson = Record a lesson
knowledge-ask = Ask the network
knowledge-no-lessons = No lessons learned here yet.
knowledge-no-questions = No questions asked yet.
knowledge-search = Search lessons and questions
knowledge-every-country = Every country
knowledge-every-sector = Every sector
knowledge-show = Show
knowledge-practice = The original practice
knowledge-adaptation = How it was adapted
knowledge-context = The context
knowledge-result = The result
knowledge-lesson-title = Title
knowledge-written-in = Written in
knowledge-adapted-in = Adapted in
knowledge-sector = Sector
knowledge-kept-by = Kept by
knowledge-technology = Technology
knowledge-program = Program
knowledge-people = People it came from
knowledge-edit = Edit
knowledge-edit-lesson = Edit the lesson
knowledge-asked-by = Asked by
knowledge-asked-on = Asked on
knowledge-open = Open
knowledge-settled = Answered
knowledge-accepted = The accepted answer
knowledge-accept = Accept this answer
knowledge-your-answer = Your answer
knowledge-send-answer = Send the answer
knowledge-question = Your question
knowledge-question-details = Details
knowledge-withdraw = Withdraw the question
knowledge-answer-needs-profile = Sign in with a profile of your own to answer.
knowledge-not-given = —
# How many answers a question has. $count: a number.
knowledge-answer-count = { $count ->
    [one] One answer
   *[other] { $count } answers
}
# A lesson shown in a translation. $status: how it was made (one of the knowledge-status messages); $original: the language it was written in.
knowledge-translation-note = Translation ({ $status }); the lesson was written in { $original }.
knowledge-status-draft = draft, not checked by anyone
knowledge-status-translated = translated by a person
knowledge-status-reviewed = translated and reviewed
knowledge-show-original = Show the original
knowledge-show-translation = Show the translation
