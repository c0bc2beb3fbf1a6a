"""Insats statistics: non-negative and consistent (FS601–FS604)."""

from __future__ import annotations

from finsam_tui.core.check.findings import Finding
from finsam_tui.core.check.rules.registry import local
from finsam_tui.core.i18n.findings import Phrase


@local("insats")
def check_statistics(ctx, ins):
    d = ins.data
    start, end = d.get("start"), d.get("end")
    seen: set[int] = set()
    for i, s in enumerate(d.get("statistics", [])):
        year = s.get("year")
        path = ("statistics", i)
        if year in seen:
            yield Finding("FS604", ins.rel, path=path + ("year",), params={"year": year})
        seen.add(year)
        negative = False
        for key in ("women", "men", "new", "ended"):
            if isinstance(s.get(key), int) and s[key] < 0:
                negative = True
                yield Finding("FS601", ins.rel, path=path + (key,), params={"year": year, "key": key, "value": s[key]})
        for reason, value in s.get("ended_reasons", {}).items():
            if value < 0:
                negative = True
                yield Finding("FS601", ins.rel, path=path + ("ended_reasons", reason),
                              params={"year": year, "key": reason, "value": value})
        if negative:
            continue
        total = s.get("women", 0) + s.get("men", 0)
        if "ended" in s and s["ended"] > total:
            yield Finding("FS602", ins.rel, path=path + ("ended",), params={
                "year": year, "what": Phrase("ended_over_total", ended=s["ended"], total=total)})
        if "new" in s and s["new"] > total:
            yield Finding("FS602", ins.rel, path=path + ("new",), params={
                "year": year, "what": Phrase("new_over_total", new=s["new"], total=total)})
        reasons = s.get("ended_reasons")
        if reasons and sum(reasons.values()) != s.get("ended", 0):
            yield Finding("FS602", ins.rel, path=path + ("ended_reasons",), params={
                "year": year, "what": Phrase("reasons_not_ended", reasons=sum(reasons.values()), ended=s.get("ended", 0))})
        if isinstance(year, int) and start and (year < start.year or (end and year > end.year)):
            yield Finding("FS603", ins.rel, path=path + ("year",), params={
                "year": year, "start": start, "end": end or ""})
