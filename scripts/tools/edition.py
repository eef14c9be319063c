"""Publish the current commit as an edition into the local `gh-pages` branch, or serve them.

    python -m scripts.tools.edition publish 2026.1   # make edition VERSION=2026.1
    python -m scripts.tools.edition serve            # make serve-editions

`publish` checks everything before it writes anything: the version's form (YEAR.N), that it is
newer than every published edition and not published yet, that the working tree is committed,
and that `includes/editions.yml` has an entry for it (and for every published edition). Then
the site is built strictly with MIKE_DOCS_VERSION set (the build prints the PDF into the
edition's folder), and mike commits the folder and moves the `latest` alias in one commit.
Aliases are copies (mike's `copy` alias type): moving `latest` rewrites only
`latest/`, never an earlier edition's folder. Nothing is pushed; the release workflow pushes.
Any refusal is one line on stderr and exit status 1.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from collections.abc import Mapping
from pathlib import Path

from scripts import editions
from scripts.tools.build import run_build

ROOT = Path(__file__).resolve().parents[2]


def _mike() -> str:
    """mike from the same environment as this Python (the project's .venv)."""
    beside = Path(sys.executable).with_name("mike")
    return str(beside) if beside.exists() else "mike"


def check_publishable(project_dir: Path, raw_version: str) -> editions.Version:
    """The version to publish, or an EditionError naming what is wrong. Writes nothing."""
    version = editions.parse_version(raw_version)
    if editions.git(project_dir, "rev-parse", "--verify", "HEAD").returncode != 0:
        raise editions.EditionError(f"{project_dir}: not a git repository with a commit")
    published = editions.published_editions(project_dir)
    for edition in published:
        if edition.version == version:
            raise editions.EditionError(
                f"edition {version} is already published on {editions.BRANCH}: an edition never "
                "changes; publish the next version instead"
            )
    if published and version < published[0].version:
        raise editions.EditionError(
            f"edition {version} is older than the latest edition {published[0].version}: "
            "versions only go forward"
        )
    dirty = editions.git(project_dir, "status", "--porcelain", "--untracked-files=no")
    if dirty.stdout.strip():
        raise editions.EditionError(
            "the working tree has uncommitted changes: an edition is a commit; commit or "
            "stash them first"
        )
    try:
        entries = editions.read_changelog(project_dir) or ()
    except editions.FrontMatterError as error:
        raise editions.EditionError(str(error)) from None
    editions.entry_for(entries, version)
    editions.check_published_entries(entries, published)
    tag = f"{editions.TAG_PREFIX}{version}"
    tagged = editions.git(project_dir, "rev-parse", "--verify", "--quiet", f"{tag}^{{commit}}")
    head = editions.git(project_dir, "rev-parse", "HEAD").stdout.strip()
    if tagged.returncode == 0 and tagged.stdout.strip() != head:
        raise editions.EditionError(
            f"tag {tag} already names another commit ({tagged.stdout.strip()[:12]}): publish "
            "that commit, or choose the next version"
        )
    return version


def publish(
    project_dir: Path, raw_version: str, environ: Mapping[str, str] | None = None
) -> editions.Version:
    """Check, build (the build prints the PDF), commit to gh-pages with mike, tag the commit.

    mike's own `deploy` command would build with ProperDocs whenever that fork is installed
    (it is, for tests/site/test_site_properdocs.py), so the edition is built here, by the
    project's build runner with MkDocs like every other build, inside mike's `deploy` step,
    which commits the folder only when the build succeeded.
    """
    # mike imports MkDocs' config loader: load it only to publish.
    from mike import commands as mike_commands
    from mike import jsonpath

    version = check_publishable(project_dir, raw_version)
    head = editions.git(project_dir, "rev-parse", "HEAD").stdout.strip()
    env = {
        editions.VERSION_VARIABLE: str(version),
        # The build date is the commit's, so the edition does not depend on when it was built.
        "SOURCE_DATE_EPOCH": editions.git(project_dir, "log", "-1", "--format=%ct").stdout.strip(),
    }
    config_file = project_dir / "mkdocs.yml"
    with tempfile.TemporaryDirectory(prefix=f"edition-{version}-") as site_dir:
        cfg = {"site_dir": site_dir, "use_directory_urls": True}
        previous = Path.cwd()
        # mike reads and writes the repository of the current directory.
        os.chdir(project_dir)
        try:
            with mike_commands.deploy(
                cfg,
                str(version),
                aliases=[editions.LATEST_ALIAS],
                update_aliases=True,
                alias_type=mike_commands.AliasType.copy,
                branch=editions.BRANCH,
                message=f"Edition {version} from {head[:12]}",
                set_props=[jsonpath.parse_set(f"commit={head}")],
            ):
                result = run_build(config_file, Path(site_dir), environ={**(environ or {}), **env})
                sys.stdout.write(result.stdout)
                sys.stderr.write(result.stderr)
                if result.returncode != 0:
                    raise editions.EditionError(
                        f"the build of edition {version} failed (its output is above); "
                        f"{editions.BRANCH} is unchanged"
                    )
            if editions.git(project_dir, "show", f"{editions.BRANCH}:index.html").returncode:
                # The site's root sends readers to the latest edition; written once.
                mike_commands.set_default(editions.LATEST_ALIAS, branch=editions.BRANCH)
        finally:
            os.chdir(previous)
    tag = f"{editions.TAG_PREFIX}{version}"
    if editions.git(project_dir, "rev-parse", "--verify", "--quiet", tag).returncode != 0:
        editions.git(project_dir, "tag", tag, head)
    return version


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    publish_parser = sub.add_parser("publish", help="publish the current commit as an edition")
    publish_parser.add_argument("version", help="YEAR.N, e.g. 2026.1")
    serve_parser = sub.add_parser("serve", help="serve every edition on gh-pages")
    serve_parser.add_argument("--dev-addr", default="127.0.0.1:8000")
    args = parser.parse_args(argv)
    if args.command == "serve":
        if not editions.published_editions(ROOT):
            print(
                f"edition: no edition on {editions.BRANCH} yet: publish one with "
                "make edition VERSION=YEAR.N",
                file=sys.stderr,
            )
            return 1
        return subprocess.run(
            [_mike(), "serve", "--dev-addr", args.dev_addr], cwd=ROOT, check=False
        ).returncode
    try:
        version = publish(ROOT, args.version)
    except editions.EditionError as error:
        print(f"edition: {error}", file=sys.stderr)
        return 1
    print(
        f"edition {version}: committed to {editions.BRANCH} and tagged "
        f"{editions.TAG_PREFIX}{version} (nothing pushed)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
