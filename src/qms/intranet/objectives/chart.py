"""A small bar chart of an objective's values against its target, drawn on
the server as SVG (no script, no library): one bar per period, green where
the value meets the target, orange where it misses it, a dashed line at the
target, and a grey mark for a period passed without a value."""

from html import escape
from qms.intranet.core.i18n import translated
from qms.intranet.objectives.status import is_due
from qms.intranet.objectives.status import latest_values
from qms.intranet.objectives.status import meets
from qms.intranet.objectives.status import periods
from qms.intranet.objectives.vocabularies import period_short


WIDTH, HEIGHT = 320, 150
TOP, BOTTOM, LEFT, RIGHT = 14, 22, 6, 6
MET, MISSED, MISSING, TARGET = "#198754", "#d97706", "#adb5bd", "#0d6efd"


def number(value) -> str:
    """95.0 -> '95', 95.5 -> '95,5' (Vietnamese decimal comma)."""
    if value is None:
        return ""
    if float(value).is_integer():
        return f"{int(value):,}".replace(",", ".")
    return f"{value:.2f}".rstrip("0").replace(".", ",")


def chart_svg(objective, year: int, label: str, request=None) -> str:
    """The chart, an <svg> element; `label` is its accessible name."""
    values = latest_values(objective.measurements)
    slots = periods(objective.frequency)
    target = objective.target or 0
    top = max([target] + [row.get("value") or 0 for row in values.values()]) or 1
    scale = (HEIGHT - TOP - BOTTOM) / (top * 1.1)
    step = (WIDTH - LEFT - RIGHT) / len(slots)
    bar = min(28, step * 0.6)
    base = HEIGHT - BOTTOM
    parts = [
        f'<svg class="qms-objective-chart" xmlns="http://www.w3.org/2000/svg" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" width="100%" role="img" '
        f'aria-label="{escape(label)}" style="max-width:{WIDTH * 1.5}px">',
        f"<title>{escape(label)}</title>",
        f'<line x1="{LEFT}" y1="{base}" x2="{WIDTH - RIGHT}" y2="{base}" '
        f'stroke="#6c757d" stroke-width="1"/>',
    ]
    for index, period in enumerate(slots):
        x = LEFT + step * index + (step - bar) / 2
        middle = x + bar / 2
        row = values.get(period)
        if row is not None:
            value = row.get("value") or 0
            height = max(1.0, value * scale)
            ok = meets(value, objective.target, objective.direction)
            parts.append(
                f'<rect class="qms-bar {"qms-met" if ok else "qms-missed"}" '
                f'data-period="{period}" x="{x:.1f}" y="{base - height:.1f}" '
                f'width="{bar:.1f}" height="{height:.1f}" '
                f'fill="{MET if ok else MISSED}"><title>{escape(number(value))}'
                f"</title></rect>",
            )
            parts.append(
                f'<text x="{middle:.1f}" y="{base - height - 3:.1f}" '
                f'font-size="9" text-anchor="middle" fill="#212529">'
                f"{escape(number(value))}</text>"
            )
        elif is_due(year, period):
            parts.append(
                f'<rect class="qms-bar qms-missing" data-period="{period}" '
                f'x="{x:.1f}" y="{base - 6}" width="{bar:.1f}" height="6" '
                f'fill="{MISSING}"/>'
            )
        parts.append(
            f'<text x="{middle:.1f}" y="{HEIGHT - 8}" font-size="9" '
            f'text-anchor="middle" fill="#495057">'
            f"{escape(translated(period_short(period), request))}</text>"
        )
    y = base - target * scale
    parts.append(
        f'<line class="qms-target" x1="{LEFT}" y1="{y:.1f}" x2="{WIDTH - RIGHT}" '
        f'y2="{y:.1f}" stroke="{TARGET}" stroke-width="1.5" stroke-dasharray="5 3"/>'
    )
    parts.append(
        f'<text x="{WIDTH - RIGHT}" y="{y - 3:.1f}" font-size="9" '
        f'text-anchor="end" fill="{TARGET}">{escape(number(target))}</text>'
    )
    parts.append("</svg>")
    return "".join(parts)
