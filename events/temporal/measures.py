"""Durations, sets and clock times: "three days", "every Monday", "10:35 a.m. Friday"."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from events.temporal.anchoring import pick_weekday
from events.temporal.calendar import duration_value, safe_date
from events.temporal.finder import Candidate
from events.temporal.lexicon import MONTHS, SEASONS, UNIT, WEEKDAYS, parse_number, unit_name
from events.temporal.relative import PART_CODE, RelativeNormalizer
from events.temporal.resolved import Resolved

_UNIT_AFTER = re.compile(rf"[\s-]+{UNIT}\b")

SET_ADV = {"daily": "P1D", "nightly": "P1D", "weekly": "P1W", "monthly": "P1M", "yearly": "P1Y",
            "annually": "P1Y", "hourly": "PT1H", "quarterly": "P3M", "biweekly": "P2W",
            "fortnightly": "P2W", "bimonthly": "P2M", "biannually": "P6M", "semiannually": "P6M",
            "semi-annually": "P6M"}


class Normalizer(RelativeNormalizer):
    """All rules: calendar dates, periods, relative expressions, and the durations, sets and times here."""

    def resolve(self, c: Candidate) -> Resolved | None:
        """The candidate's rule, resolved where it stands in the text (a paragraph's own dateline counts)."""
        handler: Callable[[Candidate], Resolved | None] | None = getattr(self, c.rule, None)
        if handler is None:
            return None
        self.dc.cursor = c.start
        return handler(c)

    def duration(self, c: Candidate) -> Resolved | None:
        g = c.groups
        n = parse_number(g.get("num") or "")
        if n is not None and g.get("half"):
            n += 0.5
        unit = g.get("unit") or ""
        rel = (g.get("rel") or "").lower()
        if n is None and rel == "recent":
            return self.make(c, "DATE", "PAST_REF", None, "", calendar=False)  # "the past several quarters"
        if unit_name(unit) == "weekend" and n == 1 and not g.get("rel"):
            return None
        if unit_name(unit) == "night" and n is not None and n == 1 and (g.get("num") or "").lower() in ("a", "an"):
            return None
        if unit_name(unit) in ("month", "year") and (g.get("the") or rel == "first"):
            self.dc.last_period_pos = c.start  # "the nine months", "the first half": a new comparison period
        return self.make(c, "DURATION", duration_value(n, unit), None, "", calendar=False)

    def vague_duration(self, c: Candidate) -> Resolved | None:
        g = c.groups
        unit = g.get("unit") or ""
        if g.get("adj") and not unit.lower().endswith("s"):
            return self.make(c, "DURATION", duration_value(1, unit), None, "", calendar=False)
        rel = (g.get("rel") or g.get("rel2") or "").lower()
        if not unit.lower().endswith("s") and unit.lower() != "centuries":
            return None  # "the past year" is handled by rel_unit
        if rel in ("past", "last"):
            return self.make(c, "DATE", "PAST_REF", None, "", calendar=False)  # "over the past months"
        # "in recent years", "in the coming weeks": TimeBank annotates a vague DURATION (PXY, PXW)
        return self.make(c, "DURATION", duration_value(None, unit), None, "", calendar=False)

    def ahead(self, c: Candidate) -> Resolved | None:
        """ "the weeks ahead": a vague span from now on (TimeBank: DURATION PXW)."""
        return self.make(c, "DURATION", duration_value(None, c.groups.get("unit") or ""), None, "", calendar=False)

    def time(self, c: Candidate) -> Resolved | None:
        g, m = c.groups, c.match
        named = (g.get("named") or "").lower()
        if named:
            hh, mm = (24, 0) if named == "midnight" else (12, 0)
        else:
            hh = int(g.get("h") or g.get("h2") or parse_number(g.get("oc") or "") or 0)
            mm = int(g.get("mi") or g.get("mi2") or 0)
            ampm = (g.get("ampm") or g.get("ampm3") or "").lower().replace(".", "").replace(" ", "")
            if not ampm and g.get("oc") and (g.get("dpart") or "").lower() in ("afternoon", "evening", "night"):
                ampm = "pm"  # "three o'clock yesterday afternoon"
            if ampm == "pm" and hh < 12:
                hh += 12
            if ampm == "am" and hh == 12:
                hh = 0
            if hh > 24 or (ampm and hh > 23) or (g.get("oc") and hh == 0):
                return None
        start = next(m.start(k) for k in ("h", "h2", "named", "oc") if g.get(k))
        day_txt = g.get("day")
        d = self._day_of(c, day_txt) if day_txt else None
        if d is None:
            d = self._clock_day(c)
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

    def _clock_day(self, c: Candidate) -> dt.date | None:
        """The day of a bare clock time: the narrative day when the story has one, else dct.

        A narrative day after dct cannot hold a past-tense clock time ("the session stretched past
        midnight" after "the fiscal year that begins Oct. 1"): then dct."""
        b = self.base(True)
        dct = self.dc.dct
        if b is not None and dct is not None and b[0] > dct and self.dc.tense(c.start, c.end) == "past":
            return dct
        return b[0] if b else None

    def _day_of(self, c: Candidate, words: str) -> dt.date | None:
        w = words.lower().split(",")[0].strip()
        b = self.base(False)
        if w in ("today", "tonight", "yesterday", "tomorrow"):
            return (b[0] + dt.timedelta(days={"yesterday": -1, "tomorrow": 1}.get(w, 0))) if b else None
        if w in WEEKDAYS and b:
            return pick_weekday(WEEKDAYS[w], b[0], self.mode_for(c))
        mm = re.search(r"([A-Za-z]+)\.?\s?(\d{1,2})(?:,\s?(\d{4}))?", words.split(",", 1)[-1] if w in WEEKDAYS else words)
        if mm and mm.group(1).lower() in MONTHS:
            y = int(mm.group(3)) if mm.group(3) else (b[0].year if b else None)
            if y is None:
                return None
            return safe_date(y, MONTHS[mm.group(1).lower()], int(mm.group(2)))
        return None

    def time_in(self, c: Candidate) -> Resolved | None:
        g = c.groups
        hh = int(g.get("h") or 0)
        part = (g.get("part") or "").lower()
        if part in ("afternoon", "evening") and hh < 12:
            hh += 12
        d = self._clock_day(c)
        ds = d.isoformat() if d else "XXXX-XX-XX"
        return self.make(c, "TIME", f"{ds}T{hh:02d}:00", None, "", calendar=False)

    def military(self, c: Candidate) -> Resolved | None:
        g = c.groups
        d = self._clock_day(c)
        ds = d.isoformat() if d else "XXXX-XX-XX"
        return self.make(c, "TIME", f"{ds}T{g.get('hm')}:{g.get('mm')}", None, "", calendar=False)

    def set_adv(self, c: Candidate) -> Resolved | None:
        return self.make(c, "SET", SET_ADV[(c.groups.get("adv") or "").lower()], None, "", calendar=False)

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
        if low in PART_CODE:
            return self.make(c, "SET", f"XXXX-XX-XXT{PART_CODE[low]}", None, "", calendar=False)
        n = parse_number(g.get("num") or "1") or 1
        if re.search(r"\bother\s", c.text, re.IGNORECASE):
            n *= 2  # "every other week": every second one
        return self.make(c, "SET", duration_value(n, unit), None, "", calendar=False)

    def set_freq(self, c: Candidate) -> Resolved | None:
        return self.make(c, "SET", duration_value(1, c.groups.get("unit") or ""), None, "", calendar=False)

    def set_per(self, c: Candidate) -> Resolved | None:
        return self.make(c, "SET", duration_value(1, c.groups.get("unit") or ""), None, "", calendar=False)

    def spelled_year(self, c: Candidate) -> Resolved | None:
        g = c.groups
        if _UNIT_AFTER.match(self.dc.text, c.end):
            return None  # "two thousand years old": a count of units, not a year
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
        if g.get("smon"):  # "January nineteen ninety-seven"
            v = f"{y:04d}-{MONTHS[(g.get('smon') or '').lower().rstrip('.')]:02d}"
        elif g.get("sseason"):  # "the winter of nineteen ninety-four"
            v = f"{y:04d}-{SEASONS[(g.get('sseason') or '').lower()]}"
        else:
            v = f"{y:04d}"
        return self.remember(self.make(c, "DATE", v, "explicit", "explicit year"), True)
