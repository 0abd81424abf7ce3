"""Time expressions that are not deadlines: labels, baselines, cadences and vague words
are found (so their digits are never read as targets) but never chosen as the deadline."""

from __future__ import annotations

import pytest
from spacy.language import Language

# (id, goal, time expression, its role)
ROLES = [
    ("label-quarter-noun", "Grow the Q3 carryover deals by 20%.", "Q3", "label"),
    ("label-year-possessive", "Beat our 2026 win rate by 5 points.", "2026", "label"),
    ("label-duration-hyphen", "Raise the 90-day activation rate to 70%.", "90-day", "label"),
    ("label-purpose-year", "Sell 8 licenses to hit the 2027 launch plan.", "2027", "label"),
    ("label-accelerator", "Get to 120% to unlock the Q1 accelerator.", "Q1", "label"),
    ("label-half-number", "Close $300k so the pod hits its H2 number.", "H2", "label"),
    # a period name opening the goal bounds it (GUIDELINE v1.1: "Q3 enterprise pipeline")
    ("leading-period-header", "Q4 team target: 40 demos.", "Q4", "deadline"),
    ("leading-period-emoji", "🚀 Q1 goal: 900 MQLs from paid search", "Q1", "deadline"),
    ("label-inner-header", "Demos: 40 as the Q4 team target.", "Q4", "label"),
    ("label-process-name", "Shorten the month-end close to 5 days.", "month-end", "label"),
    ("label-fiscal-range", "Hit $1M by FY-end (FY runs Jul–Jun).", "Jul–Jun", "label"),
    ("label-fiscal-quarter-months", "Add 4 partners in FQ3 (Jan–Mar).", "Jan–Mar", "label"),
    ("label-possessive-relative", "Source 20 deals for next quarter's pipeline.",
     "for next quarter", "label"),
    ("label-fiscal-statement", "Book $2M for FY27 (our fiscal year ends March 31, 2027).",
     "March 31, 2027", "label"),
    ("baseline-vs-last-year", "Increase revenue 15% vs. last year.", "vs. last year",
     "baseline"),
    ("baseline-since", "Since January we closed 12 deals; close 20 more.", "Since January",
     "baseline"),
    ("baseline-last-quarter", "Grow pipeline 3x over last quarter.", "over last quarter",
     "baseline"),
    ("baseline-yoy", "Grow ARR 20% YoY.", "YoY", "baseline"),
    ("baseline-compared", "Cut churn compared to Q3.", "compared to Q3", "baseline"),
    ("baseline-ago", "Get back to where NPS was 6 months ago.", "6 months ago", "baseline"),
    ("baseline-ytd", "Keep YTD bookings above plan.", "YTD", "baseline"),
    ("baseline-than-in", "Close 20% more deals than in Q3.", "than in Q3", "baseline"),
    ("baseline-from-level", "Increase ARR from $4M in 2026 to $5M.", "in 2026", "baseline"),
    ("baseline-last-month", "Book 30 meetings, up from 20 last month.", "last month",
     "baseline"),
    ("baseline-past-statement", "In Q3 we missed plan by 20%; close 10 deals by Dec 15.",
     "In Q3", "baseline"),
    ("baseline-past-year", "In 2026 I booked 40 meetings, so book 60 in 2027.", "In 2026",
     "baseline"),
    ("label-purpose-fy", "Reach 40% by Q3 so we can hit the FY28 target.", "FY28", "label"),
    ("label-rolling", "Keep the 12-month rolling churn under 5%.", "12-month", "label"),
    ("label-bare-before-noun", "Review Q3 results with the team.", "Q3", "label"),
    ("label-bare-before-verb-form", "Share Q4 wins in the all-hands.", "Q4", "label"),
    ("label-purpose-horizon", "Win 3 deals to be on track for H1.", "for H1", "label"),
    ("label-purpose-so-that", "Add 40 SQLs so that the AEs have enough pipeline for Q1.",
     "for Q1", "label"),
    ("label-purpose-so", "Run 5 webinars so the team is ready for H2.", "for H2", "label"),
    ("label-condition", "Flag accounts with no activity for 30 days.", "for 30 days", "label"),
    # a review verb with no object but a pronoun schedules another look, not the result
    ("label-review-note", "Grow newsletter subscribers to 12,000 (will revisit in March)",
     "in March", "label"),
    ("label-check-back", "Keep first response under 4 hours — check back on this in Feb",
     "in Feb", "label"),
    ("label-review-it", "Move average deal size up to $48k. We'll review it at the January QBR.",
     "at the January QBR", "label"),
    ("review-with-object", "Review 50 accounts by Friday", "by Friday", "deadline"),
    ("check-in-on-accounts", "CSMs: check in on 3/4 of low-usage accounts by EOM", "by EOM",
     "deadline"),
    ("reviewed-cadence", "55 conversations per week, reviewed monthly, through the end of March",
     "through the end of March", "deadline"),
    ("cadence-every-week", "Make 40 calls every week.", "every week", "cadence"),
    ("cadence-per-day", "Send 25 emails per day.", "per day", "cadence"),
    ("cadence-daily", "Run demos daily.", "daily", "cadence"),
    ("cadence-twice", "Hold a pipeline review twice a month.", "twice a month", "cadence"),
    ("cadence-a-day", "make 60 dials a day", "a day", "cadence"),
    ("cadence-slash", "Hit 100 dials/day.", "/day", "cadence"),
    ("cadence-each-quarter", "Visit each strategic account once each quarter.", "each quarter",
     "cadence"),
    ("cadence-weekdays", "Post on LinkedIn on Mondays.", "on Mondays", "cadence"),
    ("vague-asap", "Respond to inbound leads ASAP.", "ASAP", "vague"),
    ("vague-soon", "Close more deals soon.", "soon", "vague"),
    ("vague-going-forward", "Keep NPS above 50 going forward.", "going forward", "vague"),
    ("vague-eventually", "Eventually expand into APAC.", "Eventually", "vague"),
    ("vague-ongoing", "Maintain 95% uptime on an ongoing basis.", "on an ongoing basis", "vague"),
    ("vague-few-weeks", "Book a demo with Initech within a few weeks.", "within a few weeks",
     "vague"),
]

# (id, goal): goals with time words but no deadline.
NO_DEADLINE = [
    # a short month word that is a modal or an ordinary word is no month, beside a plan noun
    # or not
    ("may-modal", "I may hit 20 demos if the event goes well"),
    ("may-after-plan-noun", "Goals may slip, but we keep pushing"),
    ("percent-not-date", "Grow bookings by 20% this way."),
    ("to-number-not-year", "Raise the health score to 60 for every account."),
    ("money-not-time", "Add $2M in pipeline from the partner channel."),
    ("target-days", "Reduce the sales cycle from 45 to 30 days."),
    ("response-hours", "Keep first response under 4 hours."),
    ("cadence-alone", "Add 200 contacts to sequences every week."),
    ("rate-per-quarter", "Hold 2 executive check-ins per account per quarter."),
    ("baseline-alone", "Grow renewals 20% vs. last year."),
    ("label-alone", "Close the Q3 carryover deals."),
    ("vague-alone", "Get the dashboards fixed asap."),
    # after the goal's own vague time, a "so" clause's time dates the reason
    ("vague-then-so", "Wrap up the payroll migration soon so finance can close January"),
    ("asap-then-so", "Get the reseller contracts signed ASAP so we can start selling in Q2"),
    ("signed-up-then-so", "Get 40 reference customers signed up so marketing can launch in April."),
    ("modal-may", "We may need 5 more reps to cover the west."),
    ("name-jan", "Work with Jan on 10 joint calls each month."),
    ("fraction-quarter", "Source a quarter of new pipeline from partners."),
    ("score-slash", "Keep CSAT at 4/5 or better."),
    ("always-on", "Offer 24/7 support to platinum accounts."),
    ("level-over-days", "Close tickets open over 30 days."),
    ("level-for-days", "Keep accounts with no activity for 30 days flagged."),
    ("level-to-within", "Cut response time to within 2 days."),
    ("hours-sla", "Respond to all tickets within 24 hours."),
    ("each-quarter-end", "Close 5 deals by the end of each quarter."),
    ("thousands", "Close 2,027 tickets."),
    ("decimal-points", "Grow NPS by 12.10 points."),
    ("decimal-money", "Cut the cost per lead by 10.25 dollars."),
    ("vague-coming-months", "Grow the book in the coming months."),
    ("season-label", "Book 30 summer interns."),
    ("starting-in", "Add 500 MQLs per month starting in January."),
    ("each-of-next", "Hit 100% attainment in each of the next 4 quarters."),
    ("weekly-one-on-ones", "Hold weekly 1:1s with each rep."),
    ("fall-verb", "Don't let renewals fall behind."),
    ("not-a-quarter", "Ship feature Q12 of the roadmap."),
    ("month-in-name", "Work on the March madness campaign."),
    ("sun-word", "Run 3 beach activations in the sun."),
    ("sat-hyphen", "Sign 5 resellers for sat-nav fleets."),
    ("wed-article", "Book 20 venues for a wed fair."),
    ("days-a-week", "Answer 90% of tickets within 4 hours, seven days a week."),
    ("days-a-week-for", "Staff the chat queue for seven days a week."),
    ("process-name", "Shorten the quarter-end close from 10 to 6 business days."),
    ("sprint-start", "Document 100% of POCs, starting this sprint."),
    # a period naming someone else's plan, or a multiple of one
    ("others-plan-purpose", "Source 12 SQLs so the AEs can hit their Q1 target."),
    ("others-plan-possessive", "Fill the enterprise team's H1 number with 25 meetings."),
    ("the-plan", "For the 2027 plan, keep 95% of my accounts."),
    ("multiple-of-target", "Pipeline: 3x Q2 target in coverage."),
    ("plural-plans", "Finish all my 2027 territory plans."),
    # lead times counted back from an occasion each item has its own of
    ("lead-their-plural", "Call 100% of customers 60 days before their renewals."),
    ("lead-each", "Send agendas 3 days ahead of each QBR."),
    ("lead-every-possessive", "Ship laptops 5 days before every new hire's first day."),
    ("lead-bare-noun", "Get legal review done 10 business days prior to signature."),
    ("lead-bare-compound", "Issue renewal quotes 120 days ahead of term end."),
    ("lead-plural-adjective", "Announce 100% of price changes 30 days before effective dates."),
    ("lead-all", "Book kickoff calls 2 weeks before all go-lives."),
]


@pytest.mark.parametrize(("text", "phrase", "role"), [c[1:] for c in ROLES],
                         ids=[c[0] for c in ROLES])
def test_time_expression_role(nlp: Language, text: str, phrase: str, role: str) -> None:
    doc = nlp(text)
    found = {p.text: p.value.role for p in doc._.gs_times}
    assert found.get(phrase) == role, found
    if role != "deadline":
        assert doc._.gs_deadline is None or doc._.gs_deadline.text != phrase


@pytest.mark.parametrize("text", [c[1] for c in NO_DEADLINE], ids=[c[0] for c in NO_DEADLINE])
def test_no_deadline(nlp: Language, text: str) -> None:
    doc = nlp(text)
    assert doc._.gs_deadline is None, doc._.gs_deadline


@pytest.mark.parametrize(
    ("text", "number"),
    [("Grow bookings by 20% by Sept 30, 2027.", "20"), ("Raise the score to 60 by Q2.", "60"),
     ("Cut cycle time from 45 to 30 days within 90 days.", "30"),
     ("Add $2M of pipeline by EOQ.", "2")],
    ids=["percent", "to-number", "target-days", "money"],
)
def test_target_digits_stay_outside_times(nlp: Language, text: str, number: str) -> None:
    start = text.index(number)
    assert not any(p.overlaps(start, start + len(number)) for p in nlp(text)._.gs_times)
