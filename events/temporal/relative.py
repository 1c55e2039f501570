"""Relative, anaphoric, duration, set and clock expressions.

Deictic expressions ("yesterday", "last week", "two years ago") resolve against
the document creation time; anaphoric ones ("the next day", "a year earlier",
"that same day") against the narrative reference time.
"""

from __future__ import annotations

import datetime as dt
import re

from events.model import Anchor
from events.temporal.anchoring import dct_label, narrative_label, pick_weekday
from events.temporal.calendar import duration_value, month_end, quarter_of, shift, week_value
from events.temporal.finder import Candidate
from events.temporal.lexicon import (
    WEEKDAYS,
    parse_number,
    unit_name,
)
from events.temporal.periods import PeriodNormalizer
from events.temporal.resolved import Resolved

QUARTER_REACH = 1500
SAME_DAY_REACH = 5000  # characters back to the day "the same day" repeats (about a long article)
_APPOSITION = re.compile(r"[^.;]{0,22}?,\s*(?:(?:which|that)\s+(?:was|is|will\s+be)\s*,?\s*(?:\w+\s*,\s*)?)?")
_MONTH_ABBREV = re.compile(r"^(?:[A-Z][a-z]{2,3}\.)")
_GENERIC_TODAY = re.compile(r"(?:'s|\u2019s)\s+(?:world|youth|society|societies|economy|generation|children|"
                            r"young|kids|market|markets|environment|standards|technology|culture|media|politics"
                            r"|consumers?|families|teenagers|students|workers)\b")
PART_CODE = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI"}
_PRESENT = frozenset({"now", "currently", "nowadays", "presently", "the present", "at present",
                      "these days", "current"})
_PAST = frozenset({"recently", "lately", "previously", "formerly", "the past", "recent", "then current", "then-current",
                   "an earlier date"})
_BACKWARD = frozenset({"ago", "earlier", "before", "previously", "back", "prior"})
_DEICTIC_DIRS = frozenset({"ago", "from now", "hence", "back"})



class RelativeNormalizer(PeriodNormalizer):
    """Deictic and anaphoric rules on top of calendar dates and periods."""

    def base(self, narrative: bool) -> tuple[dt.date, Anchor, str] | None:
        """The anchor date: the narrative reference time for anaphora, else dct."""
        dc = self.dc
        if narrative and dc.ref is not None and dc.ref.granularity == "day":
            return dc.ref.date, "narrative", narrative_label(dc.ref.date, dc.ref.label)
        dateline = dc.dateline_date()
        if dateline is not None:  # "Beijing, November 26th—... met here today"
            return dateline, "narrative", f"the paragraph's dateline {dateline.isoformat()}"
        if dc.dct is not None:
            return dc.dct, "document", dct_label(dc.dct)
        if dc.ref is not None:
            return dc.ref.date, "narrative", narrative_label(dc.ref.date, dc.ref.label, dc.ref.granularity)
        return None

    def unit_base(self, unit: str, pos: int, explicit: bool = False) -> tuple[dt.date, Anchor, str] | None:
        """The anchor of an anaphoric unit ("the following month", "a year earlier").

        The narrative time counts when it is at least as fine as the unit ("In March, ... The
        following month"; "In 1995 ... A year earlier"); a day is always fine enough.  An
        ``explicit`` anaphor ("that year", "the following year") takes any narrative year; "a year
        earlier" only one the text wrote close by (news compares "a year earlier" with the report)."""
        dc = self.dc
        ref = dc.ref
        if ref is not None and unit == "month" and ref.granularity == "month":
            return ref.date, "narrative", narrative_label(ref.date, ref.label, ref.granularity)
        if ref is not None and explicit and unit == "year":
            return ref.date, "narrative", narrative_label(ref.date, ref.label, ref.granularity)
        if ref is not None and ref.granularity != "day" and unit in ("year", "decade", "century"):
            # a year or month is the story's time only when the text wrote its year close by and it is
            # not the report's own year (earnings stories compare "a year earlier" with the report)
            close = dc.same_paragraph(ref.pos, pos) and dc.sentence_distance(ref.pos, pos) <= 1
            comparing = dc.last_quarter is not None and pos - dc.last_quarter[2] < QUARTER_REACH
            if ref.explicit_year and close and not comparing and (dc.dct is None or ref.date.year != dc.dct.year):
                return ref.date, "narrative", narrative_label(ref.date, ref.label, ref.granularity)
        return self.base(True)

    def at_granularity(self, d: dt.date, gran: str, c: Candidate, years_back: int = 0) -> str:
        """A date at a unit's granularity; "a year ago" takes the quarter the text compares,
        ``years_back`` years before it (a fourth quarter reported in January is last year's)."""
        lq = self.dc.last_quarter
        if gran == "year" and lq is not None and c.start - lq[2] < QUARTER_REACH and lq[2] > self.dc.last_period_pos:
            now = d.year + years_back
            topic = lq[0] if now - 1 <= lq[0] <= now else now  # an old quarter named in passing is no topic year
            return f"{topic - years_back:04d}-Q{lq[1]}"
        return {"day": d.isoformat(), "week": week_value(d), "weekend": week_value(d) + "-WE",
                "month": d.isoformat()[:7], "quarter": f"{d.year:04d}-Q{quarter_of(d)}",
                "year": f"{d.year:04d}", "decade": f"{d.year // 10:03d}",
                "century": f"{d.year // 100:02d}"}.get(gran, d.isoformat())

    # ---- deictic words ---------------------------------------------------
    def deictic(self, c: Candidate) -> Resolved | None:
        g = c.groups
        word = (g.get("word") or "").lower()
        part = (g.get("part") or "").lower()
        if word == "today" and _GENERIC_TODAY.match(self.dc.text, c.end):
            return None  # "today's youth", "today's world": the present in general, which TimeBank never tags
        b = self.base(False)
        if b is None:
            return self.make(c, "DATE", "XXXX-XX-XX", None, "", calendar=False)
        d0, anchor, how = b
        d = d0 + dt.timedelta(days={"yesterday": -1, "tomorrow": 1}.get(word, 0))
        if word == "tonight" and not part:
            part = "night"  # TimeML: "tonight" is the night of the reference day, a TIME (TNI)
        if part:
            code = PART_CODE.get(part or word, "")
            r = self.make(c, "TIME", f"{d.isoformat()}T{code}", anchor, how, calendar=False)
            r = Resolved(**{**r.__dict__, "calendar": True, "anchor": anchor, "anchored_on": how,
                            "date_start": d, "date_end": d, "precision": "day"})
            return self.remember(r, False)
        return self.remember(self.make(c, "DATE", d.isoformat(), anchor, how), False)

    def part_of_day(self, c: Candidate, part: str = "") -> Resolved | None:
        g = c.groups
        b = self.base(False)
        if b is None:
            return None
        d, anchor, how = b
        part = part or (g.get("part") or "").lower()
        if (g.get("rel") or "").lower() == "last":
            if part != "night":
                return None
            d = d - dt.timedelta(days=1)
        r = self.make(c, "TIME", f"{d.isoformat()}T{PART_CODE[part]}", anchor, how, calendar=False)
        return Resolved(**{**r.__dict__, "calendar": True, "anchor": anchor, "anchored_on": how,
                           "date_start": d, "date_end": d, "precision": "day"})

    def day_part(self, c: Candidate) -> Resolved | None:
        """"mid-afternoon yesterday", "early morning", "overnight", "in the morning": a TIME on the
        day named, else on the narrative day."""
        g = c.groups
        part = "night" if g.get("over") else (g.get("part") or "").lower()
        day = (g.get("day") or "").lower()
        if (g.get("pre") or "").lower().strip() == "the" and re.match(r"\s+of\b", self.dc.text[c.end:c.end + 5]):
            return None  # "the morning of the attack": anchored on an event, not a date
        b = self.base(not day)
        if b is None:
            return None
        d, anchor, how = b
        d = d + dt.timedelta(days={"yesterday": -1, "tomorrow": 1}.get(day, 0))
        r = self.make(c, "TIME", f"{d.isoformat()}T{PART_CODE[part]}", anchor, how, calendar=False)
        if not day:
            return r
        return Resolved(**{**r.__dict__, "calendar": True, "anchor": anchor, "anchored_on": how,
                           "date_start": d, "date_end": d, "precision": "day"})

    def ref(self, c: Candidate) -> Resolved | None:
        w = re.sub(r"\s+", " ", (c.groups.get("word") or "").lower())
        if w in _PRESENT:
            v = "PRESENT_REF"
        elif w in _PAST:
            v = "PAST_REF"
        else:
            v = "FUTURE_REF"
        return self.make(c, "DATE", v, None, "", calendar=False)

    # ---- "last week", "the next day", "that year" ------------------------
    def rel_unit(self, c: Candidate) -> Resolved | None:
        g = c.groups
        rel = re.sub(r"^(?:the|that)\s", "", (g.get("rel") or "").lower()).replace("this past", "last")
        full_rel = (g.get("rel") or "").lower()
        unit = (g.get("unit") or "").lower().replace("fiscal ", "")
        if full_rel == "that":
            rel = "same"
        if unit in ("day", "morning", "afternoon", "evening", "night"):
            return self._rel_day(c, rel, unit, full_rel)
        # "the past year", "the last decade": TimeBank annotates the previous calendar unit (DATE 1997,
        # 198), as for "last year"; only "the next decade/century" is a span ahead (DURATION)
        if rel in ("next", "coming") and full_rel.startswith("the ") and unit in ("decade", "century"):
            return self.make(c, "DURATION", duration_value(1, unit), None, "", calendar=False)  # "over the next decade"
        if rel == "past" and unit in ("decade", "century"):
            return self.make(c, "DURATION", duration_value(1, unit), None, "", calendar=False)  # "the past decade"
        narrative = rel in ("same", "following", "prior", "preceding") or (rel in ("next", "previous") and full_rel.startswith("the "))
        b = self.unit_base(unit, c.start, explicit=True) if narrative else self.base(False)
        if b is None:
            return None
        d, anchor, how = b
        step = {"last": -1, "past": -1, "previous": -1, "prior": -1, "preceding": -1,
                "next": 1, "coming": 1, "following": 1}.get(rel, 0)
        if unit == "week":
            nd = shift(d, weeks=step)
            return self.remember(self.make(c, "DATE", week_value(nd), anchor, how), False)
        if unit == "weekend":
            nd = d + dt.timedelta(days=(6 - d.isoweekday()) % 7 if step >= 0 else 0)
            if step < 0 or (rel == "" and self.dc.tense(c.start, c.end) == "past"):
                nd = d - dt.timedelta(days=(d.isoweekday() + 1) % 7 or 7)
            if step > 0:
                nd = d + dt.timedelta(days=((6 - d.isoweekday()) % 7) or 7)
            return self.make(c, "DATE", week_value(nd) + "-WE", anchor, how)
        if unit == "month":
            nd = shift(d, months=step)
            return self.remember(self.make(c, "DATE", nd.isoformat()[:7], anchor, how), False)
        if unit == "year":
            v = f"{d.year + step:04d}"
            return self.remember(self.make(c, "DATE", v, anchor, how), False)
        if unit == "decade":
            return self.make(c, "DATE", f"{d.year // 10 + step:03d}", anchor, how)
        if unit == "century":
            return self.make(c, "DATE", f"{d.year // 100 + step:02d}", anchor, how)
        return None

    def _rel_day(self, c: Candidate, rel: str, unit: str, full_rel: str) -> Resolved | None:
        if rel in ("last", "past", "current", "coming", "this") and unit == "day":
            return None  # "the last day of ..." is not a date
        if rel in ("last", "this") and unit != "day":
            return self.part_of_day(c, unit) if unit != "night" or rel == "last" else None
        step = {"next": 1, "following": 1, "previous": -1, "prior": -1, "preceding": -1}.get(rel, 0)
        ref = self.dc.ref
        if rel == "same" and unit == "day" and ref is not None and ref.granularity == "month" \
                and self.dc.sentence_distance(ref.pos, c.start) <= 1:
            # "most recently last October ... that same day": a day of the month the narrative is in
            how = narrative_label(ref.date, ref.label, "month")
            r = self.make(c, "DATE", f"{ref.date.isoformat()[:7]}-XX", "narrative", how, calendar=False)
            return Resolved(**{**r.__dict__, "calendar": True, "anchor": "narrative", "anchored_on": how,
                               "date_start": ref.date.replace(day=1),
                               "date_end": month_end(ref.date.year, ref.date.month), "precision": "month"})
        b = self.base(True)
        if rel == "same" and unit == "day" and (ref is None or ref.granularity != "day") and self.dc.day_refs \
                and c.start - self.dc.day_refs[-1][0] < SAME_DAY_REACH:
            # "on December 2 ... this year ... on the same day": the last day the text named
            pos, d0, _ = self.dc.day_refs[-1]
            b = (d0, "narrative", narrative_label(d0, self.dc.text[pos:pos + 20].split(",")[0]))
        if b is None:
            return None
        d, anchor, how = b
        d = d + dt.timedelta(days=step)
        if unit != "day":
            r = self.make(c, "TIME", f"{d.isoformat()}T{PART_CODE[unit]}", anchor, how, calendar=False)
            r = Resolved(**{**r.__dict__, "calendar": True, "anchor": anchor, "anchored_on": how,
                            "date_start": d, "date_end": d, "precision": "day"})
            return self.remember(r, False)
        return self.remember(self.make(c, "DATE", d.isoformat(), anchor, how), False)

    def unit_rel(self, c: Candidate) -> Resolved | None:
        g = c.groups
        unit = (g.get("unit") or "").lower()
        ba = (g.get("ba") or "").lower()
        anchor_words = (g.get("anchor") or "").lower()
        step = -1 if ba == "before" else 1
        b: tuple[dt.date, Anchor, str] | None
        if g.get("awd"):
            # "the day before last Tuesday('s hearing)": the weekday named, then the step
            base = self.base(False)
            if base is None:
                return None
            awrel = (g.get("awrel") or "").strip().lower()
            mode = self.mode_for(c, awrel or None)
            b = (pick_weekday(WEEKDAYS[(g.get("awd") or "").lower()], base[0], mode), base[1], base[2])
        elif anchor_words in ("yesterday", "tomorrow"):
            base = self.base(False)
            if base is None:
                return None
            d0 = base[0] + dt.timedelta(days=-1 if anchor_words == "yesterday" else 1)
            b = (d0, base[1], base[2])
        elif anchor_words:
            app = self._apposition(c)
            if app is not None:
                # "on April 13, which was the day after the visit": the expression is April 13 itself
                d0, label = app
                return self.make(c, "DATE", d0.isoformat(), "narrative", narrative_label(d0, label))
            b = self._event_anchor(c, anchor_words.split()[-1])
        else:
            nxt = self.dc.text[c.end:c.end + 20]
            if re.match(r"\s+(?!yesterday|today|tomorrow|last|this|next)[A-Za-z]", nxt):
                app = self._apposition(c)
                if app is not None:  # "Oct. 12, the day before the stock market plunge": Oct. 12 itself
                    d0, label = app
                    return self.make(c, "DATE", d0.isoformat(), "narrative", narrative_label(d0, label))
                return None  # "the day before the vote", "the day before authorities acted": a signal we cannot anchor
            b = self.base(True)
        if b is None:
            return None
        d, anchor, how = b
        if unit in ("day", "night"):
            nd = d + dt.timedelta(days=step)
            return self.remember(self.make(c, "DATE", nd.isoformat(), anchor, how), False)
        if unit == "week":
            return self.make(c, "DATE", week_value(shift(d, weeks=step)), anchor, how)
        if unit == "month":
            return self.make(c, "DATE", shift(d, months=step).isoformat()[:7], anchor, how)
        return self.make(c, "DATE", f"{d.year + step:04d}", anchor, how)

    def _apposition(self, c: Candidate) -> tuple[dt.date, str] | None:
        """A day date the expression restates: "April 13, (which was,) (incidentally,)? the day after ..."."""
        if not self.dc.day_refs:
            return None
        pos, d0, _ = self.dc.day_refs[-1]
        gap = _MONTH_ABBREV.sub("", self.dc.text[pos:c.start], count=1)  # "Oct. 12, the day ...": the date's own dot
        if c.start - pos > 80 or not _APPOSITION.fullmatch(gap):
            return None
        return d0, self.dc.text[pos:pos + 20].split(",")[0]

    def _event_anchor(self, c: Candidate, noun: str) -> tuple[dt.date, Anchor, str] | None:
        """The date of the latest earlier sentence that tells of the arrival/visit/... named."""
        stem = {"arrival": "arriv", "visit": "visit", "departure": "depart", "meeting": "met",
                "talks": "talk", "summit": "summit", "election": "elect"}.get(noun, noun)
        for pos, d, sent in reversed(self.dc.day_refs):
            if pos < c.start and stem in sent:
                return d, "narrative", f"narrative time {d.isoformat()} (the {noun})"
        return self.base(True)

    # ---- "two years ago", "a day later" ----------------------------------
    def ago(self, c: Candidate) -> Resolved | None:
        g, m = c.groups, c.match
        direction = re.sub(r"\s+", " ", (g.get("dir") or "").lower())
        unit = unit_name(g.get("unit") or "")
        if direction in ("before", "after", "prior", "on"):
            if re.match(r"\s*[A-Za-z0-9]", self.dc.text[c.end:c.end + 3]) or direction == "on":
                # "two days after the vote": the duration is tagged, the signal left out
                end = m.end("half") if g.get("half") else m.end("unit")
                n = parse_number(g.get("num") or "")
                n = (n + 0.5) if (n is not None and g.get("half")) else n
                r = self.make(c, "DURATION", duration_value(n, unit), None, "", calendar=False, end=end)
                return r
        n = parse_number(g.get("num") or "")
        if n is None:
            v = "PAST_REF" if direction in _BACKWARD else "FUTURE_REF"
            r0 = self.make(c, "DATE", v, None, "", calendar=False)
            if direction in ("later", "earlier"):
                r0 = Resolved(**{**r0.__dict__, "timeml": (c.start, m.end("unit"), "DURATION", duration_value(None, unit))})
            return r0
        if g.get("half"):
            n += 0.5
        narrative = direction not in _DEICTIC_DIRS
        b = self.unit_base(unit, c.start) if narrative else self.base(False)
        if b is None:
            return None
        d, anchor, how = b
        sign = -1 if direction in _BACKWARD else 1
        if unit in ("second", "minute", "hour"):
            r = self.make(c, "TIME", f"{d.isoformat()}", anchor, how, calendar=False)
            if direction in ("later", "earlier"):
                end = m.end("half") if g.get("half") else m.end("unit")
                r = Resolved(**{**r.__dict__, "timeml": (c.start, end, "DURATION", duration_value(n, unit))})
            return r
        try:
            nd, gran = self._shifted(d, n, unit, sign)
        except (ValueError, OverflowError):
            # "two thousand decades earlier" lies outside the calendar: only the span is known
            return self.make(c, "DURATION", duration_value(n, unit), None, "", calendar=False, end=m.end("unit"))
        v = self.at_granularity(nd, gran, c, d.year - nd.year) if unit == "year" else {
            "day": nd.isoformat(), "week": week_value(nd), "weekend": week_value(nd) + "-WE",
            "month": nd.isoformat()[:7], "quarter": f"{nd.year:04d}-Q{quarter_of(nd)}",
            "year": f"{nd.year:04d}", "century": f"{nd.year // 100:02d}", "millennium": f"{nd.year // 1000}",
        }.get(gran, nd.isoformat())
        r = self.make(c, "DATE", v, anchor, how)
        if direction in ("later", "earlier") and not (unit == "year" and n == 1):
            end = m.end("half") if g.get("half") else m.end("unit")
            r = Resolved(**{**r.__dict__, "timeml": (c.start, end, "DURATION", duration_value(n, unit))})
        return self.remember(r, False)

    @staticmethod
    def _shifted(d: dt.date, n: float, unit: str, sign: int) -> tuple[dt.date, str]:
        """``d`` moved ``n`` units in direction ``sign``, and the granularity of the result."""
        gran = unit
        if n != int(n):
            months = int(round(n * {"year": 12, "decade": 120}.get(unit, 1)))
            nd = shift(d, months=sign * months) if unit in ("year", "decade") else shift(d, days=sign * int(n * 7))
            gran = "month" if unit in ("year", "decade") else "day"
        else:
            k = int(n)
            nd = {
                "day": lambda: shift(d, days=sign * k), "night": lambda: shift(d, days=sign * k),
                "week": lambda: shift(d, weeks=sign * k), "weekend": lambda: shift(d, weeks=sign * k),
                "fortnight": lambda: shift(d, weeks=sign * 2 * k), "month": lambda: shift(d, months=sign * k),
                "quarter": lambda: shift(d, months=sign * 3 * k), "year": lambda: shift(d, years=sign * k),
                "decade": lambda: shift(d, years=sign * 10 * k), "century": lambda: shift(d, years=sign * 100 * k),
                "millennium": lambda: shift(d, years=sign * 1000 * k),
            }[unit]()
            if unit in ("decade",):
                gran = "year"
            if unit == "night":
                gran = "day"
            if unit == "fortnight":
                gran = "week"
        return nd, gran

    def yearago(self, c: Candidate) -> Resolved | None:
        b = self.base(False)
        if b is None:
            return None
        d, anchor, how = b
        ctx = self._context_quarter(c.start)
        if self.dc.last_quarter is not None and ctx is not None and self.dc.last_quarter[2] > self.dc.last_period_pos:
            return self.make(c, "DATE", f"{ctx[0] - 1:04d}-Q{ctx[1]}", anchor, how)
        return self.make(c, "DATE", f"{d.year - 1:04d}", anchor, how)

    # ---- durations -------------------------------------------------------
    # ---- clock times -----------------------------------------------------
    # ---- sets ------------------------------------------------------------
    # ---- "the weekend", "year-end", "the year", "later in the day" -------
    def the_weekend(self, c: Candidate) -> Resolved | None:
        b = self.base(False)
        if b is None:
            return None
        d, anchor, how = b
        future = self.dc.tense(c.start, c.end) in ("future", "scheduled") or (c.groups.get("the") or "").lower() == "this"
        if future:
            nd = d + dt.timedelta(days=(6 - d.isoweekday()) % 7)
        else:
            nd = d - dt.timedelta(days=(d.isoweekday() + 1) % 7 if d.isoweekday() != 6 else 0)
        return self.make(c, "DATE", week_value(nd) + "-WE", anchor, how)

    def year_end(self, c: Candidate) -> Resolved | None:
        """"year-end", "the end of the year", "the beginning of next year", "the middle of the month":
        the unit named (TimeML gives the edge as a modifier, not in the value)."""
        g = c.groups
        b = self.base(False)
        if b is None:
            return None
        d, anchor, how = b
        unit = (g.get("eunit") or "year").lower()
        rel = (g.get("erel") or "").lower()
        step = {"next": 1, "last": -1}.get(rel, 0)
        if unit == "month":
            return self.make(c, "DATE", shift(d, months=step).isoformat()[:7], anchor, how)
        if unit == "week":  # "by the end of the week"
            return self.make(c, "DATE", week_value(shift(d, weeks=step)), anchor, how)
        if unit == "decade":  # "by the end of the decade": this decade (TimeML "201")
            return self.make(c, "DATE", f"{d.year // 10 + step:03d}", anchor, how)
        if unit == "century":
            return self.make(c, "DATE", f"{d.year // 100 + step:02d}", anchor, how)
        prep = re.search(r"(\w+)\s*$", self.dc.text[max(0, c.start - 12):c.start])
        edge = (g.get("edge") or "end").lower()
        if not step and edge == "end" and prep and prep.group(1).lower() == "since":
            step = -1  # "since year-end": the last one ("since the beginning of the year" is this one)
        return self.make(c, "DATE", f"{d.year + step:04d}", anchor, how)

    def the_year(self, c: Candidate) -> Resolved | None:
        g = c.groups
        after = self.dc.text[c.end:c.end + 12]
        before = self.dc.text[max(0, c.start - 12):c.start].lower()
        if re.match(r"\s(?:ended|ending|to\sdate)\b", after) or re.search(r"\b(?:throughout|during)\s$", before):
            return self.make(c, "DURATION", "P1Y", None, "", calendar=False)
        if re.match(r"\s(?:before|after|earlier|later|in|of|when|that)\b", after) and not g.get("pre"):
            return None  # "the year before", "the year of the dragon": not this year
        full = (g.get("full") or "").lower()
        b = self.base(False)
        if b is None:
            return None
        d, anchor, how = b
        y = d.year - 1 if full.startswith("latest") else d.year
        return self.make(c, "DATE", f"{y:04d}", anchor, how)

    def in_the_day(self, c: Candidate) -> Resolved | None:
        unit = (c.groups.get("unit") or "").lower()
        b = self.base(True)
        if b is None:
            return None
        d, anchor, how = b
        v = {"day": d.isoformat(), "week": week_value(d), "month": d.isoformat()[:7]}[unit]
        return self.make(c, "DATE", v, anchor, how)
