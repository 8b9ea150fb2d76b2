# expect: forbidden_import
# why: NumPy's argsort over the candidate matrix; this problem allows the standard library only
import numpy as np


def beam_search(model, bos, eos, beam_width, max_len, length_penalty=0.0):
    live, done = [(0.0, [bos])], []
    for _ in range(max_len):
        cands = [(t + lp, s + [tok]) for t, s in live for tok, lp in model[s[-1]].items()]
        order = np.argsort([-c[0] for c in cands], kind="stable")[:beam_width]
        kept = [cands[i] for i in order]
        done += [c for c in kept if c[1][-1] == eos]
        live = [c for c in kept if c[1][-1] != eos]
        if not live:
            break
    done += live
    total, seq = max(done, key=lambda c: c[0] / (len(c[1]) - 1) ** length_penalty)
    return seq, total / (len(seq) - 1) ** length_penalty
