"""Reporters: they render result objects and do nothing else."""
