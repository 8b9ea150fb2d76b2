# expect: accepted
# why: per-label counters in a small dataclass with properties, filled in one pass; fractions.Fraction averaged, then floats
from dataclasses import dataclass
from fractions import Fraction


@dataclass
class Stats:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @staticmethod
    def ratio(a, b):
        return Fraction(a, b) if b else Fraction(0)

    @property
    def precision(self):
        return self.ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self):
        return self.ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self):
        return self.ratio(2 * self.tp, 2 * self.tp + self.fp + self.fn)


def precision_recall_f1(y_true: list, y_pred: list) -> dict:
    if len(y_true) != len(y_pred):
        raise ValueError("length mismatch")
    if not y_true:
        raise ValueError("no samples")
    stats: dict = {}
    total = Stats()
    for t, p in zip(y_true, y_pred):
        st_t = stats.setdefault(t, Stats())
        st_p = stats.setdefault(p, Stats())
        if t == p:
            st_t.tp += 1
            total.tp += 1
        else:
            st_p.fp += 1
            st_t.fn += 1
            total.fp += 1
            total.fn += 1
    labels = sorted(stats)
    per = [stats[c] for c in labels]
    macro = tuple(float(sum(getattr(s, name) for s in per) / len(per)) for name in ("precision", "recall", "f1"))
    return {
        "labels": labels,
        "precision": [float(s.precision) for s in per],
        "recall": [float(s.recall) for s in per],
        "f1": [float(s.f1) for s in per],
        "support": [s.tp + s.fn for s in per],
        "macro": macro,
        "micro": (float(total.precision), float(total.recall), float(total.f1)),
    }
