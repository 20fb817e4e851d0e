"""A window over payload dicts (search_index.window.PayloadWindow) and the arithmetic helpers of the model."""

from __future__ import annotations

import numpy as np

from search_index.window import PayloadWindow, per_value, scaled


def _payload(pid: str, **parts) -> dict:
    return {"id": pid, "tf": {"fi": {}}, "len": {"fi": 10.0}, "concepts": {}, **parts}


def test_a_payload_window_reads_each_documents_own_parts():
    window = PayloadWindow(
        [
            _payload("a", tf={"fi": {"vauva": 1.5}}),
            _payload("b", len={"sv": 3.0}),
            _payload("c", concepts={"x": "main"}),
        ]
    )
    assert window.ids == ["a", "b", "c"] and len(window) == 3
    assert window.frequencies("fi", "vauva").tolist() == [1.5, 0.0, 0.0]
    assert window.frequencies("sv", "vauva").tolist() == [0.0, 0.0, 0.0]  # a namespace a document lacks
    assert window.lengths("fi").tolist() == [10.0, 0.0, 10.0] and window.lengths("sv").tolist() == [0.0, 3.0, 0.0]
    values, at = window.groups("concepts")
    assert [values[i] for i in at] == [{}, {}, {"x": "main"}]
    assert window.groups("flags")[0] == [None, None, None]  # a part the payloads lack reads as None
    assert window.payload(1)["id"] == "b" and len(PayloadWindow([])) == 0


def test_scaled_multiplies_only_where_it_applies_and_per_value_works_once_a_value():
    total = np.array([0.1, 0.2, 0.3])
    assert scaled(total, np.array([True, False, True]), 3.0).tolist() == [0.1 * 3.0, 0.2, 0.3 * 3.0]
    seen = []

    def square(value: float) -> float:
        seen.append(value)
        return value**2

    assert per_value(np.array([0.5, 0.25, 0.5]), square).tolist() == [0.25, 0.0625, 0.25]
    assert sorted(seen) == [0.25, 0.5]  # each distinct value once
