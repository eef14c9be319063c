"""The site's three pictures, as inline SVG built from the same records as the pages.

- `strip`: the timeline strip (every event on a time axis), on the timeline page and, compact,
  on the overview;
- `alignments`: who moved closer to whom in 2023, from the overview's `alignments` front
  matter, in a fixed six-country layout;
- `locator`: the locator map that `scripts/tools/locator_map.mjs` draws from Natural Earth,
  committed as `includes/locator-map.svg` (the Korean one as `includes/ko/locator-map.svg`),
  with the list of its places.

Every word they write goes through the build's catalog (`text`, scripts/languages.py), so the
Korean build's pictures speak Korean (includes/ko/ui-text-pictures.yml).

Each picture is a `<figure>` with a visible caption, an SVG with `<title>` and `<desc>`, and
the same data as a list in a `<details>` below it. Links are written from the page that shows
the picture (`common.href`), so they work under any sub-folder. Nothing here imports MkDocs.
"""
