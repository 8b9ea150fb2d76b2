# expect: forbidden_import
# why: hands the work to scikit-learn's DecisionTreeRegressor, which the problem does not allow
import numpy as np
from sklearn.tree import DecisionTreeRegressor


class GradientBoostingRegressor:
    def __init__(self, n_estimators=100, learning_rate=0.1, max_depth=3, min_samples_leaf=1):
        if n_estimators < 0 or learning_rate <= 0 or max_depth < 1 or min_samples_leaf < 1:
            raise ValueError("bad hyperparameters")
        self.n_estimators = n_estimators
        self.learning_rate = learning_rate
        self.max_depth = max_depth
        self.min_samples_leaf = min_samples_leaf

    def fit(self, X, y):
        X = np.asarray(X, dtype=float)
        y = np.asarray(y, dtype=float)
        self.f0 = y.mean()
        self.trees = []
        F = np.full(len(y), self.f0)
        for _ in range(self.n_estimators):
            tree = DecisionTreeRegressor(max_depth=self.max_depth, min_samples_leaf=self.min_samples_leaf)
            tree.fit(X, y - F)
            self.trees.append(tree)
            F += self.learning_rate * tree.predict(X)
        return self

    def predict(self, X):
        X = np.asarray(X, dtype=float)
        return self.f0 + sum(self.learning_rate * t.predict(X) for t in self.trees)
