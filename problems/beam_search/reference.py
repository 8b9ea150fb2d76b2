"""Reference solution for `beam_search`; runs in the judge process only.

All candidates of a step are sorted by (-total log-probability, sequence); the first beam_width
are kept, those ending in eos set aside as finished. Live hypotheses left after max_len steps
join the finished ones; the best score wins, ties to the smaller sequence.
"""

from __future__ import annotations

import math


def beam_search(model: dict, bos: str, eos: str, beam_width: int, max_len: int,
                length_penalty: float = 0.0) -> tuple[list[str], float]:
    _check(model, bos, eos, beam_width, max_len, length_penalty)
    # Candidates are (-total, sequence as a tuple): plain tuple order is the ranking of a step.
    beams: list[tuple[float, tuple[str, ...]]] = [(-0.0, (bos,))]
    finished: list[tuple[float, tuple[str, ...]]] = []
    for _ in range(max_len):
        candidates = [(negative - log_prob, (*seq, token))
                      for negative, seq in beams
                      for token, log_prob in model[seq[-1]].items()]
        candidates.sort()
        beams = []
        for candidate in candidates[:beam_width]:
            (finished if candidate[1][-1] == eos else beams).append(candidate)
        if not beams:
            break
    finished.extend(beams)
    score, seq = min((negative / (len(seq) - 1) ** length_penalty, seq) for negative, seq in finished)
    return list(seq), -score


def _check(model, bos, eos, beam_width, max_len, length_penalty) -> None:
    if not isinstance(model, dict):
        raise TypeError(f"model must be a dict, not {type(model).__name__}")
    if not isinstance(bos, str) or not isinstance(eos, str):
        raise TypeError("bos and eos must be str")
    for name, value in (("beam_width", beam_width), ("max_len", max_len)):
        if isinstance(value, bool) or not isinstance(value, int):
            raise TypeError(f"{name} must be an int, not {type(value).__name__}")
        if value < 1:
            raise ValueError(f"{name} must be >= 1, got {value}")
    if isinstance(length_penalty, bool) or not isinstance(length_penalty, (int, float)):
        raise TypeError(f"length_penalty must be a number, not {type(length_penalty).__name__}")
    if not math.isfinite(length_penalty):
        raise ValueError(f"length_penalty must be finite, got {length_penalty}")
    if bos not in model:
        raise ValueError(f"the model has no next-token table for bos {bos!r}")
