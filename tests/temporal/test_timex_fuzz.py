"""Random strings of date-like tokens never crash the temporal engine (a seeded, bounded fuzz).

The crashes this kind of input found ("28 and 29 March", "2099 decades earlier") have their own
tests in test_timex_rules.py; this one keeps new rules from adding more.
"""

from __future__ import annotations

import datetime as dt
import random

from events.temporal import infer_dct, resolve_dates, tag

_TOKENS = (
    "the a on in of and or to through until till by since from between - – — , . ; ' 's "
    "1 2 3 12 14 28 29 30 31 0 99 1990 1998 2013 2020 2099 1990s '90s 80s 14th 1st 2nd 21st "
    "March Mar. May June July Sept. Dec. January mid-March early late mid end beginning start middle first half "
    "Monday Tuesday Friday Sundays Monday's morning night evening tonight today yesterday tomorrow "
    "last next this coming past previous following same that week weeks weekend month months year years "
    "quarter quarters decade decades century fiscal FY2013 Q1 H1 ago earlier later before after day days "
    "hour hours a.m. p.m. noon midnight o'clock GMT ET 9:30 12/25 25/12 2013-03-22 every each per daily twice "
    "several few some more than about nearly spring summer fall winter Christmas Easter election "
    "nineteen ninety-seven two thousand now currently recently future former then current year-end year-ago"
).split()
_DCTS = (None, dt.date(2013, 3, 22), dt.date(1998, 2, 17), dt.date(2000, 1, 1), dt.date(2024, 12, 31))


def test_random_date_words_never_crash() -> None:
    rng = random.Random(20261123)
    for i in range(3000):
        text = " ".join(rng.choice(_TOKENS) for _ in range(rng.randint(1, 14)))
        if i % 3 == 0:
            text = text.capitalize()
        dct = _DCTS[i % len(_DCTS)]
        tag(text, dct)
        for span in resolve_dates(text, dct):
            assert span.date_start is None or span.date_end is None or span.date_start <= span.date_end, text
        if dct is None and i % 10 == 0:
            infer_dct(text)
