# expect: forbidden_import
# why: scikit-learn's cosine_similarity: only NumPy is allowed here
import numpy as np
from sklearn.metrics.pairwise import cosine_similarity


def top_k_cosine(corpus, queries, k):
    S = cosine_similarity(np.asarray(queries, dtype=float), np.asarray(corpus, dtype=float))
    return [[(int(i), float(row[i])) for i in np.lexsort((np.arange(len(row)), -row))[:k]] for row in S]
