# expect: forbidden_import
# why: wraps scikit-learn's Ridge, which is not an allowed module (numpy only)
import numpy as np
from sklearn.linear_model import LinearRegression as _OLS, Ridge


class LinearRegression:
    def __init__(self, alpha=0.0, fit_intercept=True):
        self.alpha = alpha
        self.fit_intercept = fit_intercept

    def fit(self, X, y):
        model = Ridge(alpha=self.alpha, fit_intercept=self.fit_intercept) if self.alpha else _OLS(
            fit_intercept=self.fit_intercept)
        model.fit(np.asarray(X, dtype=float), np.asarray(y, dtype=float))
        self.coef_, self.intercept_ = model.coef_, float(model.intercept_)
        self._model = model
        return self

    def predict(self, X):
        return self._model.predict(np.asarray(X, dtype=float))
