"""Label and question shapes of texts that are no goals. A notice word in a short label before
a colon ('Kick-off notes 30/11:', 'Attendees:') makes a text a notice, unless that word is what
the goal measures ('Webinar attendees: 250 per session'); a question that names a measure but
no level asks, it sets no goal, unless a wish opens it ('we need 3 more AEs hired by end of
Feb?') or the writer proposes a level ('could we push NPS back above 50?'); a label that
names the writer's goal or is followed by one opens a goal ('omg ok new goal: ...'). Wording
of our own, in no gold set."""

from __future__ import annotations

import pytest

import assistant

CASES = [
    ("Webinar attendees: 250 per session through April", False),
    ("Event attendees: 400 by the March summit", False),
    ("Kick-off notes 30/11: Raj to send the deck, Mia to book 3 demos", True),
    ("Attendees: Raj, Mia, Tom", True),
    ("Meeting minutes: pipeline review moved to Thursday", True),
    ("Hi all — can someone share the renewal rate dashboard? Mine is blank", True),
    ("is there a report for stage conversion by rep? need it for Monday", True),
    ("Increase win rate to 30% by Q2. Any tips?", False),
    ("Grow pipeline coverage — thoughts?", False),
    # the writer's own goal asked with doubt is a goal; a request or a question about a level
    # is not
    ("i want to close 10 deals by xmas, doable??", False),
    ("we need 3 more AEs hired by end of Feb?", False),
    ("i'd like 25 demos booked this month, too ambitious?", False),
    ("Can we get 5 more seats on the Gong contract before renewal?", True),
    ("is 40 demos a month realistic for Q1?", True),
    ("should my goal be 120% of quota this year?", True),
    # a wish in a segment of its own keeps a text with a question a goal
    ("I want our managers better at giving feedback. Could we run some workshops?", False),
    ("Hmm, I want our AEs to get better at discovery. Maybe a workshop?", False),
    # calendar invites and forwarded emails are correspondence
    ("Meeting: Q1 planning kickoff\nWhen: Thu 3 Dec, 10:00–11:00 CET\nAgenda: territories",
     True),
    ("---------- Forwarded message ----------\nFrom: Lisa\nPush the Harbor deal to Q4.", True),
    ("Join Zoom Meeting\nhttps://zoom.us/j/123456789\nMeeting ID: 123 456 789", True),
    ("When: end of Q1\nGoal: 30 partner-sourced deals", False),
    # the writer proposing a level in a question is a goal; moving a meeting is not
    ("could we push NPS back above 50 by the end of Q2?", False),
    ("idk maybe shoot for 12 intro calls a week?", False),
    ("Can we push our 1:1 to 3:30 tomorrow?", True),
    # the writer's own effort ('trying to ...') or a hedged level of their own asked as a question
    ("trying to get my demo show rate up, thinking 70% by end of Feb?", False),
    ("hmm, churn feels high... somewhere around 3% by summer maybe?", False),
    ("been sketching my Q1 plan, maybe run 6 partner lunches by jan 20?", False),
    ("idk how Sam gets like 60 dials a day?? is that normal", True),
    # a chat filler before a question about someone else's numbers asks; before a step it
    # hedges the writer's own
    ("wait how did Priya book 14 demos last week?? insane", True),
    ("btw maybe run 3 ride-alongs by thursday?", False),
    # where things stand now, said with a pronoun and a verb of standing, is a status
    ("we're at 64% attainment so far, two weeks to go", True),
    ("I'm sitting at 9 demos this month", True),
    ("We're at 64% attainment, get to 90% by Dec 31", False),
    # a bare link is contact details; its numbers count nothing
    ("https://wiki.example.com/pages/viewpage.action?pageId=4412", True),
    # a shout-out reports; a public challenge of one's own and a note to self set goals
    ("big shoutout to the day shift 🙌 zero missed meds and 98% on-time rounds", True),
    ("Announcing my 2027 challenge: 12 half marathons by December 🏃", False),
    ("PSA to self: max 3 meetings a day thru Feb", False),
    ("wow Lena booked 30 demos?? anyway I'm going for 20 by end of Jan", False),
    # a prediction of where a number will land is a forecast; a hedge on one's own goal is not
    ("pretty sure we'll end the quarter around 92% of plan", True),
    ("looks like we'll close Q4 at 96% of plan", True),
    ("reckon we'll land ~$1.1M this quarter, two deals slipped", True),
    ("I reckon I can get to 45 demos by March", False),
    # a diary's past verb with no subject, or a past 'be' after the subject opening it,
    # reports a result; an obligation ('got 2 ...') does not
    ("walked 6.5k after dinner in 58 min, legs fine", True),
    ("Rent was $1,450 again this month (ugh).", True),
    ("got 2 send 12 proposals by fri pls", False),
    # a heading line naming a report, notes or a review heads a report, not a goal; a heading
    # that names goals or opens with a goal verb does not
    ("Monthly status (Nov)\n- Bookings: $840k vs $1M plan\n- 2 deals pushed", True),
    ("Design review – 3 open issues, latency 220 ms, next check Tuesday", True),
    ("Ops sync – notes 12/01\n• backlog at 140 tickets", True),
    ("Q2 review goals:\n- 30 demos by June\n- CSAT 4.6", False),
    ("Audit 25 vendor contracts\n- by Dec 18", False),
    # a notice label that names the writer's goal, or is followed by one, opens a goal
    ("omg ok new goal: 40 referrals by March", False),
    ("haha ok so my target for Feb: 20 referrals from existing customers", False),
    ("Quarterly update: new goal for Q1 is 30 SQOs by March 31", False),
    ("Update: pipeline at $3.2M vs $4M target. More on Monday.", True),
    ("Update: renewals at 88% vs 92% plan. Will share the list Friday.", True),
    ("Q1 update: close 12 deals by March 31", False),
    ("Update: goal is 20 demos by Friday", False),
    ("Pipeline review notes 12/2:\n- commit $1.1M\n- best case $1.6M", True),
    ("Automatic reply: I'm out of the office until Jan 4", True),
    ("Lunch & learn Thursday: objection handling, pizza on us", True),
    # a label naming a forecast or a status so far reports numbers, as does a forecast as the
    # subject of 'be'; a label followed by a goal, or a forecast that is measured, does not
    ("Revenue outlook for Q2: $6.1M, gross margin 71%", True),
    ("my estimate for the spring drive is 3,400 donors", True),
    ("MTD: 41 demos, 9 wins, ASP $18k", True),
    ("Forecast accuracy: 90% by end of Q2", False),
    ("Q1 so far: 40 demos, so push for 60 by March 31", False),
    ("Outlook for 2027: we want 30% growth in ARR", False),
    ("Pipeline to date: $2.1M, goal is $3M by Dec 31", False),
    # a greeting before a recap's long label heads a recap; a reason for asking after a
    # question is part of it
    ("Good morning team, highlights from yesterday's offsite: 3 new territories, comp plan"
     " out Dec 15. Best, Jo", True),
    ("Hey all, notes from the kickoff: we need 25 demos per rep by Jan 31", False),
    ("is our churn target 5% or 6% for next year? need to know for my plan", True),
    # a record's fields, a score, a definition or a rule on others hold numbers but set no
    # goal; a goal verb, the writer, a bound or a period heading the line keep a goal
    ("Estimate EST-5092: 18 workstations × £640, delivery in 3 weeks", True),
    ("Bill #3310 · 6 h @ $180/h · $1,080 · due 15 days net", True),
    ("Semi-final: Lions 27–24 Sharks, Diaz 3 tries", True),
    ("Gross margin = (revenue − COGS) ÷ revenue", True),
    ("Contracts above €50k must be reviewed by Legal.", True),
    ("Hardware at $640/unit, offer valid until 20 Dec", True),
    ("Book 18 workstations at £640 each by Dec 18", False),
    ("H1: 14 renewals @ 100% GRR", False),
    ("Case CS-7781 closed within 5 days", False),
    ("we want every contract above €50k reviewed by Legal within 48h", False),
]


@pytest.mark.parametrize(("text", "notice"), CASES, ids=[c[0][:40] for c in CASES])
def test_no_goal_shapes(text: str, notice: bool) -> None:
    findings = [f.id for f in assistant.analyze(text, reference_date="2026-11-27").findings]
    assert ("text.not_a_goal" in findings) is notice
