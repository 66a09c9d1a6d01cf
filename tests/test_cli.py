"""The `symtrust` command: exit codes, progress output, LaTeX files."""

import textwrap

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


def test_module_without_derive_is_an_error(tmp_path, capsys):
    path = _write(tmp_path, "empty.py", "x = 1\n")
    with pytest.raises(SystemExit) as exc:
        main(["derive", str(path)])
    assert exc.value.code == 2
    assert "has no derive() function" in capsys.readouterr().err


def test_examples_must_be_positive(tmp_path):
    path = _write(tmp_path, "toy.py", GOOD)
    with pytest.raises(SystemExit) as exc:
        main(["derive", str(path), "--examples", "0"])
    assert exc.value.code == 2
