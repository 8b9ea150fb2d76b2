# expect: accepted
# why: counts with plain dicts and tracks each context's winner while counting, so predict_next is O(1)


class TrigramModel:
    def __init__(self):
        self._reset()

    def _reset(self):
        self.counts = {}  # (order, context, token) -> count
        self.best = {}  # (order, context) -> (count, token)

    def _add(self, order, context, token):
        key = (order, context, token)
        count = self.counts.get(key, 0) + 1
        self.counts[key] = count
        # Counts only grow, so the winner can only change to the token just counted.
        current = self.best.get((order, context))
        if current is None or count > current[0] or (count == current[0] and token < current[1]):
            self.best[(order, context)] = (count, token)

    def fit(self, sentences):
        if type(sentences) is not list:
            raise TypeError("sentences must be a list")
        for s in sentences:
            if type(s) is not list:
                raise TypeError("sentence must be a list")
            for tok in s:
                if type(tok) is not str:
                    raise TypeError("token must be a str")
                if tok == "":
                    raise ValueError("empty token")
        self._reset()
        for s in sentences:
            for i, tok in enumerate(s):
                self._add(1, (), tok)
                if i >= 1:
                    self._add(2, s[i - 1], tok)
                if i >= 2:
                    self._add(3, (s[i - 2], s[i - 1]), tok)
        return self

    def predict_next(self, w1, w2):
        for key in ((3, (w1, w2)), (2, w2), (1, ())):
            if key in self.best:
                return self.best[key][1]
        return None
