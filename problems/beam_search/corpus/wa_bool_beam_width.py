# expect: wrong_answer
# why: isinstance(value, int) accepts True as a beam width of 1
import math


def beam_search(model, bos, eos, beam_width, max_len, length_penalty=0.0):
    if not isinstance(model, dict):
        raise TypeError("model must be a dict")
    if not isinstance(bos, str) or not isinstance(eos, str):
        raise TypeError("bos and eos must be strings")
    for value in (beam_width, max_len):
        if not isinstance(value, int):
            raise TypeError("beam_width and max_len must be ints")
    if beam_width < 1 or max_len < 1:
        raise ValueError("beam_width and max_len must be at least 1")
    if isinstance(length_penalty, bool) or not isinstance(length_penalty, (int, float)):
        raise TypeError("length_penalty must be a number")
    if math.isnan(length_penalty) or math.isinf(length_penalty):
        raise ValueError("length_penalty must be finite")
    if bos not in model:
        raise ValueError("bos has no entry in the model")
    beam = [((bos,), 0.0)]
    finished = []
    for _ in range(max_len):
        candidates = []
        for seq, total in beam:
            for token, lp in model[seq[-1]].items():
                candidates.append((-(total + lp), seq + (token,)))
        candidates.sort()
        beam = []
        for neg, seq in candidates[:beam_width]:
            if seq[-1] == eos:
                finished.append((seq, -neg))
            else:
                beam.append((seq, -neg))
        if not beam:
            break
    finished.extend(beam)
    best = None
    for seq, total in finished:
        score = total / (len(seq) - 1) ** length_penalty
        if best is None or score > best[0] or (score == best[0] and seq < best[1]):
            best = (score, seq)
    return list(best[1]), best[0]
