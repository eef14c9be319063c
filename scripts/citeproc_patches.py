"""citeproc-py 0.11.1, taught one CSL rule it misses and spared repeated work.

`apply()` patches citeproc-py's classes once per process. Each patch says what it fixes:

- CSL 1.0.1's `initialize="false"` on `<name>`, which citeproc-py ignores (a fix);
- lookups whose answer depends only on the style, never on the item being cited, which
  citeproc-py repeats for every element of every entry (speed). A CSL style is read-only
  once parsed (scripts/citations.py parses each one once), so the first answer stays right.
  Together they make an entry about twice as fast to render; the citation tests compare
  the output with fixed expected text.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from citeproc import model, source

# Set on citeproc's own module, so that even a second copy of this module (a hook file loaded
# by path imports its helpers afresh in some tests) never wraps the methods twice.
_MARK = "_patched_by_nk2023_edition"


def apply() -> None:
    """Patch citeproc-py's classes; calling it again does nothing."""
    if getattr(model, _MARK, False):
        return
    _honour_initialize_false()
    _remember_macros()
    # Whether an element (or a macro it calls) renders a variable: the test a `<group>`
    # makes of each child for each entry, recursing through the whole subtree every time.
    for cls in (
        model.Parent,
        model.Text,
        model.Group,
        model.Date,
        model.Number,
        model.Names,
        model.Label,
    ):
        _remember_per_element(cls, "calls_variable")
    # XPath searches up the tree for the enclosing `<layout>` and `<locale>`.
    _remember_per_element(model.CitationStylesElement, "get_layout")
    _remember_per_element(model.Date, "is_locale_date")
    _remember_terms()
    _remember_references()
    setattr(model, _MARK, True)


def _remember_per_element(cls: type, name: str) -> None:
    """Answer a no-argument method once per element of the parsed style.

    Keyed on the element object: lxml keeps one Python proxy per node while it is referenced,
    and the cache holds that reference.
    """
    original: Callable[[Any], Any] = cls.__dict__[name]
    answers: dict[Any, Any] = {}

    def remembered(self: Any) -> Any:
        try:
            return answers[self]
        except KeyError:
            answers[self] = answer = original(self)
            return answer

    setattr(cls, name, remembered)


def _remember_terms() -> None:
    """Look a locale term up once per locale instead of with an XPath search per use."""
    original = model.Locale.get_term
    found: dict[tuple[Any, str, str | None, bool], Any] = {}
    missing = object()

    def get_term(self: model.Locale, name: str, form: str | None = None, zero_padded: bool = False):
        key = (self, name, form, zero_padded)
        if key not in found:
            try:
                found[key] = original(self, name, form, zero_padded)
            except IndexError:  # the caller tries the next locale
                found[key] = missing
        if found[key] is missing:
            raise IndexError(name)
        return found[key]

    model.Locale.get_term = get_term  # type: ignore[method-assign]


def _remember_references() -> None:
    """Find a cited item's reference once, not through three properties at every element.

    `CitationItem.reference` walks citation -> bibliography -> source for each of the
    hundreds of conditions a style tests per entry; the answer never changes for an item.
    """
    original = source.CitationItem.reference.fget

    def reference(self: source.CitationItem) -> Any:
        remembered = self.__dict__.get("_reference")
        if remembered is None:
            remembered = self.__dict__["_reference"] = original(self)
        return remembered

    source.CitationItem.reference = property(reference)  # type: ignore[method-assign]


def _remember_macros() -> None:
    """Look each CSL macro up once per style instead of once per use.

    citeproc-py finds a macro with an XPath search over the whole style every time one is
    called; that search was half of the time spent citing this site's sections and events.
    """
    original = model.CitationStylesElement.get_macro
    found: dict[tuple[str | None, str], Any] = {}

    def get_macro(self: model.CitationStylesElement, name: str) -> Any:
        key = (self.getroottree().docinfo.URL, name)
        if key not in found:
            found[key] = original(self, name)
        return found[key]

    model.CitationStylesElement.get_macro = get_macro  # type: ignore[method-assign]


def _honour_initialize_false() -> None:
    """Teach citeproc-py 0.11.1 CSL 1.0.1's `initialize="false"` on `<name>`.

    citeproc-py ignores that attribute, so MLA and Chicago would print "Bernal, G." where the
    style asks for "Bernal, Gabriela". The option may sit on the name element or be inherited
    from `<citation>`, `<bibliography>` or `<style>`; the nearest one wins.
    """
    original = model.Name.initialize

    def initialize(self: model.Name, given: Any, mark: str, context: Any) -> Any:
        nearest = self.xpath("ancestor-or-self::*[@initialize][1]/@initialize")
        if nearest and str(nearest[-1]).lower() == "false":
            return given
        return original(self, given, mark, context)

    model.Name.initialize = initialize  # type: ignore[method-assign]
