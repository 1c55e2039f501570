"""Quarters, halves and reporting periods ("the third quarter", "the year-ago period", "Q3 2013").

Financial news talks about one quarter at a time: the last quarter named is the context for
"the quarter", "the latest period" and "a year ago"; "the quarter ended Sept. 30" names its own.
"""

from __future__ import annotations

import re

from events.model import Anchor
from events.temporal.anchoring import dct_label
from events.temporal.calendar import quarter_of
from events.temporal.finder import Candidate
from events.temporal.lexicon import MONTH, ORDINALS, YEAR4, month_number
from events.temporal.normalize import DateNormalizer
from events.temporal.resolved import Resolved

_ENDED = re.compile(rf"\s(?:that\s|which\s)?(?:ended|ending|ends|closed)\s(?:on\s)?(?P<mon>{MONTH})\s?\d{{1,2}}"
                    rf"(?:,\s?(?P<year>{YEAR4}))?")


def _quarter_ending(year: int, month: int) -> tuple[int, int]:
    """The calendar quarter a three-month period ending in ``month`` mostly covers: that of its
    middle month ("the quarter ended July 31" is May-July, mostly the second quarter)."""
    middle = month - 1 or 12
    return (year - 1 if middle == 12 and month == 1 else year), (middle - 1) // 3 + 1


QUARTER_TOPIC_REACH = 1500  # characters: an earnings story's topic quarter holds this far


class PeriodNormalizer(DateNormalizer):
    """Handlers for quarters and halves, on top of the calendar dates."""

    def _ended(self, pos: int) -> tuple[int, int] | None:
        """(year, month) of "... ended Sept. 30" right after a period expression."""
        m = _ENDED.match(self.dc.text, pos)
        if not m:
            return None
        mon = month_number(m.group("mon"))
        if m.group("year"):
            return int(m.group("year")), mon
        dct = self.dc.dct
        if dct is None:
            return None
        return (dct.year if mon <= dct.month else dct.year - 1), mon

    def quarter(self, c: Candidate) -> Resolved | None:
        g = c.groups
        dc = self.dc
        ordw = re.sub(r"\s+", " ", (g.get("ord") or "").lower()).replace("most recent", "recent")
        unit = (g.get("unit") or "").lower()
        ytxt = (g.get("year") or g.get("yq") or g.get("year3") or "").lower()
        back = 1 if (g.get("ya") or g.get("ago") or ordw in ("year-ago", "year-earlier")) else 0
        if ordw in ("comparable", "corresponding", "same") and (g.get("ya") is None) and not g.get("ago"):
            back = 1 if ordw in ("comparable", "corresponding") else 0
        year: int | None
        anchor: Anchor = "document"
        how = dct_label(dc.dct) if dc.dct else ""
        if re.fullmatch(r"\d{4}", ytxt):
            year, anchor, how = int(ytxt), "explicit", "explicit year"
        elif ytxt:
            year = self._rel_year(ytxt.split()[0])
        else:
            year = dc.dct.year if dc.dct else None
        if unit == "half":
            n = ORDINALS.get(ordw) if ordw not in ("last", "final") else 2
            if n not in (1, 2):
                return None
            ystr = f"{year - back:04d}" if year is not None else "XXXX"
            return self.make(c, "DATE", f"{ystr}-H{n}", anchor, how)
        ended = self._ended(c.end)
        ctx = self._context_quarter(c.start)
        q: int
        if ordw in ("june", "september", "december", "march"):
            q = (month_number(ordw) - 1) // 3 + 1
            if not ytxt and ended is None and ctx is not None:
                year = ctx[0] if ctx[1] >= q else ctx[0] - 1
        elif ordw in ORDINALS and (ordw != "last" or ytxt):
            q = ORDINALS[ordw]
            if q > 4:
                return None
            if not ytxt and ended is None and year is not None and dc.dct is not None \
                    and (year, q) > (dc.dct.year, quarter_of(dc.dct)) and dc.tense(c.start, c.end) == "past":
                year -= 1  # "profits fell in the fourth quarter" said in January: last year's, already reported
        elif ended is not None:
            year, q = _quarter_ending(*ended)
        elif ordw == "current" and dc.dct is not None:
            year, q = dc.dct.year, quarter_of(dc.dct)
        elif ordw in ("latest", "recent", "past", "last", "same", "fiscal", "year-ago", "year-earlier",
                      "comparable", "corresponding"):
            if ctx is None:
                return None
            year, q = ctx
        elif ordw == "previous" and ctx is not None:
            year, q = (ctx[0], ctx[1] - 1) if ctx[1] > 1 else (ctx[0] - 1, 4)
        else:
            return None
        if unit == "period" and (ordw in ORDINALS or (self.dc.last_quarter is None and self.dc.last_period_pos < 0
                                                       and ended is None)):
            return None  # "during this same period" is a quarter only where the text reports periods
        if year is not None and not back:
            self._note_quarter(year, q, c.start, ended is not None)
        ystr = f"{year - back:04d}" if year is not None else "XXXX"
        return self.make(c, "DATE", f"{ystr}-Q{q}", anchor, how)

    def quarter_year(self, c: Candidate) -> Resolved | None:
        g = c.groups
        year = int(g.get("yq") or 0)
        unit = (g.get("unit") or "").lower()
        ctx = self._context_quarter(c.start)
        if unit == "half" or ctx is None:
            return self.make(c, "DATE", f"{year:04d}", "explicit", "explicit year")
        return self.make(c, "DATE", f"{year:04d}-Q{ctx[1]}", "explicit", "explicit year")

    def _note_quarter(self, year: int, q: int, pos: int, ended: bool) -> None:
        """Make a named quarter the one the text compares ("a year ago", "the latest period").

        A quarter not yet over at publication ("fourth-quarter results are expected to ...") is
        a forecast, not the reported period; and the first reported quarter stays the topic of an
        earnings story ("... compared with a flat second quarter") unless a later one is named
        with its end date ("the quarter ended Sept. 30")."""
        dc = self.dc
        if dc.dct is not None and not ended:
            now = (dc.dct.year, quarter_of(dc.dct))
            if (year, q) > now or ((year, q) == now and dc.tense(pos, pos + 1) != "past"):
                return
        if dc.last_quarter is not None and not ended and pos - dc.last_quarter[2] < QUARTER_TOPIC_REACH \
                and dc.last_quarter[:2] != (year, q):
            return
        dc.last_quarter = (year, q, pos)  # named again, the topic quarter is the one compared from here on

    def _context_quarter(self, pos: int) -> tuple[int, int] | None:
        """The quarter the text is talking about: the last one named, else the last one completed."""
        dc = self.dc
        if dc.last_quarter is not None:
            return dc.last_quarter[0], dc.last_quarter[1]
        if dc.dct is None:
            return None
        q = quarter_of(dc.dct) - 1
        return (dc.dct.year, q) if q else (dc.dct.year - 1, 4)

    def quarter_q(self, c: Candidate) -> Resolved | None:
        g = c.groups
        q = g.get("q") or ""
        if g.get("year"):
            year: int | None = int(g["year"] or 0)
            anchor: Anchor = "explicit"
            how = "explicit year"
        else:
            year = self.dc.dct.year if self.dc.dct else None
            anchor, how = "document", dct_label(self.dc.dct) if self.dc.dct else ""
        ystr = f"{year:04d}" if year is not None else "XXXX"
        return self.make(c, "DATE", f"{ystr}-{q}", anchor, how)

    def the_quarter(self, c: Candidate) -> Resolved | None:
        g = c.groups
        dc = self.dc
        ended = self._ended(c.end)
        if (g.get("unit") or "") == "period":
            if ended is None and (dc.last_quarter is None or c.start - dc.last_quarter[2] > 600):
                return None
        if ended is not None:
            y, q = _quarter_ending(*ended)
            if (g.get("unit") or "") == "quarter":
                self._note_quarter(y, q, c.start, True)
        else:
            ctx = self._context_quarter(c.start)
            if ctx is None:
                return None
            y, q = ctx
        if g.get("ago"):
            y -= 1
        how = dct_label(dc.dct) if dc.dct else ""
        return self.make(c, "DATE", f"{y:04d}-Q{q}", "document", how)
