"""Charts as inline SVG, drawn at build time (no JavaScript, no network, printable).

Every value is written as text next to its bar or inside its cell, so the chart reads in
black and white; role="img" with <title>/<desc> names it for screen readers, and the page
puts a data table next to each chart."""
from __future__ import annotations

import unicodedata
from html import escape

FONT = 13  # px
ROW_H = 30
BAR_W = 320
CELL_W = 64
MAX_LABEL_W = 240


def text_width(text: str, size: int = FONT) -> float:
    """Rough width: East Asian wide characters are square, others about 0.6 em."""
    return sum(size * (1.0 if unicodedata.east_asian_width(ch) in "WF" else 0.6) for ch in text)


def fit(text: str, width: float, size: int = FONT) -> str:
    if text_width(text, size) <= width:
        return text
    out = ""
    for ch in text:
        if text_width(out + ch + "…", size) > width:
            break
        out += ch
    return out + "…"


def _label(x: float, y: float, text: str, width: float, anchor: str = "end", extra: str = "") -> str:
    shown = fit(text, width)
    tip = f"<title>{escape(text)}</title>" if shown != text else ""
    return (f'<text x="{x:.0f}" y="{y:.0f}" text-anchor="{anchor}" dominant-baseline="middle"{extra}>'
            f"{tip}{escape(shown)}</text>")


def _open(chart_id: str, width: float, height: float, title: str, desc: str) -> str:
    return (f'<svg class="bansou-chart" id="{chart_id}" role="img" aria-labelledby="{chart_id}-t {chart_id}-d" '
            f'viewBox="0 0 {width:.0f} {height:.0f}" width="{width:.0f}" height="{height:.0f}" '
            f'xmlns="http://www.w3.org/2000/svg" font-size="{FONT}">'
            f'<title id="{chart_id}-t">{escape(title)}</title><desc id="{chart_id}-d">{escape(desc)}</desc>')


def bar_chart(chart_id: str, title: str, desc: str, items: list[tuple[str, int, str]], axis_label: str) -> str:
    """Horizontal bars. items: (label, value, value text shown at the bar's end)."""
    label_w = min(max([text_width(i[0]) for i in items] + [40]) + 12, MAX_LABEL_W)
    top, bottom = 8, 44
    height = top + ROW_H * len(items) + bottom
    width = label_w + BAR_W + 90
    biggest = max([v for _, v, _ in items] + [1])
    scale = BAR_W / biggest
    out = [_open(chart_id, width, height, title, desc)]
    for i, (name, value, shown) in enumerate(items):
        y = top + i * ROW_H
        mid = y + ROW_H / 2
        out.append(_label(label_w - 8, mid, name, label_w - 12))
        w = value * scale
        out.append(f'<rect class="bar" x="{label_w:.0f}" y="{y + 5:.0f}" width="{w:.1f}" height="{ROW_H - 10}"/>')
        out.append(f'<text class="value" x="{label_w + w + 6:.0f}" y="{mid:.0f}" dominant-baseline="middle">'
                   f"{escape(shown)}</text>")
    axis_y = top + ROW_H * len(items)
    out.append(f'<line class="axis" x1="{label_w:.0f}" y1="{top}" x2="{label_w:.0f}" y2="{axis_y}"/>')
    out.append(f'<line class="axis" x1="{label_w:.0f}" y1="{axis_y}" x2="{label_w + BAR_W}" y2="{axis_y}"/>')
    for tick in _ticks(biggest):
        x = label_w + tick * scale
        out.append(f'<line class="axis" x1="{x:.0f}" y1="{axis_y}" x2="{x:.0f}" y2="{axis_y + 4}"/>')
        out.append(f'<text class="tick" x="{x:.0f}" y="{axis_y + 16}" text-anchor="middle">{tick}</text>')
    out.append(f'<text class="axis-label" x="{label_w + BAR_W / 2:.0f}" y="{axis_y + 36}" '
               f'text-anchor="middle">{escape(axis_label)}</text>')
    out.append("</svg>")
    return "".join(out)


def grid_chart(chart_id: str, title: str, desc: str, rows: list[str], cols: list[str],
               values: list[list[int]], row_axis: str, col_axis: str) -> str:
    """A table-shaped chart: one shaded cell per row × column, with the number written in it."""
    label_w = min(max([text_width(r) for r in rows] + [text_width(row_axis), 40]) + 12, MAX_LABEL_W)
    col_w = max(CELL_W, min(max([text_width(c) for c in cols] + [0]) + 12, 100))
    top = 46
    height = top + ROW_H * len(rows) + 8
    width = label_w + col_w * len(cols) + 8
    biggest = max([v for row in values for v in row] + [1])
    out = [_open(chart_id, width, height, title, desc)]
    out.append(_label(label_w - 8, 12, row_axis, label_w - 12, extra=' class="axis-label"'))
    out.append(_label(label_w + col_w * len(cols) / 2, 12, col_axis, col_w * len(cols), anchor="middle",
                      extra=' class="axis-label"'))
    for j, name in enumerate(cols):
        out.append(_label(label_w + col_w * j + col_w / 2, 34, name, col_w - 6, anchor="middle"))
    for i, name in enumerate(rows):
        y = top + i * ROW_H
        out.append(_label(label_w - 8, y + ROW_H / 2, name, label_w - 12))
        for j, value in enumerate(values[i]):
            x = label_w + col_w * j
            level = value / biggest
            out.append(f'<rect class="cell" x="{x + 1:.0f}" y="{y + 1:.0f}" width="{col_w - 2:.0f}" '
                       f'height="{ROW_H - 2}" fill-opacity="{0.08 + 0.5 * level:.2f}"/>')
            out.append(f'<text class="value{" zero" if not value else ""}" x="{x + col_w / 2:.0f}" '
                       f'y="{y + ROW_H / 2:.0f}" text-anchor="middle" dominant-baseline="middle">{value}</text>')
    out.append("</svg>")
    return "".join(out)


def _ticks(biggest: int) -> list[int]:
    step = 1 if biggest <= 10 else 2 if biggest <= 20 else 5 if biggest <= 50 else 10 ** (len(str(biggest)) - 1)
    return list(range(0, biggest + 1, step))
