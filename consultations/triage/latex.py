"""LaTeX in titles and abstracts as readable text ("$\\text{S}^2$Q-VDiT" → "S²Q-VDiT"), for
showing only: the scorer reads every paper as written. Pure."""

from __future__ import annotations

import re
import unicodedata

_SYMBOLS = {
    **dict(alpha="α", beta="β", gamma="γ", delta="δ", epsilon="ε", varepsilon="ε", zeta="ζ"),
    **dict(eta="η", theta="θ", kappa="κ", lambda_="λ", mu="μ", nu="ν", xi="ξ", pi="π", rho="ρ"),
    **dict(sigma="σ", tau="τ", phi="φ", varphi="φ", chi="χ", psi="ψ", omega="ω", Gamma="Γ"),
    **dict(Delta="Δ", Theta="Θ", Lambda="Λ", Pi="Π", Sigma="Σ", Phi="Φ", Psi="Ψ", Omega="Ω"),
    **dict(times="×", cdot="·", pm="±", leq="≤", le="≤", geq="≥", ge="≥", neq="≠", approx="≈"),
    **dict(sim="~", infty="∞", ell="ℓ", circ="°", to="→", rightarrow="→", sharp="♯", log="log"),
    **dict(ldots="…", dots="…", textemdash="—", textendash="–", top="ᵀ", sqrt="√"),
}
_SYMBOLS["lambda"] = _SYMBOLS.pop("lambda_")
# commands that only set a font or a colour: their argument is the text
_FONTS = "text textbf textit texttt textsc textrm textsf textup emph mbox mathbf mathrm mathit"
_FONTS += " mathcal mathbb mathsf mathtt mathfrak boldsymbol bm operatorname underline"
_FONTS += " tilde widetilde hat widehat bar overline"
_KNOWN = "|".join(sorted({*_FONTS.split(), *_SYMBOLS, "textcolor", "frac"}, key=len, reverse=True))
# a command, also with its backslash doubled as ``repr`` shows it in a quoted phrase
_COMMAND = re.compile(rf"\\\\?({_KNOWN})(?![A-Za-z])")
_FONT = re.compile(rf"\\\\?(?:{'|'.join(_FONTS.split())})\s*\{{([^{{}}]*)\}}")
_COLOUR = re.compile(r"\\\\?textcolor\s*\{[^{}]*\}\s*\{([^{}]*)\}")
_FRAC = re.compile(r"\\\\?frac\s*\{([^{}]*)\}\s*\{([^{}]*)\}")
_ACCENT = re.compile(r"""\\(["'`^~])\{?([A-Za-z])\}?""")
_ACCENTS = {'"': "\u0308", "'": "\u0301", "`": "\u0300", "^": "\u0302", "~": "\u0303"}
_ESCAPED = re.compile(r"\\\\?([%&$#_])")
# math between dollars (or \( \)) only where it looks like math, so "$100K or 100 Days" stays
_MATH = re.compile(r"(?<!\\)\$([^$]{1,200}?)(?<!\\)\$|\\\(([^)]{0,200}?)\\\)")
_MATHLIKE = re.compile(r"[\\^_{}]|\A[A-Za-z]\w{0,2}\Z")
_SUP = dict(zip("0123456789+-=()niT°ᵀ", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿⁱᵀ°ᵀ", strict=True))
_SUB = dict(zip("0123456789+-=()", "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎", strict=True))
_ROOT = re.compile(r"√\{([^{}]*)\}")
_SCRIPT = re.compile(r"([\^_])\s*(?:\{([^{}]*)\}|(\\?[^\s{}\\(]))")


def readable(text: str) -> str:
    """``text`` with its LaTeX as the reader would see it typeset, as near as plain text can:
    math without its dollars, superscript and subscript digits, Greek letters and symbols,
    font commands unwrapped, ``\\%`` as %. Text with no LaTeX comes back as it was."""
    if "\\" not in text and "$" not in text:
        return text
    text = _MATH.sub(lambda m: _math(m[0], m[1] if m[1] is not None else m[2]), text)
    text = _ACCENT.sub(lambda m: unicodedata.normalize("NFC", m[2] + _ACCENTS[m[1]]), text)
    text = _unwrap(text)
    text = _ESCAPED.sub(r"\1", _COMMAND.sub(lambda m: _SYMBOLS.get(m[1], ""), text))
    text = re.sub(r"\\\\", " ", text)  # a line break
    return re.sub(r"[ \t]{2,}", " ", text).strip()


def _unwrap(text: str) -> str:
    for _ in range(4):  # nested: \mathbf{\text{…}}
        was = text
        text = _COLOUR.sub(r"\1", text)
        text = _FRAC.sub(r"\1/\2", text)
        text = _FONT.sub(r"\1", text)
        if text == was:
            break
    return text


def _math(whole: str, inside: str) -> str:
    if not _MATHLIKE.search(inside.strip()):
        return whole
    inside = _COMMAND.sub(lambda m: _SYMBOLS.get(m[1], m[0]), inside)  # fonts stay, for now
    for _ in range(6):  # innermost first: \frac{\sqrt{d}}{T^{1/4}} → √d/T^(1/4)
        was = inside
        inside = _SCRIPT.sub(_script, _ROOT.sub(_root, _unwrap(inside)))
        if inside == was:
            break
    inside = _COMMAND.sub("", inside)
    return _ESCAPED.sub(r"\1", inside.replace("{", "").replace("}", "")).strip()


def _root(m: re.Match[str]) -> str:
    return f"√{m[1]}" if len(m[1]) == 1 else f"√({m[1]})"


def _script(m: re.Match[str]) -> str:
    mark, body = m[1], (m[2] if m[2] is not None else m[3]).strip()
    table = _SUP if mark == "^" else _SUB
    if body and all(c in table for c in body):
        return "".join(table[c] for c in body)
    return f"{mark}{body}" if len(body) <= 1 or mark == "_" else f"{mark}({body})"
