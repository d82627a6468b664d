"""Deterministic, realistic synthetic case studies for the benchmark.

Same seed, same files: front matter like the real library's (every type, one or
two phases and hubs, models where the type needs them, programmes, a trust or a
school, people, a source) and bodies of about 800 words in paragraphs under
headings. Words are drawn from the real case studies in case_studies/, as often
as they are used there, so the search index is as big as real text makes it.
"""

from __future__ import annotations

import datetime as dt
import functools
import random
import re
from collections import Counter
from pathlib import Path

import yaml

REAL_CASE_STUDIES = Path(__file__).resolve().parents[1] / "case_studies"
QUESTIONS = ["What", "How", "Why", "Which", "Where"]
FIRST_NAMES = """Aisha Alex Amir Anna Ben Chloe Daniel David Emma Fatima Grace Hannah Harry Imran Jack James Jess
Kate Laura Leah Liam Maria Mark Mia Mohammed Nadia Olivia Omar Priya Rachel Ravi Ruth Sam Sarah Sophie Tom Yusuf
Zara""".split()
SURNAMES = """Ahmed Ali Allen Baker Begum Brown Campbell Clarke Cooper Davies Edwards Evans Green Hall Harris Hill
Hughes Jackson James Johnson Jones Khan King Lewis Martin Miah Mitchell Moore Morgan Morris Parker Patel Phillips
Roberts Robinson Scott Shah Smith Taylor Thomas Thompson Turner Walker Ward Watson White Williams Wilson Wood Wright
Young""".split()
PLACES = """Barnsley Bath Bedford Birmingham Blackpool Bolton Bradford Brighton Bristol Burnley Cambridge Carlisle
Chester Colchester Coventry Crawley Darlington Derby Doncaster Dorchester Durham Exeter Gateshead Gloucester Grimsby
Halifax Harlow Hastings Hull Ipswich Kendal Lancaster Leeds Leicester Lichfield Lincoln Liverpool Luton Margate
Middlesbrough Newcastle Northampton Norwich Nottingham Oldham Oxford Peterborough Plymouth Portsmouth Preston Reading
Rochdale Salford Sheffield Slough Southampton Stockport Stoke Sunderland Swindon Taunton Telford Truro Wakefield
Walsall Watford Wigan Winchester Wolverhampton Worcester York""".split()


@functools.cache
def _vocabulary() -> tuple[list[str], list[int]]:
    """Every word of the real case studies' bodies, with how often it is used."""
    counts: Counter[str] = Counter()
    for path in sorted(REAL_CASE_STUDIES.glob("*.md")):
        body = path.read_text(encoding="utf-8").split("\n---", 1)[-1]
        counts.update(word.lower() for word in re.findall(r"[A-Za-z][A-Za-z'-]*[A-Za-z]", body))
    words = sorted(counts)
    return words, [counts[word] for word in words]


def _word(rng: random.Random) -> str:
    words, weights = _vocabulary()
    return rng.choices(words, weights)[0]


def _name(rng: random.Random) -> str:
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}"


class _NoAliases(yaml.SafeDumper):
    """Write repeated values out in full: the casebook refuses YAML anchors and aliases."""

    def ignore_aliases(self, data: object) -> bool:
        return True


def _sentence(rng: random.Random, low: int = 8, high: int = 22) -> str:
    vocabulary, weights = _vocabulary()
    words = rng.choices(vocabulary, weights, k=rng.randint(low, high))
    if rng.random() < 0.15:  # people and places, as real stories name them
        words.insert(rng.randrange(len(words)), rng.choice((_name(rng), rng.choice(PLACES))))
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
                parts.append(f"### More on {_word(rng)}")
            else:
                parts.append(f"## {heading}. {rng.choice(QUESTIONS)} {_sentence(rng, 4, 9).rstrip('.').lower()}?")
        else:
            parts.append(f"## {_sentence(rng, 2, 5).rstrip('.')}")
        for number in range(rng.randint(2, 3)):
            if number and count >= words:
                break  # long enough: end the section here
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
            fields["trust"] = {"name": f"{rng.choice(PLACES)} {_word(rng).title()} Learning Trust", "schools": rng.randint(2, 60)}
        else:
            fields["school"] = {
                "name": f"{_word(rng).title()} {rng.choice(['Primary', 'Academy', 'School'])}",
                "location": rng.choice(PLACES),
                "pupils": rng.randint(50, 1800),
                "fsm_percent": rng.randint(5, 60),
            }
        fields["people"] = [{"name": _name(rng), "role": "Maths lead"} for _ in range(rng.randint(1, 2))]
        fields["source"] = {"title": "A synthetic source", "publisher": "Benchmark", "date": date}
        front = yaml.dump(
            {key: value for key, value in fields.items() if value not in ([], None)},
            Dumper=_NoAliases, sort_keys=False, allow_unicode=True, default_flow_style=None, width=100,
        )
        (target / f"case-{number:05d}.md").write_text(f"---\n{front}---\n\n{_body(rng, type_id)}", encoding="utf-8")
