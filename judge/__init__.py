"""judge: a coding-round practice judge for machine-learning engineers."""

__version__ = "0.1.0"
