"""kg's command line output as text: reports, counts, pipeline descriptions (no click here)."""

from __future__ import annotations

import dataclasses
from typing import Any

__all__ = [
    "as_plain",
    "render_build_report",
    "render_model_info",
    "render_query_list",
    "render_stats",
]


def as_plain(value: Any) -> Any:
    """A report (dataclasses, lists, dicts) as plain values for JSON."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: as_plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): as_plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [as_plain(v) for v in value]
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    return str(value)


def _count(n: int, one: str, many: str | None = None) -> str:
    return f"{n:,} {one if n == 1 else many or one + 's'}"


def render_progress(progress: Any) -> str:
    """A build's progress line: "1,200 documents, 2,431 words/s, 8 workers"."""
    rate = progress.words / progress.seconds if progress.seconds else 0.0
    line = f"{_count(progress.documents, 'document')}, {rate:,.0f} words/s"
    return line if progress.workers is None else f"{line}, {_count(progress.workers, 'worker')}"


def render_build_report(report: Any) -> str:
    parts = [
        _count(report.documents, "document"),
        _count(report.entities, "entity", "entities"),
        _count(report.relations, "relation"),
        _count(report.quotes, "quote"),
        _count(report.triples, "triple"),
        f"{report.seconds:.1f} s",
    ]
    extra = []
    if report.unchanged:
        extra.append(f"{report.unchanged:,} unchanged")
    if report.copies:
        extra.append(_count(report.copies, "copy", "copies"))
    if report.replaced:
        extra.append(f"{report.replaced:,} replaced")
    if report.skipped:
        extra.append(f"{len(report.skipped):,} skipped")
    return ", ".join(parts) + (f" ({', '.join(extra)})" if extra else "")


def render_stats(stats: Any) -> str:
    lines = [
        f"documents  {stats.documents:,}",
        f"entities   {stats.entities:,}",
        f"referents  {stats.referents:,}",
        f"events     {stats.events:,}",
        f"quotes     {stats.quotes:,}",
        f"relations  {stats.relations:,}",
        f"triples    {stats.quads:,}",
    ]
    for title, counts in (
        ("entities by type", stats.entity_types),
        ("relations by predicate", stats.relation_types),
    ):
        if counts:
            lines.append(f"{title}:")
            lines += [f"  {name:30} {count:,}" for name, count in list(counts.items())[:20]]
    return "\n".join(lines)


def render_query_list(specs: Any) -> str:
    """Each named query with its question, then its parameters indented under it."""
    lines = []
    for spec in specs:
        lines.append(f"{spec.name:24} {spec.description}")
        for p in spec.parameters or ():
            if p.default is not None:
                given = f'default "{p.default}"'
            else:
                given = "required" if p.required else "optional"
            meaning = f": {p.meaning}" if p.meaning else ""
            lines.append(f"  --param {p.name}=VALUE  ({given}){meaning}")
    return "".join(line + "\n" for line in lines)


def render_model_info(info: dict[str, Any]) -> str:
    lines = [
        f"{info['name']} {info['version']} (spaCy {info['spacy_version']})",
        f"path:       {info['path']}",
        f"size:       {info['size_bytes'] / 1e6:.1f} MB",
        f"components: {', '.join(info['components'])}",
    ]
    ents = sorted(
        set(info["labels"].get("ner", [])) | set(info["labels"].get("kg_entity_rules", []))
    )
    if ents:
        lines.append(f"entities:   {', '.join(ents)}")
    if info.get("license"):
        lines.append(f"licence:    {info['license']}")
    bench = info.get("benchmark") or {}
    if bench:
        lines.append("accuracy (held-out test splits; benchmarks/pipeline.py):")
        ud = bench.get("ud_ewt_test", {})
        if ud:
            lines.append("  UD EWT test: " + ", ".join(f"{k} {v:.3f}" for k, v in ud.items()))
        for key, title in (("uner_ewt_test", "UNER EWT test"), ("uner_pud", "UNER PUD")):
            ner = bench.get(key)
            if ner:
                per_type = ", ".join(f"{t} {ner[t]['f']:.3f}" for t in ("PER", "ORG", "LOC"))
                lines.append(
                    f"  {title} entities: P {ner['all']['p']:.3f} R {ner['all']['r']:.3f} "
                    f"F1 {ner['all']['f']:.3f} ({per_type})"
                )
        if "re3d_proper_names_recall" in bench:
            r = bench["re3d_proper_names_recall"]
            lines.append(
                f"  re3d proper names recall: exact {r['exact']:.3f}, overlap {r['lenient']:.3f}"
            )
        if "seed_mentions" in bench:
            s = bench["seed_mentions"]
            lines.append(f"  seed articles: {s['correct']}/{s['total']} mentions right")
        if "speed" in bench:
            sp = bench["speed"]
            lines.append(
                f"  speed: {sp['wps_1proc']:,} words/s (1 process), {sp['wps_2proc']:,} (2); "
                f"loads in {sp['load_s']} s"
            )
    if info.get("sources"):
        lines.append("trained on:")
        for source in info["sources"]:
            lines.append(f"  {source['name']} ({source['license']}): {source.get('used_for', '')}")
    return "\n".join(lines)
