# expect: time_limit_exceeded
# why: one scan of all samples per label, and there are n/4 labels. (No memory class: its O(n)
#   label list is measured only at the small sizes its quadratic time reaches.)
# time: O(n^2)
def precision_recall_f1(y_true, y_pred):
    if len(y_true) != len(y_pred) or not y_true:
        raise ValueError("bad input")
    labels = sorted(set(y_true) | set(y_pred))
    prec, rec, f1, support = [], [], [], []
    TP = 0
    for c in labels:
        tp = fp = fn = 0
        for t, p in zip(y_true, y_pred):
            if t == c and p == c:
                tp += 1
            elif p == c:
                fp += 1
            elif t == c:
                fn += 1
        prec.append(tp / (tp + fp) if tp + fp else 0.0)
        rec.append(tp / (tp + fn) if tp + fn else 0.0)
        f1.append(2 * tp / (2 * tp + fp + fn))
        support.append(tp + fn)
        TP += tp
    k = len(labels)
    acc = TP / len(y_true)
    return {"labels": labels, "precision": prec, "recall": rec, "f1": f1, "support": support,
            "macro": (sum(prec) / k, sum(rec) / k, sum(f1) / k), "micro": (acc, acc, acc)}
