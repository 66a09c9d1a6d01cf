"""The `symtrust` command: exit codes, progress output, LaTeX files."""

import sys
import textwrap
from pathlib import Path

import pytest

from symtrust.cli import main

GOOD = """
    '''Toy derivation (chapter 1 style).'''
    import sympy
    from symtrust import Claim, Derivation, pure_nash, probability
    from symtrust.catalog import stag_hunt

    def derive():
        t = probability("t")
        return Derivation(
            title="Toy", source="test",
            models=(stag_hunt(),),
            results=(("equilibria", pure_nash(stag_hunt())),),
            claims=(Claim(t**2 <= t, name="squares shrink"),),
        )
"""

# a solution missing the (D, D) equilibrium: its numeric twin must catch it
TAMPERED = """
    import dataclasses
    from symtrust import Derivation, pure_nash
    from symtrust.catalog import stag_hunt

    def derive():
        sol = pure_nash(stag_hunt())
        bad = dataclasses.replace(sol, results=sol.results[:1])
        return Derivation(title="Tampered", source="test",
                          results=(("equilibria", bad),))
"""

REFUTED = """
    from symtrust import Claim, Derivation, probability, pure_nash
    from symtrust.catalog import stag_hunt

    def derive():
        t = probability("t")
        return Derivation(title="Refuted", source="test",
                          results=(("equilibria", pure_nash(stag_hunt())),),
                          claims=(Claim(t >= t**2 + 1, name="false"),))
"""


# the README's shape: a user's signaling game whose prior is probability("p");
# at p = 0 or 1 the twin met Fraction(0, 0) and took the whole run down
USER_SIGNALING = """
    from sympy import Rational
    from symtrust import Derivation, pbe, probability, signaling_game

    def derive():
        p = probability("p")
        u = {(t, m, a): (int(a == "trust") - (Rational(1, 2) if (t, m) == ("bad", "y")
                                               else 0),
                         int((a == "trust") == (t == "good")))
             for t in ("good", "bad") for m in ("x", "y") for a in ("trust", "not")}
        game = signaling_game(("good", "bad"), ("x", "y"), ("trust", "not"), u,
                              prior={"good": p, "bad": 1 - p})
        return Derivation(title="Signals", source="test",
                          results=(("equilibria", pbe(game)),))
"""


def _write(tmp_path, name, body):
    path = tmp_path / name
    path.write_text(textwrap.dedent(body))
    return path


def test_verified_derivation_exits_zero_and_writes_latex(tmp_path, capsys):
    path = _write(tmp_path, "toy.py", GOOD)
    out_dir = tmp_path / "proofs"
    code = main(["derive", str(path), "--latex", str(out_dir), "--examples", "5"])
    out = capsys.readouterr().out
    assert code == 0
    assert "[checked on 5 points] equilibria" in out
    assert "[proved] claim squares shrink" in out
    assert "1 of 1 derivations verified" in out
    (tex,) = out_dir.glob("*.tex")
    assert r"\documentclass" in tex.read_text()


def test_user_signaling_game_with_a_probability_prior_verifies(tmp_path, capsys):
    path = _write(tmp_path, "signals.py", USER_SIGNALING)
    assert main(["derive", str(path), "--examples", "20"]) == 0
    out = capsys.readouterr().out
    assert "[checked on 20 points] equilibria" in out
    assert "1 of 1 derivations verified" in out


def test_failed_check_exits_nonzero(tmp_path, capsys):
    path = _write(tmp_path, "tampered.py", TAMPERED)
    assert main(["derive", str(path), "--examples", "10"]) == 1
    out = capsys.readouterr().out
    assert "CHECK FAILED" in out
    assert "0 of 1 derivations verified" in out


def test_refuted_claim_exits_nonzero(tmp_path, capsys):
    path = _write(tmp_path, "refuted.py", REFUTED)
    assert main(["derive", str(path), "--examples", "5"]) == 1
    assert "[refuted] claim false" in capsys.readouterr().out


def test_module_without_derive_is_one_failure_line(tmp_path, capsys):
    path = _write(tmp_path, "empty.py", "x = 1\n")
    assert main(["derive", str(path)]) == 1
    out = capsys.readouterr().out
    (line,) = [x for x in out.splitlines() if "FAILED" in x]
    assert str(path) in line and "has no derive() function" in line
    assert "0 of 1 derivations verified" in out


# -- one module at a time: a broken module is one line, the others still run --

BROKEN = {
    "a_import.py": (
        "import no_such_module_anywhere\n",
        "importing it raised ModuleNotFoundError (line 1): No module named "
        "'no_such_module_anywhere'",
    ),
    "b_raises.py": (
        "def derive():\n    return 1 // 0\n",
        "derive() raised ZeroDivisionError (line 2): integer division or modulo by zero",
    ),
    "c_wrong_type.py": (
        "def derive():\n    return {'title': 'not a Derivation'}\n",
        "derive() returned dict {'title': 'not a Derivation'}, not a "
        "symtrust.Derivation",
    ),
    "d_syntax.py": (
        "def derive(:\n",
        "importing it raised SyntaxError (line 1): ",
    ),
}


def test_each_module_runs_in_isolation(tmp_path, capsys):
    for name, (body, _) in BROKEN.items():
        _write(tmp_path, name, body)
    _write(tmp_path, "e_good.py", GOOD)
    assert main(["derive", str(tmp_path), "--examples", "3"]) == 1
    captured = capsys.readouterr()
    assert "Traceback" not in captured.out + captured.err
    failures = [x for x in captured.out.splitlines() if "FAILED" in x]
    assert len(failures) == len(BROKEN)
    for line, (name, (_, why)) in zip(failures, sorted(BROKEN.items()), strict=True):
        assert line.strip().startswith(f"-> FAILED {tmp_path / name}: {why}"), line
    assert "[checked on 3 points] equilibria" in captured.out  # the good one ran
    assert (
        captured.out.rstrip()
        .splitlines()[-1]
        .startswith(f"1 of {len(BROKEN) + 1} derivations verified; failed: ")
    )


def test_private_helpers_are_skipped_and_siblings_import(tmp_path, capsys):
    _write(tmp_path, "_common.py", "from symtrust.catalog import stag_hunt\nK = 3\n")
    _write(
        tmp_path,
        "sibling.py",
        """
        from _common import K, stag_hunt
        from symtrust import Derivation, pure_nash

        def derive():
            return Derivation(title=f"Sibling {K}", source="test",
                              results=(("equilibria", pure_nash(stag_hunt())),))
        """,
    )
    assert main(["derive", str(tmp_path), "--examples", "3"]) == 0
    out = capsys.readouterr().out
    assert "Sibling 3" in out and "_common" not in out
    assert "1 of 1 derivations verified" in out
    assert "_common" not in sys.modules  # forgotten after the module ran
    assert str(tmp_path) not in sys.path


def test_not_checked_is_a_failure(tmp_path, capsys):
    # a bare Result has no numeric twin: "not checked" never counts as verified
    path = _write(
        tmp_path,
        "unchecked.py",
        """
        from symtrust import Derivation
        from symtrust.results import Result

        def derive():
            return Derivation(title="Unchecked", source="test",
                              results=(("bare", Result(kind="demo", value=1)),))
        """,
    )
    assert main(["derive", str(path), "--examples", "3"]) == 1
    out = capsys.readouterr().out
    assert "bare (not checked)" in out
    assert "0 of 1 derivations verified" in out


def test_bad_latex_folder_is_refused_before_any_work(tmp_path, capsys):
    path = _write(tmp_path, "toy.py", GOOD)
    blocker = tmp_path / "proofs"
    blocker.write_text("a file where the folder should be")
    with pytest.raises(SystemExit) as exc:
        main(["derive", str(path), "--latex", str(blocker / "sub")])
    assert exc.value.code == 2
    captured = capsys.readouterr()
    assert captured.out == ""  # nothing ran
    assert captured.err.count("\n") == 1
    assert f"{str(blocker)!r} is a file, not a folder" in captured.err


@pytest.mark.skipif(not Path("/proc/self").exists(), reason="needs Linux /proc")
def test_latex_folder_that_cannot_be_created_is_refused_before_any_work(
    tmp_path, capsys
):
    # os.access says yes to root under /proc; only making the folder tells
    path = _write(tmp_path, "toy.py", GOOD)
    with pytest.raises(SystemExit) as exc:
        main(["derive", str(path), "--latex", "/proc/no-such-folder/proofs"])
    assert exc.value.code == 2
    captured = capsys.readouterr()
    assert captured.out == ""  # nothing ran
    assert "'/proc/no-such-folder/proofs' cannot be written in" in captured.err


INTERRUPTED = """
    from symtrust import Derivation, pure_nash
    from symtrust.catalog import stag_hunt

    class Figure:
        name = "map"

        def save(self, stem):
            stem.with_suffix(".pdf").write_text("half a figure")
            raise KeyboardInterrupt

    def derive():
        return Derivation(title="Interrupted", source="test",
                          results=(("equilibria", pure_nash(stag_hunt())),),
                          figures=(Figure(),))
"""


def test_ctrl_c_is_one_line_exit_130_and_no_partial_files(tmp_path, capsys):
    pytest.importorskip("matplotlib")  # figures are drawn only with the plot extra
    path = _write(tmp_path, "interrupted.py", INTERRUPTED)
    out_dir = tmp_path / "proofs"
    assert (
        main(["derive", str(path), "--latex", str(out_dir), "--examples", "2"]) == 130
    )
    captured = capsys.readouterr()
    assert captured.err == "symtrust: interrupted\n"
    assert "Traceback" not in captured.out
    assert list(out_dir.rglob("*")) == []


def test_ctrl_c_in_derive(tmp_path, capsys):
    body = "def derive():\n    raise KeyboardInterrupt\n"
    path = _write(tmp_path, "stop.py", body)
    assert main(["derive", str(path)]) == 130
    assert capsys.readouterr().err == "symtrust: interrupted\n"


def test_status_time_counts_the_modules_own_derive(tmp_path, capsys):
    slow = GOOD.replace(
        "    def derive():\n",
        "    def derive():\n        import time\n        time.sleep(0.6)\n",
    )
    assert "sleep" in slow
    path = _write(tmp_path, "slow.py", slow)
    assert main(["derive", str(path), "--examples", "2"]) == 0
    (status,) = [x for x in capsys.readouterr().out.splitlines() if "-> ok (" in x]
    assert float(status.split("(")[1].split()[0]) >= 0.6, status


def test_examples_must_be_positive(tmp_path):
    path = _write(tmp_path, "toy.py", GOOD)
    with pytest.raises(SystemExit) as exc:
        main(["derive", str(path), "--examples", "0"])
    assert exc.value.code == 2
