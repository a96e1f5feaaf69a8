"""The command speaks the user's language, argparse's own texts included; --lang before the command chooses it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "banking-savings.journey"
CLEAN = ROOT / "examples" / "automotive-connected-car.journey"  # no warning, one note


def workbench(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    environ = {k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")}
    return subprocess.run([sys.executable, "-m", "workbench", *args], capture_output=True, text=True,
                          env={**environ, "PYTHONPATH": str(ROOT), **env}, timeout=120)


def test_argparse_speaks_french_usage_errors_and_help() -> None:
    missing = workbench("new", LANGUAGE="fr")
    assert missing.returncode == 2
    assert missing.stderr.startswith("utilisation\u00a0: workbench new")
    assert "workbench new\u00a0: erreur\u00a0: les arguments suivants sont obligatoires\u00a0: --sector, -o/--output" in missing.stderr
    helped = workbench("check", "--help", LANGUAGE="fr")
    assert "afficher ce message d'aide et quitter" in helped.stdout
    assert "show this help message" not in helped.stdout
    # argparse puts the colon after its headings itself: a no-break space before it, as French writes it
    assert "\narguments positionnels\u00a0:\n" in helped.stdout and "\noptions\u00a0:\n" in helped.stdout
    wrong = workbench("check", "--format", "xml", str(EXAMPLE), LANGUAGE="fr")
    assert "choix non valable\u00a0: 'xml'" in wrong.stderr


def test_counts_take_their_form_in_each_language() -> None:
    english = workbench("check", str(CLEAN), LANGUAGE="en").stdout.splitlines()[0]
    french = workbench("check", str(CLEAN), LANGUAGE="fr").stdout.splitlines()[0]
    assert english.endswith(": loaded (19 steps): 0 errors, 0 warnings, 1 note")
    assert french.endswith("\u00a0: chargé (19 étapes)\u00a0: 0 erreur, 0 avertissement, 1 remarque")


def test_lang_before_the_command_wins_and_after_new_is_the_journeys(tmp_path) -> None:
    chosen = workbench("--lang", "fr", "check", str(EXAMPLE), LANGUAGE="en")
    assert "\u00a0: chargé (" in chosen.stdout
    assert ": loaded (" in workbench("--lang=en", "check", str(EXAMPLE), LANGUAGE="fr").stdout
    out = tmp_path / "plan.journey"
    made = workbench("--lang", "en", "new", "--sector", "retail", "--lang", "fr", "-o", str(out), LANGUAGE="fr")
    assert made.returncode == 0 and made.stdout.startswith("wrote ")  # the user's language: English
    assert '"language": "fr"' in out.read_text(encoding="utf-8")  # the journey's: French
    bad = workbench("--lang", "de", "check", str(EXAMPLE), LANGUAGE="en")
    assert bad.returncode == 2 and "unknown language 'de'; choose one of: en, fr" in bad.stderr


def test_a_check_in_french_follows_french_typography() -> None:
    out = workbench("check", str(ROOT / "examples" / "counter-examples" / "telecom-contract-takeover.journey"),
                    LANGUAGE="fr").stdout
    # ("erreur: no-human-within-reach:" and "score de 'Traite le client...'" once)
    assert "erreur\u00a0: " in out and "erreur: " not in out and "erreur : " not in out
    assert "score de «\u00a0" in out and "score de '" not in out
    english = workbench("check", str(ROOT / "examples" / "counter-examples" / "telecom-contract-takeover.journey"),
                        LANGUAGE="en").stdout
    assert "  error: " in english and "score of '" in english
