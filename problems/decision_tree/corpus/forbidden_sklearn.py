# expect: forbidden_import
# why: scikit-learn's DecisionTreeClassifier is not an allowed module (numpy only)
from sklearn.tree import DecisionTreeClassifier as _Tree


class DecisionTreeClassifier:
    def __init__(self, max_depth=None, min_samples_split=2, min_samples_leaf=1):
        self.tree = _Tree(max_depth=max_depth, min_samples_split=min_samples_split, min_samples_leaf=min_samples_leaf)

    def fit(self, X, y):
        self.tree.fit(X, y)
        return self

    def predict(self, X):
        return list(self.tree.predict(X))
