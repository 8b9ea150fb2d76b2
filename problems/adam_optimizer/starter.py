"""Adam / AdamW: the optimiser's update with bias correction and weight decay (see `judge show adam_optimizer`)."""


# Your complexity: replace each ? with yours, e.g. O(n log n); the report checks it.
# time: O(?)
# memory: O(?)
class Adam:
    """Adam with bias correction; weight decay decoupled (AdamW) or added to the gradient (L2).

    step(params, grads), at step t (1 for the first call), for every parameter position i:
        if not decoupled: g = g + weight_decay * p
        m = beta1 * m + (1 - beta1) * g;   v = beta2 * v + (1 - beta2) * g * g
        m_hat = m / (1 - beta1 ** t);      v_hat = v / (1 - beta2 ** t)
        p_new = p * (1 - lr * weight_decay if decoupled else 1) - lr * m_hat / (sqrt(v_hat) + eps)
    and returns the list of new parameters (new arrays; the arguments are not modified).

    - m and v start at 0, one pair per parameter position, shaped like it.
    - ValueError: lr < 0, beta not in [0, 1), eps < 0, weight_decay < 0, or any of them
      NaN or infinite (in the constructor); len(grads) != len(params); a gradient's shape
      differs from its parameter's; the number or shapes of the parameters change
      between steps.
    - Expected: a step is O(d) time for d parameter elements, whatever the step number.

    Third-party modules allowed: numpy only.
    """

    def __init__(self, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8, weight_decay=0.0, decoupled=True):
        raise NotImplementedError

    def step(self, params, grads):
        raise NotImplementedError
