"""Make a benchmark corpus of N MB from the seed pages: copies with other names and numbers.

    .venv/bin/python bench/corpus.py seeds --mb 10 --out /tmp/corpus10

Each copy replaces every person name kg finds in the seeds with a generated one (the same name always
by the same generated name within a copy, a different one in each copy) and shifts the numbers, so
entity resolution meets many people, posts and projects rather than the same few again.
"""

from __future__ import annotations

import argparse
import random
import re
from pathlib import Path

from kg import pipeline

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
)
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍建国新红志海波鹏宇晨浩然子轩思雨欣怡博文"
_NUMBER = re.compile(r"\d{2,8}(?![\d年])")  # amounts and counts; not years, and (below) not days


def person_names(seeds: str) -> list[str]:
    """The people kg finds in the seeds, longest first (so 刘昌松 is replaced before 刘昌)."""
    found = pipeline.run([seeds])
    names = {m.text for d in found for a in d.articles for m in a.mentions if m.type == "PERSON"}
    return sorted(names, key=lambda n: (-len(n), n))


def generated_name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))


def variant(text: str, names: list[str], copy: int) -> str:
    """The text with each name replaced and each number shifted, the same way throughout one copy."""
    rng = random.Random(copy)
    pattern = re.compile("|".join(map(re.escape, names)))
    table = {name: generated_name(rng) for name in names}
    text = pattern.sub(lambda m: table[m.group()], text)
    shift = copy % 7 + 1
    return _NUMBER.sub(lambda m: str(int(m.group()) + shift) if int(m.group()) > 31 else m.group(), text)


def make(seeds: str, megabytes: float, out: Path) -> int:
    """Write copies of the seed pages until `megabytes` of UTF-8; returns the number of files."""
    out.mkdir(parents=True, exist_ok=True)
    pages = sorted(Path(seeds).glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in pages]
    names = person_names(seeds)
    target, size, files, copy = int(megabytes * 2**20), 0, 0, 0
    while size < target:
        for page, text in zip(pages, texts, strict=True):
            data = variant(text, names, copy).encode("utf-8")
            (out / f"c{copy:05d}_{page.name}").write_bytes(data)
            size, files = size + len(data), files + 1
            if size >= target:
                break
        copy += 1
    return files


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("seeds")
    parser.add_argument("--mb", type=float, default=10)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    print(make(args.seeds, args.mb, Path(args.out)), "files")


if __name__ == "__main__":
    main()
