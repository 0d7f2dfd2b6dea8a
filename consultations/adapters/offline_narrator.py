"""The narrator without a model: the deterministic report, labelled as such."""

from __future__ import annotations

from consultations.advisors.base import AdvisorInput
from consultations.ports import Narrative
from consultations.render import render_report_markdown
from consultations.report import Report

LABEL = (
    "_Offline analysis: written by the built-in advisor from your answers, without an AI model._"
)


class OfflineNarrator:
    author = "offline analysis"

    def narrate(self, request: AdvisorInput, report: Report) -> Narrative:
        return Narrative(text=f"{LABEL}\n\n{render_report_markdown(report)}", author=self.author)
