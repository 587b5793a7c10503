"""What links articles to one another: actors, places and stories.

Each module here is pure: it reads names, texts and data files, and keeps no database. The store
(`veille.store`) persists what they decide, on ingest and again on `veille reindex`.

    names      keys under which two writings of one name meet ("M. Lavrov", "Sergueï Lavrov")
    countries  ISO 3166-1 codes from country names and demonyms ("russe" → RU)
    places     an offline gazetteer: place names → coordinates and country ("Soumy" → Sumy, UA)
    actors     one actor per real-world referent across articles, with aliases and country
    stories    MinHash signatures and LSH band keys that find copies of one wire story
"""
