"""`judge grade`: a study group's tree of solutions, judged cell by cell into one gradebook.

discovery (roster + files) -> pool (one `judge run` process per cell) -> gradebook.
See docs/grading.md.
"""
