"""Rewrites for fresh goals of every shape, compared with golden files in
tests/golden/rewrites/. Regenerate on purpose with `GOALSMITH_UPDATE_GOLDEN=1 pytest
tests/test_rewrite_golden.py`, then read the diff before committing it."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from assistant import analyze

GOLDEN = Path(__file__).parent / "golden" / "rewrites"
UPDATE = os.environ.get("GOALSMITH_UPDATE_GOLDEN") == "1"
REFERENCE = "2026-11-27"

CASES = {
    # increase a metric
    "increase-from-baseline": "Increase the trial-to-paid conversion rate from 9% to 12% by "
                              "June 30, 2027 to hit the self-serve revenue plan.",
    "increase-relative-no-deadline": "Grow partner-sourced pipeline by 25% so the channel team "
                                     "can cover the new territories.",
    "increase-eoy": "Raise average contract value to $38k by EOY to support the move upmarket.",
    "increase-weak-verb": "Improve the demo-to-proposal rate to 45% by the end of Q2.",
    "increase-no-target": "Grow expansion revenue in the healthcare vertical by March 31, 2027.",
    "increase-hedged": "Try to lift the NPS of onboarding customers to 50 by end of Q3.",
    "increase-relevance-first": "To support the APAC launch, increase qualified pipeline in "
                                "Japan by 30% by September 30, 2027.",
    "increase-quarter-no-year": "Boost renewal bookings by 15% in Q2.",
    "increase-double": "Double the number of referral leads by the end of H1 2027.",
    # decrease a metric
    "decrease-from-to": "Reduce average first-response time from 6 hours to 2 hours by March "
                        "31, 2027 so that enterprise customers stay within their SLA.",
    "decrease-relative-duration": "Cut logo churn in the SMB book by 20% within 6 months.",
    "decrease-no-target": "Lower the discount rate on new deals this quarter.",
    "decrease-below": "Bring the sales cycle below 60 days by end of H1 2027.",
    # maintain a metric
    "maintain-keep-above": "Keep gross retention above 92% through Q3 2027 to protect the "
                           "renewal base.",
    "maintain-no-deadline": "Maintain a 95% SLA attainment on tier-1 tickets.",
    # reach a level
    "reach-close-deals": "Close 14 enterprise deals by June 30, 2027.",
    "reach-currency-before-metric": "Book €600k in new ARR in H1 2027 to fund the Berlin office.",
    "reach-number-word": "Sign a dozen new reseller agreements by the end of January.",
    "reach-ambiguous-numeric-date": "Publish 6 customer case studies by 04/05/2027.",
    "reach-dotted-date": "Hire 3 solutions engineers by 01.06.2027.",
    "reach-within-days": "Win 5 competitive displacements within 90 days to prove the new "
                         "pitch works.",
    "reach-without-metric": "Hit $750k by the end of Q1.",
    "reach-past-deadline": "Close 10 new logos by March 31, 2026.",
    "reach-unresolved-deadline": "Sign 4 design partners before the next QBR.",
    "reach-vague-deadline": "Get 8 new testimonials published ASAP.",
    "reach-filler": "Update 20 battlecards, talk tracks, etc. by February 15, 2027.",
    # the opening verb stays though the tagger reads the next word as the verb
    "decrease-opening-verb": "Cut burn to $300k a month by Q3 so the runway reaches 2028.",
    "reach-two-goals": "Close 12 deals by June 30, 2027 and cut the average sales cycle to 50 "
                       "days by September 30, 2027.",
    "reach-fiscal-year": "Deliver $2.4M in new bookings in FY27.",
    "reach-lower-case": "close 6 deals in the finance vertical by end of month",
    "reach-bullet": "- Book 18 discovery calls with CFOs by January 31, 2027",
    "reach-percent-of-quota": "Reach 110% of quota by December 31, 2026 to qualify for the "
                              "President's Club.",
    # an activity with a cadence
    "cadence-bounded": "Make 60 cold calls per week through Q1 2027 to build early pipeline "
                       "for the spring campaign.",
    "cadence-unbounded": "Run 2 customer webinars every month.",
    "cadence-no-target": "Send follow-up emails to inbound leads each week.",
    "cadence-daily": "Log 15 activities a day in the CRM until the end of December.",
    "cadence-quantifier": "Book some demos with dormant accounts every week.",
    # a project milestone
    "milestone-launch": "Launch the partner referral portal by May 31, 2027 to open a new "
                        "lead source.",
    "milestone-vague": "Be a better coach for my team.",
    "milestone-work-on": "Work on relationships with the procurement teams at my top accounts.",
    "milestone-before-holiday": "Finish the territory plan before Christmas.",
    "milestone-relevance-only": "Clean up the opportunity data so that forecasts can be "
                                "trusted.",
    "milestone-hedged": "Hopefully get certified in the new pricing model.",
    "milestone-filler": "Sort out the CRM stuff.",
    "milestone-fragment": "more meetings with economic buyers",
    # complete goals, tidied
    "complete-spelled-out": "Grow net revenue retention from 104% to 110% by December 31, 2027 "
                            "to fund the customer success expansion.",
    "complete-eoq": "Raise the win rate against Competitor X to 35% by EOQ to defend our core "
                    "market.",
}


def _produced(text: str) -> dict:
    analysis = analyze(text, reference_date=REFERENCE)
    return {"text": text, "rewrites": [r.model_dump() for r in analysis.rewrites]}


@pytest.mark.parametrize("case", sorted(CASES))
def test_rewrite_matches_golden(nlp, case: str) -> None:
    path = GOLDEN / f"{case}.json"
    produced = _produced(CASES[case])
    if UPDATE:
        path.write_text(json.dumps(produced, indent=2, ensure_ascii=False) + "\n",
                        encoding="utf-8")
    assert path.exists(), f"no golden file {path.name}: run with GOALSMITH_UPDATE_GOLDEN=1"
    assert produced == json.loads(path.read_text(encoding="utf-8"))


def test_no_stale_golden_files() -> None:
    assert {p.stem for p in GOLDEN.glob("*.json")} <= set(CASES)
