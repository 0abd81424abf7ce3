"""Numbers, money and percentages in a goal; the choice of its target and its normalised value.

`find_quantities(doc)` lists every number expression (`Part[Quantity]`) outside the time
expressions of `doc._.gs_times`; `choose_target(doc)` scores them (target.py,
data/scoring.toml) and normalises the winner into a `TargetValue`:

- span: the number with its currency, magnitude, unit and lead/tail words ("by 20%",
  "to under 30 minutes", "at 90% or higher", "from 18% to 25%", "between 6 and 8"), never
  the counted noun ("50 cold calls" -> "50") nor a cadence ("50/day" -> "50"; "three times
  a week" -> "three times", a count). Qualifiers stay: "approx. 40", "~40", "95%+",
  "within ±5%", "22% -> 27%" (an arrow reads as from/to), "₹2 crore", "€1,2 Mio.".
- not targets: phone numbers, self-rated confidence ("(confidence 80%)"), team sizes ("a
  team of 6 SDRs"), bounds that qualify the things counted ("5 logos worth at least $100k
  each"); with several goals in one text, the first goal's target.
- amount: the level or change asked for, magnitudes applied ("$1.2M" -> 1200000, "a dozen"
  -> 12). "from A to B": amount B, baseline A. "between A and B" / "A-B": amount A, upper B.
  "by A to B" ("by 20% to $1.2M"): amount B, the level, relative false.
- ratios and clocks: "4:1" is a multiplier of 4 ("1:40" = 0.025); "9:30 am" and "4:15" of
  handle time read as 9.5 and 4.25 (unit "other"); "8/10" is a score of 8 (a count), "1/3 of"
  a share of 33.3 percent.
- unit: "currency" (currency = ISO code, or null when only "k"/"figures" says it is money:
  "7 figures" = 1,000,000, the smallest 7-figure sum); "percent" (%, percent, pct);
  "percentage_points" (percentage points, pct points, pts, points); "basis_points" (bps,
  basis points); "multiplier" (3x, 3 fold, double = 2, triple = 3, half / halve = 0.5,
  "by a third" = 1/3); "other" for time units ("under 6 minutes", "to 24 months"; the span
  says which); "count" for everything else, "k"/"M" applied ("12k" -> 12000).
- direction: from the numbers themselves first (from 62% to 80% increases; "up", "down to",
  a +/− sign, double/halve), then the governing verb (data/verbs.toml: increase, decrease,
  maintain), then a change word after the number ("25% growth", "5% churn reduction"), then
  the bound ("under", "below" with a neutral verb lowers: decrease); otherwise "reach".
- relative: true for a change ("by 20%", "up 10 pts", "+25%", "double", "by half",
  "grow bookings 20%", "25% growth"), false for a level ("to 25%", "$450k", "50 calls",
  "30% of deals").
"""

from .quantity import Quantity, find_quantities
from .target import choose_target

__all__ = ["Quantity", "choose_target", "find_quantities"]
