"""Build the offline basemap ``geodata/world_110m.geojson`` from Natural Earth.

Source: the npm package ``world-atlas`` (TopoJSON built from Natural Earth,
public domain). Run once, commit the result; the app never downloads anything::

    cd /tmp && npm pack world-atlas && tar xzf world-atlas-*.tgz
    python geodata/build_basemap.py /tmp/package/countries-110m.json

TopoJSON stores shared borders once as delta-encoded, quantized "arcs"; a
polygon ring is a list of arc indices (a negative index ``~i`` means arc ``i``
reversed). Decoding is small enough to do here without a dependency.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import pycountry

OUT = Path(__file__).resolve().parent / "world_110m.geojson"


def decode_arcs(topology: dict[str, Any]) -> list[list[tuple[float, float]]]:
    """Absolute (lon, lat) coordinates of every arc."""
    transform = topology.get("transform")
    arcs: list[list[tuple[float, float]]] = []
    for arc in topology["arcs"]:
        points: list[tuple[float, float]] = []
        x = y = 0
        for position in arc:
            if transform:
                x += position[0]
                y += position[1]
                (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
                points.append((x * sx + tx, y * sy + ty))
            else:
                points.append((float(position[0]), float(position[1])))
        arcs.append(points)
    return arcs


def _ring(indices: list[int], arcs: list[list[tuple[float, float]]], digits: int) -> list[list[float]]:
    ring: list[tuple[float, float]] = []
    for index in indices:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        # consecutive arcs share their joining point: drop the duplicate
        ring.extend(arc if not ring else arc[1:])
    return [[round(x, digits), round(y, digits)] for x, y in ring]


def unwrap_ring(ring: list[list[float]]) -> list[list[float]]:
    """Make a ring continuous across the antimeridian (longitudes may leave [-180, 180])."""
    out = [ring[0][:]]
    shift = 0.0
    for (x0, _), (x1, y1) in zip(ring, ring[1:], strict=False):
        if x1 - x0 > 180:
            shift -= 360
        elif x0 - x1 > 180:
            shift += 360
        out.append([round(x1 + shift, 2), y1])
    return out


def clip_ring(ring: list[list[float]], limit: float, keep_below: bool) -> list[list[float]]:
    """Sutherland–Hodgman clip of a ring against the vertical line ``x = limit``."""
    def inside(p: list[float]) -> bool:
        return p[0] <= limit if keep_below else p[0] >= limit

    def cross(p: list[float], q: list[float]) -> list[float]:
        t = (limit - p[0]) / (q[0] - p[0])
        return [limit, round(p[1] + t * (q[1] - p[1]), 2)]

    out: list[list[float]] = []
    for i, current in enumerate(ring):
        previous = ring[i - 1]
        if inside(current):
            if not inside(previous):
                out.append(cross(previous, current))
            out.append(current)
        elif inside(previous):
            out.append(cross(previous, current))
    if out and out[0] != out[-1]:
        out.append(out[0][:])
    return out if len(out) >= 4 else []


def split_antimeridian(polygon: list[list[list[float]]]) -> list[list[list[list[float]]]]:
    """A polygon crossing the antimeridian is cut there into a west and an east part,
    so flat maps draw it at both edges instead of as a streak across the world."""
    rings = [unwrap_ring(r) for r in polygon]
    xs = [x for r in rings for x, _ in r]
    if min(xs) >= -180 and max(xs) <= 180:
        return [polygon]
    edge, shift = (180.0, -360.0) if max(xs) > 180 else (-180.0, 360.0)
    parts = []
    for keep_below in (True, False):
        inside_edge = keep_below if edge == 180.0 else not keep_below
        clipped = [clip_ring(r, edge, keep_below) for r in rings]
        clipped = [r for r in clipped if r]
        if not clipped:
            continue
        if not inside_edge:
            clipped = [[[round(x + shift, 2), y] for x, y in r] for r in clipped]
        parts.append(clipped)
    return parts


def _iso3(numeric_id: str | None) -> str:
    if not numeric_id:
        return ""
    country = pycountry.countries.get(numeric=str(numeric_id).zfill(3))
    return country.alpha_3 if country else ""


def topology_to_geojson(topology: dict[str, Any], layer: str = "countries", digits: int = 2) -> dict[str, Any]:
    """Convert one object of a TopoJSON topology into a GeoJSON FeatureCollection."""
    arcs = decode_arcs(topology)
    features: list[dict[str, Any]] = []
    for geom in topology["objects"][layer]["geometries"]:
        kind = geom.get("type")
        if kind == "Polygon":
            polygons = [[_ring(r, arcs, digits) for r in geom["arcs"]]]
        elif kind == "MultiPolygon":
            polygons = [[_ring(r, arcs, digits) for r in poly] for poly in geom["arcs"]]
        else:
            continue  # null geometries (no territory at this scale)
        props = dict(geom.get("properties") or {})
        props["iso3"] = _iso3(geom.get("id"))
        if props["iso3"] == "ATA":
            continue  # a ring around the pole: no flat-map outline, and no events happen there
        parts = [part for polygon in polygons for part in split_antimeridian(polygon)]
        features.append({"type": "Feature", "properties": props,
                         "geometry": {"type": "MultiPolygon", "coordinates": parts}})
    return {"type": "FeatureCollection", "features": features}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("topojson", type=Path, help="countries-110m.json from the world-atlas npm package")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    if not args.topojson.exists():
        print(f"no such file: {args.topojson} (run `npm pack world-atlas` first)", file=sys.stderr)
        return 2
    geo = topology_to_geojson(json.loads(args.topojson.read_text(encoding="utf-8")))
    args.out.write_text(json.dumps(geo, separators=(",", ":")), encoding="utf-8")
    print(f"wrote {args.out} ({len(geo['features'])} countries, {args.out.stat().st_size / 1e3:.0f} kB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
