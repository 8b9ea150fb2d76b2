# expect: forbidden_import
# why: pandas.merge_asof does the join, but only the standard library is allowed
import pandas as pd


def point_in_time_join(labels, features, max_age=None):
    left = pd.DataFrame(list(labels), columns=["entity", "ts", "label"]).reset_index()
    right = pd.DataFrame(list(features), columns=["entity", "ts", "value"])
    merged = pd.merge_asof(left.sort_values("ts"), right.sort_values("ts", kind="stable"), on="ts",
                           by="entity", direction="backward", tolerance=max_age).sort_values("index")
    return [(e, t, y, None if pd.isna(v) else v)
            for e, t, y, v in merged[["entity", "ts", "label", "value"]].itertuples(index=False)]
