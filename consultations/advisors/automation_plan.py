"""The automation reassessment's steps: value first when it does not pay, else define
success, measure the base model, then a shadow prototype. Pure."""

from __future__ import annotations

from consultations.report import Recommendation


def plan(
    best: str,
    go: bool,
    checkable: str,
    error: str,
    logs: str,
    low_value: str | None = None,
    simulated: bool = False,
    tie: tuple[str, str] | None = None,
    no_ml: str | None = None,
) -> tuple[Recommendation, ...]:
    """``low_value``: why a feasible prototype does not pay (then the value is the blocker);
    ``tie``: (the leader these steps are for, a tied leader another route suits), when only
    their value can decide between them; ``no_ml``: how the answers said nobody on the team
    does ML (then someone is brought in for it)."""
    steps = _plan(best, go, checkable, error, logs, low_value, simulated, tie)
    return _brought_in(steps, no_ml, simulated) if no_ml else steps


ML_PARTNER = "ML partner or hire"
SHADOW = "Prototype in shadow mode"


def _brought_in(
    steps: tuple[Recommendation, ...], said: str, simulated: bool
) -> tuple[Recommendation, ...]:
    """A step to hire or partner for the ML work before the first step that needs it, and
    that work owned by whoever is brought in, not by an ML engineer the team does not have;
    with a simulator, that work includes training the prototype's policy."""
    first = next((i for i, s in enumerate(steps) if s.owner == "ML engineer"), None)
    if first is None:
        return steps
    needs = steps[first]
    hire = Recommendation(
        title="Hire or partner for the ML work",
        detail=f"You said “{said}”: the steps from “{needs.title}” on need someone who has "
        "built and evaluated ML models before. Contract an ML engineer or a partner for them, "
        "or hire one; your team keeps the success check, the cases and the final say.",
        horizon="weeks 1-2",
        owner="engineering lead",
    )
    owned = tuple(
        s.model_copy(update={"owner": ML_PARTNER})
        if s.owner == "ML engineer" or (simulated and s.title.startswith(SHADOW))
        else s
        for s in steps
    )
    return (*owned[:first], hire, *owned[first:])


def _plan(
    best: str,
    go: bool,
    checkable: str,
    error: str,
    logs: str,
    low_value: str | None,
    simulated: bool,
    tie: tuple[str, str] | None,
) -> tuple[Recommendation, ...]:
    if not go and low_value is not None:
        size = Recommendation(
            title=f"Measure what {best} costs today",
            detail="Hours a month spent on it × a loaded hourly rate, plus the cost of its "
            f"errors, from a month of time sheets and the error log: {low_value}.",
            horizon="0-1 month",
            owner="process owner",
        )
        return (
            size,
            Recommendation(
                title="Rerun this reassessment with the measured value",
                detail="A prototype is worth a team's quarter when it pays back within a year.",
                horizon="1-2 months",
                owner="product lead",
                depends_on=size.title,
            ),
        )
    if not go and logs == "rich":
        checker = Recommendation(
            title=f"Write the checker for {best} from your logged outcomes",
            detail="The rules a person applies, turned into a program that accepts or rejects "
            "an outcome; your logs already hold the outcomes, so test it on them and measure "
            "its agreement with people.",
            horizon="0-3 months",
            owner="ML engineer",
        )
        return (
            checker,
            Recommendation(
                title="Rerun this reassessment",
                detail="When the checker agrees with people on most logged cases, or the value "
                "estimate changes.",
                horizon="3-6 months",
                owner="product lead",
                depends_on=checker.title,
            ),
        )
    if not go:
        first = Recommendation(
            title=f"Log every decision on {best} with its outcome",
            detail="Who decided what, from which inputs, and whether it held up"
            + (": your logs are a start; add the outcome to each." if logs != "none" else "."),
            horizon="0-3 months",
            owner="process owner",
        )
        return (
            first,
            Recommendation(
                title="Write the checker from the logged decisions",
                detail="The rules a person applies, turned into a program that accepts or "
                "rejects an outcome; measure its agreement with people.",
                horizon="3-6 months",
                owner="ML engineer",
                depends_on=first.title,
            ),
            Recommendation(
                title="Rerun this reassessment",
                detail="When the checker agrees with people on most cases, or the value "
                "estimate changes.",
                horizon="6 months",
                owner="product lead",
                depends_on="Write the checker from the logged decisions",
            ),
        )
    define = Recommendation(
        title=f"Define success for {best}",
        detail="A check that a program can run on every outcome, and a baseline from today's "
        "process.",
        horizon="weeks 1-2",
        owner="process owner",
    )
    recs = [define]
    named = f": {tie[0]}" if tie else ""  # a tie's steps say which leader they are for
    if tie is not None:  # "production scheduling or invoice matching": their value picks one
        recs.append(
            Recommendation(
                title=f"Size the value of {tie[0]} and {tie[1]}; pick one",
                detail="For each, hours a month spent on it today × a loaded hourly rate, plus "
                f"the cost of its errors. The next step and the prototype are for {tie[0]}; "
                f"the step after the next is for {tie[1]}, if it wins.",
                horizon="weeks 1-2",
                owner="process owner",
                depends_on=define.title,
            )
        )
    decided = recs[-1].title
    if simulated:  # a policy trained in your simulator: no language model to sample
        recs.append(
            Recommendation(
                title=f"Check the simulator against real outcomes first{named}",
                detail=SIMULATOR_CHECK,
                horizon="weeks 2-4",
                owner="ML engineer",
                depends_on=decided,
            )
        )
    elif checkable in ("simulate", "verify"):
        recs.append(
            Recommendation(
                title=f"Measure the base model's pass@k first{named}",
                detail=PASS_AT_K,
                horizon="weeks 2-4",
                owner="ML engineer",
                depends_on=decided,
            )
        )
    before_prototype = recs[-1].title
    if tie is not None:
        recs.append(
            Recommendation(
                title=f"If {tie[1]} wins instead: "
                + (
                    "measure the base model's pass@k first"
                    if simulated
                    else "check the simulator against real outcomes first"
                ),
                detail=(PASS_AT_K if simulated else SIMULATOR_CHECK)
                + f" Then a shadow prototype of {tie[1]}, beside the people doing the work.",
                horizon="weeks 2-4",
                owner="ML engineer",
                depends_on=decided,
            )
        )
    recs.append(
        Recommendation(
            title=f"{SHADOW}{named}",
            detail=(
                "Train a goal-conditioned policy in the simulator, then run it beside the people "
                "doing the work; "
                if simulated
                else "Run beside the people doing the work; "
            )
            + (
                "a person approves every action, given your error cost."
                if error != "low"
                else "compare outcomes weekly."
            ),
            horizon="months 2-3",
            owner="engineering lead",
            depends_on=before_prototype,
        )
    )
    return tuple(recs)


SIMULATOR_CHECK = (
    "Replay a month of real decisions and their outcomes through it; the deep-RL results were "
    "shown in simulation, so the gap between your simulator and the floor is the first risk to "
    "measure."
)
PASS_AT_K = (
    "Sample 1, 8 and 64 attempts per case with an untuned model and let the checker score "
    "them; if pass@64 is high, selection and verification may be enough without paying for RL."
)
