"""MkDocs events of this site, in build order: collect, generate, cite, publish.

The only module that imports MkDocs. Each event gathers plain data from MkDocs' objects and
hands it to the helpers, which know nothing of MkDocs:

- `on_config`: check SOURCE_DATE_EPOCH, read the anchors lock, open the citations' render cache;
- `on_files`: validate every page's front matter (`frontmatter`), then generate the timeline
  page and its downloads (`timeline`);
- `on_page_markdown`: date pages without git history by SOURCE_DATE_EPOCH (reproducible builds);
  put the pictures in place of their markers (`pictures`: the timeline strip, the alignment
  diagram, the locator map);
- `on_page_content`: cite the page, its sections and its events (`page_citations`), with
  the in-text citations "Cite this passage" fills in (`pinpoints`) and the quotations' for
  "Cite this quotation" (`quotations`);
- `on_post_page`, `on_post_template`: fix and minify the HTML (`publish`);
- `on_post_build`: write the citation data files, robots.txt, minified assets, the palette.

Editions (`editions`): `on_config` learns whether this build is an edition (mike sets
MIKE_DOCS_VERSION), `on_files` adds the "Changes and corrections" page, `on_page_content`
keeps each page's content and `on_post_build` prints the edition's PDF (`publish.pdf`).
"""

from __future__ import annotations

import json
import logging
import os
import sys
from pathlib import Path
from typing import Any

from jinja2 import pass_context
from mkdocs.commands.build import build as build_site
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

# MkDocs loads hook files by path, so the project root is not importable until added.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from scripts import (
    anchors,
    article,
    build_state,
    changes_page,
    citations,
    editions,
    frontmatter,
    korean_abbr,
    languages,
    page_citations,
    paragraph_ids,
    paragraph_map,
    pinpoints,
    project,
    quotations,
    timeline,
    translation_reuse,
)
from scripts.pictures import pages as pictures
from scripts.publish import css_trim, html_fixes, minify, palette, pdf, robots, script_text

log = logging.getLogger("mkdocs.plugins.nk2023")

GIT_DATES_PLUGIN = "git-revision-date-localized"


_build = build_state.BuildState()


def on_config(config: MkDocsConfig) -> MkDocsConfig | None:
    """Start a build: a deploy build without SITE_URL, a malformed SOURCE_DATE_EPOCH or a bad
    lock line stops it in one line."""
    global _build
    root = Path(config.config_file_path).parent
    try:
        project.check_site_url()
        project.source_date_epoch()
        lock = anchors.read_lock(root / "anchors.lock")
    except (project.SiteUrlError, project.SourceDateEpochError, anchors.LockError) as error:
        raise PluginError(str(error)) from None
    if not os.environ.get("SITE_URL", "").strip():
        log.info("SITE_URL is not set: citations and links name %s", project.LOCAL_SITE_URL)
    language = config.theme.get("language") or languages.DEFAULT
    try:
        text = languages.read_ui_text(root, language)
    except languages.CatalogError as error:
        raise PluginError(str(error)) from None
    _build = build_state.BuildState(
        lock=lock,
        page_moves=_page_moves(config),
        template_cache=build_state.open_template_cache(root),
        language=language,
        text=text,
    )
    # Where the English site is: each page's translations in the sitemap (overrides/sitemap.xml).
    english_root = config.extra["english_root"] = project.site_base(config.site_url)
    # Every paragraph, list item and note gets its own address (scripts/paragraph_ids.py).
    config.markdown_extensions.append(paragraph_ids.ParagraphIdsExtension())
    if language != languages.DEFAULT:
        # A translation lives in its folder of the English site (scripts/languages.py), and
        # its abbreviations followed by a particle (`ICBM을`) keep their tooltip.
        config.site_url = project.site_base(config.site_url) + _build.folder
        config.markdown_extensions.append(korean_abbr.KoreanAbbrExtension())
    _start_edition(config, root)
    _build.cache = build_state.open_render_cache(root, english_root, _build.edition)
    return None


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """Validate all front matter first, then add the generated timeline files.

    Runs before any page is rendered, so the timeline sees every page's events and a bad
    page stops the build with one line instead of MkDocs silently dropping its front matter.
    """
    config_dir = os.path.dirname(config.config_file_path or "mkdocs.yml")
    sources = [
        (file.src_uri, _label(file, config_dir), file.content_string)
        for file in files.documentation_pages()
        if file.generated_by is None
    ]
    nav = project.nav_files(config.nav)
    try:
        paragraphs = article.site_paragraphs(Path(config_dir or "."), _build.language)
        pages = timeline.collect(sources, paragraphs=[p.number for p in paragraphs])
        article.check_every_paragraph_restated(pages, paragraphs)
        quoted = quotations.read_quotations(
            Path(config_dir or "."), {p.path: p for p in pages}, _build.language
        )
        # The pictures' own front matter (the overview's alignments), checked against every page.
        _build.moves = pictures.collect_moves(pages)
    except frontmatter.FrontMatterError as error:
        raise PluginError(str(error)) from None
    _build.pages = {page.path: page for page in pages}
    _build.events = timeline.sort_events(pages, nav)
    _build.paragraphs = paragraphs
    _build.quotations = quoted
    _build.paragraph_sections = article.paragraph_sections(pages, paragraphs, nav)
    # The calendar is written after the pages (on_post_build), when their dates are known.
    outputs = timeline.render_all(
        _build.events, calendar=False, text=_build.text, **_timeline_settings(config)
    )
    for path, content in outputs.items():
        if files.get_file_from_path(path) is not None:
            raise PluginError(
                f"docs/{path}: the timeline generates this file at every build; remove it"
            )
        files.append(File.generated(config, path, content=content))
    log.debug("timeline: %d events from %d pages", len(_build.events), len(pages))
    _add_changes_page(files, config)
    if _build.language != languages.DEFAULT:
        _add_shared_assets(files, config)
    return files


def _add_shared_assets(files: Files, config: MkDocsConfig) -> None:
    """A translation's pages use the English docs' scripts, stylesheets and images, copied
    into the translation's own folder (docs/ko/ holds only pages)."""
    english_docs = Path(config.docs_dir).parent
    for relative in languages.shared_assets(english_docs, [_build.language]):
        if files.get_file_from_path(relative) is None:
            files.append(
                File(relative, str(english_docs), config.site_dir, config.use_directory_urls)
            )


def on_page_markdown(
    markdown: str, *, page: Page, config: MkDocsConfig, files: Files
) -> str | None:
    """Add the paragraph map (a "From the article" line under each section that restates the
    article, the table on the Sources page), and date pages without git history."""
    _date_by_source_date_epoch(page, config)
    path = page.file.src_uri
    validated = _build.pages.get(path)
    if validated is not None and validated.restates:
        markdown = paragraph_map.with_from_article_lines(
            markdown, path, validated.restates, _build.text
        )
    if path == paragraph_map.SOURCES_PAGE and _build.paragraphs:
        titles = {page.path: page.title for page in _build.pages.values()}
        table = paragraph_map.table(
            _build.paragraphs, _build.paragraph_sections, titles, _build.text
        )
        label = validated.label if validated else path
        try:
            markdown = paragraph_map.with_table(markdown, table, label)
        except article.ParagraphMapError as error:
            raise PluginError(str(error)) from None
    # The pictures (scripts/pictures): the strip on the timeline; the overview's three.
    try:
        markdown = pictures.add_pictures(
            markdown,
            path,
            label=validated.label if validated else path,
            events=_build.events,
            moves=_build.moves,
            use_directory_urls=config.use_directory_urls,
            text=_build.text,
        )
    except pictures.PictureError as error:
        raise PluginError(str(error)) from None
    return markdown


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    """Cite the page and each of its sections and events; describe it for machines."""
    cache = _build.cache
    is_timeline = page.file.src_uri == timeline.PAGE_PATH
    validated = _build.pages.get(page.file.src_uri)
    headings = tuple(page_citations.flat_headings(page.toc))
    # "Cite this quotation" (scripts/quotations.py): each quotation marked in its section.
    quoted = quotations.on_page(_build.quotations, page.file.src_uri)
    try:
        html = quotations.mark(html, quoted, validated.label if validated else page.file.src_uri)
    except quotations.QuotationError as error:
        raise PluginError(str(error)) from None
    to_cite = page_citations.PageToCite(
        title=page.title or config.site_name,
        description=validated.description
        if validated
        else str(page.meta.get("description") or config.site_description or ""),
        url=page.url,
        updated=project.updated_date(page.meta),
        is_home=page.is_homepage,
        headings=headings,
        events=tuple(page_citations.event_citables(_build.events)) if is_timeline else (),
        signposts=timeline.signposts(headings) if is_timeline else frozenset(),
    )
    original_block = None
    if page.file.src_uri == page_citations.ORIGINAL_ON_PAGE:
        formats = page_citations.original_formats(cache)
        template = on_env(config.theme.get_env(), config=config, files=files).get_template(
            "partials/cite-original.html"
        )
        original_block = template.render(formats=formats)
    cited = page_citations.cite_page(
        _site(config),
        to_cite,
        html,
        lock=_build.lock,
        page_moves=_build.page_moves,
        cache=cache,
        original_block=original_block,
        latest=_site(config, latest=True) if _build.edition is not None else None,
        pdf_url=_build.edition.pdf_url if _build.edition is not None else None,
        folder=_build.folder,
    )
    page.meta["citations"] = cited.view
    _build.data_files[cited.data_file] = pinpoints.for_page(
        cited.data,
        _site(config),
        to_cite,
        _build.cache,
        edition=_build.edition.version if _build.edition is not None else None,
    )
    if quoted:
        _build.data_files[cited.data_file]["quotations"] = quotations.data(
            quoted, cache, _build.text
        )
    if to_cite.updated is not None and validated is not None:
        _build.page_dates[validated.path] = to_cite.updated
    if _build.edition is not None:
        _build.pdf_pages[page.file.src_uri] = pdf.PdfPage(to_cite.title, page.url, cited.html)
    return cited.html


def on_env(env: Any, *, config: MkDocsConfig, files: Files) -> Any:
    """Templates write UI text through the `t` filter (`{{ "Copy" | t }}`); they are compiled
    once and kept (`build_state.open_template_cache`)."""
    env.filters["t"] = _ui_text
    env.bytecode_cache = _build.template_cache
    return env


@pass_context
def _ui_text(context: Any, english: str, **values: object) -> str:
    """Called at each render (pass_context): Jinja would fold a plain filter of a constant
    into the compiled template, which the bytecode cache shares between languages."""
    return _build.text(english, **values)


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    """Rewrite the few start tags of Material's output that fail validation or axe, then
    take out the whitespace and comments the browser ignores."""
    return minify.minify_page(html_fixes.fix_html(output, _build.text("Search")))


def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    """The same for pages rendered from a bare template, such as 404.html."""
    if not template_name.endswith(".html"):
        return output_content
    return minify.minify_page(html_fixes.fix_html(output_content, _build.text("Search")))


def on_post_build(*, config: MkDocsConfig) -> None:
    """Write what the pages link to: citation data, robots.txt, the trimmed assets."""
    site_dir = Path(config.site_dir)
    if _build.cache is not None:
        _build.cache.save()
    for name, data in sorted(_build.data_files.items()):
        target = site_dir / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(
            json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8"
        )
    calendar = timeline.render_ics(
        _build.events,
        dtstamp=timeline.reproducible_dtstamp(_build.events, page_dates=_build.page_dates),
        page_dates=_build.page_dates,
        text=_build.text,
        **_timeline_settings(config),
    )
    (site_dir / timeline.ICS_PATH).write_bytes(calendar)
    # robots.txt is the English site's, at the root; it names each translation's sitemap.
    translations = languages.translations(config.extra.get("alternate"))
    if _build.language == languages.DEFAULT:
        folders = [languages.translation_folder(code) for code in translations]
        if config.site_url:
            robots.write_robots_txt(site_dir, config.site_url, folders)
        else:
            log.warning("site_url is not set: robots.txt cannot give the sitemap's address")
    else:
        # The page scripts' copies speak the language (scripts/publish/script_text.py).
        scripts_folder = site_dir / "javascripts"
        catalog = _build.text.javascript
        _build.text.missing |= script_text.translate_site_scripts(scripts_folder, catalog)
    # The sources in docs/ keep their comments; only the published copies are minified.
    minify.minify_site_assets(site_dir)
    palette.trim_site_palette(site_dir, config.theme.get("palette"))
    trimmed = build_state.open_cache(
        Path(config.config_file_path).parent, build_state.TRIM_CACHE, css_trim.trim_namespace()
    )
    css_trim.trim_site_css(site_dir, trimmed)
    if trimmed is not None:
        trimmed.save()
    if _build.edition is not None:
        _print_edition(config, _build.edition)
    for warning in _build.text.missing_warnings():
        log.warning(warning)
    if _build.language == languages.DEFAULT:
        for language in translations:
            _build_translation(config, language)


def _build_translation(config: MkDocsConfig, language: str) -> None:
    """Build `language`'s site into its folder of this one: the same site_url (its own hooks
    add the folder), every editor's `make serve` and every edition carrying both languages.
    Its last build is copied in instead if nothing it reads has changed (translation_reuse)."""
    root = Path(config.config_file_path).parent
    folder = Path(config.site_dir) / language
    site_url = project.site_base(config.site_url)
    kept = build_state.cache_path(root, build_state.TRANSLATIONS_CACHE)
    if kept is not None:
        inputs = translation_reuse.fingerprint(
            root,
            [Path(path) for path in (config.docs_dir, *config.watch)],
            Path(config.docs_dir),
            [language],
            translation_reuse.circumstances(site_url),
        )
        if translation_reuse.restore(kept / language, folder, inputs):
            log.info("The %s edition's inputs are unchanged: kept its last build", language)
            return
    translated = load_config(
        str(languages.translation_config(root, language)), site_dir=str(folder), site_url=site_url
    )
    log.info("Building the %s edition into %s", language, translated.site_dir)
    build_site(translated, dirty=False)
    if kept is not None:
        translation_reuse.keep(kept / language, folder, inputs)


def _start_edition(config: MkDocsConfig, root: Path) -> None:
    """Read the changelog; in an edition build, give the theme the edition's data. mike's
    plugin (mkdocs.yml) has already pointed site_url at the `latest` alias, so canonical
    links name one copy; the edition's own address is `_build.edition.base_url`."""
    try:
        _build.changelog = editions.read_changelog(root, _build.language)
        _build.edition = editions.current_edition(
            root,
            os.environ,
            entries=_build.changelog or (),
            repo_url=config.repo_url,
            name=config.repo_name or "edition",
            docs_dir=os.path.relpath(config.docs_dir, root),
        )
    except (editions.EditionError, frontmatter.FrontMatterError) as error:
        raise PluginError(str(error)) from None
    if _build.edition is None:
        # A plain build is served without mike's versions.json beside it: Material's version
        # selector would fetch ../versions.json, log a 404 and show an empty menu.
        config.extra.pop("version", None)
        return
    config.extra["edition"] = _build.edition.template_data(
        os.path.relpath(config.docs_dir, root), language=_build.language
    )
    log.info("edition %s of %s", _build.edition.version, _build.edition.date_text)


def _add_changes_page(files: Files, config: MkDocsConfig) -> None:
    """The "Changes and corrections" page, generated from the changelog (a site without one,
    such as a test's fixture site, has no such page)."""
    if _build.changelog is None:
        return
    try:
        content = changes_page.changes_page(
            _build.changelog,
            _build.pages,
            already_in_docs=files.get_file_from_path(editions.CHANGES_PAGE) is not None,
            edition=_build.edition,
            repo_url=config.repo_url,
            text=_build.text,
        )
    except frontmatter.FrontMatterError as error:
        raise PluginError(str(error)) from None
    files.append(File.generated(config, editions.CHANGES_PAGE, content=content))


def _print_edition(config: MkDocsConfig, edition: editions.Edition) -> None:
    """The edition's PDF, in nav order, into the edition's folder."""
    order = project.nav_files(config.nav)
    pages = [_build.pdf_pages[path] for path in order if path in _build.pdf_pages]
    printed = pdf.PdfEdition(
        config.site_name,
        author=config.site_author or config.site_name,
        description=config.site_description or "",
        language=config.theme.get("language") or "en",
        **pdf.edition_facts(edition),
    )
    site_dir = Path(config.site_dir)
    pdf.write_pdf(printed, pages, site_dir, site_dir / edition.pdf_path)


def _date_by_source_date_epoch(page: Page, config: MkDocsConfig) -> None:
    """Date a page without git history by SOURCE_DATE_EPOCH, when it is set, instead of the
    clock the git plugin falls back to. Hooks run after plugins, so the plugin's dates are in
    page.meta already."""
    plugin = config.plugins.get(GIT_DATES_PLUGIN)
    epoch = project.source_date_epoch()
    if plugin is None or not plugin.config.get("enabled") or epoch is None:
        return
    locale = page.meta.get("locale") or plugin.config["locale"]
    for variable in project.undated_variables(page.meta):
        # Render exactly as the plugin does, so the page looks the same either way.
        shown = plugin.util.get_date_formats_for_timestamp(epoch, locale, add_spans=True)
        page.meta[variable] = shown[plugin.config["type"]]
        raw = plugin.util.get_date_formats_for_timestamp(epoch, locale, add_spans=False)
        for date_type, text in raw.items():
            page.meta[f"{variable}_raw_{date_type}"] = text


def _timeline_settings(config: MkDocsConfig) -> dict[str, Any]:
    return {
        "site_name": config.site_name,
        "site_url": config.site_url,
        "use_directory_urls": config.use_directory_urls,
        "uid_domain": config.repo_name or frontmatter.slugify(config.site_name) or "timeline",
    }


def _label(file: File, config_dir: str) -> str:
    """The file as editors see it in errors: relative to mkdocs.yml, e.g. docs/russia.md."""
    if file.abs_src_path is None:
        return file.src_uri
    return os.path.relpath(file.abs_src_path, config_dir or ".")


def _site(config: MkDocsConfig, *, latest: bool = False) -> citations.Site:
    """The edition as its citations name it: in an edition build, by its version and its own
    permanent address (`latest=True`: the `latest` alias's, without a version)."""
    edition = _build.edition
    url = project.site_base(config.site_url)
    if edition is not None:
        url = edition.latest_url if latest else edition.base_url
    return citations.Site(
        title=config.site_name,
        url=url,
        language=config.theme.get("language") or "en",
        version=edition.version if edition is not None and not latest else None,
    )


def _page_moves(config: MkDocsConfig) -> dict[str, str]:
    """mkdocs-redirects' map as site addresses (old page -> new page)."""
    plugin = config.plugins.get("redirects")
    return project.page_moves(plugin.config.get("redirect_maps", {}) if plugin else {})
