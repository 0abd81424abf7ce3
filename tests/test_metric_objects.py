"""The metric detector on what a goal's verb acts on (GUIDELINE.md v1.1): the object a count,
a cadence count or a vague comparative counts; the group a share is taken of; a measure whose
level follows 'of'. In wording that appears in no gold set."""

from __future__ import annotations

import pytest
from spacy.language import Language

# 1. The verb's object is what the target counts (a number before it, a count of times with a
# cadence after it, a count of the parties it is held with) or what 'more' asks for; a
# singular object leaves the count to its parties; a deliverable or a bare cadence names
# nothing.
COUNTED_OBJECTS = [
    ("Draft 10 mutual close plans with late-stage buyers by Jan 29", "mutual close plans"),
    ("Record 6 customer video testimonials in H1", "customer video testimonials"),
    ("Finish 10 territory plans before the kickoff on Jan 12", "territory plans"),
    ("Run lunch-and-learns for the CS pod twice a month until March", "lunch-and-learns"),
    ("Post short product clips on LinkedIn 3 times a week", "short product clips"),
    ("Do ride-alongs with new reps once a week through Q1", "ride-alongs"),
    ("Hold partner office hours 2x/week in January", "partner office hours"),
    ("Send a newsletter to customers once a month", "newsletter"),
    ("more intro calls with CFOs pls", "intro calls"),
    ("Sell more add-ons to existing customers", "add-ons"),
    ("Win several competitive POCs against Vendor Q in H1", "competitive POCs"),
    ("Ship alot of how-to videos for admins this quarter", "how-to videos"),
    ("Run account reviews with 12 of my 30 customers in Q1", "account reviews"),
    ("Hold roadmap sessions with 6 design partners by March", "roadmap sessions"),
    ("Pitch the new tier to 8 of my enterprise accounts", "enterprise accounts"),
    ("Up-sell the premium tier into 7 of my top 30 accounts", "accounts"),
    ("Finish the renewal playbook by Jan 15", None),
    ("Clean up duplicate contacts in Salesforce", None),
    ("Hold weekly pipeline reviews with the team", None),
    ("Check the forecast dashboard twice a day", None),
    ("Meet my manager once a week", None),
    ("Visit a customer once a week", None),
    ("Update the battlecards once a quarter", None),
    ("Check the support queues 3 times a day", None),
    ("Refresh the partner battlecards twice a quarter", None),
    ("Take a day off once a month", None),
]

# 2. 'N% of <group>' or 'AMOUNT of <stock>' after a verb: the group is measured whatever its
# head ('the channel team', 'aged inventory'), not one named thing ('the Acme deal'); 'the %
# of X' is a name; a share heading the goal keeps its action; a lone word opening the goal
# before a share ('Re-price 60% of') is its verb unless it names a measure.
SHARE_OF = [
    ("Standardise 90% of order forms on the new template by 28.02.2027", "order forms"),
    ("Enrol 100% of the channel team in the new certification by EOQ", "channel team"),
    ("Audit 25% of closed-won deals for discount approvals every month", "closed-won deals"),
    ("Raise the % of calls with a next step booked from 40% to 70% in Q1",
     "% of calls with a next step booked"),
    ("Lower the % of orders held for credit review to 5% by June",
     "% of orders held for credit review"),
    ("Send renewal quotes to 100% of expiring contracts in January", "expiring contracts"),
    ("Recover $300k of past-due billing by end of Q1", "past-due billing"),
    ("Clear €90k of aged inventory by EOQ", "aged inventory"),
    ("Close $200k of the Acme deal by Friday", None),
    ("75% of my strategic accounts have a mapped org chart by 31/01/2027",
     "strategic accounts have a mapped org chart"),
    ("Re-price 60% of legacy contracts before renewal", "legacy contracts"),
    ("Partners: co-sell on 1/3 of enterprise opps in H1", "enterprise opps"),
    ("Pipeline 40% of plan by EOQ", "Pipeline"),
    ("Renewals 95% of the book in Q1", "Renewals"),
    ("Expansion 30% of new ARR by EOY", "Expansion"),
    ("Discounting under 10% of list price", "Discounting"),
    ("Get 85% of the team to quota this year", None),
    ("98% of the time we answer within an hour", None),
    ("Give 100% of my effort to every deal", None),
]

# 3. A measure or a change whose level follows 'of' after the verb.
LEVEL_AFTER_OF = [
    ("Secure an average uplift of 5% on SMB renewals in FY27", "average uplift"),
    ("Negotiate a price increase of 8% with the top 20 customers", "price increase"),
    ("Hit a reply rate of 9% on the new outbound sequence by end of January", "reply rate"),
    ("Get to a net retention of 112% by EOY", "net retention"),
    ("Get to a close rate of 30% by Q2", "close rate"),
    ("Move to a renewal rate of 95% on the SMB book", "renewal rate"),
    ("Maintain first-call resolution of 80% through the holiday peak", "first-call resolution"),
    ("Deliver a cost reduction of 15% in the deal desk by Q3", "cost reduction"),
    ("Achieve growth of 20% in 2027", None),
    ("Close a deal of $80k with Initech by EOQ", None),
]


def _metric(nlp: Language, text: str) -> str | None:
    found = nlp(text)._.gs_metric
    return found.text if found else None


@pytest.mark.parametrize(("text", "expected"), COUNTED_OBJECTS,
                         ids=[c[0][:40] for c in COUNTED_OBJECTS])
def test_metric_is_the_counted_object(nlp: Language, text: str, expected: str | None) -> None:
    assert _metric(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), SHARE_OF, ids=[c[0][:40] for c in SHARE_OF])
def test_metric_is_the_group_of_a_share(nlp: Language, text: str, expected: str | None) -> None:
    assert _metric(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), LEVEL_AFTER_OF,
                         ids=[c[0][:40] for c in LEVEL_AFTER_OF])
def test_metric_before_an_of_level(nlp: Language, text: str, expected: str | None) -> None:
    assert _metric(nlp, text) == expected


# 4. No target: a sum of money that sizes a deal is no part of a metric.
DEAL_SIZES = [
    ("halden renewal - $45k ARR - need it signed by friday", None),
    ("Close the Orbis Freight renewal (€180k ARR) by 12 March.", None),
]


@pytest.mark.parametrize(("text", "expected"), DEAL_SIZES, ids=[c[0][:40] for c in DEAL_SIZES])
def test_deal_size_names_no_metric(nlp: Language, text: str, expected: str | None) -> None:
    assert _metric(nlp, text) == expected
