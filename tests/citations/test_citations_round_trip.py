"""Round trips: a section's BibTeX, RIS and CSL-JSON downloads read back by real importers
(bibtexparser, rispy, and Citation.js's BibTeX, RIS and CSL-JSON plugins, run by
tests/citations/importers.mjs) keep the type, title, author (none), site name, date and URL of
both records, the section's and the original article's.

Zotero, the manager students use, is not run here: what its translators do with the same
records is in the comments of scripts/citation_render.py (BibTeX.js: `@online` is a web page
and `booktitle` its website title; RIS.js: `ELEC` is a web page and `T2` its website title).
"""

from __future__ import annotations

import json
import shutil
import subprocess
from datetime import date
from typing import Any

import bibtexparser
import pytest
import rispy

from scripts import citation_render, citations
from tests.citations.citeproc_js import ROOT

SITE = citations.Site(title="North Korea\u2019s 2023 pivot", url="https://example.org/edition/")
TARGET = citations.Target(
    "Timeline", "timeline/", date(2024, 3, 5), "e1", "Kim Jong-un meets the US envoy"
)
ITEM = citations.csl_item(SITE, TARGET)
ORIGINAL = citations.ORIGINAL_ARTICLE
FORMATS = citation_render.all_formats(ITEM, ORIGINAL)
TITLE = "Timeline: Kim Jong-un meets the US envoy"
SCRIPT = ROOT / "tests" / "citations" / "importers.mjs"


@pytest.fixture(scope="module")
def citation_js() -> dict[str, list[dict[str, Any]]]:
    """What Citation.js makes of the three downloads, as CSL-JSON items."""
    node = shutil.which("node")
    assert node, "Node.js is needed for the Citation.js importers"
    request = {key: FORMATS[key]["text"] for key in ("bibtex", "ris", "csl-json")}
    result = subprocess.run(
        [node, str(SCRIPT)],
        input=json.dumps(request),
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_bibtexparser_reads_both_entries_back() -> None:
    library = bibtexparser.parse_string(FORMATS["bibtex"]["text"])
    assert not library.failed_blocks
    section, original = library.entries
    fields = section.fields_dict
    assert section.entry_type == "online" and "author" not in fields
    assert fields["title"].value == "{Timeline: Kim {Jong-un} meets the {US} envoy}"
    assert fields["booktitle"].value == "North Korea{\\textquoteright}s 2023 pivot"
    assert fields["date"].value == "2024-03-05"
    assert fields["url"].value == ITEM["URL"]
    assert fields["related"].value == original.key == ORIGINAL["id"]
    assert original.fields_dict["author"].value == "Bernal, Gabriela"
    assert original.fields_dict["booktitle"].value == "East Asia Forum"


def test_rispy_reads_both_records_back() -> None:
    section, original = rispy.loads(FORMATS["ris"]["text"])
    assert section["type_of_reference"] == "ELEC" and "authors" not in section
    assert section["title"] == TITLE
    assert section["secondary_title"] == SITE.title
    assert section["date"] == "2024/03/05"
    assert section["urls"] == [ITEM["URL"]]
    assert original["type_of_reference"] == "BLOG"
    assert original["authors"] == ["Bernal, Gabriela"]
    assert original["secondary_title"] == "East Asia Forum"


def _plain(text: str) -> str:
    return citation_render.plain_title(text)


def test_citation_js_bibtex_import_keeps_type_site_date_and_url(citation_js) -> None:
    section, original = citation_js["bibtex"]
    assert section["type"] == "webpage" and "author" not in section
    assert _plain(section["title"]) == TITLE
    assert section["container-title"] == SITE.title
    assert section["publisher"] == SITE.title  # from `organization`: the site is the publisher
    assert section["issued"] == ITEM["issued"]
    assert section["URL"] == ITEM["URL"]
    assert original["type"] == "webpage"
    assert original["author"] == [{"family": "Bernal", "given": "Gabriela"}]
    assert original["container-title"] == "East Asia Forum"
    assert original["issued"] == ORIGINAL["issued"]


def test_citation_js_ris_import_reads_the_site_as_a_collection_title(citation_js) -> None:
    """Citation.js's RIS table reads T2 under ELEC as `collection-title` (Zotero reads it as
    the website title, which is why the record keeps ELEC + T2); everything else survives."""
    section, original = citation_js["ris"]
    assert section["type"] == "webpage" and "author" not in section
    assert section["title"] == TITLE
    assert section["collection-title"] == SITE.title
    assert "container-title" not in section
    assert section["issued"] == ITEM["issued"]
    assert section["URL"] == ITEM["URL"]
    assert original["type"] == "post-weblog"
    assert original["container-title"] == "East Asia Forum"


def test_citation_js_csl_json_import_keeps_every_field(citation_js) -> None:
    section, original = citation_js["csl-json"]
    for field in ("type", "title", "container-title", "issued", "URL", "status"):
        assert section[field] == ITEM[field], field
    assert "author" not in section and "accessed" not in section
    assert original["author"] == ORIGINAL["author"]
