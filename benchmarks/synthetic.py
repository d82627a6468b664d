"""Deterministic, realistic synthetic case studies for the benchmark.

Same seed, same files: front matter like the real library's (every type, one or
two phases and hubs, models where the type needs them, programmes, a trust or a
school, people, a source) and bodies of about 800 words in paragraphs under
headings, built from the vocabulary of the real case studies.
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import yaml

WORDS = """
pupils teachers trust hub maths mastery number fractions reasoning leaders school work group practice lesson
ratio confidence curriculum department planning assessment specialist programme primary secondary support
collaboration development professional representations fluency multiplication division place value
problem solving teaching learning subject knowledge research evidence headteacher classroom understanding
questions discussion vocabulary manipulatives progression transition sequence concepts early years reception
college students resit functional skills core maths leadership coaching community network sessions
""".split()
QUESTIONS = ["What", "How", "Why", "Which", "Where"]


class _NoAliases(yaml.SafeDumper):
    """Write repeated values out in full: the casebook refuses YAML anchors and aliases."""

    def ignore_aliases(self, data: object) -> bool:
        return True


def _sentence(rng: random.Random, low: int = 8, high: int = 22) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(low, high))]
    return " ".join(words).capitalize() + "."


def _paragraph(rng: random.Random) -> str:
    return " ".join(_sentence(rng) for _ in range(rng.randint(4, 7)))


def _body(rng: random.Random, type_id: str, words: int = 800) -> str:
    parts = [_paragraph(rng)]
    count = len(parts[0].split())
    heading = 0
    while count < words or (type_id == "find-out-in-five" and heading < 5):
        heading += 1
        if type_id == "find-out-in-five":
            if heading > 5:
                parts.append(f"### More on {rng.choice(WORDS)}")
            else:
                parts.append(f"## {heading}. {rng.choice(QUESTIONS)} {_sentence(rng, 4, 9).rstrip('.').lower()}?")
        else:
            parts.append(f"## {_sentence(rng, 2, 5).rstrip('.')}")
        for _ in range(rng.randint(2, 3)):
            paragraph = _paragraph(rng)
            parts.append(paragraph)
            count += len(paragraph.split())
    return "\n\n".join(parts) + "\n"


def _ids(path: Path) -> list[str]:
    return [entry["id"] for entry in yaml.safe_load(path.read_text(encoding="utf-8"))]


def write_case_studies(target: Path, data_dir: Path, count: int, seed: int = 2025) -> None:
    """Write ``count`` valid case studies into ``target`` (a case_studies/ folder)."""
    rng = random.Random(seed)
    types = _ids(data_dir / "types.yml")
    phases = _ids(data_dir / "phases.yml")
    hubs = _ids(data_dir / "hubs.yml")
    models = _ids(data_dir / "partnership_models.yml")
    programmes = _ids(data_dir / "programmes.yml")
    target.mkdir(parents=True, exist_ok=True)
    start = dt.date(2015, 1, 1)
    for number in range(count):
        type_id = types[number % len(types)]
        date = start + dt.timedelta(days=rng.randrange(0, 3900))
        fields: dict[str, object] = {
            "title": f"{_sentence(rng, 5, 10).rstrip('.')} ({number})",
            "type": type_id,
            "date": date,
            "summary": _sentence(rng, 12, 24)[:300],
            "phases": sorted(rng.sample(phases, rng.choice((1, 1, 2))), key=phases.index),
            "hubs": rng.sample(hubs, rng.choice((1, 1, 2))),
        }
        if type_id in ("trust-model", "find-out-in-five") or rng.random() < 0.3:
            fields["partnership_models"] = rng.sample(models, rng.choice((1, 2)))
        fields["programmes"] = rng.sample(programmes, rng.randint(0, 3))
        if rng.random() < 0.5:
            fields["trust"] = {"name": f"{rng.choice(WORDS).title()} Learning Trust", "schools": rng.randint(2, 60)}
        else:
            fields["school"] = {
                "name": f"{rng.choice(WORDS).title()} {rng.choice(['Primary', 'Academy', 'School'])}",
                "location": rng.choice(["Leeds", "Dorchester", "Lichfield", "Norwich", "Bristol"]),
                "pupils": rng.randint(50, 1800),
                "fsm_percent": rng.randint(5, 60),
            }
        fields["people"] = [{"name": f"Person {number}-{n}", "role": "Maths lead"} for n in range(rng.randint(1, 2))]
        fields["source"] = {"title": "A synthetic source", "publisher": "Benchmark", "date": date}
        front = yaml.dump(
            {key: value for key, value in fields.items() if value not in ([], None)},
            Dumper=_NoAliases, sort_keys=False, allow_unicode=True, default_flow_style=None, width=100,
        )
        (target / f"case-{number:05d}.md").write_text(f"---\n{front}---\n\n{_body(rng, type_id)}", encoding="utf-8")
