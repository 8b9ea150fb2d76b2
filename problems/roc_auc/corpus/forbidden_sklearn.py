# expect: forbidden_import
# why: scikit-learn's roc_auc_score is not an allowed module (numpy only)
import numpy as np
from sklearn.metrics import roc_auc_score


def roc_auc(y_true, y_score):
    return float(roc_auc_score(np.asarray(y_true), np.asarray(y_score)))
