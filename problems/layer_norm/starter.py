"""LayerNorm: layer normalisation over the last axis, forward and backward by hand (`judge show layer_norm`)."""


# Your complexity: replace each ? with yours, e.g. O(n log n); the report checks it.
# time: O(?)
# memory: O(?)
class LayerNorm:
    """y = (x - mean) / sqrt(biased var + eps) * gamma + beta over the last axis of x (any leading shape).

    - __init__(gamma, beta, eps=1e-5): gamma, beta vectors of length D; ValueError if not 1-D, empty,
      of different lengths, not finite, or eps not a finite number > 0.
    - forward(x) -> y, the shape of x (last axis D); ValueError for a bad x.
    - backward(dy) -> dx through the last forward, and sets self.dgamma and self.dbeta (length D,
      summed over the leading axes, replaced at every call); RuntimeError before any forward,
      ValueError if dy's shape differs from x's or dy is not finite.
    - Expected: O(N) time and memory per pass, N the entries of x. No argument is modified.

    Third-party modules allowed: numpy only.
    """

    def __init__(self, gamma, beta, eps: float = 1e-5):
        raise NotImplementedError

    def forward(self, x):
        raise NotImplementedError

    def backward(self, dy):
        raise NotImplementedError
