"""The typed shape of each data file of a language folder.

Each class is one file (`Speech` is `speech.toml`); a field is a key, and a key the class does not
name is refused, so a misspelt key fails when the language loads rather than in the middle of an
article. Word lists whose order matters (the first match wins) are tuples; the others are sets.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, RootModel, field_validator

from ..model import EVENT_TYPES, TimeType

Words = frozenset[str]
Ordered = tuple[str, ...]
Gender = Literal["Masc", "Fem"]


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# --- language.toml ---------------------------------------------------------------------------------


class About(Record):
    """What the language is and which spaCy pipeline package parses it."""

    name: str
    model: str
    script: str = "LATIN"


# --- grammar.toml ----------------------------------------------------------------------------------


class Negation(Record):
    adverbs: Words  # the second word of "ne … pas", "ne … jamais", "ne … plus"
    particles: Words  # "ne", "n'"


class Verbs(Record):
    auxiliaries: Words  # of compound tenses: "avoir", "être"
    copula: str  # "être favorable à": the predicate is the adjective
    modals: Words  # share their negation and time with their infinitive: "ne peut pas accepter"
    first_group_endings: Ordered  # endings a first-group infinitive may lose, longest first
    first_group_infinitive: str
    # vowels of a present stem that the infinitive writes otherwise: "complète" → "compléter", "lève" → "lever"
    stem_vowels: dict[str, Ordered] = {}


class Pronouns(Record):
    reflexive: Words
    personal_objects: Words  # object pronouns of a pronominal verb: "nous nous opposons"
    clitics: Words  # what stands between a subject and its verb: "se", "le", "lui", "y", "en", "ne"
    relatives: Words  # relative pronouns that stand for a phrase: "qui", "lequel"
    clause_openers: Words  # words that end a noun phrase by opening a clause: "qui", "que", "dont"
    third_person: Words  # subject pronouns of the third person, glued forms included ("-t-il")
    glued_euphony: str  # the "-t" of "a-t-il", which is no pronoun


class Anaphors(Record):
    demonstratives: dict[str, str]  # "ce dernier" → "Masc Sing"
    impersonal_verbs: Words
    impersonal_with_complement: Words = frozenset()  # impersonal only before "que" or a counted noun
    existential: Ordered  # the pronoun and the verb of "il y a"
    same: Words = frozenset()  # "la même source": the adjective that points back to the last source
    people: Words = frozenset()  # nouns that describe a person with no title: "l'homme d'affaires"


class Determiners(Record):
    definite: Words  # singular: "le", "la", "l'"
    plural_definite: Words
    demonstrative: Words
    possessive: Words  # "son", "sa": a third person's
    indefinite: Words  # singular: "un", "une"
    plural_indefinite: Words
    gender: dict[str, Gender]  # the articles that tell a noun's gender


class Prepositions(Record):
    to_forms: Ordered  # "à", "au", "aux"
    of_forms: Ordered  # "de", "d'", "du", "des"
    contractions: Words  # "au", "aux", "du", "des": a preposition fused with the article
    of: Words  # "de", "d'"
    infinitive: Words  # introduce an infinitive: "à", "de", "d'"
    agent: str  # "par": who does it, in a passive
    without: str  # "sans"
    purpose: Words  # "pour", "afin": an infinitive they lead is an aim
    gerund: str = ""  # "en": makes a present participle a gerund ("en rappelant")

    def forms(self, preposition: str) -> Ordered:
        """Every form of a preposition: "à" → ("à", "au", "aux"); one without others → itself."""
        return next((forms for forms in (self.to_forms, self.of_forms) if forms[0] == preposition), (preposition,))


class Circumstances(Record):
    displaced: Words  # "après que …", "depuis le meurtre …": another time than the clause above
    displacing_nouns: Words  # "au lendemain du drame": the clause is dated from the drame


class Conjunctions(Record):
    that: Words  # "que", "qu'": a completive follows
    that_pronoun: str  # the "ce" of "à ce que"
    of_which: str  # "dont"
    and_: str = Field(alias="and")


class Inflection(Record):
    plural: str  # the ending of an adjective in the plural
    feminine: str  # in the feminine


class GenderEndings(Record):
    feminine_endings: Ordered
    not_feminine_endings: Ordered
    noun_suffixes: dict[str, Gender]  # the gender a noun's ending tells ("-tion" feminine, "-ment" masculine)
    noun_exceptions: dict[str, Gender]  # nouns their ending misleads about ("comité", "musée")


class Grammar(Record):
    """How the language's sentences are put together: the function words and endings the stages read
    a parse with, beside the lexicons of what words mean."""

    elisions: Ordered  # "qu", "l", "jusqu": kept whole with their apostrophe by the tokenizer
    abbreviations: Ordered  # "M": a dot after them ends no sentence ("M. Lavrov")
    function_words: Words  # carry no meaning of their own in a title
    negation: Negation
    verbs: Verbs
    pronouns: Pronouns
    anaphora: Anaphors
    determiners: Determiners
    prepositions: Prepositions
    circumstances: Circumstances
    conjunctions: Conjunctions
    inflection: Inflection
    gender: GenderEndings


# --- speech.toml -----------------------------------------------------------------------------------


class Speech(Record):
    verbs: Words
    object_verbs: Words
    sources: Words
    source_phrases: Words = frozenset()  # "aux dires de": a locution ending in a preposition, read as "selon"
    opening_sources: Words
    source_nouns: Words
    cleft_openers: Ordered  # "C'est X qui l'explique": the words that open a cleft on its speaker
    judgement_verbs: Words  # "a jugé les conditions inadéquates": the object and its attribute are held
    document_nouns: Words  # "selon le rapport de l'ONU": what a body wrote; its author is the source
    speaker_nouns: Words
    body_nouns: Words  # the speaker nouns that name a body or a thing, not a person
    place_nouns: Words  # the body nouns that stand for a country or a town
    reply_verbs: Words  # "rétorquer": the one who replies is not the speaker just heard
    channels: Ordered
    channel_prepositions: Words
    pronouns: dict[str, Gender]
    plural_pronouns: dict[str, Gender]
    feminine_markers: Words
    masculine_markers: Words
    after_speaker: Words  # words that end the subject of an inverted incise
    fragment_verbs: Words = frozenset()  # verbs whose quoted complement is their subject's words
    attribute_verbs: Words = frozenset()  # "se dire", "se déclarer": their attribute is what was said


# --- stances.toml ----------------------------------------------------------------------------------


class StanceNouns(Record):
    demand: Ordered = ()
    support: Ordered = ()
    oppose: Ordered = ()
    prepositions: Words
    compound_prepositions: Ordered
    compound_endings: Words
    light_verbs: Words


class Needs(Record):
    nouns: Words


class Obligations(Record):
    impersonal_verbs: Words
    personal_verbs: Words
    impersonal_subjects: Words
    remarks: Words
    events_due: Words
    hypothesis_marks: Words
    demand_adjectives: Words
    oppose_adjectives: Words


class Target(Record):
    marks: Words
    not_heads: Words
    circumstances: Words
    prepositions: Ordered
    calls: Words
    stops: Words
    stop_pairs: Ordered
    subordinators: Ordered
    after_comma: Words


class Anaphora(Record):
    determiners: Words
    proposals: Words


class Persons(Record):
    speaker: Words
    nobody: Words = frozenset()
    deciders: Words = frozenset()
    rulings: Words = frozenset()


class Stances(Record):
    demand: Ordered
    support: Ordered
    oppose: Ordered
    not_stances: Ordered
    idea_verbs: Words
    ideas: Words
    que_clause: Words
    que_needs_subjunctive: Words
    intention: Words
    negated_to_oppose: Words
    incise: Words
    nouns: StanceNouns
    needs: Needs
    obligations: Obligations
    target: Target
    anaphora: Anaphora
    persons: Persons


# --- events.toml -----------------------------------------------------------------------------------


def _event_type(value: str) -> str:
    kind = value.partition("/")[0]
    if kind not in EVENT_TYPES:
        raise ValueError(f"{kind!r} is not a PLOVER event type")
    return value


class Constraint(Record):
    """What a trigger needs around it to be one (see events.toml)."""

    needs: Words = frozenset()
    not_with: Words = frozenset()
    object: bool = False
    not_object_per: bool = False
    no_infinitive: bool = False
    intransitive: bool = False
    active: bool = False
    reflexive: bool = False
    not_reflexive: bool = False
    reflexive_or_participle: bool = False
    host: bool = False
    agent: bool = False
    actor: bool = False
    subject_person: bool = False
    object_entity: bool = False
    plural: bool = False


class Retype(Record):
    objects: Words
    as_: str = Field(alias="as")

    _checked = field_validator("as_")(_event_type)


class EventContext(Record):
    abstract_agents: Words
    persons: Words
    light_verbs: Words
    patient_words: Words
    simultaneous: Words
    irrealis: Words
    denials: Words
    allegations: Words
    realizing: Words
    realizing_if_past: Words
    modals: Words
    of_is_actor: Words
    agent_nouns: Words
    containers: Words
    recipient_types: Words
    unreal_modifiers: Words
    anaphoric: Words
    hypothesis_marks: Words
    place_nouns: Words
    locative: Words
    target_place_types: Words
    home_types: Words
    parties: Words  # "frappes contre X", "entretien avec X": who takes part, not where


class Casualties(Record):
    killed_nouns: Words
    injured_nouns: Words
    killed_verbs: Words
    injured_verbs: Words
    intransitive: Words
    killing_nouns: Words


class Events(Record):
    verbs: dict[str, str]
    nouns: dict[str, str]
    phrases: dict[str, str]
    constraints: dict[str, Constraint]
    retype: dict[str, Retype]
    modes: dict[str, dict[str, Words]]
    context: EventContext
    casualties: Casualties

    @field_validator("verbs", "nouns", "phrases")
    @classmethod
    def _known_types(cls, table: dict[str, str]) -> dict[str, str]:
        for value in table.values():
            _event_type(value)
        return table

    @field_validator("modes")
    @classmethod
    def _known_mode_types(cls, modes: dict[str, dict[str, Words]]) -> dict[str, dict[str, Words]]:
        for kind in modes:
            _event_type(kind)
        return modes


# --- entities.toml, titles.toml, numbers.toml, demonyms.toml ------------------------------------


class Designator(Record):
    noun: str
    refers_to: Ordered


class Entities(Record):
    variants: tuple[Ordered, ...]
    designators: tuple[Designator, ...]
    state_forms: Ordered
    junk: Ordered
    stop_names: Words
    determiners: Ordered
    indefinite_articles: Ordered  # "Un Lausannois": a common noun, no name
    linking: Words  # words that join the parts of a name: "Parti des travailleurs du Kurdistan"
    joining_gaps: Ordered
    elided_articles: Words
    particles: Words  # "de", "von", "ben": parts of a surname that are no name alone
    dropped_prefixes: Ordered  # "l'ex-URSS"
    qualifying_prefixes: Ordered  # "anti-Turquie"
    # nouns of bodies and of places named after a person: "le lycée Victor-Hugo", "la rue Jean-Jaurès"
    bodies_named_after: Ordered = ()
    places_named_after: Ordered = ()
    body_words: Words = frozenset()  # "Bank Al-Maghrib", "Fondation Abbé-Pierre": a body's name, never a person's
    demonym_endings: Ordered = ()  # "Marseillais", "Toulousains": the people of a town, after an article
    generic_heads: Words = frozenset()
    abbreviations: dict[str, str] = {}  # "St-Pierre" is "Saint-Pierre"  # "Groupe Proximus" is Proximus, "mer Méditerranée" the Méditerranée
    portfolio_heads: Ordered = ()
    body_portfolio_heads: Words = frozenset()  # "ministre de la Santé": the portfolio after these names no body of its own
    people_articles: Words = frozenset()  # "un Suisse", "les Suisses": before a demonym, its people
    organisations: Words = frozenset()  # news agencies, outlets and platforms: "AFP", "Reuters", "Facebook"


class GivenNames(Record):
    feminine: Words
    masculine: Words


class Titles(Record):
    heads: Ordered
    honorifics: Ordered
    honorific_roles: dict[str, str]  # "Me" (maître) → "avocat": the title a courtesy title tells
    pre_modifiers: Ordered
    organisation_heads: Ordered
    periphrases: dict[str, str] = {}  # "chef de l'État" → "président": a title said otherwise
    function_verbs: Words = frozenset()  # "X, qui dirige le syndicat": the function said with a verb


class Numbers(Record):
    multipliers: frozenset[int]
    vague: Words
    bounds: Ordered
    joiners: Ordered  # what joins the parts of a number in words: "vingt-cinq", "trente et un"
    words: dict[str, int]


class Demonym(Record):
    names: Ordered = ()
    adjectives: Ordered = ()


class Demonyms(RootModel[dict[str, Demonym]]):
    model_config = ConfigDict(frozen=True)


# --- time.toml -------------------------------------------------------------------------------------

Rule = Literal["weekday", "calendar", "month", "year", "decade", "season", "yearpart", "deictic_day",
               "deictic_period", "offset", "duration", "set", "anaphor", "relative", "time_of_day", "ignore"]


class PatternEntry(Record):
    rule: Rule
    type: TimeType = "DATE"
    regex: str
    sign: int = 1


class Tense(Record):
    intention_verbs: Words
    scheduling_participles: Words


class Time(Record):
    words: dict[str, dict[str, int | str]]
    fragments: dict[str, str]
    patterns: tuple[PatternEntry, ...]
    tense: Tense
    first_day: str  # "1er": how the first of a month is written
