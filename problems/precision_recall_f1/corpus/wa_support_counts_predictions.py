# expect: wrong_answer
# why: support counts how often a label was predicted (TP + FP) instead of how often it is the true label (TP + FN)
def precision_recall_f1(y_true, y_pred):
    if len(y_true) != len(y_pred) or not y_true:
        raise ValueError("bad input")
    tp, fp, fn = {}, {}, {}
    for t, p in zip(y_true, y_pred):
        for d in (tp, fp, fn):
            d.setdefault(t, 0)
            d.setdefault(p, 0)
        if t == p:
            tp[t] += 1
        else:
            fp[p] += 1
            fn[t] += 1
    labels = sorted(tp)
    prec = [tp[c] / (tp[c] + fp[c]) if tp[c] + fp[c] else 0.0 for c in labels]
    rec = [tp[c] / (tp[c] + fn[c]) if tp[c] + fn[c] else 0.0 for c in labels]
    f1 = [2 * tp[c] / (2 * tp[c] + fp[c] + fn[c]) for c in labels]
    support = [tp[c] + fp[c] for c in labels]
    k = len(labels)
    TP = sum(tp.values())
    micro = TP / len(y_true)
    return {"labels": labels, "precision": prec, "recall": rec, "f1": f1, "support": support,
            "macro": (sum(prec) / k, sum(rec) / k, sum(f1) / k), "micro": (micro, micro, micro)}
