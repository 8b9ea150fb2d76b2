from judge.verdicts import Verdict


def test_precedence_is_the_documented_order():
    order = [v.value for v in sorted(Verdict, key=lambda v: v.severity, reverse=True)]
    assert order == [
        "internal_error", "compile_error", "forbidden_import", "runtime_error", "memory_limit_exceeded",
        "time_limit_exceeded", "output_limit_exceeded", "wrong_answer", "accepted",
    ]


def test_worst_of_a_run():
    assert Verdict.worst([]) is Verdict.ACCEPTED
    assert Verdict.worst([Verdict.WRONG_ANSWER, Verdict.TIME_LIMIT_EXCEEDED, Verdict.ACCEPTED]) is Verdict.TIME_LIMIT_EXCEEDED
    assert Verdict.worst([Verdict.WRONG_ANSWER, Verdict.RUNTIME_ERROR]) is Verdict.RUNTIME_ERROR
