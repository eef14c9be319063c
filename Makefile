# The verbs people type. Each target works on a fresh clone: the first use
# creates .venv from the pinned requirements.

VENV   := .venv
PYTHON := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
# Material prints a notice about MkDocs 2 on every run; it is noise here.
export NO_MKDOCS_2_WARNING := 1
# mkdocs-redirects pulls in properdocs, which prints a similar notice.
export DISABLE_MKDOCS_2_WARNING := true

.PHONY: serve build test lint checks bench audit screenshots anchors edition serve-editions clean

$(STAMP): requirements.txt requirements-dev.txt
	python3 -m venv $(VENV)
	$(PYTHON) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

# Browser-side checkers from npm (axe-core, vnu-jar, lighthouse), exactly as locked.
# --ignore-scripts: vnu-jar's install script would download a Java we take from Debian.
NODE_STAMP := node_modules/.installed
$(NODE_STAMP): package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund
	touch $@

## serve: preview on http://127.0.0.1:8000 with live reload
serve: $(STAMP)
	$(VENV)/bin/mkdocs serve --dev-addr 127.0.0.1:8000 --livereload

## build: the site into site/, failing on any warning
build: $(STAMP)
	$(VENV)/bin/mkdocs build --strict

## test: the lint checks, then every test
# On a fresh clone npm's install runs beside Python's (about 20 s of the first run saved).
# The anchors check is not run here before pytest: the tests check the same lock against
# the session's own build (test_every_anchor_in_the_committed_lock_is_still_reachable),
# which saves building the site a second time, alone, before the tests start.
test:
	$(MAKE) --no-print-directory --jobs=2 $(STAMP) $(NODE_STAMP)
	$(MAKE) --no-print-directory checks
	$(PYTHON) -m pytest

## lint: code, prose and front matter checks, then the anchors check (builds the site)
# The anchors check fails naming any pinned anchor that vanished without a mapping.
lint: checks
	$(PYTHON) -m scripts.tools.anchors_lock check

## checks: the lint checks that need no build (seconds)
# Markdown snippets (includes/) and the pull request template are fragments,
# not pages, so they need no top-level heading (md041).
checks: $(STAMP)
	$(PYTHON) -m ruff check scripts tests
	$(PYTHON) -m ruff format --check scripts tests
	$(VENV)/bin/pymarkdown --strict-config --config .pymarkdown.yaml scan --recurse docs *.md
	$(VENV)/bin/pymarkdown --strict-config --config .pymarkdown.yaml --disable-rules md041 scan --recurse includes .github
	$(VENV)/bin/codespell
	$(PYTHON) -m scripts.tools.copycheck check docs
	$(PYTHON) -m scripts.tools.check_whitespace
	$(PYTHON) -m scripts.timeline check >/dev/null
	$(VENV)/bin/check-jsonschema --builtin-schema vendor.github-workflows .github/workflows/*.yml
	$(VENV)/bin/check-jsonschema --builtin-schema vendor.github-issue-forms .github/ISSUE_TEMPLATE/*.yml
	$(VENV)/bin/check-jsonschema --builtin-schema vendor.citation-file-format CITATION.cff
	$(VENV)/bin/zizmor --offline --no-progress --min-severity medium .github/workflows

## bench: warm/cold builds and the serve edit loop against bare Material, and the timeline
# step at 1,000 and 10,000 events; prints a Markdown table (a report: exits 0, says MISSED)
bench: $(STAMP)
	$(PYTHON) -m scripts.tools.bench

## audit: Lighthouse on every page, mobile and desktop, served gzip-compressed; a score table
audit: $(STAMP) $(NODE_STAMP)
	$(PYTHON) -m scripts.tools.audit

## screenshots: every page at 1280 and 375 px, light and dark, into screenshots/ (ignored)
screenshots: $(STAMP)
	$(PYTHON) -m scripts.tools.screenshots

## anchors: pin the newly published page#id anchors in anchors.lock (builds the site)
anchors: $(STAMP)
	$(PYTHON) -m scripts.tools.anchors_lock add

## edition: publish this commit as edition VERSION (make edition VERSION=2026.1) into the
# local gh-pages branch, with its PDF, and move `latest` to it; nothing is pushed
edition: $(STAMP)
	$(PYTHON) -m scripts.tools.edition publish "$(VERSION)"

## serve-editions: every published edition from gh-pages on http://127.0.0.1:8000
serve-editions: $(STAMP)
	$(PYTHON) -m scripts.tools.edition serve

clean:
	rm -rf site .cache .pytest_cache .ruff_cache .hypothesis
