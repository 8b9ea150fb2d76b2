"""conv2d: a deep-learning 2-D convolution (cross-correlation) with stride and padding (see `judge show conv2d`)."""


# Your complexity: replace each ? with yours, e.g. O(n log n); the report checks it.
# time: O(?)
# memory: O(?)
def conv2d(x, w, b=None, stride=1, padding=0):
    """Return out of shape (N, F, OH, OW) with

        out[n, f, i, j] = b[f] + sum over c, p, q of xpad[n, c, i*sh + p, j*sw + q] * w[f, c, p, q]

    - x is (N, C, H, W), w is (F, C, KH, KW), b is None or (F,); xpad is x with
      ph zero rows above and below and pw zero columns left and right.
    - stride and padding: an int or a (height, width) pair of ints.
    - OH = (H + 2*ph - KH) // sh + 1, OW = (W + 2*pw - KW) // sw + 1.
    - TypeError: stride or padding not ints. ValueError: stride < 1, padding < 0,
      a pair not of length 2, x or w not non-empty 4-D, channel mismatch, b not
      (F,), an output side < 1.
    - Expected: O(N F C KH KW OH OW) time, vectorised; do not modify the arguments.

    Third-party modules allowed: numpy only.
    """
    raise NotImplementedError
