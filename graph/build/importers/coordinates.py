"""Coordinates: PTV gives ETRS-TM35FIN (EPSG:3067) northing/easting; the graph holds WGS84 (EPSG:4326)."""

from __future__ import annotations

from functools import cache

from pyproj import Transformer


@cache
def _tm35fin_to_wgs84() -> Transformer:
    return Transformer.from_crs("EPSG:3067", "EPSG:4326", always_xy=True)


def to_wgs84(northing: float, easting: float) -> tuple[float, float]:
    """(latitude, longitude) in WGS84 of a TM35FIN point given as PTV gives it (latitude = N, longitude = E)."""
    lon, lat = _tm35fin_to_wgs84().transform(easting, northing)
    return round(lat, 6), round(lon, 6)


def parse_point(latitude: str | None, longitude: str | None) -> tuple[float, float] | None:
    """A PTV coordinate pair as WGS84, or None when missing or outside Finland's TM35FIN extent."""
    try:
        north, east = float(str(latitude).replace(",", ".")), float(str(longitude).replace(",", "."))
    except ValueError:
        return None
    if not (6_600_000 <= north <= 7_800_000 and 50_000 <= east <= 760_000):
        return None
    return to_wgs84(north, east)
