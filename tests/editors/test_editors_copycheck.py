"""The project's copy check: it runs on a fresh clone, catches copying and lets quotations pass.

The article is copyrighted and never committed, so the mechanism is proved on an invented
stand-in article (tests/conftest.py). Where ../shared holds the real article and the shared
tool, the same tests also plant a real sentence at run time and compare both tools' reports.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from scripts.tools.copycheck import (
    BODY,
    FINGERPRINT,
    HEX_CHARS,
    NORMALISATION,
    OTHER,
    PARTS,
    article_ngrams,
    fingerprint,
    paragraph_numbers,
    shingle,
)
from tests.conftest import (
    ROOT,
    SHARED,
    SYNTHETIC_BODY,
    SYNTHETIC_COPIED,
    SYNTHETIC_QUOTATION,
    run_copycheck,
    synthetic_article,
)

ARTICLE = SHARED / "source" / "article.txt"
SHARED_TOOL = SHARED / "tools" / "copycheck.py"
LAST_LINE = "run(s) of 8+ words shared with the source article"


def shared_copycheck(docs: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SHARED_TOOL), str(docs)], capture_output=True, text=True, check=False
    )


def page_folder(tmp_path: Path, text: str) -> Path:
    docs = tmp_path / "pages"
    docs.mkdir()
    (docs / "page.md").write_text(f"# A page\n\n{text}\n", encoding="utf-8")
    return docs


def committed() -> dict:
    return json.loads(FINGERPRINT.read_text(encoding="utf-8"))


def test_committed_fingerprint_finds_no_copied_run_in_the_docs() -> None:
    result = run_copycheck("check", "docs")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines()[-1] == f"copycheck: 0 {LAST_LINE}"


def test_check_runs_on_a_fresh_clone_without_shared(project_without_git: Path) -> None:
    assert not (project_without_git.parent / "shared").exists()
    result = run_copycheck("check", cwd=project_without_git)
    assert result.returncode == 0, result.stdout + result.stderr
    stale = run_copycheck("fingerprint", "--check", cwd=project_without_git)
    assert stale.returncode == 2
    assert stale.stderr.startswith("copycheck: ") and "article.txt" in stale.stderr


def test_a_page_copying_an_article_sentence_fails_naming_file_and_line(
    tmp_path: Path, synthetic_fingerprint: Path
) -> None:
    docs = page_folder(tmp_path, f"Our notes say that {SYNTHETIC_COPIED}, as the log shows.")
    result = run_copycheck("check", docs, "--fingerprint", synthetic_fingerprint)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"{docs / 'page.md'}:3: {SYNTHETIC_COPIED}",
        f"copycheck: 1 {LAST_LINE}",
    ]


def test_quoting_the_article_quotation_verbatim_passes(
    tmp_path: Path, synthetic_fingerprint: Path
) -> None:
    docs = page_folder(
        tmp_path, f"The harbour master said the fleet would \u2018{SYNTHETIC_QUOTATION}\u2019."
    )
    result = run_copycheck("check", docs, "--fingerprint", synthetic_fingerprint)
    assert result.returncode == 0, result.stdout


def test_restating_the_article_in_other_words_passes(
    tmp_path: Path, synthetic_fingerprint: Path
) -> None:
    docs = page_folder(
        tmp_path,
        "With the oil barge a week late, the lamp keepers held off; the harbour chief"
        " expected the boats to leave at dawn in any weather.",
    )
    result = run_copycheck("check", docs, "--fingerprint", synthetic_fingerprint)
    assert result.returncode == 0, result.stdout


def test_a_run_across_a_paragraph_break_belongs_to_the_paragraph_it_starts_in() -> None:
    text = synthetic_article()
    data = fingerprint(text)
    ends = SYNTHETIC_BODY[-1].split()[-4:]  # the last words of P15, then the bio's first four
    crossing = shingle([w.strip(".").lower() for w in ends] + ["ada", "marrow", "is", "a"])
    by_number = {p["number"]: set(p["shingles"]) for p in data["paragraphs"]}
    assert crossing in by_number[15]
    union = set().union(*by_number.values())
    assert union == {shingle(gram) for gram in article_ngrams(text)}


def test_an_article_without_15_numbered_paragraphs_is_refused_naming_it(tmp_path: Path) -> None:
    short = tmp_path / "short.txt"
    short.write_text(synthetic_article(SYNTHETIC_BODY[:-1]), encoding="utf-8")
    result = run_copycheck("fingerprint", "--source", short, "--output", tmp_path / "out.json")
    assert result.returncode == 2
    assert result.stderr.strip() == (
        f"copycheck: {short}: expected 15 numbered paragraphs (summary, caption and 13 in the"
        " body), found 14"
    )
    assert not (tmp_path / "out.json").exists()


def test_fingerprint_check_fails_when_the_article_changed_since(
    tmp_path: Path, synthetic_fingerprint: Path
) -> None:
    article = tmp_path / "article.txt"
    article.write_text(synthetic_article(), encoding="utf-8")
    args = ("fingerprint", "--check", "--source", article, "--output", synthetic_fingerprint)
    assert run_copycheck(*args).returncode == 0
    article.write_text(synthetic_article().replace("oil barge", "coal barge"), encoding="utf-8")
    stale = run_copycheck(*args)
    assert stale.returncode == 1
    assert (
        stale.stderr
        == f"copycheck: {synthetic_fingerprint} is stale; regenerate it from {article}\n"
    )


def test_fingerprint_numbers_15_paragraphs_in_order_then_other_text() -> None:
    paragraphs = committed()["paragraphs"]
    numbered = [(p["number"], p["part"]) for p in paragraphs if p["number"] is not None]
    assert numbered == [(k, PARTS.get(k, BODY)) for k in range(1, 16)]
    assert numbered[:3] == [(1, "In brief"), (2, "Photo caption"), (3, "Body")]
    assert (paragraphs[-1]["number"], paragraphs[-1]["part"]) == (None, OTHER)
    assert all(p["shingles"] == sorted(p["shingles"]) for p in paragraphs)


def test_fingerprint_holds_no_words_of_the_article() -> None:
    data = committed()
    metadata = {NORMALISATION, OTHER, BODY, "sha256", *PARTS.values()}

    def strings(value: object) -> list[str]:
        if isinstance(value, dict):
            return [s for key, item in value.items() for s in [key, *strings(item)]]
        if isinstance(value, list):
            return [s for item in value for s in strings(item)]
        return [value] if isinstance(value, str) else []

    assert all(len(s) <= HEX_CHARS or s in metadata for s in strings(data))
    shingles = [s for p in data["paragraphs"] for s in p["shingles"]]
    assert shingles and all(len(s) == HEX_CHARS and int(s, 16) >= 0 for s in shingles)


def test_fingerprint_is_up_to_date_with_the_article_where_it_exists(tmp_path: Path) -> None:
    missing = tmp_path / "article.txt"
    refused = run_copycheck("fingerprint", "--check", "--source", missing)
    assert refused.returncode == 2
    assert refused.stderr.count("\n") == 1 and str(missing) in refused.stderr
    if ARTICLE.is_file():  # maintainers' machines: the committed file is what the article gives
        result = run_copycheck("fingerprint", "--check", "--source", ARTICLE)
        assert result.returncode == 0, result.stderr
        lines = ARTICLE.read_text(encoding="utf-8").split("\n")
        numbers = paragraph_numbers(lines)
        numbered = {n: line for n, line in zip(numbers, lines, strict=True) if n}
        assert numbered[2].startswith("Oleg Kozhemyako")
        bio = next(i for i, line in enumerate(lines) if line.startswith("Gabriela Bernal is"))
        assert numbers.index(15) == max(i for i in range(bio) if lines[i].strip())


def test_project_tool_and_shared_tool_report_the_same_runs(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs", docs)
    ours = run_copycheck("check", ROOT / "docs")
    assert ours.returncode == 0, ours.stdout
    if not ARTICLE.is_file():  # a fresh clone: nothing to plant or compare with, by design
        assert run_copycheck("fingerprint", "--check").returncode == 2
        return
    # Plant real text at run time (never committed): the longest paragraph at a page's end, and
    # the whole article, quotations and all, as a page of its own.
    article = ARTICLE.read_text(encoding="utf-8")
    sentence = max(article.splitlines(), key=len)
    (docs / "copied.md").write_text(f"# Copied\n\n{sentence}\n\n{article}", encoding="utf-8")
    with (docs / "glossary.md").open("a", encoding="utf-8") as page:
        page.write(f"\n{sentence}\n")
    planted = run_copycheck("check", docs)
    assert planted.returncode == 1
    assert f"{docs / 'copied.md'}:3:" in planted.stdout
    assert f"{docs / 'glossary.md'}:" in planted.stdout
    assert planted.stdout.count("copied.md:") > 2  # the quotations cut the article's runs
    if SHARED_TOOL.is_file():
        for folder, result in ((ROOT / "docs", ours), (docs, planted)):
            reference = shared_copycheck(folder)
            assert (result.returncode, result.stdout) == (reference.returncode, reference.stdout)


def test_bad_input_gives_one_line_naming_the_file_and_exit_2(tmp_path: Path) -> None:
    not_json = tmp_path / "broken.json"
    not_json.write_text("{", encoding="utf-8")
    with_words = tmp_path / "words.json"
    data = committed()
    data["paragraphs"][0]["shingles"] = ["these are words"]
    with_words.write_text(json.dumps(data), encoding="utf-8")
    article = tmp_path / "article.txt"
    article.write_text(synthetic_article(), encoding="utf-8")
    not_an_article = ("fingerprint", "--source", not_json, "--output", tmp_path / "out.json")
    latin1 = page_folder(tmp_path, "")
    (latin1 / "page.md").write_bytes(b"\xe9t\xe9\n")  # Latin-1, not UTF-8
    cases = [
        (("check", tmp_path / "no-such-folder"), "no-such-folder: not a folder"),
        (("check", "--fingerprint", not_json), f"{not_json}: not JSON"),
        (("check", "--fingerprint", with_words), f"{with_words}: paragraph"),
        (("check", "--fingerprint", tmp_path / "none.json"), "none.json: cannot read"),
        (("check", latin1), f"{latin1 / 'page.md'}: cannot read the page (not UTF-8 text)"),
        (("check", latin1 / "page.md"), "page.md: not a folder"),
        (not_an_article, f"{not_json}: no 'Reading Time' line ends the header"),
        (
            ("fingerprint", "--source", article, "--output", tmp_path / "no" / "out.json"),
            "out.json: cannot write (No such file or directory)",
        ),
    ]
    for args, named in cases:
        result = run_copycheck(*args)
        assert result.returncode == 2, (args, result.stdout, result.stderr)
        assert result.stderr.count("\n") == 1 and named in result.stderr, result.stderr
        assert "Traceback" not in result.stderr
