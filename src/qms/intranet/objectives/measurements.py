"""Recording a measurement of an objective («Ghi kết quả đo»): the rules live
here once, for the form and the REST endpoint. Who and when are filled in;
bad input raises MeasurementError (its message translated) and nothing is
stored."""

from datetime import datetime
from plone import api
from qms.intranet import _
from qms.intranet.core.i18n import translated
from qms.intranet.objectives.status import periods
from zope.i18nmessageid import Message

import math


RECORD_PERMISSION = "qms.intranet: Record measurement"

NOT_A_NUMBER = _(
    "error_measurement_value",
    default="«${value}» is not a number: write the result as a number, e.g. "
    "95 or 95,5.",
)
VALUE_REQUIRED = _(
    "error_measurement_value_required",
    default="Write the result of the measurement (a number).",
)
NEGATIVE = _(
    "error_measurement_negative",
    default="The result cannot be below zero.",
)
OVER_100 = _(
    "error_measurement_percent",
    default="A percentage is between 0 and 100.",
)
BAD_PERIOD = _(
    "error_measurement_period",
    default="Choose one of the periods of the objective.",
)
NOTE_TOO_LONG = _(
    "error_measurement_note",
    default="The note is too long: at most 1000 characters.",
)


class MeasurementError(ValueError):
    """Bad input; `field` names the field, str() is the translated message."""

    def __init__(self, field: str, message):
        self.field = field
        super().__init__(translated(message))


def parse_value(raw, measure: str | None = None) -> float:
    """A number written the Vietnamese way (95,5) or with a point (95.5)."""
    text = str(raw if raw is not None else "").strip().replace(" ", "")
    if text.endswith("%"):
        text = text[:-1]
    if not text:
        raise MeasurementError("value", VALUE_REQUIRED)
    if "," in text and "." not in text:
        text = text.replace(",", ".")
    elif "," in text and "." in text:
        # 1.234,5 -> 1234.5
        text = text.replace(".", "").replace(",", ".")
    try:
        value = float(text)
    except ValueError:
        raise MeasurementError(
            "value", Message(NOT_A_NUMBER, mapping={"value": str(raw)[:40]})
        ) from None
    if math.isnan(value) or math.isinf(value):
        raise MeasurementError(
            "value", Message(NOT_A_NUMBER, mapping={"value": str(raw)[:40]})
        )
    if value < 0:
        raise MeasurementError("value", NEGATIVE)
    if measure == "percent" and value > 100:
        raise MeasurementError("value", OVER_100)
    return value


def clean(objective, period, value, note="") -> dict:
    """A validated row (without who/when); MeasurementError on bad input."""
    if not isinstance(period, str) or period not in periods(objective.frequency):
        raise MeasurementError("period", BAD_PERIOD)
    number = parse_value(value, objective.measure)
    note = (note or "").strip() if isinstance(note, str) else ""
    if len(note) > 1000:
        raise MeasurementError("note", NOTE_TOO_LONG)
    return {"period": period, "value": number, "note": note}


def record(objective, period, value, note="") -> dict:
    """Append a measurement (the latest row of a period counts; earlier rows
    stay as its history) and reindex the objective's status."""
    row = clean(objective, period, value, note)
    user = api.user.get_current()
    row["who"] = user.getId() or ""
    row["when"] = datetime.now().replace(microsecond=0).isoformat()
    objective.measurements = [*(objective.measurements or []), row]
    objective.reindexObject()
    return row
