"""Reference solution for `kmeans`; runs in the judge process only.

Plain Lloyd iterations over lists of floats: assignment by the smallest
squared distance (the first centroid wins a tie, because only a strictly
smaller distance replaces the best so far), means by summing each cluster's
points in input order, and the shift as the largest Euclidean move.
"""

from __future__ import annotations

import math


def kmeans(X, centroids, max_iter: int = 100, tol: float = 1e-4):
    """Lloyd's k-means from the given starting centroids: (labels, centroids, n_iter)."""
    points = _rows(X, "X")
    current = _rows(centroids, "centroids")
    if len(points[0]) != len(current[0]):
        raise ValueError(f"centroids have width {len(current[0])}, X has width {len(points[0])}")
    if max_iter < 0:
        raise ValueError(f"max_iter must be >= 0, got {max_iter}")
    if math.isnan(tol) or tol < 0:
        raise ValueError(f"tol must be >= 0, got {tol}")
    n_iter = 0
    while n_iter < max_iter:
        labels = _assign(points, current)
        moved = _means(points, labels, current)
        shift = max(math.dist(old, new) for old, new in zip(current, moved))
        current = moved
        n_iter += 1
        if shift <= tol:
            break
    return _assign(points, current), current, n_iter


def _rows(rows, name: str) -> list[list[float]]:
    """Rows as lists of floats (a fresh copy), checked: non-empty, rectangular, finite."""
    copied = [[float(v) for v in row] for row in rows]
    if not copied:
        raise ValueError(f"{name} has no rows")
    width = len(copied[0])
    if width == 0 or any(len(row) != width for row in copied):
        raise ValueError(f"rows of {name} must all have the same, non-zero length")
    if not all(math.isfinite(v) for row in copied for v in row):
        raise ValueError(f"{name} contains NaN or infinity")
    return copied


def _assign(points: list[list[float]], centroids: list[list[float]]) -> list[int]:
    labels = []
    for point in points:
        best, best_distance = 0, math.inf
        for index, centroid in enumerate(centroids):
            distance = sum((p - c) ** 2 for p, c in zip(point, centroid))
            if distance < best_distance:
                best, best_distance = index, distance
        labels.append(best)
    return labels


def _means(points: list[list[float]], labels: list[int], centroids: list[list[float]]) -> list[list[float]]:
    """Each centroid moved to the mean of its points; one without points stays."""
    width = len(points[0])
    sums = [[0.0] * width for _ in centroids]
    counts = [0] * len(centroids)
    for point, label in zip(points, labels):
        counts[label] += 1
        row = sums[label]
        for axis in range(width):
            row[axis] += point[axis]
    return [[s / count for s in row] if count else list(old)
            for row, count, old in zip(sums, counts, centroids)]
