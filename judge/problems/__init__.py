"""Problems are data: one directory each under problems/, validated on load."""

from judge.problems.loader import Problem, ProblemSet, find_problems_root, problem_roots, shipped

__all__ = ["Problem", "ProblemSet", "find_problems_root", "problem_roots", "shipped"]
