"""Find prose in the site that repeats the source article word for word.

    python -m scripts.tools.copycheck check [DOCS_DIR ...]
        list every run of 8+ consecutive words a page shares with the article (default: docs)
    python -m scripts.tools.copycheck fingerprint [--source ARTICLE] [--check]
        regenerate scripts/tools/article-fingerprint.json from the article (maintainers only),
        or with --check fail when the committed file is stale

Why hashes: the article is copyrighted and never committed, yet the check must run on a fresh
clone. The committed fingerprint holds, per paragraph, the sorted, truncated sha256 of each run
of 8 normalised words of the article's own prose (quotations removed), so the file cannot be
read as prose. It hides the text from reading, not from a determined guesser: whoever knows
8 consecutive words can test guesses for the next one. Any public check that agrees exactly
with ../shared/tools/copycheck.py is such an oracle; keep that in mind before widening its use.

Normalisation (the same as the shared tool, so both report the same runs):
- words are lower-cased matches of [a-z0-9]+ with an optional 's-like tail (a curly
  apostrophe read as a straight one);
- in the article, a quotation (a left curly quote, single or double, up to the first right
  curly quote not followed by a letter) is a wall: no run crosses it, and its words are not
  in the fingerprint, so a page may quote the article's quotations verbatim. Runs do cross
  line and paragraph breaks;
- in a page, front matter, fenced code, link targets, inline HTML tags and attr_list braces
  are dropped. A page's own quotations are kept: dropping them would let a copied sentence
  hide between curly quotes and would break agreement with the shared tool.

Paragraph numbers (shared with the editors' paragraph map), by rule from the text, one
paragraph per non-blank line as the capture stores them:
- the header runs up to the line starting "Reading Time"; the next line is the photo caption
  (P2); then comes the "In Brief" heading, and the line after it is the summary (P1);
- the body (P3 onwards) is every later line except the navigation lines ("• A"), up to the
  author's bio, the first line of the form "<Name Surname> is a/an ...";
- there must be 13 body paragraphs, 15 in all. Other text (header, heading, navigation, bio,
  series line, site furniture) is fingerprinted unnumbered, as the shared tool reads it too.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections.abc import Collection, Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FINGERPRINT = Path(__file__).resolve().parent / "article-fingerprint.json"
DEFAULT_SOURCE = ROOT.parent / "shared" / "source" / "article.txt"

WORDS = 8
HEX_CHARS = 16
VERSION = 1
# Curly quotes, spelled as escapes so that no reader mistakes one for another.
LEFT_SINGLE, RIGHT_SINGLE, LEFT_DOUBLE, RIGHT_DOUBLE = "\u2018", "\u2019", "\u201c", "\u201d"
NORMALISATION = (
    f"lower-cased [a-z0-9]+ words with an optional 's-like tail ({RIGHT_SINGLE} as '); "
    f"quotations ({LEFT_SINGLE} or {LEFT_DOUBLE} to the first {RIGHT_SINGLE} or {RIGHT_DOUBLE} "
    "not followed by a letter) removed as walls between runs; sha256 of the words joined by "
    "single spaces, first 16 hex characters"
)
PARTS = {1: "In brief", 2: "Photo caption"}
BODY = "Body"
OTHER = "Other text (title, byline, site furniture)"
NUMBERED_PARAGRAPHS = 15

WORD = re.compile(rf"[a-z0-9]+(?:['{RIGHT_SINGLE}][a-z]+)?")
# A quotation opens with a left curly quote and closes at the first right one not followed by
# a letter (so the apostrophe in "Kim's" does not close it).
QUOTE = re.compile(
    rf"[{LEFT_SINGLE}{LEFT_DOUBLE}].*?[{RIGHT_SINGLE}{RIGHT_DOUBLE}](?![A-Za-z])", re.S
)
NAVIGATION = re.compile(r"•\s*A")
BIO = re.compile(rf"(?:[A-Z][\w{RIGHT_SINGLE}'-]* ){{2,3}}is an? ")
SHINGLE = re.compile(rf"[0-9a-f]{{{HEX_CHARS}}}")


class CopycheckError(Exception):
    """Bad input: a missing or malformed file, or an article that breaks the numbering rule."""


def _reason(error: Exception) -> str:
    """Why a file could not be read, in words, without repeating its name."""
    if isinstance(error, UnicodeDecodeError):
        return "not UTF-8 text"
    if isinstance(error, OSError) and error.strerror:
        return error.strerror
    return str(error)


def words(text: str) -> list[str]:
    """The normalised words of `text`, in order."""
    return [w.replace(RIGHT_SINGLE, "'") for w in WORD.findall(text.lower())]


def shingle(gram: Collection[str]) -> str:
    """The committed form of one run of words: it identifies the run without spelling it."""
    return hashlib.sha256(" ".join(gram).encode("utf-8")).hexdigest()[:HEX_CHARS]


# --- the article side ------------------------------------------------------------------------


def prose_chunks(text: str) -> Iterator[tuple[int, str]]:
    """(offset, text) of each stretch between quotations: the pieces QUOTE.split gives."""
    start = 0
    for match in QUOTE.finditer(text):
        yield start, text[start : match.start()]
        start = match.end()
    yield start, text[start:]


def article_ngrams(text: str, n: int = WORDS) -> set[tuple[str, ...]]:
    """Every n-gram of the article's prose, read as the shared tool reads it.

    Kept as the reference the per-paragraph fingerprint must add up to (see `fingerprint`).
    """
    grams: set[tuple[str, ...]] = set()
    for _, chunk in prose_chunks(text):
        ws = words(chunk)
        grams.update(tuple(ws[i : i + n]) for i in range(len(ws) - n + 1))
    return grams


def paragraph_numbers(lines: list[str]) -> list[int | None]:
    """The paragraph number of each line (None: not numbered), by the rule in the docstring."""
    numbers: list[int | None] = [None] * len(lines)
    filled = [i for i, line in enumerate(lines) if line.strip()]
    position = next(
        (k for k, i in enumerate(filled) if lines[i].strip().startswith("Reading Time")), None
    )
    if position is None:
        raise CopycheckError("no 'Reading Time' line ends the header")
    rest = filled[position + 1 :]
    if len(rest) < 3 or lines[rest[1]].strip().lower() != "in brief":
        raise CopycheckError("the caption after 'Reading Time' is not followed by 'In Brief'")
    numbers[rest[0]], numbers[rest[2]] = 2, 1
    number = 2
    for i in rest[3:]:
        line = lines[i].strip()
        if BIO.match(line):
            break
        if not NAVIGATION.fullmatch(line):
            number += 1
            numbers[i] = number
    else:
        raise CopycheckError("no author bio ('<Name> is a ...') ends the body")
    if number != NUMBERED_PARAGRAPHS:
        raise CopycheckError(
            f"expected {NUMBERED_PARAGRAPHS} numbered paragraphs (summary, caption and 13 in "
            f"the body), found {number}"
        )
    return numbers


def fingerprint(text: str, n: int = WORDS) -> dict[str, object]:
    """The data committed for `text`: hashed n-grams per paragraph, each where its run starts.

    Runs that cross a paragraph break belong to the paragraph of their first word, so the
    union over paragraphs is exactly the shared tool's set; this is checked, not assumed.
    """
    lines = text.split("\n")
    numbers = paragraph_numbers(lines)
    shingles: dict[int | None, set[str]] = {number: set() for number in numbers}
    for offset, chunk in prose_chunks(text):
        first_line = text.count("\n", 0, offset)
        tokens = [
            (numbers[first_line + k], word)
            for k, line in enumerate(chunk.split("\n"))
            for word in words(line)
        ]
        for i in range(len(tokens) - n + 1):
            shingles[tokens[i][0]].add(shingle([w for _, w in tokens[i : i + n]]))
    union = set().union(*shingles.values())
    if union != {shingle(gram) for gram in article_ngrams(text, n)}:
        raise CopycheckError("the per-paragraph shingles do not add up to the article's n-grams")
    paragraphs: list[dict[str, object]] = [
        {"number": k, "part": PARTS.get(k, BODY), "shingles": sorted(shingles[k])}
        for k in range(1, NUMBERED_PARAGRAPHS + 1)
    ]
    paragraphs.append({"number": None, "part": OTHER, "shingles": sorted(shingles[None])})
    return {
        "version": VERSION,
        "words": n,
        "hash": "sha256",
        "normalisation": NORMALISATION,
        "paragraphs": paragraphs,
    }


def format_fingerprint(data: dict[str, object]) -> str:
    """The file's text: one shingle a line, so a regenerated file diffs readably."""
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


@dataclass(frozen=True)
class Fingerprint:
    """What the check needs from the committed file: the run length and every shingle."""

    words: int
    shingles: frozenset[str] = field(repr=False)


def load_fingerprint(path: Path = FINGERPRINT) -> Fingerprint:
    """Read and validate the committed file; any problem is a CopycheckError naming it."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise CopycheckError(f"{path}: cannot read the fingerprint ({_reason(error)})") from None
    except json.JSONDecodeError as error:
        raise CopycheckError(f"{path}: not JSON ({error})") from None
    problem = _fingerprint_problem(data)
    if problem:
        raise CopycheckError(f"{path}: {problem}")
    found = {s for paragraph in data["paragraphs"] for s in paragraph["shingles"]}
    return Fingerprint(words=data["words"], shingles=frozenset(found))


def _fingerprint_problem(data: object) -> str | None:
    if not isinstance(data, dict) or data.get("version") != VERSION:
        return f"not a version {VERSION} article fingerprint"
    if data.get("hash") != "sha256":
        return "hash is not sha256"
    n = data.get("words")
    if not isinstance(n, int) or isinstance(n, bool) or n < 4:
        return "'words' must be a whole number of at least 4"
    paragraphs = data.get("paragraphs")
    if not isinstance(paragraphs, list) or not paragraphs:
        return "no paragraphs"
    for paragraph in paragraphs:
        shingles = paragraph.get("shingles") if isinstance(paragraph, dict) else None
        if not isinstance(shingles, list) or not all(
            isinstance(s, str) and SHINGLE.fullmatch(s) for s in shingles
        ):
            return f"paragraph {paragraph!r:.40}: shingles must be {HEX_CHARS} hex characters"
    return None


# --- the page side ---------------------------------------------------------------------------


def page_text(md: str) -> list[tuple[int, str]]:
    """(line number, prose) of a Markdown page: what readers read, not markup or addresses."""
    lines = md.splitlines()
    start = 0
    if lines and lines[0].strip() == "---":
        closing = next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), None)
        if closing is not None:
            start = closing + 1
    out: list[tuple[int, str]] = []
    fenced = False
    for number, line in enumerate(lines[start:], start + 1):
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
            continue
        if fenced:
            continue
        line = re.sub(r"\]\([^)]*\)", "]", line)  # link targets
        line = re.sub(r"<[^>]+>", " ", line)  # inline HTML tags
        line = re.sub(r"\{[#.][^}]*\}", " ", line)  # attr_list
        out.append((number, line))
    return out


def shared_runs(md: str, shingles: Collection[str], n: int = WORDS) -> list[tuple[int, str]]:
    """(first line, words) of each maximal run of page words whose n-grams are the article's."""
    tokens = [(number, w) for number, line in page_text(md) for w in words(line)]
    hits = [
        shingle([w for _, w in tokens[i : i + n]]) in shingles for i in range(len(tokens) - n + 1)
    ]
    runs: list[tuple[int, str]] = []
    i = 0
    while i < len(hits):
        if not hits[i]:
            i += 1
            continue
        j = i
        while j + 1 < len(hits) and hits[j + 1]:
            j += 1
        runs.append((tokens[i][0], " ".join(w for _, w in tokens[i : j + n])))
        i = j + 1
    return runs


def check_folders(folders: list[Path], known: Fingerprint) -> list[str]:
    """One `path:line: words` report per shared run, pages in path order within each folder."""
    for folder in folders:
        if not folder.is_dir():
            raise CopycheckError(f"{folder}: not a folder")
    reports: list[str] = []
    for folder in folders:
        for page in sorted(folder.rglob("*.md")):
            try:
                md = page.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as error:
                raise CopycheckError(f"{page}: cannot read the page ({_reason(error)})") from None
            runs = shared_runs(md, known.shingles, known.words)
            reports.extend(f"{page}:{line}: {run}" for line, run in runs)
    return reports


# --- the commands ----------------------------------------------------------------------------


def _read_article(source: Path) -> str:
    try:
        return source.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise CopycheckError(f"{source}: cannot read the article ({_reason(error)})") from None


def run_check(folders: list[Path], fingerprint_file: Path) -> int:
    loaded = load_fingerprint(fingerprint_file)
    reports = check_folders(folders, loaded)
    for report in reports:
        print(report)
    print(
        f"copycheck: {len(reports)} run(s) of {loaded.words}+ words shared with the source article"
    )
    return 1 if reports else 0


def run_fingerprint(source: Path, output: Path, check_only: bool) -> int:
    text = _read_article(source)
    try:
        data = fingerprint(text)
    except CopycheckError as error:
        raise CopycheckError(f"{source}: {error}") from None
    if not check_only:
        try:
            output.write_text(format_fingerprint(data), encoding="utf-8")
        except OSError as error:
            raise CopycheckError(f"{output}: cannot write ({_reason(error)})") from None
        print(f"copycheck: wrote {output} from {source}")
        return 0
    try:
        committed = json.loads(output.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise CopycheckError(f"{output}: cannot read the fingerprint ({_reason(error)})") from None
    if committed != data:
        print(f"copycheck: {output} is stale; regenerate it from {source}", file=sys.stderr)
        return 1
    print(f"copycheck: {output} matches {source}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m scripts.tools.copycheck",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="list runs a page shares with the article")
    check.add_argument("folders", nargs="*", type=Path, default=[Path("docs")])
    check.add_argument("--fingerprint", type=Path, default=FINGERPRINT)
    make = commands.add_parser("fingerprint", help="regenerate the committed fingerprint")
    make.add_argument("--source", type=Path, default=DEFAULT_SOURCE, help="the article")
    make.add_argument("--output", type=Path, default=FINGERPRINT)
    make.add_argument("--check", action="store_true", help="fail when the file is stale")
    args = parser.parse_args(argv)
    try:
        if args.command == "check":
            return run_check(args.folders, args.fingerprint)
        return run_fingerprint(args.source, args.output, args.check)
    except CopycheckError as error:
        print(f"copycheck: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
