"""Inputs to Articles: files, folders and JSON Lines to records (`files`), bytes to text (`text`),
saved web pages to their article body (`html`), and a record checked into an `Article` (`records`),
its language told by `veille.lang.identify` when the record does not say it."""
