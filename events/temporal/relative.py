"""Relative, anaphoric, duration, set and clock expressions.

Deictic expressions ("yesterday", "last week", "two years ago") resolve against
the document creation time; anaphoric ones ("the next day", "a year earlier",
"that same day") against the narrative reference time.
"""

from __future__ import annotations

import datetime as dt
import re

from events.model import Anchor
from events.temporal.anchoring import dct_label, narrative_label
from events.temporal.calendar import quarter_of, shift, week_value
from events.temporal.finder import Candidate
from events.temporal.lexicon import (
    MONTHS,
    SEASONS,
    UNITS,
    WEEKDAYS,
    parse_number,
    unit_name,
)
from events.temporal.normalize import DateNormalizer
from events.temporal.resolved import Resolved

QUARTER_REACH = 1500
_APPOSITION = re.compile(r"[^.;]{0,22}?,\s*(?:(?:which|that)\s+(?:was|is|will\s+be)\s*,?\s*(?:\w+\s*,\s*)?)?")
_PART_CODE = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI"}
_PRESENT = frozenset({"now", "currently", "nowadays", "presently", "the present", "at present",
                      "these days", "current"})
_PAST = frozenset({"recently", "lately", "previously", "formerly", "the past", "recent"})
_BACKWARD = frozenset({"ago", "earlier", "before", "previously", "back", "prior"})
_DEICTIC_DIRS = frozenset({"ago", "from now", "hence", "back"})
_SET_ADV = {"daily": "P1D", "nightly": "P1D", "weekly": "P1W", "monthly": "P1M", "yearly": "P1Y",
            "annually": "P1Y", "hourly": "PT1H", "quarterly": "P3M", "biweekly": "P2W",
            "fortnightly": "P2W", "bimonthly": "P2M", "biannually": "P6M", "semiannually": "P6M",
            "semi-annually": "P6M"}


def duration_value(n: float | None, unit: str) -> str:
    """TimeML duration: (2, 'year') -> 'P2Y', (1.5, 'hour') -> 'PT1H30M', (None, 'week') -> 'PXW'."""
    u = unit_name(unit)
    if u == "decade":
        return "PXDE" if n is None else duration_value(n * 10, "year")
    if u == "century":
        return "PXCE" if n is None else duration_value(n * 100, "year")
    if u == "millennium":
        return "PXML" if n is None else duration_value(n * 1000, "year")
    if u == "fortnight":
        return "PXW" if n is None else duration_value(n * 2, "week")
    if u == "weekend":
        return "PXWE" if n is None else f"P{int(n * 2)}D"
    letter = UNITS.get(u, "X")
    t = "T" if u in ("second", "minute", "hour") else ""
    if n is None:
        return f"P{t}X{letter}"
    whole, frac = int(n), n - int(n)
    if frac == 0:
        return f"P{t}{whole}{letter}"
    smaller = {"year": (12, "M", ""), "month": (30, "D", ""), "week": (7, "D", ""), "day": (12, "H", "T"),
               "hour": (30, "M", ""), "minute": (30, "S", "")}.get(u)
    if smaller is None:
        return f"P{t}{n:g}{letter}"
    mult, letter2, t2 = smaller
    extra = int(round(frac * (mult if letter2 != "M" or u == "year" else 60)))
    if u == "year":
        extra = int(round(frac * 12))
    if u == "hour":
        extra = int(round(frac * 60))
    if u == "minute":
        extra = int(round(frac * 60))
    if u == "day":
        extra = int(round(frac * 24))
    head = f"P{t}{whole}{letter}" if whole else f"P{t}"
    if t2 and not t:
        return f"{head}T{extra}{letter2}"
    return f"{head}{extra}{letter2}"


class Normalizer(DateNormalizer):
    """All rules: calendar ones from ``DateNormalizer`` plus the relative ones here."""

    def base(self, narrative: bool) -> tuple[dt.date, Anchor, str] | None:
        """The anchor date: the narrative reference time for anaphora, else dct."""
        dc = self.dc
        if narrative and dc.ref is not None and dc.ref.granularity == "day":
            return dc.ref.date, "narrative", narrative_label(dc.ref.date, dc.ref.label)
        if dc.dct is not None:
            return dc.dct, "document", dct_label(dc.dct)
        if dc.ref is not None:
            return dc.ref.date, "narrative", narrative_label(dc.ref.date, dc.ref.label, dc.ref.granularity)
        return None

    def at_granularity(self, d: dt.date, gran: str, c: Candidate) -> str:
        if gran == "year" and self.dc.last_quarter is not None and c.start - self.dc.last_quarter[2] < QUARTER_REACH:
            return f"{d.year:04d}-Q{self.dc.last_quarter[1]}"
        return {"day": d.isoformat(), "week": week_value(d), "weekend": week_value(d) + "-WE",
                "month": d.isoformat()[:7], "quarter": f"{d.year:04d}-Q{quarter_of(d)}",
                "year": f"{d.year:04d}", "decade": f"{d.year // 10:03d}",
                "century": f"{d.year // 100:02d}"}.get(gran, d.isoformat())

    # ---- deictic words ---------------------------------------------------
    def deictic(self, c: Candidate) -> Resolved | None:
        g = c.groups
        word = (g.get("word") or "").lower()
        part = (g.get("part") or "").lower()
        b = self.base(False)
        if b is None:
            return self.make(c, "DATE", "XXXX-XX-XX", None, "", calendar=False)
        d0, anchor, how = b
        d = d0 + dt.timedelta(days={"yesterday": -1, "tomorrow": 1}.get(word, 0))
        if part:
            code = _PART_CODE.get(part or word, "")
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
        r = self.make(c, "TIME", f"{d.isoformat()}T{_PART_CODE[part]}", anchor, how, calendar=False)
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
        if rel in ("past", "last") and full_rel.startswith("the ") and unit in ("year", "decade", "century", "month", "week"):
            return self.make(c, "DURATION", duration_value(1, unit), None, "", calendar=False)
        if rel == "past" and unit in ("decade", "century"):
            return self.make(c, "DURATION", duration_value(1, unit), None, "", calendar=False)
        narrative = rel in ("same", "following", "prior", "preceding") or (rel in ("next", "previous") and full_rel.startswith("the "))
        b = self.base(narrative) if not (narrative and unit == "year" and self.dc.ref is not None) else (
            self.dc.ref.date, "narrative", narrative_label(self.dc.ref.date, self.dc.ref.label, self.dc.ref.granularity))
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
        b = self.base(True)
        if b is None:
            return None
        d, anchor, how = b
        d = d + dt.timedelta(days=step)
        if unit != "day":
            r = self.make(c, "TIME", f"{d.isoformat()}T{_PART_CODE[unit]}", anchor, how, calendar=False)
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
        if anchor_words in ("yesterday", "tomorrow"):
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
            if re.match(r"\s+(?:the|a|an|his|her|their|its|he|she|they|it|we|i)\b", nxt):
                return None  # "the day before the vote": a signal we cannot anchor
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
        gap = self.dc.text[pos:c.start]
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
            return self.make(c, "DATE", v, None, "", calendar=False)
        if g.get("half"):
            n += 0.5
        narrative = direction not in _DEICTIC_DIRS
        b = self.base(narrative)
        if b is None:
            return None
        d, anchor, how = b
        sign = -1 if direction in _BACKWARD else 1
        if unit in ("second", "minute", "hour"):
            return self.make(c, "TIME", f"{d.isoformat()}", anchor, how, calendar=False)
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
        v = self.at_granularity(nd, gran, c) if unit == "year" else {
            "day": nd.isoformat(), "week": week_value(nd), "weekend": week_value(nd) + "-WE",
            "month": nd.isoformat()[:7], "quarter": f"{nd.year:04d}-Q{quarter_of(nd)}",
            "year": f"{nd.year:04d}", "century": f"{nd.year // 100:02d}", "millennium": f"{nd.year // 1000}",
        }.get(gran, nd.isoformat())
        return self.remember(self.make(c, "DATE", v, anchor, how), False)

    def yearago(self, c: Candidate) -> Resolved | None:
        b = self.base(False)
        if b is None:
            return None
        d, anchor, how = b
        ctx = self._context_quarter(c.start)
        if self.dc.last_quarter is not None and ctx is not None:
            return self.make(c, "DATE", f"{ctx[0] - 1:04d}-Q{ctx[1]}", anchor, how)
        return self.make(c, "DATE", f"{d.year - 1:04d}", anchor, how)

    # ---- durations -------------------------------------------------------
    def duration(self, c: Candidate) -> Resolved | None:
        g = c.groups
        n = parse_number(g.get("num") or "")
        if n is not None and g.get("half"):
            n += 0.5
        unit = g.get("unit") or ""
        rel = (g.get("rel") or "").lower()
        if n is None and rel in ("past", "last", "recent", "previous", "preceding"):
            return self.make(c, "DATE", "PAST_REF", None, "", calendar=False)  # "the past several quarters"
        if unit_name(unit) == "weekend" and n == 1 and not g.get("rel"):
            return None
        if unit_name(unit) == "night" and n is not None and n == 1 and (g.get("num") or "").lower() in ("a", "an"):
            return None
        return self.make(c, "DURATION", duration_value(n, unit), None, "", calendar=False)

    def vague_duration(self, c: Candidate) -> Resolved | None:
        g = c.groups
        unit = g.get("unit") or ""
        if g.get("adj") and not unit.lower().endswith("s"):
            return self.make(c, "DURATION", duration_value(1, unit), None, "", calendar=False)
        rel = (g.get("rel") or g.get("rel2") or "").lower()
        if not unit.lower().endswith("s") and unit.lower() != "centuries":
            return None  # "the past year" is handled by rel_unit
        if rel in ("recent", "past", "last"):
            return self.make(c, "DATE", "PAST_REF", None, "", calendar=False)  # "in recent years"
        if rel == "coming":
            return self.make(c, "DATE", "FUTURE_REF", None, "", calendar=False)
        return self.make(c, "DURATION", duration_value(None, unit), None, "", calendar=False)

    # ---- clock times -----------------------------------------------------
    def time(self, c: Candidate) -> Resolved | None:
        g, m = c.groups, c.match
        named = (g.get("named") or "").lower()
        if named:
            hh, mm = (24, 0) if named == "midnight" else (12, 0)
        else:
            hh = int(g.get("h") or g.get("h2") or 0)
            mm = int(g.get("mi") or g.get("mi2") or 0)
            ampm = (g.get("ampm") or "").lower().replace(".", "").replace(" ", "")
            if ampm == "pm" and hh < 12:
                hh += 12
            if ampm == "am" and hh == 12:
                hh = 0
            if hh > 24 or (ampm and hh > 23):
                return None
        start = m.start("h") if g.get("h") else m.start("h2") if g.get("h2") else m.start("named")
        day_txt = g.get("day")
        d = self._day_of(c, day_txt) if day_txt else None
        if d is None:
            b = self.base(True)
            d = b[0] if b else None
        ds = d.isoformat() if d else "XXXX-XX-XX"
        v = f"{ds}T{hh:02d}:{mm:02d}"
        r = self.make(c, "TIME", v, None, "", calendar=False)
        r = Resolved(**{**r.__dict__, "start": start, "text": self.dc.text[start:c.end]})
        if day_txt and d is not None:
            # "10 a.m. Friday" names a day: the pipeline gets the day (a clock time alone does not)
            b = self.base(False)
            how = b[2] if b else ""
            r = Resolved(**{**r.__dict__, "calendar": True, "date_start": d, "date_end": d, "precision": "day",
                            "anchor": "explicit" if re.search(r"\d{4}", day_txt) else (b[1] if b else "narrative"),
                            "anchored_on": how})
        return r

    def _day_of(self, c: Candidate, words: str) -> dt.date | None:
        w = words.lower().split(",")[0].strip()
        b = self.base(False)
        if w in ("today", "tonight", "yesterday", "tomorrow"):
            return (b[0] + dt.timedelta(days={"yesterday": -1, "tomorrow": 1}.get(w, 0))) if b else None
        if w in WEEKDAYS and b:
            from events.temporal.anchoring import pick_weekday
            return pick_weekday(WEEKDAYS[w], b[0], self.mode_for(c))
        mm = re.search(r"([A-Za-z]+)\.?\s?(\d{1,2})(?:,\s?(\d{4}))?", words.split(",", 1)[-1] if w in WEEKDAYS else words)
        if mm and mm.group(1).lower() in MONTHS:
            y = int(mm.group(3)) if mm.group(3) else (b[0].year if b else None)
            if y is None:
                return None
            try:
                return dt.date(y, MONTHS[mm.group(1).lower()], int(mm.group(2)))
            except ValueError:
                return None
        return None

    def time_in(self, c: Candidate) -> Resolved | None:
        g = c.groups
        hh = int(g.get("h") or 0)
        part = (g.get("part") or "").lower()
        if part in ("afternoon", "evening") and hh < 12:
            hh += 12
        b = self.base(True)
        ds = b[0].isoformat() if b else "XXXX-XX-XX"
        return self.make(c, "TIME", f"{ds}T{hh:02d}:00", None, "", calendar=False)

    def military(self, c: Candidate) -> Resolved | None:
        g = c.groups
        b = self.base(True)
        ds = b[0].isoformat() if b else "XXXX-XX-XX"
        return self.make(c, "TIME", f"{ds}T{g.get('hm')}:{g.get('mm')}", None, "", calendar=False)

    # ---- sets ------------------------------------------------------------
    def set_adv(self, c: Candidate) -> Resolved | None:
        return self.make(c, "SET", _SET_ADV[(c.groups.get("adv") or "").lower()], None, "", calendar=False)

    def set_every(self, c: Candidate) -> Resolved | None:
        g = c.groups
        unit = g.get("unit") or ""
        low = unit.lower().rstrip(".")
        if low in WEEKDAYS:
            return self.make(c, "SET", f"XXXX-WXX-{WEEKDAYS[low]}", None, "", calendar=False)
        if low in MONTHS:
            return self.make(c, "SET", f"XXXX-{MONTHS[low]:02d}", None, "", calendar=False)
        if low in SEASONS:
            return self.make(c, "SET", f"XXXX-{SEASONS[low]}", None, "", calendar=False)
        if low in _PART_CODE:
            return self.make(c, "SET", f"XXXX-XX-XXT{_PART_CODE[low]}", None, "", calendar=False)
        n = parse_number(g.get("num") or "1") or 1
        return self.make(c, "SET", duration_value(n, unit), None, "", calendar=False)

    def set_freq(self, c: Candidate) -> Resolved | None:
        return self.make(c, "SET", duration_value(1, c.groups.get("unit") or ""), None, "", calendar=False)

    # ---- "the weekend", "year-end", "the year", "later in the day" -------
    def the_weekend(self, c: Candidate) -> Resolved | None:
        b = self.base(False)
        if b is None:
            return None
        d, anchor, how = b
        future = self.dc.tense(c.start, c.end) == "future" or (c.groups.get("the") or "").lower() == "this"
        if future:
            nd = d + dt.timedelta(days=(6 - d.isoweekday()) % 7)
        else:
            nd = d - dt.timedelta(days=(d.isoweekday() + 1) % 7 if d.isoweekday() != 6 else 0)
        return self.make(c, "DATE", week_value(nd) + "-WE", anchor, how)

    def year_end(self, c: Candidate) -> Resolved | None:
        w = (c.groups.get("w") or "").lower()
        b = self.base(False)
        if b is None:
            return None
        d, anchor, how = b
        if "month" in w:
            return self.make(c, "DATE", d.isoformat()[:7], anchor, how)
        prep = re.search(r"(\w+)\s*$", self.dc.text[max(0, c.start - 12):c.start])
        y = d.year - 1 if prep and prep.group(1).lower() == "since" else d.year
        return self.make(c, "DATE", f"{y:04d}", anchor, how)

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

    def set_per(self, c: Candidate) -> Resolved | None:
        return self.make(c, "SET", duration_value(1, c.groups.get("unit") or ""), None, "", calendar=False)

    def spelled_year(self, c: Candidate) -> Resolved | None:
        g = c.groups
        if g.get("c"):
            century = 19 if (g.get("c") or "").lower() == "nineteen" else 20
            rest = (g.get("y") or "").lower().replace("-", " ")
            if rest == "hundred":
                yy = 0
            else:
                words = rest.replace("oh ", "").split()
                yy = sum(int(parse_number(w) or 0) for w in words)
            y = century * 100 + yy
        else:
            y = 2000 + int(parse_number(g.get("y2") or "") or 0)
        return self.remember(self.make(c, "DATE", f"{y:04d}", "explicit", "explicit year"), True)
