"""Vendors kept apart from the language models: one is "it", not "them"; and a translation
vendor (DeepL) is never told that no language model replaces it — language models translate
too — but that it is judged on its own task with its own evaluation."""

from __future__ import annotations

from consultations.answers import parse_answer
from consultations.catalog import Catalog
from consultations.render import render_report_markdown
from tests.unit.test_advisors import run

CONVERGENCE = "model-convergence"


def test_one_speech_vendor_is_it(catalog: Catalog) -> None:
    """'ElevenLabs for voice' was 'it makes speech, not answers, and no language model
    replaces them'."""
    r = run(catalog, CONVERGENCE, {"vendors": "OpenAI for chat, ElevenLabs for voice"})
    assert "Keep ElevenLabs for voice apart" in r.verdict
    assert "no language model replaces it." in r.verdict
    assert "replaces them" not in r.verdict


def test_two_kept_apart_are_still_them(catalog: Catalog) -> None:
    r = run(catalog, CONVERGENCE, {"vendors": "GPT-4o, Cohere embed, Whisper"})
    assert "no language model replaces them." in r.verdict


def test_deepl_is_judged_on_its_own_task(catalog: Catalog) -> None:
    """'DeepL for translation' was counted as a second language-model vendor to consolidate."""
    r = run(catalog, CONVERGENCE, {"vendors": "OpenAI for chat, DeepL for translation"})
    shown = render_report_markdown(r)
    assert "Keep DeepL for translation apart" in r.verdict
    assert "judged on its own task with its own evaluation" in r.verdict
    assert "replaces" not in shown
    line = next(s for s in r.sections if s.title.startswith("Keep or cut")).items
    assert any(i.startswith("DeepL for translation — ") and "translation set" in i for i in line)


def test_speech_and_translation_each_get_their_own_words(catalog: Catalog) -> None:
    r = run(catalog, CONVERGENCE, {"vendors": "Claude, ElevenLabs, DeepL"})
    assert "no language model replaces it" in r.verdict  # ElevenLabs
    assert "DeepL" in r.verdict and "judged on its own task" in r.verdict
    assert "ElevenLabs and DeepL" not in r.verdict


def test_a_language_model_used_for_translation_is_still_a_language_model(
    catalog: Catalog,
) -> None:
    r = run(catalog, CONVERGENCE, {"vendors": "GPT-4o for translation, Claude for code"})
    assert "apart" not in r.verdict


def test_a_task_said_with_and_stays_with_its_vendor(catalog: Catalog) -> None:
    """'Sarvam for Hindi and Tamil voice' was two vendors, 'Sarvam for Hindi' and 'Tamil
    voice', and the verdict said 'Keep Tamil voice apart: it makes speech, not answers'."""
    q = catalog.by_slug("model-convergence").question("vendors")
    typed = (
        "OpenAI gpt-4o-mini for the support bot, Sarvam for Hindi and Tamil voice, Gemini Flash "
        "for document OCR on KYC"
    )
    assert parse_answer(q, typed).items == (
        "OpenAI gpt-4o-mini for the support bot",
        "Sarvam for Hindi and Tamil voice",
        "Gemini Flash for document OCR on KYC",
    )
    assert parse_answer(q, "GPT-4o for chat and Claude Sonnet for code").items == (
        "GPT-4o for chat",
        "Claude Sonnet for code",
    )
    assert parse_answer(q, "GPT-4o for chat and Claude").items == ("GPT-4o for chat", "Claude")
