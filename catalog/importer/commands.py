"""Click commands of the importer (import, thumbnails, watch, errors): thin over the library."""

from __future__ import annotations

import json
import sqlite3
import sys
from contextlib import contextmanager

import click

DB_OPTION = click.option("--db", "db_path", default="archive.db", show_default=True,
                         type=click.Path(dir_okay=False), help="The archive file.")
WORKERS_OPTION = click.option("--workers", type=click.IntRange(min=1), default=None,
                              help="Worker processes (default: the number of cores).")


@contextmanager
def _open_archive(db_path: str):
    """The archive, with its errors turned into a clear message at the CLI's edge."""
    from catalog.archive import Archive, ArchiveError

    try:
        archive = Archive(db_path)
    except ArchiveError as exc:
        raise click.ClickException(str(exc)) from exc
    try:
        yield archive
    finally:
        archive.close()


def _progress():
    from catalog.importer.progress import progress_for

    return progress_for(sys.stderr)


#: Lines of each kind the human summary shows; `catalog errors` and --json have them all.
SHOWN = 50


def _listed(title: str, items: list[tuple[str, str]]) -> list[str]:
    if not items:
        return []
    lines = [title, *(f"  {path!r}: {reason}" for path, reason in items[:SHOWN])]
    if len(items) > SHOWN:
        lines.append(f"  ... and {len(items) - SHOWN} more (see `catalog errors`)")
    return lines


def format_summary(summary) -> str:
    """The human summary printed at the end of an import."""
    lines = [
        f"{'Interrupted' if summary.status == 'interrupted' else 'Done'} in "
        f"{summary.duration:.1f} s ({summary.files_per_s:.0f} files/s): "
        f"{summary.imported} imported, {summary.unchanged} unchanged, {summary.failed} failed"
        + (f", {summary.thumbnails_made} thumbnails" if summary.thumbnails_made else ""),
    ]
    if summary.linked_paths:
        lines.append(f"{summary.linked_paths} of the imported files are copies of pictures "
                     "already in the archive (recorded as extra paths)")
    lines += _listed("Failed files:", summary.errors)
    lines += _listed("Imported, with warnings:", summary.warnings)
    lines += _listed(f"No thumbnail for {len(summary.thumbnail_errors)} files:",
                     summary.thumbnail_errors)
    return "\n".join(lines)


@click.command("import")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@DB_OPTION
@WORKERS_OPTION
@click.option("--no-thumbnails", is_flag=True, help="Metadata only; run `catalog thumbnails` later.")
@click.option("--manifest", type=click.Path(exists=True, dir_okay=False),
              help="CSV with columns filename,caption (names relative to the CSV's folder).")
@click.option("--json", "as_json", is_flag=True, help="Print a machine-readable summary.")
def import_command(paths, db_path, workers, no_thumbnails, manifest, as_json):
    """Import image files and folders into the archive (safe to re-run)."""
    from catalog.importer import import_paths
    from catalog.importer.sources import load_manifest

    try:  # before the archive is opened (or created): a bad manifest changes nothing
        captions = load_manifest(manifest) if manifest else None
    except (OSError, ValueError, UnicodeDecodeError) as exc:
        raise click.ClickException(f"unusable manifest: {exc}") from exc
    from catalog.archive import ArchiveError

    with _open_archive(db_path) as archive:
        try:
            summary = import_paths(archive, paths, workers=workers,
                                   thumbnails=not no_thumbnails, manifest=captions,
                                   progress=_progress())
        except (ArchiveError, sqlite3.Error) as exc:  # disk full, locked for too long ...
            raise click.ClickException(
                f"import stopped: {exc}. What was written is kept; run the same command "
                "again to finish.") from exc
    if as_json:
        click.echo(json.dumps(summary.to_dict(), ensure_ascii=False, indent=2))
    else:
        click.echo(format_summary(summary))
    if summary.status == "interrupted":
        sys.exit(130)


@click.command("thumbnails")
@DB_OPTION
@WORKERS_OPTION
def thumbnails_command(db_path, workers):
    """Make the thumbnails (and perceptual hashes) that photos still lack."""
    import os

    from catalog.importer import make_thumbnails

    with _open_archive(db_path) as archive:
        try:
            made, errors = make_thumbnails(archive, workers=workers or os.cpu_count() or 1,
                                           progress=_progress())
        except KeyboardInterrupt:
            raise click.ClickException("interrupted; run it again to finish") from None
    click.echo(f"{made} thumbnails made, {len(errors)} files without one")
    for path, reason in errors[:50]:
        click.echo(f"  {path!r}: {reason}")


@click.command("watch")
@click.argument("folder", type=click.Path(exists=True, file_okay=False))
@DB_OPTION
@click.option("--settle", default=1.0, show_default=True,
              help="Seconds a file's size must stay the same before it is imported.")
@click.option("--no-thumbnails", is_flag=True)
@click.option("--poll", is_flag=True,
              help="Poll for changes (network shares, where change events do not arrive).")
def watch_command(folder, db_path, settle, no_thumbnails, poll):
    """Import files as they land in FOLDER (a hot folder). Ctrl-C stops."""
    from catalog.importer.watch import watch_folder

    with _open_archive(db_path) as archive:
        click.echo(f"Watching {folder} (Ctrl-C to stop)", err=True)

        def report(summary) -> None:
            for path, reason in summary.errors:
                click.echo(f"failed {path!r}: {reason}", err=True)
            if summary.imported:
                click.echo(f"imported {summary.imported} file(s)", err=True)

        watch_folder(archive, folder, settle_s=settle, thumbnails=not no_thumbnails,
                     on_import=report, poll=poll)
    click.echo("Stopped.", err=True)


@click.command("errors")
@DB_OPTION
@click.option("--limit", default=100, show_default=True)
@click.option("--all", "every_run", is_flag=True,
              help="One line per run that met the file (default: the newest per file).")
@click.option("--json", "as_json", is_flag=True)
def errors_command(db_path, limit, every_run, as_json):
    """List files that could not be imported (and warnings), with the reason."""
    with _open_archive(db_path) as archive:
        rows = archive.errors(limit=limit)
    if not every_run:  # a broken file is met again by every re-run: show it once
        rows = _newest_per_path(rows)
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2, default=str))
        return
    if not rows:
        click.echo("No import errors.")
    for row in rows:
        click.echo(f"{row.get('path')!r}: {row.get('reason')} [{row.get('error_type')}]")


def _newest_per_path(rows: list[dict]) -> list[dict]:
    """The first (newest) row of each path, order kept."""
    seen: set[str] = set()
    out = []
    for row in rows:
        if row.get("path") not in seen:
            seen.add(row.get("path"))
            out.append(row)
    return out


def register(cli: click.Group) -> None:
    """Add the importer's commands to the ``catalog`` group."""
    for command in (import_command, thumbnails_command, watch_command, errors_command):
        cli.add_command(command)
