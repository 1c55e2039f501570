"""Time: find, anchor and normalise temporal expressions; the publication-date ladder.

The public API (what the pipeline, the CLI and the tests use):

- ``tag``, ``resolve_dates``, ``resolve`` — the TIMEX3 engine (``tagger.py``);
- ``find_publication_date``, ``infer_dct``, ``publication_date``, ``article_dates`` — the
  publication-date ladder (``pubdate.py``).

The other modules are the engine's parts (finder, gate, normalize, anchoring, calendar, …).
"""

from events.temporal.pubdate import article_dates, find_publication_date, infer_dct, publication_date
from events.temporal.tagger import resolve, resolve_dates, tag

__all__ = ["tag", "resolve_dates", "resolve", "find_publication_date", "infer_dct", "publication_date",
           "article_dates"]
