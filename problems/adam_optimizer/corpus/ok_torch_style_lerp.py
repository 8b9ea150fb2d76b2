# expect: accepted
# why: PyTorch's own arithmetic: m.lerp(g, 1 - beta1), step_size = lr / c1, denom = sqrt(v) / sqrt(c2) + eps, state in a dict per index
# time: O(1)
# memory: O(1)
import math

import numpy as np


class Adam:
    def __init__(self, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8, weight_decay=0.0, decoupled=True):
        for name, value in (("lr", lr), ("eps", eps), ("weight_decay", weight_decay)):
            if not (0.0 <= value < math.inf):
                raise ValueError(f"invalid {name}: {value}")
        for name, value in (("beta1", beta1), ("beta2", beta2)):
            if not (0.0 <= value < 1.0):
                raise ValueError(f"invalid {name}: {value}")
        self.lr, self.betas, self.eps, self.wd, self.decoupled = lr, (beta1, beta2), eps, weight_decay, decoupled
        self.state = {}
        self.step_count = 0

    def step(self, params, grads):
        params = [np.array(p, dtype=np.float64) for p in params]  # copies: the caller's arrays stay
        grads = [np.array(g, dtype=np.float64) for g in grads]
        if len(params) != len(grads) or any(p.shape != g.shape for p, g in zip(params, grads)):
            raise ValueError("grads must match params")
        if self.state and (len(self.state) != len(params)
                           or any(self.state[i]["m"].shape != p.shape for i, p in enumerate(params))):
            raise ValueError("parameters changed")
        self.step_count += 1
        beta1, beta2 = self.betas
        bias_correction1 = 1 - beta1 ** self.step_count
        bias_correction2 = 1 - beta2 ** self.step_count
        step_size = self.lr / bias_correction1
        out = []
        for i, (p, g) in enumerate(zip(params, grads)):
            st = self.state.setdefault(i, {"m": np.zeros_like(p), "v": np.zeros_like(p)})
            if self.decoupled:
                p *= 1 - self.lr * self.wd
            elif self.wd:
                g = g + self.wd * p
            st["m"] += (g - st["m"]) * (1 - beta1)  # lerp
            st["v"] = st["v"] * beta2 + (1 - beta2) * g * g
            denom = np.sqrt(st["v"]) / math.sqrt(bias_correction2) + self.eps
            p -= step_size * st["m"] / denom
            out.append(p)
        return out
