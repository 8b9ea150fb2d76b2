"""TwoLayerMLP: affine-ReLU-affine-softmax, its loss and every gradient by hand (`judge show mlp_backprop`)."""


# Your complexity: replace each ? with yours, e.g. O(n log n); the report checks it.
# time: O(?)
# memory: O(?)
class TwoLayerMLP:
    """W1 (D x H), b1 (H), W2 (H x C), b2 (C); S = max(X W1 + b1, 0) W2 + b2.

    - loss_and_grads(X, y, l2=0.0) -> (loss, grads): mean softmax cross-entropy of S against the integer
      labels y, plus 0.5 * l2 * (|W1|^2 + |W2|^2); grads = {"W1", "b1", "W2", "b2"} of the parameters'
      shapes. ReLU'(0) = 0. Stable for large scores (log-sum-exp).
    - step(grads, lr): every parameter P becomes P - lr * grads[P] (grads may hold nested lists).
    - ValueError for shapes that do not chain, non-finite numbers, bad labels, l2 < 0, lr < 0, missing keys.
    - Expected: O(n (D H + H C)) time for loss_and_grads, n the rows of X. No argument is modified.

    Third-party modules allowed: numpy only.
    """

    def __init__(self, W1, b1, W2, b2):
        raise NotImplementedError

    def loss_and_grads(self, X, y, l2: float = 0.0):
        raise NotImplementedError

    def step(self, grads, lr: float) -> None:
        raise NotImplementedError
