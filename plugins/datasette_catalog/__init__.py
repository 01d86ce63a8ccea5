"""Datasette plugin for the newsroom: thumbnails, photo pages, facets."""
