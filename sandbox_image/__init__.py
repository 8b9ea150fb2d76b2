"""Shipped inside the judge package (pyproject.toml maps this folder); found with importlib.resources."""
