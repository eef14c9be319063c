"""Who moved closer to whom in 2023: the overview's `alignments` front matter, validated, and
drawn as six countries with the year's moves as labelled links to their sections.

Front matter (index.md; every field required, any other key rejected):

    alignments:
      - {from: north-korea, to: russia, label: Summit, Sep, kind: summit, effect: closer,
         section: russia.md#kim-putin-summit}

- `from`, `to`: two different COUNTRIES ids. `label`: the short text on the link (at most
  LABEL_MAX characters). `kind`: one of KINDS. `effect`: `closer` or `apart`.
- `section`: `page.md#id`, a heading of that page (checked against every page's headings).
- Errors name the file, the entry and the field, as front matter errors do:
  `docs/index.md: alignments[2]: field 'to': unknown country 'rusia' (allowed: ...)`.

Layout: fixed, not computed. Six nodes are few, and their places carry meaning a layout engine
cannot know: the countries sit roughly where they are on a map (Russia north, China west, the
two Koreas one above the other, Japan and the United States east), so the diagram reads with the
locator map, is byte-for-byte the same at every build and needs no system package. The moves
between one pair share one line, their labels stacked at its middle.

Words go through the language's catalog (`text`, scripts/languages.py): the countries' names,
the kinds and effects of the moves, the title, description, caption and table. A country's box
is sized to its name: 8.5 px a Latin letter, 14 px (1 em) a Hangul syllable (`text_width`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from html import escape
from typing import Any
from unicodedata import east_asian_width

from scripts import languages
from scripts.frontmatter import check_keys, text_field
from scripts.languages import UiText
from scripts.pictures.common import SVG_HREF, figure, href
from scripts.strict_yaml import FrontMatterError, yaml_kind

FIELD = "alignments"
MARKER = "<!-- alignment-diagram -->"
KEYS = ("from", "to", "label", "kind", "effect", "section")
KINDS = ("summit", "statement", "arms", "launch", "vote", "suspension")
EFFECTS = ("closer", "apart")
LABEL_MAX = 24
# id -> (name, x, y) in the 380 by 400 viewBox: a rough map of the region.
COUNTRIES: dict[str, tuple[str, int, int]] = {
    "russia": ("Russia", 190, 24),
    "china": ("China", 44, 130),
    "north-korea": ("North Korea", 190, 200),
    "south-korea": ("South Korea", 190, 376),
    "japan": ("Japan", 330, 200),
    "united-states": ("United States", 312, 300),
}
# Where a pair's labels go (x, y of the first, text-anchor), placed by hand beside its line
# where no other line or label passes; a pair not listed gets its labels at the line's middle.
LABELS: dict[frozenset[str], tuple[int, int, str]] = {
    frozenset(("russia", "north-korea")): (182, 90, "end"),
    frozenset(("china", "north-korea")): (132, 214, "end"),
    frozenset(("north-korea", "japan")): (272, 178, "middle"),
    frozenset(("north-korea", "united-states")): (256, 246, "start"),
    frozenset(("north-korea", "south-korea")): (182, 280, "end"),
    frozenset(("united-states", "south-korea")): (262, 358, "start"),
}
WIDTH, HEIGHT = 380, 400
LINE_PX = 18
# The labels' font size (site.css: 14 user units) and a Latin letter's width at it (bold, on
# average); a Hangul syllable, or any East Asian wide character, is 1 em wide.
FONT_PX = 14
LATIN_PX = 8.5
# The tooltip of a move, one whole sentence for each effect (Korean puts the verb last).
SENTENCES = {
    "closer": "{label} ({kind}): {source} moves closer to {target}",
    "apart": "{label} ({kind}): {source} moves apart from {target}",
}


def text_width(words: str) -> float:
    """About how wide `words` are at FONT_PX, in user units: Latin letters LATIN_PX each,
    East Asian wide characters (Hangul, kana, CJK ideographs) one em."""
    return sum(FONT_PX if east_asian_width(char) in "WF" else LATIN_PX for char in words)


@dataclass(frozen=True, slots=True)
class Move:
    """One move of 2023 between two countries, and the section that tells it."""

    source: str
    target: str
    label: str
    kind: str
    effect: str
    section: str
    position: int


def validate(raw: Any, label: str, headings: Mapping[str, Mapping[str, str]]) -> list[Move]:
    """Check the `alignments` field of the page `label`; `headings` maps every page path to its
    heading ids, so that `section` is proved as MkDocs proves a Markdown link."""
    if not isinstance(raw, list) or not raw:
        raise FrontMatterError(
            f"{label}: field {FIELD!r}: must be a list of moves, got {yaml_kind(raw)}"
        )
    moves = []
    for position, entry in enumerate(raw):
        where = f"{label}: {FIELD}[{position}]"
        if not isinstance(entry, dict):
            raise FrontMatterError(
                f"{where}: must be a mapping of fields ({', '.join(KEYS)}), got {yaml_kind(entry)}"
            )
        check_keys(entry, KEYS, KEYS, where)
        values = {key: text_field(entry[key], where, key) for key in KEYS}
        for key in ("from", "to"):
            if values[key] not in COUNTRIES:
                raise FrontMatterError(
                    f"{where}: field {key!r}: unknown country {values[key]!r} "
                    f"(allowed: {', '.join(COUNTRIES)})"
                )
        if values["from"] == values["to"]:
            raise FrontMatterError(f"{where}: field 'to': a move links two different countries")
        for key, allowed in (("kind", KINDS), ("effect", EFFECTS)):
            if values[key] not in allowed:
                raise FrontMatterError(
                    f"{where}: field {key!r}: {values[key]!r} is not one of {', '.join(allowed)}"
                )
        if len(values["label"]) > LABEL_MAX:
            raise FrontMatterError(
                f"{where}: field 'label': {len(values['label'])} characters, at most "
                f"{LABEL_MAX} fit on the diagram"
            )
        page, _, anchor = values["section"].partition("#")
        if page not in headings or anchor not in headings[page]:
            known = ", ".join(headings.get(page, {})) if page in headings else "no such page"
            raise FrontMatterError(
                f"{where}: field 'section': {values['section']!r} is no heading "
                f"(give page.md#id; ids there: {known})"
            )
        moves.append(
            Move(
                values["from"],
                values["to"],
                values["label"],
                values["kind"],
                values["effect"],
                values["section"],
                position,
            )
        )
    return moves


def _pairs(moves: Sequence[Move]) -> dict[frozenset[str], list[Move]]:
    pairs: dict[frozenset[str], list[Move]] = {}
    for move in moves:
        pairs.setdefault(frozenset((move.source, move.target)), []).append(move)
    return pairs


def render(moves: Sequence[Move], *, on_page: str, text: UiText = languages.ENGLISH) -> str:
    """The diagram as a `<figure>`: the SVG, its caption, and the moves as a table, worded by
    the language's catalog `text`."""
    out = [
        f'<svg class="pic-align__svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
        'aria-labelledby="pic-align-title pic-align-desc" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="pic-align-title">{escape(text("Who moved closer to whom in 2023"))}</title>',
        f'<desc id="pic-align-desc">{escape(_summary(moves, text))}</desc>',
    ]
    pairs = _pairs(moves)
    for pair, group in pairs.items():
        one, other = sorted(pair, key=list(COUNTRIES).index)
        effects = {move.effect for move in group}
        effect = effects.pop() if len(effects) == 1 else "mixed"
        (_, x1, y1), (_, x2, y2) = COUNTRIES[one], COUNTRIES[other]
        out.append(
            f'<line class="pic-align__link pic-align__link--{effect}" '
            f'x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}"/>'
        )
    for pair, group in pairs.items():
        one, other = sorted(pair, key=list(COUNTRIES).index)
        (_, x1, y1), (_, x2, y2) = COUNTRIES[one], COUNTRIES[other]
        x, y, anchor = LABELS.get(
            pair, ((x1 + x2) // 2, (y1 + y2) // 2 - (len(group) - 1) * LINE_PX // 2, "middle")
        )
        for index, move in enumerate(group):
            link = escape(href(on_page, move.section))
            out.append(
                f'<a class="pic-align__move pic-align__move--{move.effect}" {SVG_HREF}="{link}">'
                f"<title>{escape(_sentence(move, text))}</title>"
                f'<text x="{x}" y="{y + index * LINE_PX}" text-anchor="{anchor}">'
                f"{escape(move.label)}</text></a>"
            )
    for country, (_, x, y) in COUNTRIES.items():
        name = _name(country, text)
        width = round(text_width(name)) + 16
        out.append(
            f'<g class="pic-align__node"><rect x="{x - width / 2:g}" y="{y - 13}" '
            f'width="{width}" height="26" rx="13"/>'
            f'<text x="{x}" y="{y + 5}" text-anchor="middle">{escape(name)}</text></g>'
        )
    out.append("</svg>")
    caption = escape(
        text(
            "Who moved closer to whom in 2023: a solid line joins countries that drew closer, a "
            "dashed line countries that drew apart; each label is a move of the year and links "
            "to the section that tells it. The countries sit roughly where they are on the map."
        )
    )
    return figure(
        "align",
        "\n".join(out),
        caption,
        _table(moves, on_page=on_page, text=text),
        data_summary=text("The moves as a table"),
    )


def _name(country: str, text: UiText) -> str:
    return text(COUNTRIES[country][0])


def _sentence(move: Move, text: UiText) -> str:
    return text(
        SENTENCES[move.effect],
        label=move.label,
        kind=text(move.kind),
        source=_name(move.source, text),
        target=_name(move.target, text),
    )


def _summary(moves: Sequence[Move], text: UiText) -> str:
    def pairs(effect: str) -> str:
        joined = set()
        for move in moves:
            if move.effect == effect:
                one, other = sorted(_name(c, text) for c in (move.source, move.target))
                joined.add(text("{one} and {other}", one=one, other=other))
        return "; ".join(sorted(joined))

    return text(
        "{count} moves between six countries. Drew closer: {closer}. Drew apart: {apart}.",
        count=len(moves),
        closer=pairs("closer"),
        apart=pairs("apart"),
    )


def _table(moves: Sequence[Move], *, on_page: str, text: UiText) -> str:
    heads = "".join(
        f"<th>{escape(text(head))}</th>" for head in ("From", "To", "Move", "Kind", "Effect")
    )
    rows = [f"<table><thead><tr>{heads}</tr></thead><tbody>"]
    for move in moves:
        rows.append(
            f"<tr><td>{escape(_name(move.source, text))}</td>"
            f"<td>{escape(_name(move.target, text))}</td>"
            f'<td><a href="{escape(href(on_page, move.section))}">{escape(move.label)}</a></td>'
            f"<td>{escape(text(move.kind))}</td><td>{escape(text(move.effect))}</td></tr>"
        )
    rows.append("</tbody></table>")
    return "".join(rows)
