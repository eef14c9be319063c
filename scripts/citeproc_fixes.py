"""Where citeproc-py 0.11.1 renders CSL wrongly, and only that: three fixes, each tested.

- `initialize="false"` on `<name>` (CSL 1.0.1) is ignored, so MLA and Chicago would print
  "Bernal, G." where the style asks for "Bernal, Gabriela": `apply()` patches that one method.
- The en-US locale's `punctuation-in-quote="true"` is not applied (citeproc-py's code for it is
  commented out): `punctuation_inside_quotes` moves a period or comma inside the closing mark.
- The HTML formatter does not escape the item's own text: `shield` swaps markup characters for
  private-use stand-ins (which no text-case rule touches) before rendering, and `unshield`
  turns them into entities after, so a title like "<script>" comes out inert and intact.

Nothing else of citeproc-py is touched: speed comes from the render cache, not from patches.
"""

from __future__ import annotations

import re
from typing import Any

from citeproc import model

# Set on citeproc's own module, so that even a second copy of this module (a hook file loaded
# by path imports its helpers afresh in some tests) never wraps the method twice.
_MARK = "_initialize_false_fixed_by_nk2023_edition"

_PUNCTUATION_AFTER_QUOTE = re.compile("\u201d([.,])")
_SHIELD = str.maketrans({"&": "\ue000", "<": "\ue001", ">": "\ue002"})
_UNSHIELD = str.maketrans({"\ue000": "&amp;", "\ue001": "&lt;", "\ue002": "&gt;"})


def apply() -> None:
    """Teach citeproc-py `initialize="false"`; calling it again does nothing.

    The option may sit on the name element or be inherited from `<citation>`,
    `<bibliography>` or `<style>`; the nearest one wins.
    """
    if getattr(model, _MARK, False):
        return
    original = model.Name.initialize

    def initialize(self: model.Name, given: Any, mark: str, context: Any) -> Any:
        nearest = self.xpath("ancestor-or-self::*[@initialize][1]/@initialize")
        if nearest and str(nearest[-1]).lower() == "false":
            return given
        return original(self, given, mark, context)

    model.Name.initialize = initialize  # type: ignore[method-assign]
    setattr(model, _MARK, True)


def shield(value: Any) -> Any:
    """The item's text with `&`, `<` and `>` swapped for stand-ins, recursively."""
    if isinstance(value, str):
        return value.translate(_SHIELD)
    if isinstance(value, list):
        return [shield(part) for part in value]
    if isinstance(value, dict):
        return {key: shield(part) for key, part in value.items()}
    return value


def unshield(html: str) -> str:
    """citeproc-py's HTML with the stand-ins written as entities."""
    return html.translate(_UNSHIELD)


def punctuation_inside_quotes(html: str) -> str:
    """American style: a period or comma after a closing quotation mark goes inside it."""
    return _PUNCTUATION_AFTER_QUOTE.sub("\\1\u201d", html)
