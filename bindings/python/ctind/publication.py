# Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
"""Publications: disclosure control, assessment and the renderers meant
for others (JSON, CSV, IPTT, IATI XML, DHIS2, HTML).

publish() does what `ctind report` does: protect the raw results (small
counts suppressed with their complementary cells, derived figures
suppressed, optional rounding), then assess the protected results against
the framework's targets. A Report's renderings are its publications."""

import ctypes
import os

from ._ffi import Handle, borrowed, call, call_bytes, check, format_code, utf8
from ._library import lib
from ._options import Options
from .dataset import _format_of_path
from .quality import Quality, check_quality
from .results import Results, assess


class Document(str):
    """A rendered document: the text itself (a str), plus `notes`, one
    sentence per thing the document leaves out and why."""

    notes = ()

    @classmethod
    def _take(cls, pointer):
        """A Document copied from a ctind_document, which is destroyed."""
        try:
            text = borrowed(lib.ctind_document_text, pointer)
            count = ctypes.c_size_t()
            check(lib.ctind_document_note_count(pointer, ctypes.byref(count)),
                  "ctind_document_note_count")
            notes = tuple(borrowed(lib.ctind_document_note, pointer, i) for i in range(count.value))
        finally:
            lib.ctind_document_destroy(pointer)
        document = cls(text)
        document.notes = notes
        return document


class Dhis2Mapping(Handle):
    """Where values go in one DHIS2 instance (dhis2.proto)."""

    _destroy_name = "ctind_dhis2_mapping_destroy"

    def __init__(self, text, format="text", file_name=""):  # pylint: disable=redefined-builtin
        super().__init__()
        data, name = utf8(text), utf8(file_name)
        out = ctypes.c_void_p()
        call(lib.ctind_dhis2_mapping_load, data, len(data), format_code(format), name, len(name),
             ctypes.byref(out))
        self._adopt(out)

    @classmethod
    def load(cls, path):
        """Reads the mapping file at `path` (format by extension)."""
        with open(path, "rb") as f:
            data = f.read()
        return cls(data, _format_of_path(path), os.fspath(path))


class Iptt(Handle):
    """The indicator performance tracking table of assessed results."""

    _destroy_name = "ctind_iptt_destroy"

    def __init__(self, framework, assessed):
        """FailedPreconditionError when `assessed` was not assessed."""
        super().__init__()
        out = ctypes.c_void_p()
        call(lib.ctind_iptt_build, framework._handle, assessed._handle, ctypes.byref(out))
        self._adopt(out)

    def to_csv(self):
        """RFC 4180 CSV (CRLF), columns as docs/assessment.md."""
        return call_bytes(lib.ctind_iptt_to_csv, self._handle).decode("utf-8")

    def serialize(self, format="binary"):  # pylint: disable=redefined-builtin
        data = call_bytes(lib.ctind_iptt_serialize, self._handle, format_code(format))
        return data if format == "binary" else data.decode("utf-8")

    def to_proto(self):
        """The table as a report_pb2.Iptt message."""
        from .v1 import report_pb2  # pylint: disable=import-outside-toplevel
        message = report_pb2.Iptt()
        message.ParseFromString(self.serialize("binary"))
        return message


class _Publication(Handle):
    _destroy_name = "ctind_publication_destroy"


class Report:
    """A publication: protected (PUBLISHED) and assessed results of one
    framework, with the renderers meant for others. Close it (or use it in
    a `with` block) to release it now; otherwise it is released when
    garbage-collected."""

    def __init__(self):
        raise TypeError("reports come from ctind.publish")

    @classmethod
    def _make(cls, publication, framework, dataset, margin_points):
        report = cls.__new__(cls)
        report._publication = publication
        report.framework = framework
        report.dataset = dataset
        published = ctypes.c_void_p()
        check(lib.ctind_publication_results(publication._handle, ctypes.byref(published)),
              "ctind_publication_results")
        report.published = Results._wrap(published, owner=publication, framework=framework,
                                         dataset=dataset)
        # What the renderers read: the protected results, assessed.
        report.results = assess(framework, report.published, margin_points=margin_points)
        return report

    # Lifetime.

    @property
    def closed(self):
        return self._publication.closed

    def close(self):
        """Releases the publication and its assessed results."""
        self.results.close()
        self._publication.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.close()
        return False

    # What the data owner may look at.

    @property
    def raw_with_reasons(self):
        """For the data owner only, never to publish: the raw results with
        each cell's suppression reason (Cell.suppression_reason)."""
        pointer = ctypes.c_void_p()
        check(lib.ctind_publication_raw_with_reasons(self._publication._handle,
                                                     ctypes.byref(pointer)),
              "ctind_publication_raw_with_reasons")
        return Results._wrap(pointer, owner=self._publication, framework=self.framework,
                             dataset=self.dataset)

    @property
    def protection(self):
        """'PUBLISHED' ('RAW' only when protection was disabled)."""
        return self.results.protection

    # Renderings of the publication.

    def to_json(self):
        return self.results.to_json()

    def to_csv(self):
        return self.results.to_csv()

    def to_table(self):
        return self.results.to_table()

    def to_proto(self):
        return self.results.to_proto()

    def to_pandas(self):
        """As Results.to_pandas; suppressed cells have no value."""
        return self.results.to_pandas()

    def cells(self, indicator):
        return self.results.cells(indicator)

    def cell(self, indicator, period, scope="period", **coordinates):
        return self.results.cell(indicator, period, scope, **coordinates)

    def iptt(self):
        """The Iptt of the publication."""
        return Iptt(self.framework, self.results)

    def iptt_csv(self):
        """The IPTT as CSV."""
        with self.iptt() as table:
            return table.to_csv()

    def iati_xml(self, *, generated_datetime=None, include_life_of_project=None,
                 indicator_vocabularies=None):
        """The IATI 2.03 activity XML (a Document). `generated_datetime`:
        the document's xsd:dateTime (default the as-of date at 00:00:00Z);
        `indicator_vocabularies`: {vocabulary: IATI code} beyond the
        built-in ones. InvalidArgumentError, one diagnostic per missing
        item, when the project lacks what IATI requires."""
        with Options(generated_datetime=generated_datetime,
                     include_life_of_project=include_life_of_project,
                     indicator_vocabularies=indicator_vocabularies) as options:
            out = ctypes.c_void_p()
            call(lib.ctind_render_iati, self.framework._handle, self.results._handle,
                 options._handle, ctypes.byref(out))
        return Document._take(out)

    def dhis2(self, mapping):
        """The DHIS2 dataValueSets JSON (a Document) under `mapping`: a
        Dhis2Mapping or the path of a mapping file."""
        if not isinstance(mapping, Dhis2Mapping):
            with Dhis2Mapping.load(mapping) as loaded:
                return self.dhis2(loaded)
        out = ctypes.c_void_p()
        call(lib.ctind_render_dhis2, self.results._handle, mapping._handle, ctypes.byref(out))
        return Document._take(out)

    def html(self, *, quality=True, schema=None, language=None, title=None):
        """The self-contained HTML report (one file, no script). `quality`:
        True for a data-quality section checked on the report's dataset, a
        Quality, or False for none; `schema` (default the dataset's) gives
        code labels and field titles; `language`, `title` override the
        project's."""
        if quality is True:
            quality = check_quality(self.dataset, self.framework) if self.dataset else None
        elif quality is False:
            quality = None
        elif not isinstance(quality, Quality):
            raise TypeError("quality is True, False or a ctind.Quality")
        if schema is None and self.dataset is not None:
            schema = self.dataset.schema
        with self.iptt() as table, Options(language=language, title=title) as options:
            return call_bytes(lib.ctind_render_html, self.framework._handle,
                              self.results._handle, table._handle,
                              quality._handle if quality is not None else None,
                              schema._handle if schema is not None else None,
                              options._handle).decode("utf-8")

    def __repr__(self):
        return "<ctind.Report closed>" if self.closed else f"<ctind.Report {self.results!r}>"


def publish(results, *, min_cell_size=None, rounding=None, key=None, margin_points=None,
            disable_protection_for_internal_use=False):
    """Protects raw `results` (from compute() or Plan.compute()) for
    publication and assesses them: a Report.

    `min_cell_size`: k, unit counts from 1 to k - 1 are suppressed (default
    the framework's, 5 when unset; 1 turns primary suppression off);
    `rounding`: None (the framework's), "none", "base5" or "random3";
    `key`: the publisher's secret key (16 bytes or more) that random
    rounding needs, never stored in the framework; `margin_points`: the
    assessment's on-track margin (default 15).
    `disable_protection_for_internal_use=True` publishes nothing protected:
    the Report is the raw results, marked RAW, for the data owner only."""
    if not isinstance(results, Results):
        raise TypeError("publish takes the raw Results of ctind.compute or Plan.compute, "
                        f"not {type(results).__name__}")
    plan = getattr(results, "_plan", None)
    if plan is None:
        raise ValueError("publish takes the raw results of ctind.compute or Plan.compute, "
                         "not results read back or already assessed")
    with Options(min_cell_size=min_cell_size, rounding=rounding, key=key,
                 disable_protection_for_internal_use=disable_protection_for_internal_use or None
                 ) as options:
        out = ctypes.c_void_p()
        call(lib.ctind_publish, results._handle, plan._handle, options._handle, ctypes.byref(out))
    publication = _Publication()
    publication._adopt(out)
    try:
        return Report._make(publication, plan.framework, results._dataset, margin_points)
    except BaseException:
        publication.close()
        raise
