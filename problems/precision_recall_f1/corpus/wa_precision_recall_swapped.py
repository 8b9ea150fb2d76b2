# expect: wrong_answer
# why: mixes up the denominators: precision divides TP by how often the label is true, recall by how often it was predicted
from collections import Counter


def precision_recall_f1(y_true, y_pred):
    if len(y_true) != len(y_pred) or not y_true:
        raise ValueError("bad input")
    actual = Counter(y_true)
    guessed = Counter(y_pred)
    correct = Counter(t for t, p in zip(y_true, y_pred) if t == p)
    labels = sorted(actual.keys() | guessed.keys())
    precision = [correct[c] / actual[c] if actual[c] else 0.0 for c in labels]
    recall = [correct[c] / guessed[c] if guessed[c] else 0.0 for c in labels]
    f1 = [2 * correct[c] / (actual[c] + guessed[c]) for c in labels]
    k = len(labels)
    acc = sum(correct.values()) / len(y_true)
    return {
        "labels": labels, "precision": precision, "recall": recall, "f1": f1,
        "support": [actual[c] for c in labels],
        "macro": (sum(precision) / k, sum(recall) / k, sum(f1) / k),
        "micro": (acc, acc, acc),
    }
