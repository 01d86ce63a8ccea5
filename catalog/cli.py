"""The ``catalog`` command: a thin click layer over the library.

Library errors become ``click.ClickException`` only here, at the edge. The
importer's commands and the plugins' commands (``tui``, ``serve``) join through
``register`` and the ``register_commands`` hook; plugins are loaded only when a
command outside the core is asked for (or ``--help`` lists them all), so the core
never imports a UI.
"""

from __future__ import annotations

import csv
import json
import os
import sqlite3
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from textwrap import shorten
from typing import TYPE_CHECKING, Any

import click
import pluggy

from catalog import __version__
from catalog.archive import ArchiveError, decode_row
from catalog.archive.columns import CORRECTABLE

if TYPE_CHECKING:
    from catalog.archive import Archive

#: Columns left out of search results and exports (bulky, or for machines only).
BULKY = ("parsed_json", "iptc_json", "xmp_json", "exif_json", "spans")


class CatalogGroup(click.Group):
    """A group that loads plugin commands on first need, not at import."""

    plugins_loaded = False

    def load_plugins(self, manager: pluggy.PluginManager | None = None) -> None:
        """Let plugins (installed ones unless ``manager`` is given) add their commands, once."""
        if self.plugins_loaded:
            return
        self.plugins_loaded = True
        if manager is None:
            from catalog.plugins import get_plugin_manager

            manager = get_plugin_manager()
        try:
            manager.hook.register_commands(cli=self)
        except Exception as exc:  # fence: a broken plugin must not take the core commands down
            click.echo(f"warning: a plugin failed to add its commands: {exc!r}", err=True)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        command = super().get_command(ctx, cmd_name)
        if command is None and not self.plugins_loaded:
            self.load_plugins()
            command = super().get_command(ctx, cmd_name)
        return command

    def list_commands(self, ctx: click.Context) -> list[str]:
        self.load_plugins()
        return super().list_commands(ctx)


@click.group(cls=CatalogGroup)
@click.version_option(__version__, prog_name="catalog")
def cli() -> None:
    """Parse wire-photo captions and keep a searchable archive of pictures."""


def db_option(func):
    return click.option("--db", "db_path", default="archive.db", show_default=True,
                        type=click.Path(dir_okay=False), help="The archive file.")(func)


@contextmanager
def open_archive(db_path: str, *, write: bool = False) -> Iterator[Archive]:
    """An existing archive; its errors become clear messages."""
    if not Path(db_path).exists():
        raise click.ClickException(f"no archive at {db_path}: run `catalog import` first")
    from catalog.archive import Archive  # sqlite-utils loads here, not at start-up

    try:
        archive = Archive(db_path, readonly=not write)
    except ArchiveError as exc:
        raise click.ClickException(str(exc)) from exc
    try:
        yield archive
    except ArchiveError as exc:
        raise click.ClickException(str(exc)) from exc
    except sqlite3.DatabaseError as exc:  # corruption found past the header
        raise click.ClickException(f"{db_path} is not a readable catalog archive: {exc}") from exc
    finally:
        archive.close()


def echo_json(value: Any) -> None:
    click.echo(json.dumps(value, ensure_ascii=False, indent=2, default=str))


def flat(row: dict[str, Any], *, keep_bulky: bool = False) -> dict[str, Any]:
    """A photos row for JSON: lists decoded, flags true/false, bulky columns dropped."""
    out = decode_row(row)
    if not keep_bulky:
        for name in BULKY:
            out.pop(name, None)
    return out


def console(*, stderr: bool = False):
    from rich.console import Console

    return Console(soft_wrap=False, highlight=False, stderr=stderr)


def filter_options(func):
    """The search filters shared by ``search`` and ``export``."""
    options = [
        click.option("--agency", help="Exact agency, e.g. Reuters."),
        click.option("--photographer", help="Exact photographer's name."),
        click.option("--country", help="Country name or ISO code."),
        click.option("--from", "date_from", help="From this date (YYYY, YYYY-MM or YYYY-MM-DD)."),
        click.option("--to", "date_to", help="Up to this date (YYYY, YYYY-MM or YYYY-MM-DD)."),
        click.option("--file-photo/--not-file-photo", "file_photo", default=None,
                     help="Only file photos (or only new pictures)."),
        click.option("--conflicts", "has_conflict", is_flag=True, default=None,
                     help="Only photos whose caption disagrees with the camera."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def place(row: dict[str, Any]) -> str:
    return ", ".join(p for p in (row.get("city"), row.get("country")) if p)


@cli.command()
@click.argument("query", required=False, default="")
@filter_options
@click.option("--order", type=click.Choice(["relevance", "date"]), default="relevance",
              show_default=True)
@click.option("--limit", type=click.IntRange(min=1), default=20, show_default=True)
@click.option("--offset", type=click.IntRange(min=0), default=0)
@click.option("--json", "as_json", is_flag=True, help="A JSON array of flat objects.")
@db_option
def search(query: str, order: str, limit: int, offset: int, as_json: bool, db_path: str,
           **filters: Any) -> None:
    """Find photos: words (half-typed last word, "phrases", AND/OR/NOT, -word) and filters."""
    with open_archive(db_path) as archive:
        rows = archive.search(query, order=order, limit=limit, offset=offset, **filters)
        total = archive.count(query, **filters)
    if as_json:
        echo_json([flat(row) for row in rows])
        return
    from rich import box
    from rich.table import Table

    table = Table(title=f"{total} photo(s) match" + (f" {query!r}" if query else ""),
                  box=box.SIMPLE_HEAD)
    for name in ("id", "date", "agency", "photographer", "place", "file", "subject"):
        table.add_column(name, no_wrap=name in ("id", "date", "subject"), overflow="ellipsis")
    out = console()
    room = max(20, out.width - 78)  # what the other columns leave for the subject
    for row in rows:
        table.add_row(str(row["id"]), row.get("date") or "", row.get("agency") or "",
                      row.get("photographer") or "", place(row),
                      "FILE" if row.get("file_photo") else "",
                      shorten(row.get("subject") or row.get("caption") or "", room,
                              placeholder="…"))
    out.print(table)


@cli.command()
@click.argument("photo_id", type=int)
@click.option("--json", "as_json", is_flag=True)
@db_option
def show(photo_id: int, as_json: bool, db_path: str) -> None:
    """Everything about one photo: fields, paths, corrections, other uses of the picture."""
    with open_archive(db_path) as archive:
        row = archive.get(photo_id)
        if row is None:
            raise click.ClickException(f"no photo with id {photo_id}")
        uses = [{k: u.get(k) for k in ("id", "path", "date", "agency", "photographer",
                                       "file_photo", "distance", "subject")}
                for u in archive.other_uses(photo_id)]
    paths, corrections = row.pop("paths"), row.pop("corrections")
    if as_json:
        echo_json({**flat(row, keep_bulky=True), "paths": paths, "corrections": corrections,
                   "other_uses": uses})
        return
    from rich.table import Table

    fields = Table(title=f"photo {photo_id}", show_header=False)
    fields.add_column("field", style="bold")
    fields.add_column("value", overflow="fold")
    for name, value in flat(row).items():
        if value not in (None, "", [], {}):
            fields.add_row(name, str(value))
    out = console()
    out.print(fields)
    out.print("paths: " + ", ".join(p["path"] for p in paths))
    for c in corrections:
        state = f" (undone {c['undone_at']})" if c.get("undone_at") else ""
        out.print(f"correction {c['id']}: {c['field']} {c['previous']!r} -> {c['value']!r} "
                  f"by {c['editor']} at {c['created_at']}{state}")
    for use in uses:
        out.print(f"other use: photo {use['id']} ({use['date'] or 'undated'}, "
                  f"{use['agency'] or '?'}), {use['distance']} bits apart: {use['path']}")


@cli.command()
@click.argument("text")
@click.option("--year", "year_hint", type=int, help="Year for captions that give none.")
@click.option("--json", "as_json", is_flag=True)
def parse(text: str, year_hint: int | None, as_json: bool) -> None:
    """Parse one caption, or with TEXT "-" one caption per stdin line (JSON lines)."""
    from catalog import parse_caption

    if text == "-":
        for line in sys.stdin:
            if line.strip():
                caption = parse_caption(line.rstrip("\r\n"), year_hint=year_hint)
                click.echo(json.dumps(caption.to_dict(), ensure_ascii=False))
        return
    caption = parse_caption(text, year_hint=year_hint).to_dict()
    if as_json:
        echo_json(caption)
        return
    for name, value in caption.items():
        if name not in ("raw", "text", "spans") and value not in (None, "", [], False, 0.0):
            click.echo(f"{name:>16}: {value}")


@cli.command()
@click.option("--json", "as_json", is_flag=True)
@db_option
def stats(as_json: bool, db_path: str) -> None:
    """What the archive holds."""
    with open_archive(db_path) as archive:
        numbers = archive.stats()
    if as_json:
        echo_json(numbers)
        return
    click.echo(f"{numbers['photos']} photos at {numbers['paths']} paths, "
               f"dated {numbers['date_from'] or '?'} to {numbers['date_to'] or '?'}")
    click.echo(f"{numbers['file_photos']} file photos, {numbers['conflicts']} with conflicts, "
               f"{numbers['with_thumbnails']} with thumbnails, {numbers['corrections']} corrections")
    click.echo(f"{numbers['imports']} imports, {numbers['errors']} files that failed")
    for title in ("agencies", "countries", "parser_versions"):
        top = list(numbers[title].items())[:10]
        if top:
            click.echo(f"{title.replace('_', ' ')}: " + ", ".join(f"{name} {n}" for name, n in top))


def default_editor() -> str:
    return os.environ.get("CATALOG_EDITOR") or os.environ.get("USER") or "cli"


@cli.command()
@click.argument("photo_id", type=int)
@click.argument("field", type=click.Choice(CORRECTABLE))
@click.argument("value")
@click.option("--editor", default=default_editor, show_default="$CATALOG_EDITOR or $USER")
@db_option
def correct(photo_id: int, field: str, value: str, editor: str, db_path: str) -> None:
    """Set a field's value by hand; re-imports and re-parses keep it."""
    with open_archive(db_path, write=True) as archive:
        correction_id = archive.correct(photo_id, field, value, editor=editor)
        now = archive.get(photo_id)[field]
    click.echo(f"correction {correction_id}: photo {photo_id} {field} is now {now!r}")


@cli.command()
@click.argument("correction_id", type=int)
@click.option("--editor", default=default_editor, show_default="$CATALOG_EDITOR or $USER")
@db_option
def undo(correction_id: int, editor: str, db_path: str) -> None:
    """Undo a correction: the field falls back to the previous correction, else the parse."""
    with open_archive(db_path, write=True) as archive:
        archive.undo_correction(correction_id, editor=editor)
        photo_id, field = archive.db.execute(
            "SELECT photo_id, field FROM corrections WHERE id = ?", [correction_id]).fetchone()
        now = archive.get(photo_id)[field]
    click.echo(f"correction {correction_id} undone: photo {photo_id} {field} is now {now!r}")


@cli.command()
@click.argument("photo_id", type=int)
@click.option("--field", type=click.Choice(CORRECTABLE))
@click.option("--json", "as_json", is_flag=True)
@db_option
def history(photo_id: int, field: str | None, as_json: bool, db_path: str) -> None:
    """A photo's corrections, newest first."""
    with open_archive(db_path) as archive:
        rows = archive.history(photo_id, field)
    if as_json:
        echo_json(rows)
        return
    if not rows:
        click.echo(f"no corrections of photo {photo_id}")
    for c in rows:
        state = f" [undone {c['undone_at']} by {c.get('undone_by')}]" if c.get("undone_at") else ""
        click.echo(f"{c['id']}: {c['field']} {c['previous']!r} -> {c['value']!r} "
                   f"by {c['editor']} at {c['created_at']}{state}")


@cli.command()
@click.argument("query", required=False, default="")
@filter_options
@click.option("--format", "fmt", type=click.Choice(["csv", "jsonl"]), default="csv",
              show_default=True)
@click.option("--output", "-o", type=click.File("w", encoding="utf-8"), default="-",
              help="File to write (default: standard output).")
@db_option
def export(query: str, fmt: str, output, db_path: str, **filters: Any) -> None:
    """Write matching photos (all of them without QUERY or filters) as CSV or JSON lines."""
    from catalog.archive.columns import PHOTO_COLUMNS

    columns = [c for c in PHOTO_COLUMNS if c not in BULKY]
    with open_archive(db_path) as archive:
        rows = archive.iter_search(query, order="date", **filters)
        if fmt == "jsonl":
            for row in rows:
                output.write(json.dumps(flat(row), ensure_ascii=False) + "\n")
            return
        writer = csv.DictWriter(output, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow(row)


@cli.command()
@click.option("--all", "everything", is_flag=True, help="Re-parse every caption, not only old ones.")
@click.option("--json", "as_json", is_flag=True)
@db_option
def reparse(everything: bool, as_json: bool, db_path: str) -> None:
    """Re-run the current parser over stored captions; corrections are kept."""
    from catalog.reparse import pending
    from catalog.reparse import reparse as run_reparse

    with open_archive(db_path, write=True) as archive:
        if not sys.stderr.isatty():
            report = run_reparse(archive, everything=everything)
        else:
            from rich.progress import Progress

            with Progress(console=console(stderr=True), transient=True) as progress:
                task = progress.add_task("re-parsing", total=pending(archive, everything=everything))
                report = run_reparse(archive, everything=everything,
                                     on_batch=lambda r: progress.update(task, completed=r.checked))
    if as_json:
        echo_json(report.to_dict())
        return
    click.echo(f"parser {report.parser_version or '(unversioned)'}: {report.checked} captions "
               f"re-parsed, {report.changed} records changed")
    for name, n in report.fields.most_common():
        click.echo(f"  {name}: {n}")
    for photo_id, reason in report.failed:
        click.echo(f"parser failed on photo {photo_id} (left as it was): {reason}", err=True)


def _register_core_commands() -> None:
    from catalog.importer.commands import register

    register(cli)


_register_core_commands()
