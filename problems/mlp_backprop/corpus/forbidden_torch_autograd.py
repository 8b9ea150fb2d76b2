# expect: forbidden_import
# why: lets torch autograd compute the gradients; only numpy is allowed
import torch


class TwoLayerMLP:
    def __init__(self, W1, b1, W2, b2):
        self.p = {k: torch.tensor(v, dtype=torch.float64) for k, v in zip(("W1", "b1", "W2", "b2"), (W1, b1, W2, b2))}

    def loss_and_grads(self, X, y, l2=0.0):
        p = {k: v.clone().requires_grad_() for k, v in self.p.items()}
        s = torch.relu(torch.tensor(X, dtype=torch.float64) @ p["W1"] + p["b1"]) @ p["W2"] + p["b2"]
        loss = torch.nn.functional.cross_entropy(s, torch.tensor(y)) + 0.5 * l2 * ((p["W1"] ** 2).sum() + (p["W2"] ** 2).sum())
        loss.backward()
        return loss.item(), {k: v.grad.tolist() for k, v in p.items()}

    def step(self, grads, lr):
        for k in self.p:
            self.p[k] = self.p[k] - lr * torch.tensor(grads[k], dtype=torch.float64)
