# expect: forbidden_import
# why: numpy is not allowed for this problem

import numpy as np


def is_subsequence(s, t):
    it = iter(t)
    return bool(np.all([c in it for c in s]))
