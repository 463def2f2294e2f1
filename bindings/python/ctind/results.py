# Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
"""Computing: Plan, compute(), Results and their cells.

Results of compute() are *raw*: for the data owner (the case-management
system's own code), never for others. Publications come from publish()."""

import collections
import ctypes

from ._ffi import Handle, borrowed, call, call_bytes, check, format_code
from ._library import lib
from ._options import Options
from .findings import collect_findings, findings_frame

SCOPES = {1: "period", 2: "cumulative", 3: "life_of_project"}
STATUSES = {1: "present", 2: "missing", 3: "suppressed"}
# ctind.v1.CellFlag numbers and the names docs/output-formats.md gives them.
FLAGS = {1: "partial_period", 2: "not_yet_observable", 3: "no_denominator", 4: "suppressed",
         5: "rounded"}
ASSESSMENTS = {0: None, 1: "not_assessed", 2: "on_track", 3: "ahead", 4: "behind"}
SUPPRESSION_REASONS = {0: None, 1: "not_suppressed", 2: "primary", 3: "complementary",
                       4: "derived"}
PROTECTIONS = {0: "UNSPECIFIED", 1: "RAW", 2: "PUBLISHED"}

Period = collections.namedtuple("Period", ["id", "type", "start", "end", "partial"])
Period.__doc__ = ("A reporting period of an indicator: id (e.g. '2025Q3', 'LOP'), type "
                  "(framework.proto PeriodType name, '' for the life of project), start and "
                  "end ('YYYY-MM-DD', the range [start, end)), partial (the as-of date falls "
                  "inside it before its last day).")


def _optional_double(function, pointer):
    out = ctypes.c_double()
    return out.value if function(pointer, ctypes.byref(out)) else None


def _optional_int64(function, pointer):
    out = ctypes.c_int64()
    return out.value if function(pointer, ctypes.byref(out)) else None


class Cell:
    """One cell of results: an indicator's value for one period and scope,
    for the total or one combination of disaggregation values. Borrowed
    from its Results, which it keeps alive; reading a cell of closed
    results raises ValueError."""

    __slots__ = ("_results", "_pointer", "indicator_id")

    def __init__(self, results, pointer, indicator_id):
        self._results = results
        self._pointer = pointer
        self.indicator_id = indicator_id

    @property
    def _cell(self):
        self._results._handle  # pylint: disable=pointless-statement  (raises when closed)
        return self._pointer

    @property
    def period(self):
        return borrowed(lib.ctind_cell_period, self._cell)

    @property
    def scope(self):
        """'period', 'cumulative' or 'life_of_project'."""
        return SCOPES.get(lib.ctind_cell_scope(self._cell), "unspecified")

    @property
    def breakdown(self):
        """'' for the total, else the dimensions joined by ' x '."""
        return borrowed(lib.ctind_cell_breakdown, self._cell)

    @property
    def coordinates(self):
        """{dimension: value} (a code or 'unknown'); {} for the total."""
        cell = self._cell
        result = {}
        for i in range(lib.ctind_cell_coordinate_count(cell)):
            dim, dim_len = ctypes.c_char_p(), ctypes.c_size_t()
            val, val_len = ctypes.c_char_p(), ctypes.c_size_t()
            check(lib.ctind_cell_coordinate(cell, i, ctypes.byref(dim), ctypes.byref(dim_len),
                                            ctypes.byref(val), ctypes.byref(val_len)),
                  "ctind_cell_coordinate")
            result[ctypes.string_at(dim, dim_len.value).decode()] = ctypes.string_at(
                val, val_len.value).decode()
        return result

    @property
    def status(self):
        """'present' (it may be 0), 'missing' or 'suppressed'."""
        return STATUSES.get(lib.ctind_cell_status(self._cell), "unspecified")

    @property
    def value(self):
        """The value, None when absent (missing or suppressed)."""
        return _optional_double(lib.ctind_cell_value, self._cell)

    @property
    def numerator(self):
        return _optional_double(lib.ctind_cell_numerator, self._cell)

    @property
    def denominator(self):
        return _optional_double(lib.ctind_cell_denominator, self._cell)

    @property
    def units(self):
        """Distinct persons (or records) behind the value, None when absent."""
        return _optional_int64(lib.ctind_cell_units, self._cell)

    @property
    def flags(self):
        """Names of the cell's flags, in CellFlag order."""
        cell = self._cell
        return tuple(name for number, name in FLAGS.items() if lib.ctind_cell_has_flag(cell, number))

    @property
    def not_yet_observable(self):
        return _optional_int64(lib.ctind_cell_not_yet_observable, self._cell)

    @property
    def target(self):
        return _optional_double(lib.ctind_cell_target, self._cell)

    @property
    def percent_achieved(self):
        return _optional_double(lib.ctind_cell_percent_achieved, self._cell)

    @property
    def progress(self):
        return _optional_double(lib.ctind_cell_progress, self._cell)

    @property
    def assessment(self):
        """'not_assessed', 'on_track', 'ahead', 'behind'; None unassessed."""
        return ASSESSMENTS.get(lib.ctind_cell_assessment(self._cell))

    @property
    def suppression_reason(self):
        """'primary', 'complementary', 'derived' or 'not_suppressed' in a
        publication's raw results with reasons; None elsewhere."""
        return SUPPRESSION_REASONS.get(lib.ctind_cell_suppression_reason(self._cell))

    def __repr__(self):
        where = ", ".join(f"{k}={v}" for k, v in self.coordinates.items()) or "total"
        return (f"<ctind.Cell {self.indicator_id} {self.scope} {self.period} {where}: "
                f"{self.status} {self.value}>")


class Results(Handle):
    """Results of indicators: per indicator × period × cell, a value,
    numerator, denominator and unit count. From compute() they are RAW,
    for the data owner; a Report's are PUBLISHED."""

    _destroy_name = "ctind_results_destroy"

    def __init__(self):
        raise TypeError("results come from ctind.compute, Plan.compute or ctind.publish")

    @classmethod
    def _wrap(cls, pointer, *, owner=None, framework=None, plan=None, dataset=None):
        obj = cls.__new__(cls)
        Handle.__init__(obj)
        if owner is None:
            obj._adopt(pointer)
        else:
            obj._borrow(pointer, owner)
        obj.framework = framework
        obj._plan = plan
        obj._dataset = dataset
        return obj

    # Metadata.

    @property
    def as_of(self):
        """The as-of date used, 'YYYY-MM-DD'."""
        return borrowed(lib.ctind_results_as_of, self._handle)

    @property
    def project_id(self):
        return borrowed(lib.ctind_results_project_id, self._handle)

    @property
    def protection(self):
        """'RAW' (for the data owner only) or 'PUBLISHED'."""
        return PROTECTIONS.get(lib.ctind_results_protection(self._handle), "UNSPECIFIED")

    @property
    def margin_points(self):
        """The assessment margin when the results are assessed, else None."""
        margin = ctypes.c_double()
        return margin.value if lib.ctind_results_is_assessed(self._handle,
                                                             ctypes.byref(margin)) else None

    @property
    def is_assessed(self):
        return lib.ctind_results_is_assessed(self._handle, None)

    def __len__(self):
        count = ctypes.c_size_t()
        check(lib.ctind_results_indicator_count(self._handle, ctypes.byref(count)),
              "ctind_results_indicator_count")
        return count.value

    @property
    def indicator_ids(self):
        """Ids of the indicators, in framework order."""
        return [borrowed(lib.ctind_results_indicator_id, self._handle, i) for i in range(len(self))]

    def _index(self, indicator):
        if isinstance(indicator, int):
            if not 0 <= indicator < len(self):
                raise IndexError(f"indicator index {indicator} out of range")
            return indicator
        try:
            return self.indicator_ids.index(indicator)
        except ValueError:
            raise KeyError(f"no indicator '{indicator}' in these results") from None

    def indicator_title(self, indicator):
        return borrowed(lib.ctind_results_indicator_title, self._handle, self._index(indicator))

    def indicator_unit(self, indicator):
        return borrowed(lib.ctind_results_indicator_unit, self._handle, self._index(indicator))

    def periods(self, indicator):
        """The indicator's reporting periods (Period), chronologically."""
        index = self._index(indicator)
        count = ctypes.c_size_t()
        check(lib.ctind_results_period_count(self._handle, index, ctypes.byref(count)),
              "ctind_results_period_count")
        periods = []
        for p in range(count.value):
            pid, ptype, start, end = (ctypes.c_char_p() for _ in range(4))
            partial = ctypes.c_bool()
            check(lib.ctind_results_period(self._handle, index, p, ctypes.byref(pid),
                                           ctypes.byref(ptype), ctypes.byref(start),
                                           ctypes.byref(end), ctypes.byref(partial)),
                  "ctind_results_period")
            periods.append(Period(*((s.value or b"").decode() for s in (pid, ptype, start, end)),
                                  partial.value))
        return periods

    def cells(self, indicator):
        """The Cells of one indicator (id or 0-based index), in report order."""
        index = self._index(indicator)
        indicator_id = borrowed(lib.ctind_results_indicator_id, self._handle, index)
        count = ctypes.c_size_t()
        check(lib.ctind_results_cell_count(self._handle, index, ctypes.byref(count)),
              "ctind_results_cell_count")
        cells = []
        for c in range(count.value):
            pointer = ctypes.c_void_p()
            check(lib.ctind_results_get_cell(self._handle, index, c, ctypes.byref(pointer)),
                  "ctind_results_get_cell")
            cells.append(Cell(self, pointer, indicator_id))
        return cells

    def cell(self, indicator, period, scope="period", **coordinates):
        """The one cell of `indicator` for `period` and `scope` with exactly
        these coordinates (none: the total); KeyError if there is none."""
        for cell in self.cells(indicator):
            if cell.period == period and cell.scope == scope and cell.coordinates == coordinates:
                return cell
        raise KeyError(f"no cell {indicator} {scope} {period} {coordinates or 'total'}")

    @property
    def findings(self):
        """Data-quality findings the results carry (load and compute)."""
        return collect_findings(lib.ctind_results_finding_count, lib.ctind_results_get_finding,
                                self._handle)

    def findings_frame(self):
        return findings_frame(self.findings)

    # Renderings.

    def to_json(self):
        """The ctind.v1.Report as JSON (docs/output-formats.md)."""
        return call_bytes(lib.ctind_results_to_json, self._handle).decode("utf-8")

    def to_csv(self):
        """One CSV row per indicator × scope × period × cell, CRLF."""
        return call_bytes(lib.ctind_results_to_csv, self._handle).decode("utf-8")

    def to_table(self):
        """A plain-text table per indicator, for a terminal."""
        return call_bytes(lib.ctind_results_to_table, self._handle).decode("utf-8")

    def serialize(self, format="binary"):  # pylint: disable=redefined-builtin
        data = call_bytes(lib.ctind_results_serialize, self._handle, format_code(format))
        return data if format == "binary" else data.decode("utf-8")

    def to_proto(self):
        """The results as a report_pb2.Report message."""
        from .v1 import report_pb2  # pylint: disable=import-outside-toplevel
        report = report_pb2.Report()
        report.ParseFromString(self.serialize("binary"))
        return report

    def to_pandas(self):
        """One row per indicator × scope × period × cell (the rows and
        order of to_csv()): indicator_id, scope, period, period_start,
        period_end (the range [start, end), datetime64), breakdown, one
        column per disaggregation dimension (None where the cell has no
        coordinate on it), status, value, numerator, denominator (float,
        NaN when absent: missing or suppressed), units (Int64, <NA> when
        absent), flags (';'-joined, as in the CSV); for assessed results
        also target, percent_achieved, assessment, progress; for results
        with suppression reasons also suppression_reason."""
        from ._frame import report_frame  # pylint: disable=import-outside-toplevel
        return report_frame(self.to_proto())

    def __repr__(self):
        if self.closed:
            return "<ctind.Results closed>"
        return (f"<ctind.Results {self.protection} {self.project_id} as of {self.as_of}: "
                f"{len(self)} indicators>")


class Plan(Handle):
    """A framework compiled against a schema: immutable, reusable over
    many datasets of that schema, usable from many threads."""

    _destroy_name = "ctind_plan_destroy"

    def __init__(self, framework, schema):
        super().__init__()
        out = ctypes.c_void_p()
        call(lib.ctind_plan_create, framework._handle, schema._handle, ctypes.byref(out))
        self._adopt(out)
        self.framework = framework
        self.schema = schema

    def compute(self, dataset, *, as_of=None, period_types=None):
        """Raw Results of the plan over `dataset` (of the plan's schema).
        `as_of`: the last day of data considered (a date or 'YYYY-MM-DD';
        default today, capped at the project's end); `period_types`: extra
        period types to report ("FINANCIAL_YEAR", ...)."""
        with Options(as_of=as_of, period_types=period_types) as options:
            out = ctypes.c_void_p()
            call(lib.ctind_plan_compute, self._handle, dataset._handle, options._handle,
                 ctypes.byref(out))
        return Results._wrap(out, framework=self.framework, plan=self, dataset=dataset)


def compute(framework, dataset, *, as_of=None, period_types=None):
    """Compiles `framework` against the dataset's schema and evaluates it:
    raw Results, for the data owner. See Plan.compute for the options."""
    plan = Plan(framework, dataset.schema)
    return plan.compute(dataset, as_of=as_of, period_types=period_types)


def add_reported_actuals(framework, results):
    """New Results: `results` with the cells of the framework's REPORTED
    indicators added from their entered values. compute() already adds
    them (so publish() protects them); this is for results made elsewhere,
    and changes nothing on results that have them."""
    out = ctypes.c_void_p()
    call(lib.ctind_add_reported_actuals, framework._handle, results._handle, ctypes.byref(out))
    return Results._wrap(out, framework=framework, plan=results._plan, dataset=results._dataset)


def assess(framework, results, *, margin_points=None):
    """New Results: `results` (raw or published) assessed against the
    framework's targets: target, % achieved, assessment and progress of the
    headline cells; on track within `margin_points` of 100 (default 15)."""
    with Options(margin_points=margin_points) as options:
        out = ctypes.c_void_p()
        call(lib.ctind_assess, framework._handle, results._handle, options._handle,
             ctypes.byref(out))
    return Results._wrap(out, framework=framework, plan=results._plan, dataset=results._dataset)
