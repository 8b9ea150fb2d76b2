# expect: forbidden_import
# why: scikit-learn's StratifiedKFold is not an allowed module (numpy only)
import numpy as np
from sklearn.model_selection import StratifiedKFold


def stratified_kfold(y, n_splits, shuffle=False, seed=None):
    splitter = StratifiedKFold(n_splits=n_splits, shuffle=shuffle, random_state=seed)
    return [(a.tolist(), b.tolist()) for a, b in splitter.split(np.zeros(len(y)), y)]
