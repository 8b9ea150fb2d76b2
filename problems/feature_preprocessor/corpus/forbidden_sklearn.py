# expect: forbidden_import
# why: scikit-learn's StandardScaler and OneHotEncoder are not allowed modules (numpy only)
import numpy as np
from sklearn.preprocessing import OneHotEncoder, StandardScaler


class Preprocessor:
    def __init__(self, numeric, categorical):
        self.numeric, self.categorical = numeric, categorical

    def fit(self, rows):
        self.scaler = StandardScaler().fit([[r.get(n, np.nan) for n in self.numeric] for r in rows])
        self.encoder = OneHotEncoder(handle_unknown="ignore").fit([[r.get(c) for c in self.categorical] for r in rows])
        return self

    def transform(self, rows):
        a = self.scaler.transform([[r.get(n, np.nan) for n in self.numeric] for r in rows])
        b = self.encoder.transform([[r.get(c) for c in self.categorical] for r in rows]).toarray()
        return np.hstack([np.nan_to_num(a), b])
