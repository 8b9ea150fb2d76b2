"""Stratified k-fold: folds that keep the class proportions, reproducibly (`judge show stratified_kfold`)."""


# Your complexity: replace each ? with yours, e.g. O(n log n); the report checks it.
# time: O(?)
# memory: O(?)
def stratified_kfold(y, n_splits, shuffle=False, seed=None):
    """Return [(train, test), ...], one pair per fold, each a sorted list of indices.

    - Classes in sorted order; each class's indices in increasing order, or
      with shuffle=True shuffled by rng.shuffle (rng = random.Random(seed),
      made once; one shuffle per class, in sorted class order).
    - The lists end to end; position p goes to fold p % n_splits. train is
      every index not in the fold's test.
    - TypeError: n_splits not an int (bools neither). ValueError: n_splits < 2
      or > len(y); a seed with shuffle=False. Checked in that order.
    - Do not modify y. Expected: O(n log n + k*n).

    Third-party modules allowed: numpy only.
    """
    raise NotImplementedError
