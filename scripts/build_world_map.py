"""Converts world-atlas country outlines (TopoJSON, Natural Earth, public domain) into the files the
map page ships: an SVG of country paths in an equirectangular projection, and each country's centre.

    npm pack world-atlas && tar xzf world-atlas-*.tgz
    python scripts/build_world_map.py package/countries-110m.json src/veille/serve/static

Run once, when the outlines should change; both outputs are committed. The projection is the
simplest there is, x = longitude + 180 and y = 90 - latitude, so the page places a point by its
coordinates without any projection code. Antarctica is left out: no news event happens there often
enough to spend a fifth of the map's height on it.

A minimal TopoJSON decoder is enough here: quantized, delta-encoded arcs, and polygons and
multipolygons whose rings are lists of arc indices (a negative index ~i is arc i reversed).
"""

from __future__ import annotations

import json
import sys
from itertools import pairwise
from pathlib import Path
from typing import Any

import pycountry

Point = tuple[float, float]
Ring = list[Point]
SKIP = {"010"}  # Antarctica
NAMES_WITHOUT_CODE = {"Kosovo": "XK"}  # not in ISO 3166-1, but the demonym file knows it as XK
DECIMALS = 2  # a hundredth of a degree, about a kilometre: finer than the 110m outlines


def decode_arcs(topology: dict[str, Any]) -> list[list[Point]]:
    """Every arc as absolute longitudes and latitudes."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring(indices: list[int], arcs: list[list[Point]]) -> Ring:
    points: Ring = []
    for index in indices:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        # consecutive arcs share their joining point: keep it once
        points.extend(arc if not points else arc[1:])
    return points


def polygons(geometry: dict[str, Any], arcs: list[list[Point]]) -> list[list[Ring]]:
    if geometry["type"] == "Polygon":
        return [[ring(r, arcs) for r in geometry["arcs"]]]
    if geometry["type"] == "MultiPolygon":
        return [[ring(r, arcs) for r in polygon] for polygon in geometry["arcs"]]
    return []


def across_antimeridian(points: Ring) -> list[Ring]:
    """A ring drawn as it is, or, when it crosses the 180th meridian (eastern Russia, Fiji), twice:
    continued eastwards past x = 360 and westwards before x = 0; the map's frame clips each."""
    if all(abs(b[0] - a[0]) <= 180 for a, b in pairwise(points)):
        return [points]
    east = [(lon + 360 if lon < 0 else lon, lat) for lon, lat in points]
    return [east, [(lon - 360, lat) for lon, lat in east]]


def project(point: Point) -> Point:
    lon, lat = point
    return round(lon + 180, DECIMALS), round(90 - lat, DECIMALS)


def path(shapes: list[list[Ring]]) -> str:
    """An SVG path: each ring as M x y then relative l steps, the shortest plain form."""
    parts = []
    for polygon in shapes:
        for points in (part for ring in polygon for part in across_antimeridian(ring)):
            projected = [project(p) for p in points]
            kept = [projected[0]] + [p for prev, p in pairwise(projected) if p != prev]
            if len(kept) < 3:
                continue
            x0, y0 = kept[0]
            steps = []
            for (px, py), (x, y) in pairwise(kept):
                steps.append(f"{number(x - px)} {number(y - py)}")
            parts.append(f"M{number(x0)} {number(y0)}l" + " ".join(steps) + "z")
    return "".join(parts)


def number(value: float) -> str:
    text = f"{round(value, DECIMALS):.{DECIMALS}f}".rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text


def area_and_centre(points: Ring) -> tuple[float, Point]:
    """The signed area and centroid of one ring (shoelace formula, in degrees)."""
    area = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(points, points[1:] + points[:1], strict=False):
        cross = x0 * y1 - x1 * y0
        area += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if area == 0:
        xs, ys = zip(*points, strict=False)
        return 0.0, (sum(xs) / len(xs), sum(ys) / len(ys))
    return area / 2, (cx / (3 * area), cy / (3 * area))


def centre(shapes: list[list[Ring]]) -> Point:
    """Where a marker for the whole country goes: the centroid of its largest outer ring, so France
    is centred on France and not pulled towards French Guiana."""
    best = max((area_and_centre(across_antimeridian(polygon[0])[0]) for polygon in shapes if polygon and polygon[0]),
               key=lambda found: abs(found[0]))
    lon, lat = best[1]
    return (lon - 360 if lon > 180 else lon), lat


def code(geometry: dict[str, Any]) -> str | None:
    numeric = geometry.get("id")
    if numeric:
        country = pycountry.countries.get(numeric=numeric)
        if country is not None:
            return str(country.alpha_2)
    return NAMES_WITHOUT_CODE.get(geometry.get("properties", {}).get("name", ""))


def main(argv: list[str]) -> int:
    source, out = Path(argv[1]), Path(argv[2])
    topology = json.loads(source.read_text(encoding="utf-8"))
    arcs = decode_arcs(topology)
    paths = []
    centres: dict[str, dict[str, Any]] = {}
    for geometry in topology["objects"]["countries"]["geometries"]:
        if geometry.get("id") in SKIP:
            continue
        shapes = polygons(geometry, arcs)
        if not shapes:
            continue
        name = geometry.get("properties", {}).get("name", "")
        iso = code(geometry)
        attributes = f' data-name="{name}"' + (f' id="c-{iso}"' if iso else "")
        paths.append(f'<path{attributes} d="{path(shapes)}"/>')
        if iso:
            lon, lat = centre(shapes)
            centres[iso] = {"name": name, "lat": round(lat, 2), "lon": round(lon, 2)}
    svg = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 360 180">\n'
           "<!-- Country outlines: Natural Earth 1:110m (public domain) via the npm package world-atlas "
           "(ISC, Copyright 2013-2019 Michael Bostock); equirectangular, x = lon + 180, y = 90 - lat. "
           "Built by scripts/build_world_map.py. -->\n"
           '<g class="countries">\n' + "\n".join(paths) + "\n</g>\n</svg>\n")
    (out / "world.svg").write_text(svg, encoding="utf-8")
    lines = [f"{json.dumps(iso)}: {json.dumps(centres[iso], ensure_ascii=False)}" for iso in sorted(centres)]
    (out / "countries.json").write_text("{\n" + ",\n".join(lines) + "\n}\n", encoding="utf-8")
    print(f"{len(paths)} countries, {len(svg) // 1024} KB of SVG, {len(centres)} centres", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
