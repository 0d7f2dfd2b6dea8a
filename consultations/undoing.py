"""What `undo` keeps and says: a posted report kept by `restart`, the answers a correction
changed, and the words that tell what came back. Pure."""

from __future__ import annotations

from consultations.corrected import label, short
from consultations.scripts import ConsultationScript
from consultations.state import Consultation, Delivered, Delivery, Undo


def delivered(c: Consultation) -> Delivered | None:
    """A posted report, kept by `restart` for `undo` to restore (one not yet posted, or that
    failed, is written again when the answers come back)."""
    if c.report is None or c.delivery is not Delivery.DELIVERED:
        return None
    return Delivered(
        report=c.report,
        narrative=c.narrative,
        narrated_by=c.narrated_by,
        delivery_note=c.delivery_note,
    )


def undoable(c: Consultation, new: Consultation) -> None:
    """An earlier answer changed (a correction, `edit N`): `undo` can take the change back."""
    if any(new.answers.get(k) != a for k, a in c.answers.items()):
        new.undo = Undo(answers=dict(c.answers), trail=tuple(c.trail))


def undone(script: ConsultationScript, c: Consultation, undo: Undo) -> str:
    if undo.restart:
        n = sum(1 for a in undo.answers.values() if not a.skipped)
        return f"Brought back your {answers_said(n)}."
    back = [
        f"{label(q)} is {short(a.display(q))} again"
        for q in script.questions
        if (a := undo.answers.get(q.key)) is not None and c.answers.get(q.key) != a
    ]
    return "Undone: " + "; ".join(back) + "." if back else "Undone."


def answers_said(n: int) -> str:
    return f"{n} answer{'s' if n != 1 else ''}"
