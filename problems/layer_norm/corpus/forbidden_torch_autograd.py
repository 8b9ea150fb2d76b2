# expect: forbidden_import
# why: lets torch.nn.functional.layer_norm and autograd do both passes; only numpy is allowed
import torch


class LayerNorm:
    def __init__(self, gamma, beta, eps=1e-5):
        self.gamma = torch.tensor(gamma, dtype=torch.float64, requires_grad=True)
        self.beta = torch.tensor(beta, dtype=torch.float64, requires_grad=True)
        self.eps = eps

    def forward(self, x):
        self.x = torch.tensor(x, dtype=torch.float64, requires_grad=True)
        self.y = torch.nn.functional.layer_norm(self.x, self.gamma.shape, self.gamma, self.beta, self.eps)
        return self.y.detach().tolist()

    def backward(self, dy):
        self.gamma.grad = self.beta.grad = self.x.grad = None
        self.y.backward(torch.tensor(dy, dtype=torch.float64), retain_graph=True)
        self.dgamma, self.dbeta = self.gamma.grad.tolist(), self.beta.grad.tolist()
        return self.x.grad.tolist()
