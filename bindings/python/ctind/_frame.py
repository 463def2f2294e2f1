# Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
"""A ctind.v1.Report message as a pandas DataFrame (Results.to_pandas)."""

import pandas as pd

from .results import ASSESSMENTS, FLAGS, SCOPES, STATUSES, SUPPRESSION_REASONS

_FIXED = ["indicator_id", "scope", "period", "period_start", "period_end", "breakdown",
          "status", "value", "numerator", "denominator", "units", "flags"]
_ASSESSED = ["target", "percent_achieved", "assessment", "progress"]


def _optional(message, name):
    return getattr(message, name) if message.HasField(name) else None


def report_frame(report):
    """One row per cell of every indicator, in report order."""
    rows = []
    dimensions = []  # in order of first appearance
    assessed = report.HasField("assessment")
    with_reasons = False
    for indicator in report.indicators:
        ranges = {p.id: (p.start, p.end) for p in indicator.periods}
        for cell in indicator.cells:
            start, end = ranges.get(cell.period, (None, None))
            row = {
                "indicator_id": indicator.indicator_id,
                "scope": SCOPES.get(cell.scope, "unspecified"),
                "period": cell.period,
                "period_start": start or None,
                "period_end": end or None,
                "breakdown": cell.breakdown,
                "status": STATUSES.get(cell.status, "unspecified"),
                "value": _optional(cell, "value"),
                "numerator": _optional(cell, "numerator"),
                "denominator": _optional(cell, "denominator"),
                "units": _optional(cell, "units"),
                "flags": ";".join(FLAGS.get(f, str(f)) for f in cell.flags),
            }
            for coordinate in cell.coordinates:
                if coordinate.dimension not in dimensions:
                    dimensions.append(coordinate.dimension)
                row[("dim", coordinate.dimension)] = coordinate.value
            if assessed:
                row["target"] = _optional(cell, "target")
                row["percent_achieved"] = _optional(cell, "percent_achieved")
                row["assessment"] = ASSESSMENTS.get(cell.assessment)
                row["progress"] = _optional(cell, "progress")
            if cell.suppression:
                with_reasons = True
                row["suppression_reason"] = SUPPRESSION_REASONS.get(cell.suppression)
            rows.append(row)

    # A dimension named like a fixed column gets a "dimension:" prefix.
    taken = set(_FIXED + _ASSESSED + ["suppression_reason"])
    dimension_columns = {d: (f"dimension:{d}" if d in taken else d) for d in dimensions}
    columns = _FIXED[:6] + list(dimension_columns.values()) + _FIXED[6:]
    if assessed:
        columns += _ASSESSED
    if with_reasons:
        columns.append("suppression_reason")
    data = {name: [] for name in columns}
    for row in rows:
        for name in _FIXED:
            data[name].append(row[name])
        for dimension, name in dimension_columns.items():
            data[name].append(row.get(("dim", dimension)))
        if assessed:
            for name in _ASSESSED:
                data[name].append(row[name])
        if with_reasons:
            data["suppression_reason"].append(row.get("suppression_reason"))

    frame = pd.DataFrame(data, columns=columns)
    for name in ("value", "numerator", "denominator") + (("target", "percent_achieved",
                                                          "progress") if assessed else ()):
        frame[name] = pd.to_numeric(frame[name], errors="raise").astype("float64")
    frame["units"] = pd.array(data["units"], dtype="Int64")
    for name in ("period_start", "period_end"):
        frame[name] = pd.to_datetime(frame[name], format="%Y-%m-%d")
    return frame
