# expect: accepted
# why: random-key sampling: keep the k items with the largest rng.random() keys in a min-heap
import heapq


def reservoir_sample(stream, k, rng):
    if k < 0:
        raise ValueError("negative k")
    if k == 0:
        return []
    heap = []  # (key, position, item); the position breaks (impossible) key ties
    for position, item in enumerate(stream):
        key = rng.random()
        if len(heap) < k:
            heapq.heappush(heap, (key, position, item))
        elif key > heap[0][0]:
            heapq.heapreplace(heap, (key, position, item))
    return [item for _, _, item in heap]
