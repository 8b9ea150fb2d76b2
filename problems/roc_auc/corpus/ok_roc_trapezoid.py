# expect: accepted
# why: the textbook ROC curve: sort by score descending, one point per group of tied scores, integer trapezoids
def roc_auc(y_true, y_score):
    labels = list(y_true)
    scores = list(y_score)
    if len(labels) != len(scores):
        raise ValueError("length mismatch")
    for label in labels:
        if label != 0 and label != 1:
            raise ValueError(f"bad label {label!r}")
    for score in scores:
        if score != score:
            raise ValueError("NaN score")
    order = sorted(range(len(scores)), key=lambda i: scores[i], reverse=True)
    total_pos = sum(1 for label in labels if label == 1)
    total_neg = len(labels) - total_pos
    if not total_pos or not total_neg:
        raise ValueError("only one class present")
    tp = fp = 0
    prev_tp = prev_fp = 0
    area2 = 0  # twice the area, in units of one positive x one negative
    i = 0
    while i < len(order):
        j = i
        while j < len(order) and scores[order[j]] == scores[order[i]]:
            if labels[order[j]] == 1:
                tp += 1
            else:
                fp += 1
            j += 1
        area2 += (fp - prev_fp) * (tp + prev_tp)
        prev_tp, prev_fp = tp, fp
        i = j
    return area2 / (2 * total_pos * total_neg)
