"""The ranking parts held in memory (search_index.ranking_data) are the payloads the build prepared."""

from __future__ import annotations

import pytest
import tantivy

from search_index.ranking_data import MAX_WEIGHTS, RankingData, write_ranking
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


def test_a_vocabulary_past_two_bytes_comes_back_and_too_many_weights_are_refused(tmp_path):
    """Term numbers take four bytes (70,000 terms here), weight indexes two: more weights are refused."""
    tf = {"fi": {f"sana{n}": 1.5 for n in range(70_000)}}
    (tmp_path / "a").mkdir()
    write_ranking(tmp_path / "a", [{"id": "a", "tf": tf}], DISPLAY)
    data = RankingData(tmp_path / "a")
    assert (
        data.frequencies(0) == tf
        and data.number("fi:sana99999") is None
        and data.number("fi:sana9999") == len(data.vocabulary) - 1
    )
    window = data.window([0], [None])
    assert window.frequencies("fi", "sana9999").tolist() == [1.5] and window.frequencies("fi", "x").tolist() == [0.0]
    many = [{"id": str(n), "tf": {"fi": {"w": n / 7}}} for n in range(MAX_WEIGHTS + 1)]
    with pytest.raises(ValueError, match="distinct weights"):
        write_ranking(tmp_path, many, DISPLAY)


def test_a_window_finds_each_term_in_every_document(prepared, tmp_path):
    """A window's frequencies (every document at once) are each document's own, in the window's order."""
    write_ranking(tmp_path, prepared, DISPLAY)
    data = RankingData(tmp_path)
    nums = list(reversed(range(len(prepared))))[::2] + [0, 1]
    window = data.window(nums, list(range(len(nums))))
    assert window.ids == [prepared[num]["id"] for num in nums]
    for ns, term in sorted({(ns, t) for p in prepared for ns, terms in p["tf"].items() for t in terms})[::7]:
        expected = [prepared[num]["tf"][ns].get(term, 0.0) for num in nums]
        assert window.frequencies(ns, term).tolist() == expected, (ns, term)
    for lang in ("fi", "sv", "en"):
        assert window.lengths(lang).tolist() == [prepared[num]["len"].get(lang, 0.0) for num in nums]
    values, at = window.groups("concepts")
    assert [values[a] for a in at] == [prepared[num]["concepts"] for num in nums]
    assert window.payload(3)["_address"] == 3 and window.payload(3)["id"] == prepared[nums[3]]["id"]


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


def test_no_terms_at_all_come_back_as_none(tmp_path):
    """An index whose documents hold no term (or that holds no document) opens, and finds nothing."""
    (tmp_path / "some").mkdir()
    write_ranking(tmp_path / "some", [{"id": "a", "tf": {"fi": {}}, "flags": []}], DISPLAY)
    data = RankingData(tmp_path / "some")
    assert (
        data.vocabulary == []
        and data.frequencies(0) == {}
        and data.window([0], [None]).frequencies("fi", "x").tolist() == [0.0]
    )
    (tmp_path / "none").mkdir()
    write_ranking(tmp_path / "none", [], DISPLAY)
    assert len(RankingData(tmp_path / "none")) == 0


def test_ranking_data_whose_parts_disagree_is_refused(prepared, tmp_path):
    """A posting naming a document the data does not hold, or starts that do not cover the postings."""
    import numpy as np

    write_ranking(tmp_path, prepared, DISPLAY)
    where = tmp_path / "ranking"
    postings = where / "postings.bin"
    good = postings.read_bytes()
    numbers = np.frombuffer(good, dtype=np.uint32).copy()
    numbers[0] = len(prepared)
    postings.write_bytes(numbers.tobytes())
    with pytest.raises(ValueError, match="disagree"):
        RankingData(tmp_path)
    postings.write_bytes(good[:-4])
    with pytest.raises(ValueError, match="disagree"):
        RankingData(tmp_path)
