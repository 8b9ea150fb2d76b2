"""Reference solution for `naive_bayes`; runs in the judge process only.

NumPy throughout: per-class means and population variances (two-pass, as
np.var), the variance floor var_smoothing * the largest variance of a feature
over all of X, and the joint log-likelihood normalised with log-sum-exp.
"""

from __future__ import annotations

import math

import numpy as np


class GaussianNB:
    """Gaussian naive Bayes, computed in log space."""

    def __init__(self, var_smoothing: float = 1e-9) -> None:
        self.var_smoothing = var_smoothing

    def fit(self, X, y) -> GaussianNB:
        smoothing = self.var_smoothing
        if isinstance(smoothing, bool) or not isinstance(smoothing, (int, float)):
            raise ValueError(f"var_smoothing must be a number, got {smoothing!r}")
        if not (math.isfinite(smoothing) and smoothing > 0):
            raise ValueError(f"var_smoothing must be finite and > 0, got {smoothing!r}")
        data = _matrix(X)
        labels = np.asarray(y)
        if labels.ndim != 1 or len(labels) != len(data):
            raise ValueError(f"y must hold one label per row of X ({len(data)})")
        classes, inverse, counts = np.unique(labels, return_inverse=True, return_counts=True)
        epsilon = smoothing * float(data.var(axis=0).max())
        self.classes_ = classes
        self.theta_ = np.array([data[inverse == k].mean(axis=0) for k in range(len(classes))])
        self.var_ = np.array([data[inverse == k].var(axis=0) for k in range(len(classes))]) + epsilon
        # Every feature constant over X (epsilon = 0): every class has the same mean and a
        # variance of 0 for it, so the features cancel out of the posterior: the priors.
        self.informative_ = epsilon > 0.0
        self.log_prior_ = np.log(counts / len(data))
        return self

    def _joint_log_likelihood(self, X) -> np.ndarray:
        data = _matrix(X)
        if data.shape[1] != self.theta_.shape[1]:
            raise ValueError(f"rows have {data.shape[1]} features, fit saw {self.theta_.shape[1]}")
        if not self.informative_:
            return np.repeat(self.log_prior_[None, :], len(data), axis=0)
        normaliser = -0.5 * np.log(2.0 * np.pi * self.var_).sum(axis=1)
        squares = ((data[:, None, :] - self.theta_[None, :, :]) ** 2 / self.var_[None, :, :]).sum(axis=2)
        return self.log_prior_ + normaliser - 0.5 * squares

    def predict_proba(self, X) -> list[list[float]]:
        jll = self._joint_log_likelihood(X)
        shifted = np.exp(jll - jll.max(axis=1, keepdims=True))
        return (shifted / shifted.sum(axis=1, keepdims=True)).tolist()

    def predict(self, X) -> list:
        # argmax returns the first maximum: classes_ is sorted, so a tie goes to the smallest class.
        return self.classes_[np.argmax(self._joint_log_likelihood(X), axis=1)].tolist()


def _matrix(X) -> np.ndarray:
    """X as a 2-D float array (a copy), checked: rows, same non-zero width, finite."""
    if isinstance(X, np.ndarray):
        data = np.array(X, dtype=float)
    else:
        rows = [list(row) for row in X]
        if not rows:
            raise ValueError("X has no rows")
        width = len(rows[0])
        if any(len(row) != width for row in rows):
            raise ValueError("rows of X must all have the same length")
        data = np.array(rows, dtype=float)
    if data.ndim != 2 or data.shape[0] == 0 or data.shape[1] == 0:
        raise ValueError("X must be a non-empty 2-D table with at least one feature")
    if not np.isfinite(data).all():
        raise ValueError("X contains NaN or infinity")
    return data
