"""Number phrases found in raw text by the quantity grammar (pure regex work, no spaCy)."""

from __future__ import annotations

import pytest

from assistant.quantities.grammar import scan

# text -> the (kind, phrase text, amounts, unit, currency) of the longest phrase scanned there
PHRASES = {
    "dollar-m": ("Close $1.2M now", "single", "$1.2M", (1_200_000,), "currency", "USD"),
    "euro-k": ("Win €50k now", "single", "€50k", (50_000,), "currency", "EUR"),
    "pound-comma": ("Sell £3,500 now", "single", "£3,500", (3500,), "currency", "GBP"),
    "code-before": ("Add EUR 250k now", "single", "EUR 250k", (250_000,), "currency", "EUR"),
    "code-after": ("Add 180K EUR now", "single", "180K EUR", (180_000,), "currency", "EUR"),
    "million-words": ("Add 2.5 million dollars now", "single", "2.5 million dollars",
                      (2_500_000,), "currency", "USD"),
    "spaced-m": ("Get $3.4 M now", "single", "$3.4 M", (3_400_000,), "currency", "USD"),
    "country-dollar": ("Raise NZ$250,000 now", "single", "NZ$250,000", (250_000,), "currency",
                       "NZD"),
    "country-dollar-pair": ("ARPU R$89 → R$110 soon", "from_to", "R$89 → R$110", (89, 110),
                            "currency", "BRL"),
    "unknown-country-dollar": ("Win QQ$5k now", "single", "QQ$5k", (5000,), "currency", None),
    "percent-sign": ("Hit 20% now", "single", "20%", (20,), "percent", None),
    "percent-word": ("Hit 15 percent now", "single", "15 percent", (15,), "percent", None),
    "pct": ("Hit 15 pct now", "single", "15 pct", (15,), "percent", None),
    "pct-points": ("Add 2 pct points now", "single", "2 pct points", (2,), "percentage_points",
                   None),
    "pts": ("Add 10 pts now", "single", "10 pts", (10,), "percentage_points", None),
    "bps": ("Add 5 bps now", "single", "5 bps", (5,), "basis_points", None),
    "basis-points": ("Add 300 basis points now", "single", "300 basis points", (300,),
                     "basis_points", None),
    "times": ("Get 3x now", "single", "3x", (3,), "multiplier", None),
    "figures": ("Hit 7 figures now", "single", "7 figures", (1_000_000,), "currency", None),
    "plus": ("Hold 60+ calls", "single", "60+", (60,), "count", None),
    "minutes": ("Answer in under 30 minutes", "single", "under 30 minutes", (30,), "other", None),
    "business-hours": ("Resolve down to 8 business hours", "single", "down to 8 business hours",
                       (8,), "other", None),
    "from-to": ("Raise it from 18% to 25% soon", "from_to", "from 18% to 25%", (18, 25),
                "percent", None),
    "from-to-shared-unit": ("Cut it from 94 to 75 days", "from_to", "from 94 to 75 days",
                            (94, 75), "other", None),
    "between": ("Close between 6 and 8 deals", "between", "between 6 and 8", (6, 8), "count",
                None),
    "by-to": ("Grow by 20% to $1.2M", "by_to", "by 20% to $1.2M", (20, 1_200_000), "currency",
              "USD"),
    "at-or-higher": ("Keep CSAT at 90% or higher", "single", "at 90% or higher", (90,),
                     "percent", None),
    "ge": ("Keep it ≥ 90", "single", "≥ 90", (90,), "count", None),
    "sign": ("+25% YoY", "single", "+25%", (25,), "percent", None),
    "a-dozen": ("Run a dozen webinars", "single", "a dozen", (12,), "count", None),
    "cadence-slash": ("50/day", "single", "50", (50,), "count", None),
    "crore": ("Close ₹2 crore now", "single", "₹2 crore", (20_000_000,), "currency", "INR"),
    "lakh-plural": ("Add ₹9 lakhs now", "single", "₹9 lakhs", (900_000,), "currency", "INR"),
    "cr": ("Hit 12 cr ARR", "single", "12 cr", (120_000_000,), "count", None),
    "indian-grouping": ("Add ₹5,00,000 now", "single", "₹5,00,000", (500_000,), "currency", "INR"),
    "mio-comma": ("Win €1,2 Mio. now", "single", "€1,2 Mio.", (1_200_000,), "currency", "EUR"),
    "mio-code-after": ("Win 4,5 Mio. EUR now", "single", "4,5 Mio. EUR", (4_500_000,), "currency",
                       "EUR"),
    "mrd": ("Win €1 Mrd. now", "single", "€1 Mrd.", (1e9,), "currency", "EUR"),
    "mn-spaced": ("Win $2.2 mn now", "single", "$2.2 mn", (2_200_000,), "currency", "USD"),
    "bn-attached": ("Hit $1.1bn now", "single", "$1.1bn", (1.1e9,), "currency", "USD"),
    "percent-plus": ("Hit 70%+ now", "single", "70%+", (70,), "percent", None),
    "tolerance": ("Stay within ±5% now", "single", "within ±5%", (5,), "percent", None),
    "tolerance-slash": ("Stay within +/- 3% now", "single", "within +/- 3%", (3,), "percent", None),
    "approx": ("Book approx. 25 calls", "single", "approx. 25", (25,), "count", None),
    "up-arrow": ("NPS ↑ 12% QoQ", "single", "↑ 12%", (12,), "percent", None),
    "down-arrow-to": ("CAC ↓ to $300 by Q3", "single", "↓ to $300", (300,), "currency", "USD"),
    "arrow-mixed-units": ("ACV ↑ 15% → $38k", "single", "↑ 15%", (15,), "percent", None),
    "ish": ("Book 50ish calls", "single", "50ish", (50,), "count", None),
    "ish-hyphen": ("Keep NRR at 110-ish", "single", "at 110-ish", (110,), "count", None),
    "ish-percent": ("Win rate 25%-ish", "single", "25%-ish", (25,), "percent", None),
    "ratio": ("Hold a 4:1 ratio", "single", "4:1", (4,), "multiplier", None),
    "ratio-named": ("Move to a 60:40 mix", "single", "60:40", (1.5,), "multiplier", None),
    "clock": ("Start by 9:30 am", "single", "by 9:30 am", (9.5,), "other", None),
    "clock-pm": ("Send it by 4:30 pm", "single", "by 4:30 pm", (16.5,), "other", None),
    "score-out-of-10": ("Reach 8/10 now", "single", "8/10", (8,), "count", None),
    "share": ("Get 1/4 of pipeline", "single", "1/4", (25,), "percent", None),
    "repetitions": ("Call three times a week", "single", "three times", (3,), "count", None),
    "hours-attached": ("Cut MTTR from 6h to 4h", "from_to", "from 6h to 4h", (6, 4), "other",
                       None),
    "arrow": ("win rate 22% -> 27%", "from_to", "22% -> 27%", (22, 27), "percent", None),
    "arrow-bracket": ("Win rate 24% (FY26) → 28%", "from_to", "24% (FY26) → 28%", (24, 28),
                      "percent", None),
    "range-dash": ("Book 10-12 demos", "range", "10-12", (10, 12), "count", None),
    "more-tail": ("Land 5 more logos", "single", "5 more", (5,), "count", None),
    "more-tail-after-place": ("Expand to 2 more units", "single", "2 more", (2,), "count", None),
    "from-to-same-day": ("Cut approvals from 3 days to same day", "from_to",
                         "from 3 days to same day", (3, 0), "other", None),
    "from-to-one-week": ("Cut it from 30 days to one week", "from_to",
                         "from 30 days to one week", (30, 1), "other", None),
    "space-groups": ("Win 250 000 € now", "single", "250 000 €", (250_000,), "currency", "EUR"),
    "narrow-space-groups": ("Enrol 95\u202f000 now", "single", "95\u202f000", (95_000,), "count",
                            None),
    "space-groups-code-before": ("Pay SEK 85 000 now", "single", "SEK 85 000", (85_000,),
                                 "currency", "SEK"),
    "space-groups-from-to": ("Go from 8 500 to 14 000", "from_to", "from 8 500 to 14 000",
                             (8_500, 14_000), "count", None),
    "million-code": ("Land 2,5 MSEK now", "single", "2,5 MSEK", (2_500_000,), "currency", "SEK"),
    "thousand-code": ("Win 45 TSEK now", "single", "45 TSEK", (45_000,), "currency", "SEK"),
    "million-code-before": ("Sign MEUR 1.1 now", "single", "MEUR 1.1", (1_100_000,), "currency",
                            "EUR"),
    "thousand-euro-spaced": ("Stay under 120 k€", "single", "under 120 k€", (120_000,),
                             "currency", "EUR"),
    # numbers said in words, as voice and chat give them
    "words-k": ("i want forty k in upsell", "single", "forty k", (40_000,), "count", None),
    "words-hundred-k": ("add three hundred and fifty k", "single",
                        "three hundred and fifty k", (350_000,), "count", None),
    "words-point-million": ("grow pipe to two point five million", "single",
                            "to two point five million", (2_500_000,), "count", None),
    "words-and-a-half-mil": ("cut spend by one and a half mil", "single",
                             "by one and a half mil", (1_500_000,), "count", None),
    "words-and-a-half-unit": ("AHT to six and a half minutes", "single",
                              "to six and a half minutes", (6.5,), "other", None),
    "words-grand": ("save twenty grand", "single", "twenty grand", (20_000,), "count", None),
    # a spaced lower-case "k" is a magnitude after words only
    "digits-then-spaced-k": ("run a 5 k race", "single", "5", (5,), "count", None),
}


@pytest.mark.parametrize(("text", "kind", "phrase", "amounts", "unit", "currency"),
                         PHRASES.values(), ids=PHRASES.keys())
def test_phrase_scanned(text: str, kind: str, phrase: str, amounts: tuple[float, ...],
                        unit: str, currency: str | None) -> None:
    longest = max(scan(text), key=lambda p: p.end - p.start)
    assert (longest.kind, text[longest.start : longest.end]) == (kind, phrase)
    assert tuple(a.amount for a in longest.atoms) == pytest.approx(amounts)
    assert (longest.atoms[-1].unit, longest.atoms[-1].currency) == (unit, currency)


NOT_NUMBERS = {
    "quarter": "in Q3",
    "product": "the Model X5 launch",
    "ticket-class": "P1 tickets",
    "compound-metric": "the 90-day rate",
    "ordinal": "on the 31st",
    "numeric-date": "by 12/18",
    "dotted-date": "by 31.12.2027",
    "iso-date": "by 2027-03-31",
    "always": "24/7 support",
    "rank": "be #1",
    "hyphen-stage": "stage-2 pipeline",
    "lone-one": "one source of truth",
    "one-on-one": "Run 1:1 reviews",
    "phone-plus": "M: +91 99876 54321",
    "phone-spaced": "Tel. +49 89 1234 5678",
    "phone-local": "Call 0800 123 4567",
    "version": "Migrate to v2.3 now",
    "word-level-alone": "Offer same-day payouts",
}


@pytest.mark.parametrize("text", NOT_NUMBERS.values(), ids=NOT_NUMBERS.keys())
def test_not_scanned(text: str) -> None:
    assert [p for p in scan(text) if p.atoms] == []


SPACED_APART = {
    "hyphened-count": ("Write 3 500-word reports", 3500),
    "one-on-ones": ("Hold 12 1:1s", 121),
    "size-class": ("Land 4 500+ employee logos", 4500),
}


@pytest.mark.parametrize(("text", "joined"), SPACED_APART.values(), ids=SPACED_APART.keys())
def test_space_between_two_numbers_kept(text: str, joined: float) -> None:
    """A space groups thousands only where nothing glues the second group to what follows."""
    assert joined not in [a.amount for p in scan(text) for a in p.atoms]
