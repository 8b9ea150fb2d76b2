"""Multi-head attention: scaled dot-product self-attention with masks (see `judge show multi_head_attention`)."""


# Your complexity: replace each ? with yours, e.g. O(n log n); the report checks it.
# time: O(?)
# memory: O(?)
def multi_head_attention(x, w_q, w_k, w_v, w_o, n_heads, causal=False, key_padding_mask=None):
    """Return concat over heads of softmax(Q_h K_h^T / sqrt(d_h)) V_h, times w_o: shape (B, L, D).

    - x is (B, L, D); the weights are (D, D); Q = x @ w_q, K = x @ w_k,
      V = x @ w_v (no bias). d_h = D / n_heads; head h uses the contiguous
      columns h*d_h .. (h+1)*d_h - 1.
    - Key j is not allowed for query i if causal and j > i, or if
      key_padding_mask[b][j] is True (True marks padding).
    - A query with no allowed key gets a row of zeros (not NaN).
    - Stable for huge scores: subtract each query's largest allowed score.
    - TypeError: n_heads not an int. ValueError: x not a non-empty 3-D
      array, a weight not (D, D), NaN/inf in x or a weight, n_heads < 1,
      D % n_heads != 0, key_padding_mask not (B, L).
    - Expected: O(B L^2 D) time, O(B H L^2) memory, n = L. Do not modify the arguments.

    Third-party modules allowed: numpy only.
    """
    raise NotImplementedError
