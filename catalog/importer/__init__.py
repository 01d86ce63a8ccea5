"""Batch import: walk, skip unchanged, extract in workers, write in batches.

    from catalog.importer import import_paths
    summary = import_paths(archive, ["photos/"], workers=2)
"""

from catalog.importer.pipeline import BATCH_SIZE, ImportSummary, import_paths
from catalog.importer.thumbnails import make_thumbnails

__all__ = ["BATCH_SIZE", "ImportSummary", "import_paths", "make_thumbnails"]
