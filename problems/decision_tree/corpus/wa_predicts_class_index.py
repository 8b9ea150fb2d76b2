# expect: wrong_answer
# why: NumPy: labels are encoded with np.unique(return_inverse=True) and the leaves return the class index, never mapped back to the label
import numpy as np


class DecisionTreeClassifier:
    def __init__(self, max_depth=None, min_samples_split=2, min_samples_leaf=1):
        if (max_depth is not None and max_depth < 1) or min_samples_split < 2 or min_samples_leaf < 1:
            raise ValueError("bad hyperparameters")
        self.max_depth, self.min_split, self.min_leaf = max_depth, min_samples_split, min_samples_leaf

    @staticmethod
    def _X(X, width=None):
        if not isinstance(X, np.ndarray) and len({len(r) for r in X}) > 1:
            raise ValueError("ragged")
        A = np.array(X, dtype=float)
        if A.ndim != 2 or 0 in A.shape or not np.isfinite(A).all() or (width is not None and A.shape[1] != width):
            raise ValueError("bad X")
        return A

    def fit(self, X, y):
        A = self._X(X)
        self.classes, codes = np.unique(np.asarray(list(y)), return_inverse=True)
        if len(codes) != len(A):
            raise ValueError("length mismatch")
        self.k, self.width = len(self.classes), A.shape[1]
        self.root = self._grow(A, codes, 0)
        return self

    def _grow(self, A, c, depth):
        counts = np.bincount(c, minlength=self.k)
        leaf = ("leaf", int(np.argmax(counts)))
        if (self.max_depth is not None and depth >= self.max_depth) or len(c) < self.min_split:
            return leaf
        n = len(c)
        best, best_imp = None, 1.0 - ((counts / n) ** 2).sum()
        for f in range(A.shape[1]):
            order = np.argsort(A[:, f], kind="stable")
            xs = A[order, f]
            onehot = np.eye(self.k)[c[order]]
            left = np.cumsum(onehot, axis=0)[:-1]
            right = counts - left
            nl = np.arange(1, n)[:, None].astype(float)
            nr = n - nl
            imp = ((nl * (1 - ((left / nl) ** 2).sum(1, keepdims=True)) + nr * (1 - ((right / nr) ** 2).sum(1, keepdims=True))) / n)[:, 0]
            ok = (xs[:-1] < xs[1:]) & (nl[:, 0] >= self.min_leaf) & (nr[:, 0] >= self.min_leaf)
            imp[~ok] = np.inf
            j = int(np.argmin(imp))
            if imp[j] < best_imp:
                best_imp, best = imp[j], (f, (xs[j] + xs[j + 1]) / 2)
        if best is None:
            return leaf
        f, t = best
        go = A[:, f] <= t
        return ("split", f, t, self._grow(A[go], c[go], depth + 1), self._grow(A[~go], c[~go], depth + 1))

    def predict(self, X):
        out = []
        for row in self._X(X, self.width):
            node = self.root
            while node[0] == "split":
                node = node[3] if row[node[1]] <= node[2] else node[4]
            out.append(node[1])
        return out
