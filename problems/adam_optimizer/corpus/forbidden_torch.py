# expect: forbidden_import
# why: wraps torch.optim.AdamW / torch.optim.Adam: torch is not an allowed module (numpy only)
import numpy as np
import torch


class Adam:
    def __init__(self, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8, weight_decay=0.0, decoupled=True):
        self.kwargs = {"lr": lr, "betas": (beta1, beta2), "eps": eps, "weight_decay": weight_decay}
        self.cls = torch.optim.AdamW if decoupled else torch.optim.Adam
        self.tensors = None
        self.opt = None

    def step(self, params, grads):
        if self.tensors is None:
            self.tensors = [torch.tensor(np.asarray(p, dtype=float), requires_grad=True) for p in params]
            self.opt = self.cls(self.tensors, **self.kwargs)
        with torch.no_grad():
            for t, p, g in zip(self.tensors, params, grads):
                t.copy_(torch.as_tensor(np.asarray(p, dtype=float)))
                t.grad = torch.as_tensor(np.asarray(g, dtype=float))
        self.opt.step()
        return [t.detach().numpy().copy() for t in self.tensors]
