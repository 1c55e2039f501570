"""The one distance function: great-circle kilometres on a 6,371 km sphere.

Ranking calls it hundreds of thousands of times per corpus, so it is plain math rather than
geopy's ellipsoidal ``geodesic`` (which dedup used to call; on every output we score the two
agree on which side of a threshold a pair falls).
"""

from __future__ import annotations

import math


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km between two (lat, lon) points."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))
