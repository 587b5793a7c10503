"""Language analysis: spaCy parses each article once, and every stage reads the same Doc.

    pipeline    parses articles in batches (`models` loads each language's spaCy pipeline once)
                and runs the stages in order on each Doc
    entities    named entities, one per referent, with their mentions and roles (`roles`)
    times       time expressions resolved to ISO values (`dates`: calendar arithmetic)
    clauses     built once per article: for each predicate its subject, complement, negation,
                mood, tense, voice, times and places, read by the three stages below
    syntax      the helpers those clause fields are read with (pure functions over tokens)
    quotes      who said what (`speakers` names a speaker and resolves pronouns)
    events      a package: PLOVER events, who did what to whom, where, when, how many
                (`casualties` counts the dead and injured)
    stances     a package: who demands, supports or opposes what

Stages read language knowledge only through `veille.lang`, never spelt in Python.
"""
