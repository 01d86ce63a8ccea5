"""Batch import: walk, skip unchanged, extract in workers, write in batches."""
