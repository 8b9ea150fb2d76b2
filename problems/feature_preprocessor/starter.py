"""Feature preprocessor: standardise, impute, one-hot encode rows of dicts (`judge show feature_preprocessor`)."""


# Your complexity: replace each ? with yours, e.g. O(n log n); the report checks it.
# time: O(?)
# memory: O(?)
class Preprocessor:
    """fit(rows) learns; transform(rows) -> 2-D floats and never refits.

    - Missing: key absent, None or NaN. Extra keys are ignored.
    - Numeric columns: (x - mean) / population std over the present training
      values; a std of 0 divides by 1; missing -> the training mean (0.0).
    - Categorical columns: one column per category seen in training, sorted;
      unseen or missing -> all zeros.
    - Columns: numeric as given, then each categorical's sorted categories.
    - Rows are not modified. fit returns self and replaces what was learned.
    - TypeError: column lists not lists of strings, a row not a dict, a numeric
      value not an int/float. ValueError: repeated names or no column, fit([]),
      a numeric column with no training value, an infinite value.
    - Expected: fit and transform O(n * (p + c)), plus the output.

    Third-party modules allowed: numpy only.
    """

    def __init__(self, numeric: list[str], categorical: list[str]) -> None:
        self.numeric = numeric
        self.categorical = categorical

    def fit(self, rows: list[dict]) -> "Preprocessor":
        raise NotImplementedError

    def transform(self, rows: list[dict]) -> list[list[float]]:
        raise NotImplementedError
