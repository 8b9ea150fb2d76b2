"""Timed contests: the model (model.py), scoring formats (formats/), storage and the solo round."""
