"""Authoring: `judge problem check`, which proves a problem folder before any candidate meets it."""
