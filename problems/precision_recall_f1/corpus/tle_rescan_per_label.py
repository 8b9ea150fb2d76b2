# expect: time_limit_exceeded
# why: counts TP, FP and FN with one scan of all samples per label: O(n * C), 2.5e9 steps on the large input
def precision_recall_f1(y_true, y_pred):
    if len(y_true) != len(y_pred) or not y_true:
        raise ValueError("bad input")
    labels = sorted(set(y_true) | set(y_pred))
    report = {"labels": labels, "precision": [], "recall": [], "f1": [], "support": []}
    TP = FP = FN = 0
    pairs = list(zip(y_true, y_pred))
    for c in labels:
        tp = sum(1 for t, p in pairs if t == c and p == c)
        fp = sum(1 for t, p in pairs if p == c and t != c)
        fn = sum(1 for t, p in pairs if t == c and p != c)
        report["precision"].append(tp / (tp + fp) if tp + fp else 0.0)
        report["recall"].append(tp / (tp + fn) if tp + fn else 0.0)
        report["f1"].append(2 * tp / (2 * tp + fp + fn))
        report["support"].append(tp + fn)
        TP, FP, FN = TP + tp, FP + fp, FN + fn
    k = len(labels)
    report["macro"] = tuple(sum(report[key]) / k for key in ("precision", "recall", "f1"))
    report["micro"] = (TP / (TP + FP), TP / (TP + FN), 2 * TP / (2 * TP + FP + FN))
    return report
