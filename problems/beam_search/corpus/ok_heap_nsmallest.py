# expect: accepted
# why: heapq.nsmallest picks the beam from the candidates of a step; hypotheses are lists; the
#   answer is the max over (score, reversed order) done with a key
# time: O(n log n)
import heapq
import math


def beam_search(model, bos, eos, beam_width, max_len, length_penalty=0.0):
    if type(model) is not dict:
        raise TypeError("model")
    if type(bos) is not str or type(eos) is not str:
        raise TypeError("bos/eos")
    if type(beam_width) is not int or type(max_len) is not int:
        raise TypeError("sizes")
    if beam_width <= 0 or max_len <= 0:
        raise ValueError("sizes")
    if type(length_penalty) not in (int, float):
        raise TypeError("length_penalty")
    if not math.isfinite(length_penalty):
        raise ValueError("length_penalty")
    if bos not in model:
        raise ValueError("bos")
    live = [(0.0, [bos])]
    done = []
    steps = 0
    while live and steps < max_len:
        steps += 1
        cands = ((total + lp, seq + [tok]) for total, seq in live for tok, lp in model[seq[-1]].items())
        best = heapq.nsmallest(beam_width, cands, key=lambda c: (-c[0], c[1]))
        done += [c for c in best if c[1][-1] == eos]
        live = [c for c in best if c[1][-1] != eos]
    done += live
    ranked = sorted(done, key=lambda c: (-(c[0] / (len(c[1]) - 1) ** length_penalty), c[1]))
    total, seq = ranked[0]
    return seq, total / (len(seq) - 1) ** length_penalty
