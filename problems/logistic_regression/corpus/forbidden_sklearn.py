# expect: forbidden_import
# why: scikit-learn's LogisticRegression is not an allowed module (numpy only)
from sklearn.linear_model import LogisticRegression as _Sklearn


class LogisticRegression:
    def __init__(self, learning_rate=0.1, n_iter=1000, l2=0.0):
        self.model = _Sklearn(C=1.0 / l2 if l2 else 1e12, max_iter=n_iter)

    def fit(self, X, y):
        self.model.fit(X, y)
        return self

    def predict_proba(self, X):
        return self.model.predict_proba(X)[:, 1]

    def predict(self, X):
        return self.model.predict(X)
