"""An article's HTML: every piece of text escaped, marks nested and cut where spans cross."""

from __future__ import annotations

from html.parser import HTMLParser

from veille.serve.highlight import ENTITY, EVENT, QUOTE, TIME, Mark, marks, render


class Checker(HTMLParser):
    """Collects the text, and fails on a closing tag that does not close the last one opened."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []
        self.text: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.open.append(tag)
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        assert self.open and self.open.pop() == tag

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(html: str) -> Checker:
    checker = Checker()
    checker.feed(html)
    checker.close()
    assert checker.open == []
    return checker


def test_the_text_comes_back_whole_and_escaped() -> None:
    text = "Il a écrit <script>alert(1)</script> & « rien » d'autre."
    html = render(text, [Mark(0, 9, QUOTE, "q1", {"speaker": 'Jean "le" <Dupont>'})])

    assert "<script>" not in html and "&lt;script&gt;" in html
    assert 'data-speaker="Jean &#34;le&#34; &lt;Dupont&gt;"' in html
    assert "".join(parse(html).text) == text


def test_an_entity_inside_a_quote_is_nested_in_it() -> None:
    text = "« Poutine ment », dit-il."
    html = render(text, [Mark(0, 16, QUOTE, "q1"), Mark(2, 9, ENTITY, "e1", classes=("hl-PER",))])

    assert html == ('<mark class="hl hl-quote" data-ref="q1" id="m-quote-q1">« '
                    '<mark class="hl hl-ent hl-PER" data-ref="e1" id="m-ent-e1">Poutine</mark> ment »</mark>'
                    ', dit-il.')


def test_crossing_spans_are_cut_at_the_outer_ones_boundary() -> None:
    text = "abcdefghij"
    html = render(text, [Mark(0, 5, QUOTE, "q1"), Mark(3, 8, EVENT, "v1"), Mark(4, 9, TIME, "t1")])
    checker = parse(html)

    assert "".join(checker.text) == text
    assert [attrs.get("data-ref") for _, attrs in checker.tags] == ["q1", "v1", "t1", "v1", "t1", "t1"]
    assert [attrs.get("id") for _, attrs in checker.tags if attrs.get("id")] == [
        "m-quote-q1", "m-event-v1", "m-time-t1"]


def test_bad_offsets_and_repeated_spans_cost_only_themselves() -> None:
    text = "Kiev, mardi."
    html = render(text, [Mark(0, 4, ENTITY, "e1"), Mark(0, 4, ENTITY, "e1"), Mark(6, 60, TIME, "t1"),
                         Mark(5, 5, QUOTE, "q1"), Mark(-1, 3, EVENT, "v1")])

    assert html == '<mark class="hl hl-ent" data-ref="e1" id="m-ent-e1">Kiev</mark>, mardi.'


def test_marks_of_an_analysis_carry_speaker_cue_date_and_actor_links() -> None:
    text = "« Non », a déclaré Sergueï Lavrov mardi."
    analysis = {
        "entities": [{"id": "e1", "name": "Sergueï Lavrov", "type": "PER", "role": "ministre",
                      "mentions": [{"start": 19, "end": 33, "text": "Sergueï Lavrov"}]}],
        "quotes": [{"id": "q1", "kind": "direct", "text": "Non", "start": 2, "end": 5, "speaker": "e1",
                    "speaker_text": "Sergueï Lavrov", "cue": "a déclaré", "date": "2025-08-19"}],
        "times": [{"text": "mardi", "start": 34, "end": 39, "value": "2025-08-19", "type": "DATE"}],
        "events": [],
    }
    tags = {attrs["data-ref"]: attrs for _, attrs in parse(render(text, marks(analysis, {"e1": 7},
                                                                                    {7: "Sergueï Lavrov"}))).tags}

    assert (tags["q1"]["data-speaker"], tags["q1"]["data-cue"], tags["q1"]["data-date"], tags["q1"]["data-actor"]) \
        == ("Sergueï Lavrov", "a déclaré", "2025-08-19", "/actors/7")
    assert (tags["e1"]["data-actor"], tags["e1"]["data-role"]) == ("/actors/7", "ministre")
    assert tags["t1"]["data-value"] == "2025-08-19"
