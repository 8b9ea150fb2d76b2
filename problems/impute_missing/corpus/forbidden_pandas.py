# expect: forbidden_import
# why: pandas (DataFrame.fillna) is not an allowed module (numpy only)
import pandas as pd


def impute_missing(table, numeric="median"):
    frame = pd.DataFrame(table)
    return frame.fillna(frame.median(numeric_only=True)).values.tolist()
