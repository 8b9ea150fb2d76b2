# expect: forbidden_import
# why: scikit-learn's precision_recall_fscore_support is not an allowed module (numpy only)
from sklearn.metrics import precision_recall_fscore_support


def precision_recall_f1(y_true, y_pred):
    labels = sorted(set(y_true) | set(y_pred))
    p, r, f, s = precision_recall_fscore_support(y_true, y_pred, labels=labels, zero_division=0)
    return {"labels": labels, "precision": list(p), "recall": list(r), "f1": list(f), "support": list(s)}
