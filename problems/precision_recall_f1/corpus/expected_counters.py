# expect: accepted
# why: one pass fills per-label [tp, fp, fn] counters in a dict; one sort of the C = n/4 labels.
# time: O(n log n)
# memory: O(n)
def precision_recall_f1(y_true, y_pred):
    if len(y_true) != len(y_pred) or not y_true:
        raise ValueError("bad input")
    counts = {}
    for t, p in zip(y_true, y_pred):
        ct = counts.setdefault(t, [0, 0, 0])
        cp = counts.setdefault(p, [0, 0, 0])
        if t == p:
            ct[0] += 1
        else:
            cp[1] += 1
            ct[2] += 1
    labels = sorted(counts)
    prec, rec, f1, support = [], [], [], []
    for c in labels:
        tp, fp, fn = counts[c]
        prec.append(tp / (tp + fp) if tp + fp else 0.0)
        rec.append(tp / (tp + fn) if tp + fn else 0.0)
        f1.append(2 * tp / (2 * tp + fp + fn))
        support.append(tp + fn)
    k = len(labels)
    acc = sum(counts[c][0] for c in labels) / len(y_true)
    return {"labels": labels, "precision": prec, "recall": rec, "f1": f1, "support": support,
            "macro": (sum(prec) / k, sum(rec) / k, sum(f1) / k), "micro": (acc, acc, acc)}
