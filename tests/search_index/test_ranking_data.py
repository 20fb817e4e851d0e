"""The ranking parts held in memory (search_index.ranking_data) are the payloads the build prepared."""

from __future__ import annotations

import pytest
import tantivy

from search_index.ranking_data import RankingData, _char, _term_id, write_ranking
from search_index.tantivy_engine import DISPLAY


@pytest.fixture(scope="module")
def prepared(kg):
    from search_index.documents import concept_labels, service_documents
    from search_index.prepare import prepare

    payloads, _ = prepare(service_documents(kg), concept_labels(kg))
    return payloads


def _ranked(payload: dict) -> dict:
    return {key: value for key, value in payload.items() if key not in DISPLAY and key != "tf"}


def _held(tf: dict) -> dict:
    return {ns: terms for ns, terms in tf.items() if terms}


def test_every_part_and_frequency_comes_back(prepared, tmp_path):
    write_ranking(tmp_path, prepared, DISPLAY)
    data = RankingData(tmp_path)
    assert len(data) == len(prepared)
    for num, payload in enumerate(prepared):
        assert data.frequencies(num) == _held(payload["tf"])
        every = data.wanted(f"{ns}:{term}" for ns, terms in payload["tf"].items() for term in terms)
        back = data.payload(num, every)
        assert back.pop("tf") == _held(payload["tf"]) and back == _ranked(payload)


def test_only_the_wanted_terms_are_looked_up(prepared, tmp_path):
    write_ranking(tmp_path, prepared, DISPLAY)
    data = RankingData(tmp_path)
    num, payload = next((n, p) for n, p in enumerate(prepared) if len(p["tf"]["fi"]) > 2)
    held = sorted(payload["tf"]["fi"])[:2]
    elsewhere = next(f"fi:{t}" for p in prepared for t in p["tf"]["fi"] if t not in payload["tf"]["fi"])
    wanted = data.wanted([f"fi:{held[0]}", f"fi:{held[1]}", elsewhere, "fi:no-document-holds-this"])
    assert len(wanted) == 3  # a term no document holds has no number
    assert data.payload(num, wanted)["tf"] == {"fi": {t: payload["tf"]["fi"][t] for t in held}}
    assert data.payload(num, [])["tf"] == {}


def test_weights_numbered_as_line_breaks_come_back(tmp_path):
    """Weight indexes 10 and 13 are a line feed and a carriage return in the stored string."""
    tf = {"fi": {f"sana{n}": round(0.1 * n + 0.013, 3) for n in range(20)}, "sv": {"ord": 1.5}}
    payloads = [
        {"id": "a", "labels": {}, "tf": tf, "flags": []},
        {"id": "b", "labels": {}, "tf": {"fi": {}}, "flags": []},
    ]
    write_ranking(tmp_path, payloads, DISPLAY)
    data = RankingData(tmp_path)
    assert data.frequencies(0) == tf and data.frequencies(1) == {}
    assert data.payload(0, data.wanted(["fi:sana13", "fi:sana10", "sv:ord"])) == {
        "id": "a",
        "flags": [],
        "tf": {"fi": {"sana13": 1.313, "sana10": 1.013}, "sv": {"ord": 1.5}},
    }


def test_term_numbers_step_over_the_surrogates():
    for n in (0, 1, 0xD7FF - 0x100, 0xD800 - 0x100, 0xE000, 500_000):
        char = _char(n)
        assert _term_id(char) == n and not 0xD800 <= ord(char) <= 0xDFFF
        assert char.encode("utf-8")


def test_the_engine_reads_each_hit_by_its_own_number(tantivy_index, prepared):
    """Each tantivy document's `num` names the ranking parts of the same service."""
    engine = tantivy_index.engine
    hits = engine.searcher.search(tantivy.Query.all_query(), limit=1000).hits
    addresses = [address for _, address in hits]
    nums = engine.searcher.fast_field_values("num", addresses)
    assert sorted(nums) == list(range(len(prepared)))
    by_id = {p["id"]: p for p in prepared}
    for num, address in zip(nums, addresses, strict=True):
        stored = engine.searcher.doc(address)
        payload = by_id[stored.get_first("id")]
        back = engine.ranking.payload(num, engine.ranking.wanted(f"fi:{t}" for t in payload["tf"]["fi"]))
        assert back.pop("tf") == _held({"fi": payload["tf"]["fi"]}) and back == _ranked(payload)
        assert engine.complete([{**back, "_address": address}])[0]["labels"] == payload["labels"]


@pytest.fixture(scope="module")
def corpus_index(kg, tmp_path_factory):
    """A tantivy index of 600 documents generated from the seed's (bench.corpus), whose parts repeat."""
    from bench.corpus import generate
    from search_index import tantivy_engine
    from search_index.documents import concept_labels, service_documents, suggestions
    from search_index.indexer import facet_names, open_folder, write_index

    templates, labels = service_documents(kg), concept_labels(kg)
    folder = tmp_path_factory.mktemp("corpus") / "index"
    write_index(
        folder, tantivy_engine, generate(templates, 600), labels, facet_names(kg), suggestions(templates, labels, kg)
    )
    return open_folder(folder)


def test_ranking_over_shared_parts_equals_ranking_over_copies(corpus_index):
    """The window's documents share one object per distinct part (ranking.Memo works each out once by it):
    the judged queries rank and score the same as over deep copies, whose parts share nothing."""
    import copy
    import json
    from pathlib import Path

    from search_index.protocol import MatchRequest

    engine, ranker = corpus_index.engine, corpus_index.ranker
    judged = Path(__file__).parent / "judgments_people.json"
    asked = [(q["q"], q["lang"]) for q in json.loads(judged.read_text(encoding="utf-8"))["queries"]][:80]
    every = engine.match(MatchRequest(everything=True), 1000).payloads
    assert len({id(p["concepts"]) for p in every}) < len(every) / 4  # the parts are shared: the memo is used
    compared = 0
    for q, lang in asked:
        plan = corpus_index.plan(q, lang)
        if plan.empty:
            continue
        payloads = engine.match(corpus_index.request(plan, {}, {}), 200).payloads
        together = ranker.rank(plan, payloads, lang)
        apart = ranker.rank(plan, [copy.deepcopy(p) for p in payloads], lang)
        assert [(s.payload["id"], s.score, s.concepts) for s in together] == [
            (s.payload["id"], s.score, s.concepts) for s in apart
        ], q
        compared += 1
    assert compared > 60
