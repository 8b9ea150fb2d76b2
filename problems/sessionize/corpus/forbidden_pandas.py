# expect: forbidden_import
# why: pandas to_datetime + groupby/diff/cumsum, the notebook way; only the standard library is allowed
import pandas as pd


def sessionize(events, gap_minutes=30):
    df = pd.DataFrame(list(events), columns=["user", "ts"])
    df["t"] = [pd.Timestamp(v, unit="s", tz="UTC") if not isinstance(v, str) else pd.Timestamp(v) for v in df.ts]
    df = df.sort_values(["user", "t"])
    new = (df.t.diff() > pd.Timedelta(minutes=gap_minutes)) | (df.user != df.user.shift())
    df["session"] = new.cumsum()
    out = df.groupby("session").agg(user=("user", "first"), start=("t", "min"), end=("t", "max"), count=("t", "size"))
    return [(r.user, r.start.timestamp(), r.end.timestamp(), int(r.count)) for r in out.itertuples()]
