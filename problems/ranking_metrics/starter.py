"""Ranking metrics: mean precision@k, recall@k, MRR and nDCG@k over queries (see `judge show ranking_metrics`)."""


# Your complexity: replace each ? with yours, e.g. O(n log n); the report checks it.
# time: O(?)
# memory: O(?)
def ranking_metrics(judgments: dict, results: dict, k: int) -> dict:
    """Return {"precision": ..., "recall": ..., "mrr": ..., "ndcg": ...}, means over the queries of judgments.

    - judgments: {query: {doc_id: relevance int >= 0}}; relevant means > 0,
      unjudged means 0. results: {query: [(doc_id, score), ...]}.
    - A query's ranking: score descending, equal scores by doc id ascending.
    - precision@k = hits/k; recall@k = hits/R; reciprocal rank of the first
      relevant in the whole ranking; nDCG@k with gain 2^rel - 1, discount
      log2(rank + 1), the ideal from all judged relevances.
    - Queries with no relevant judged document are left out of recall, MRR
      and nDCG (precision counts them as 0); a mean over no query is None.
    - TypeError / ValueError for malformed input (the table in the statement).
    - Expected: O(n log n) for n results.

    Standard library only.
    """
    raise NotImplementedError
