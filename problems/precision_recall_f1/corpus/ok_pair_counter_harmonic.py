# expect: accepted
# why: a sparse confusion table (Counter of (true, pred) pairs), F1 as the guarded harmonic mean 2PR/(P+R), int 0 for empty ratios
from collections import Counter, defaultdict


def precision_recall_f1(y_true, y_pred):
    if not y_true or len(y_true) != len(y_pred):
        raise ValueError("need two non-empty lists of equal length")
    confusion = Counter(zip(y_true, y_pred))
    tp, fp, fn = defaultdict(int), defaultdict(int), defaultdict(int)
    for (t, p), count in confusion.items():
        if t == p:
            tp[t] += count
        else:
            fp[p] += count
            fn[t] += count
    labels = sorted(set(y_true).union(y_pred))
    rows = []
    for c in labels:
        prec = tp[c] / (tp[c] + fp[c]) if tp[c] + fp[c] else 0
        rec = tp[c] / (tp[c] + fn[c]) if tp[c] + fn[c] else 0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0
        rows.append((prec, rec, f1, tp[c] + fn[c]))
    precision, recall, f1s, support = (list(col) for col in zip(*rows))
    TP, FP, FN = sum(tp.values()), sum(fp.values()), sum(fn.values())
    micro_p = TP / (TP + FP) if TP + FP else 0
    micro_r = TP / (TP + FN) if TP + FN else 0
    micro_f = 2 * micro_p * micro_r / (micro_p + micro_r) if micro_p + micro_r else 0
    C = len(labels)
    return {
        "labels": labels,
        "precision": precision,
        "recall": recall,
        "f1": f1s,
        "support": support,
        "macro": [sum(precision) / C, sum(recall) / C, sum(f1s) / C],
        "micro": (micro_p, micro_r, micro_f),
    }
