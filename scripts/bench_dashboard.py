"""Benchmark the Explore page's server-side data path on large synthetic stores.

    python scripts/bench_dashboard.py                 # 100k and 1M events
    python scripts/bench_dashboard.py --sizes 100000  # just one size

For each size it builds (or reuses) a synthetic store, loads it once the way the
app does (cached per store version), then times one rerun of Explore after a
filter change — filter, timeline, map, list and summary, including serialising
what Streamlit would send — and reports the bytes that would go to the browser.
Targets: <= 0.5 s at 100k, <= 2 s at 1M, < 20 MB sent at 1M.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import sys
import time
from pathlib import Path

import polars as pl

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from events.store import Store  # noqa: E402
from tests.support.synthetic import build_store  # noqa: E402
from ui.filters import Filters, apply_filters  # noqa: E402
from ui.frame import data_range, event_table, focus_range, prepare  # noqa: E402
from ui.geo import capitals, load_basemap  # noqa: E402
from ui.mapdeck import build_deck, fit_view  # noqa: E402
from ui.timeline import choose_bucket, timeline_chart  # noqa: E402

SCENARIOS: dict[str, Filters] = {
    "no filter (all events)": Filters(),
    "event type CONSULT/AGREE": Filters(types=("CONSULT", "AGREE")),
    "pair CHN-RUS": Filters(pair=("CHN", "RUS")),
    "text 'kremlin'": Filters(text="kremlin"),
    "actors IND+BRA, 2020 window": Filters(actors=("IND", "BRA"), start=dt.date(2020, 1, 1), end=dt.date(2020, 12, 31)),
}


def _arrow_bytes(frame: pl.DataFrame) -> int:
    sink = io.BytesIO()
    frame.write_ipc_stream(sink)
    return sink.tell()


def explore_rerun(frame: pl.DataFrame, filters: Filters, basemap: dict) -> dict[str, float]:  # type: ignore[type-arg]
    """What pages/explore_page.py computes and sends for one rerun."""
    t0 = time.perf_counter()
    base = apply_filters(frame, filters, window=False)
    bounds = data_range(base) or data_range(frame)
    assert bounds
    bucket = choose_bucket(*bounds)
    window = (filters.start, filters.end) if filters.start and filters.end else None
    view = base if window is None else apply_filters(base, filters)
    located = view.height - view["lat"].null_count()
    view.select((pl.col("src_lat").is_not_null() & pl.col("dst_lat").is_not_null()).sum()).item()
    chart = timeline_chart(base, window, bucket, domain=bounds)
    chart_bytes = len(json.dumps(chart.spec)) + _arrow_bytes(chart.data)
    deck, mode = build_deck(view, basemap, view=fit_view(base))
    focus_range(base)
    deck_bytes = len(deck.to_json())
    table = event_table(view, 500)
    table_bytes = _arrow_bytes(table.drop("event_id"))
    summary = [view.group_by("event_type").len(), view.group_by("place_name").len()]
    summary_bytes = sum(_arrow_bytes(s) for s in summary)
    seconds = time.perf_counter() - t0
    return {"seconds": seconds, "events_in_view": view.height, "located": located, "mode": mode,  # type: ignore[dict-item]
            "sent_mb": (chart_bytes + deck_bytes + table_bytes + summary_bytes) / 1e6,
            "deck_mb": deck_bytes / 1e6, "charts_mb": chart_bytes / 1e6}


def bench(size: int, directory: Path) -> dict[str, object]:
    path = directory / f"bench_{size}.sqlite"
    t0 = time.perf_counter()
    if not path.exists():
        build_store(path, size, per_doc=200, keep_text=False).close()
    built = time.perf_counter() - t0
    store = Store(path)
    t0 = time.perf_counter()
    frame = prepare(store.events_frame(), capitals())
    loaded = time.perf_counter() - t0
    basemap = load_basemap()
    explore_rerun(frame, Filters(), basemap)  # warm-up, like the first page view
    results = {name: explore_rerun(frame, f, basemap) for name, f in SCENARIOS.items()}
    worst = max(r["seconds"] for r in results.values())
    most = max(r["sent_mb"] for r in results.values())
    print(f"\n== {size:,} events  (store built in {built:.1f} s; loaded + prepared once per store version in "
          f"{loaded:.1f} s)")
    for name, r in results.items():
        print(f"  {name:30s} rerun {r['seconds']:.3f} s · {r['events_in_view']:>9,} in view · map {r['mode']:9s}"
              f" · sent {r['sent_mb']:.2f} MB (deck {r['deck_mb']:.2f}, charts {r['charts_mb']:.2f})")
    print(f"  worst rerun {worst:.3f} s · most sent {most:.2f} MB")
    store.close()
    return {"size": size, "worst_seconds": worst, "most_sent_mb": most, "load_seconds": loaded}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--dir", type=Path, default=Path("/tmp/eventscape-bench"))
    args = parser.parse_args(argv)
    args.dir.mkdir(parents=True, exist_ok=True)
    summary = [bench(size, args.dir) for size in args.sizes]
    targets = {100_000: 0.5, 1_000_000: 2.0}
    print("\nsummary:", json.dumps(summary))
    ok = all(s["worst_seconds"] <= targets.get(int(s["size"]), 2.0) for s in summary) and all(
        s["most_sent_mb"] < 20 for s in summary)
    print("targets (<=0.5 s at 100k, <=2 s at 1M, <20 MB sent):", "met" if ok else "NOT met")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
