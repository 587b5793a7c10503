"""The `veille` command: each subcommand parses its options and forwards to one library function.

Data goes to stdout, messages to stderr. Exit status: 0 when something was analysed or found,
1 when nothing could be analysed, 2 for a usage, settings or store error (one line, no traceback).
"""

from __future__ import annotations

import logging
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from . import render, settings
from .errors import BadSettings, VeilleError
from .model import EVENT_TYPES, Analysis, Failure
from .render import Format
from .store import Outcome

app = typer.Typer(
    help="veille: who said what, when, in French news — each record linked to its evidence in the text.",
    no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class AnalyzeFormat(StrEnum):
    json = "json"
    jsonl = "jsonl"
    table = "table"


class ExportFormat(StrEnum):
    jsonl = "jsonl"
    json = "json"
    csv = "csv"


Paths = Annotated[list[str] | None, typer.Argument(
    help=".jsonl, .txt or .html files, folders of them, http(s) URLs of article pages, or - for JSON Lines "
    "on stdin (the default).",
    show_default=False)]
Db = Annotated[str | None, typer.Option(
    "--db", help="SQLAlchemy URL of the store \\[default: $VEILLE_DB, veille.toml, else sqlite:///veille.db]",
    show_default=False)]
Published = Annotated[str | None, typer.Option(
    "--published", help="Publication date (ISO 8601) of inputs that give none; relative dates resolve "
                        "against it.", show_default=False)]
Lang = Annotated[str | None, typer.Option(
    "--lang", help="Language of inputs that give none \\[default: detected]", show_default=False)]
BatchSize = Annotated[int | None, typer.Option(
    "--batch-size", help="Articles parsed together \\[default: 16]", show_default=False)]
QueryFormat = Annotated[Format | None, typer.Option(
    "--format", "-f", help="Output format \\[default: table on a terminal, else jsonl]", show_default=False)]

Since = Annotated[str | None, typer.Option(
    "--from", help="First day, as YYYY-MM-DD, YYYY-MM or YYYY (included).", show_default=False)]
Until = Annotated[str | None, typer.Option(
    "--to", help="Last day, as YYYY-MM-DD, YYYY-MM or YYYY (included).", show_default=False)]
ActorName = Annotated[str | None, typer.Option(
    "--actor", help="Part of an actor's name or alias (any spelling an article used).", show_default=False)]
AssertedOnly = Annotated[bool, typer.Option(
    "--asserted-only", help="Only events the article states itself: not those a source reports "
    "(\"selon X\", \"X affirme que\") or a party denies.")]

class Engine(StrEnum):
    local = "local"
    ray = "ray"


Workers = Annotated[int | None, typer.Option(
    "--workers", "-j", min=1, max=256, help="Processes that analyse at once \\[default: the machine's cores]",
    show_default=False)]
Rejects = Annotated[Path | None, typer.Option(
    "--rejects", help="Also write each rejected record to this file, a JSON line {id, error} each.",
    show_default=False, dir_okay=False)]
MaxChars = Annotated[int | None, typer.Option(
    "--max-chars", min=1, help="Refuse texts longer than this many characters [default: 200000].",
    show_default=False)]
MaxSeconds = Annotated[float | None, typer.Option(
    "--max-seconds", min=0.1, help="Stop an article's analysis after this many seconds and refuse it "
    "[default: 60].", show_default=False)]

EventType = StrEnum("EventType", {t: t for t in EVENT_TYPES})  # type: ignore[misc]

QUOTE_COLUMNS = ("article", "published", "speaker", "role", "kind", "text", "cue", "channel", "date", "confidence",
                 "speaker_link", "sources")
PEOPLE_COLUMNS = ("name", "roles", "articles", "quotes")
EVENT_COLUMNS = ("date", "published", "type", "mode", "actors", "targets", "places", "killed", "injured",
                 "modality", "reported_by", "text", "sources")
STANCE_COLUMNS = ("published", "holder", "polarity", "target", "text", "sources")
TIMELINE_COLUMNS = ("day", "kind", "who", "what", "where", "text", "sources")
ISO_DAY = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


@app.callback()
def _options(verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log progress and tracebacks.")]
             = False) -> None:
    _configure_logging(verbose)


@app.command(epilog="Example: veille analyze --format jsonl dev.jsonl > dev.analysis.jsonl")
def analyze(paths: Paths = None, published: Published = None, lang: Lang = None,
            format: Annotated[AnalyzeFormat | None, typer.Option(
                "--format", "-f", help="Output format \\[default: table on a terminal, else jsonl]",
                show_default=False)] = None,
            batch_size: BatchSize = None, rejects: Rejects = None, max_chars: MaxChars = None,
            max_seconds: MaxSeconds = None, workers: Workers = None) -> None:
    """Analyse articles: one analysis per input record, in input order."""
    from . import progress
    from .batch import analyse_paths

    with _errors(), _rejects_file(rejects) as reject:
        config = settings.load({"language": lang, "batch_size": batch_size, "max_chars": max_chars,
                                "max_seconds": max_seconds, "workers": workers})
        _check_published(published)
        fmt = Format(format.value) if format else render.default_format()
        inputs = _inputs(paths)
        with progress.bar(inputs, "analysing") as advance:
            results = analyse_paths(inputs, published=published, language=config.language,
                                    batch_size=config.batch_size, limits=config.limits, contact=config.contact,
                                    workers=config.cores)
            analysed = render.analyses(_advancing(results, advance), fmt, sys.stdout, on_failure=reject)
    if not analysed:
        _message("nothing could be analysed")
        raise typer.Exit(1)


@app.command(epilog="Example: veille ingest articles/ --published 2025-08-21 --db sqlite:///veille.db")
def ingest(paths: Annotated[list[str], typer.Argument(help=".jsonl, .txt or .html files, folders, -, or "
                                                           "http(s) URLs of article pages.",
                                                      show_default=False)],
           db: Db = None, published: Published = None, lang: Lang = None,
           batch_size: BatchSize = None, rejects: Rejects = None, max_chars: MaxChars = None,
           max_seconds: MaxSeconds = None, workers: Workers = None,
           engine: Annotated[Engine, typer.Option(help="Where analyses run: here, or on Ray (pip install "
                                                       "'veille[ray]').")] = Engine.local,
           address: Annotated[str | None, typer.Option(help="With --engine ray: the cluster's address "
                                                             "[default: a local Ray instance]", show_default=False)] = None,
           parquet: Annotated[Path | None, typer.Option(help="With --engine ray: also write the analyses as Parquet "
                                                             "files in this folder.", show_default=False,
                                                        file_okay=False)] = None,
           store: Annotated[bool, typer.Option(help="With --engine ray: store the analyses (--no-store: Parquet "
                                                    "only).")] = True) -> None:
    """Analyse articles and store them; a text already stored is kept once."""
    from . import progress
    from .batch import ingest_paths

    with _errors(), _rejects_file(rejects) as reject:
        config = settings.load({"db": db, "language": lang, "batch_size": batch_size, "max_chars": max_chars,
                                "max_seconds": max_seconds, "workers": workers})
        _check_published(published)

        with progress.bar(paths, "ingesting") as advance:
            def report_outcome(outcome: Outcome) -> None:
                advance(outcome.status)
                if outcome.status == "failed":
                    reject(Failure(outcome.id, outcome.error or "failed"))

            if engine is Engine.ray:
                report = _on_ray(paths, config, address, parquet, store, report_outcome)
            else:
                report = ingest_paths(paths, config.db, published=published, language=config.language,
                                      batch_size=config.batch_size, limits=config.limits, on_outcome=report_outcome,
                                      contact=config.contact, workers=config.cores)
    _message(report.summary())
    if not report.analysed:
        raise typer.Exit(1)


@app.command(epilog='Example: veille quotes --speaker Lavrov --contains "garanties de sécurité"\n\n'
                     "Example: veille quotes --min-confidence 0.6 --format csv > quotes.csv")
def quotes(speaker: Annotated[str | None, typer.Option(help="Part of the speaker's name.",
                                                       show_default=False)] = None,
           contains: Annotated[str | None, typer.Option(help="Words the quote must all hold.",
                                                        show_default=False)] = None,
           min_confidence: Annotated[float | None, typer.Option(
               "--min-confidence", min=0.0, max=1.0,
               help="Keep quotes whose speaker was found with at least this confidence (0 to 1); a quote "
                    "whose analysis gives no confidence is then left out.", show_default=False)] = None,
           db: Db = None, format: QueryFormat = None) -> None:
    """List stored quotes: who said what, when, in which article, how sure the attribution is
    (confidence) and how the speaker was found (speaker_link: name, pronoun, description, continuation,
    unnamed)."""
    from . import store

    with _errors():
        config = settings.load({"db": db})
        found = store.quotes(speaker=speaker, contains=contains, min_confidence=min_confidence, url=config.db)
        _rows(found, format, QUOTE_COLUMNS, "Quotes")


@app.command(epilog="Example: veille people --format csv > people.csv")
def people(db: Db = None, format: QueryFormat = None) -> None:
    """List the people named in stored articles, with their roles and how often they are quoted."""
    from . import store

    with _errors():
        config = settings.load({"db": db})
        _rows(store.people(url=config.db), format, PEOPLE_COLUMNS, "People")


@app.command(epilog="Example: veille actor Poutine --format json")
def actor(name: Annotated[str, typer.Argument(help="A name or alias, or part of one; case and accents "
                                                   "do not matter.", show_default=False)],
          db: Db = None, format: QueryFormat = None) -> None:
    """Show one actor across articles: aliases, country, roles over time, quotes, events and stances.

    Every person a surname may mean is shown; exit status 1 when no actor matches.
    """
    from . import store

    with _errors():
        config = settings.load({"db": db})
        found = store.actor(name, url=config.db)
        if found:
            render.profiles(found, format or render.default_format(), sys.stdout)
    if not found:
        _message(f"no actor matches {name!r}")
        raise typer.Exit(1)


@app.command(epilog="Example: veille events --type ASSAULT --place Ukraine --from 2025-08-01")
def events(type: Annotated[EventType | None, typer.Option(
               "--type", case_sensitive=False, help="PLOVER event type.", show_default=False)] = None,
           place: Annotated[str | None, typer.Option(
               help="Part of a place's name, or a country (Ukraine keeps events in Soumy).",
               show_default=False)] = None,
           actor: ActorName = None, since: Since = None, until: Until = None,
           asserted_only: AssertedOnly = False, db: Db = None, format: QueryFormat = None) -> None:
    """List stored events (who did what to whom, where, when, how many killed or injured, and whose
    word it is when not the article's), oldest first."""
    from . import store

    with _errors():
        config = settings.load({"db": db})
        found = store.events(type=type.value if type else None, place=place, actor=actor,
                             since=_day(since, "--from"), until=_day(until, "--to"),
                             modality="asserted" if asserted_only else None, url=config.db)
        _rows(found, format, EVENT_COLUMNS, "Events")


@app.command(epilog="Example: veille timeline --from 2025-08-18 --to 2025-08-22")
def timeline(since: Since = None, until: Until = None, actor: ActorName = None,
             asserted_only: AssertedOnly = False, db: Db = None, format: QueryFormat = None) -> None:
    """List events and statements (quotes, stances) day by day, each with its evidence and sources."""
    from . import store

    with _errors():
        config = settings.load({"db": db})
        found = store.timeline(since=_day(since, "--from"), until=_day(until, "--to"), actor=actor,
                               modality="asserted" if asserted_only else None, url=config.db)
        _rows(found, format, TIMELINE_COLUMNS, "Timeline")


@app.command(epilog='Example: veille stances --holder Macron --target "cessez-le-feu"')
def stances(holder: Annotated[str | None, typer.Option(
                help="Part of the holder's name, alias or description.", show_default=False)] = None,
            target: Annotated[str | None, typer.Option(
                help="Words the stance's target must all hold.", show_default=False)] = None,
            db: Db = None, format: QueryFormat = None) -> None:
    """List who supports, opposes or demands what, oldest first."""
    from . import store

    with _errors():
        config = settings.load({"db": db})
        _rows(store.stances(holder=holder, target=target, url=config.db), format, STANCE_COLUMNS, "Stances")


@app.command(epilog="Example: veille export --format jsonl > analyses.jsonl")
def export(db: Db = None, format: Annotated[ExportFormat, typer.Option(
        "--format", "-f",
        help="jsonl: one analysis per line, in the contract's shape; csv: one row per quote.")]
           = ExportFormat.jsonl) -> None:
    """Write out the stored analyses (jsonl, json) or their quotes (csv)."""
    from . import store

    with _errors():
        config = settings.load({"db": db})
        if format is ExportFormat.csv:
            render.rows(store.quotes(url=config.db), Format.csv, QUOTE_COLUMNS, sys.stdout)
        else:
            render.rows(store.export(url=config.db), Format(format.value), (), sys.stdout)


@app.command(epilog="Example: veille demo --db sqlite:///demo.db")
def demo(db: Db = None) -> None:
    """Store the bundled sample articles and show who said what, and when."""
    from . import store
    from .batch import demo as load_demo

    with _errors():
        config = settings.load({"db": db})
        report = load_demo(config.db, on_outcome=_report_outcome)
        _message(f"{report.summary()} into {config.db}")
        found = store.quotes(url=config.db)
        if not found:  # the extractors found no quote: still show who the articles name
            _message("no quotes found in the sample articles")
            render.table(store.people(url=config.db), PEOPLE_COLUMNS, sys.stdout, title="People")
            return
    render.table(_demo_rows(found), ("speaker", "role", "date", "quote", "article"), sys.stdout,
                 title="Who said what, when")


@app.command(epilog="Example: veille serve --db sqlite:///veille.db --port 8000")
def serve(db: Db = None,
          host: Annotated[str, typer.Option(help="Address to listen on; 0.0.0.0 opens it to the network.")]
          = "127.0.0.1",
          port: Annotated[int, typer.Option(help="Port to listen on.", min=1, max=65535)] = 8000,
          allow_host: Annotated[list[str] | None, typer.Option(
              "--allow-host", help="Another name clients may reach the server by (its Host header), "
              "besides the address it listens on and localhost; repeat for several.", show_default=False)]
          = None) -> None:
    """Serve the dashboard and the REST API (/api, docs at /docs) on the store until Ctrl+C.

    Writes (POST /api/articles) need the bearer token set in VEILLE_API_TOKEN; without it they are refused.
    """
    try:
        import uvicorn

        from .serve import TOKEN_VARIABLE, create_app
    except ImportError as error:
        _message(f"error: veille serve needs the web packages: pip install 'veille[serve]' ({error})")
        raise typer.Exit(2) from None

    with _errors():
        config = settings.load({"db": db})
        app = create_app(config.db, host=host, allowed=allow_host or ())

    writes = "on (bearer token)" if app.state.token else f"off (set {TOKEN_VARIABLE} to allow them)"
    _message(f"serving {app.state.store} at http://{host}:{port}/ — writes {writes}; Ctrl+C to stop")
    if host in ("0.0.0.0", "::") and not allow_host:
        _message("note: requests must name the server as localhost; add --allow-host NAME for the names "
                 "others reach it by")
    uvicorn.run(app, host=host, port=port, log_level="warning")


def main() -> None:
    """Entry point of the `veille` console script."""
    app()


def _inputs(paths: list[str] | None) -> list[str]:
    if paths:
        return paths
    if sys.stdin.isatty():
        raise _Usage("give files to analyse, or pipe JSON Lines in (see veille analyze --help)")
    return ["-"]


def _check_published(published: str | None) -> None:
    from .read.records import check_published

    check_published(published, "--published")


def _day(value: str | None, flag: str) -> str | None:
    """A --from or --to value once it is known to be an ISO day, month or year."""
    if value is None:
        return None
    try:
        if not ISO_DAY.fullmatch(value):
            raise ValueError
        date.fromisoformat(value + {4: "-01-01", 7: "-01", 10: ""}[len(value)])
    except ValueError:
        raise _Usage(f"{flag}: not a day, month or year (YYYY-MM-DD, YYYY-MM, YYYY): {value!r}") from None
    return value


def _rows(found: list[dict[str, Any]], format: Format | None, columns: tuple[str, ...], title: str) -> None:
    render.rows(found, format or render.default_format(), columns, sys.stdout, title=title)


def _demo_rows(found: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """Quotes grouped by speaker, the speaker named once per group."""
    ordered = sorted(found, key=lambda q: (q["speaker"] or "~", q["date"] or q["published"] or ""))
    previous = None
    for quote in ordered:
        speaker = quote["speaker"] or "(unattributed)"
        first = speaker != previous
        text = quote["text"] if len(quote["text"]) <= 200 else quote["text"][:199] + "…"
        yield {"speaker": speaker if first else "", "role": quote["role"] if first else "",
               "date": quote["date"] or quote["published"], "quote": text, "article": quote["article"]}
        previous = speaker


class _Usage(VeilleError):
    """A command given in a way it cannot run."""


@contextmanager
def _errors() -> Iterator[None]:
    """Turns a VeilleError into one line on stderr and exit status 2."""
    try:
        yield
    except VeilleError as error:
        _message(f"error: {error}")
        raise typer.Exit(2) from None


def _report(failure: Failure) -> None:
    _message(f"error: {failure.error}")


def _on_ray(paths: list[str], config: settings.Settings, address: str | None, parquet: Path | None, store: bool,
            on_outcome: Callable[[Outcome], None]) -> Any:
    if not store and parquet is None:
        raise BadSettings("--no-store: give --parquet DIR, or the analyses go nowhere")
    try:
        from . import cluster
    except ImportError:
        raise BadSettings("--engine ray needs Ray: pip install 'veille[ray]'") from None
    try:
        return cluster.ingest(paths, config.db, address=address, workers=config.cores, parquet=parquet, store=store,
                              batch_size=config.batch_size, limits=config.limits, on_outcome=on_outcome)
    except ValueError as error:
        raise BadSettings(str(error)) from None


def _advancing(results: Iterable[Analysis | Failure], advance: Callable[[str], None]
               ) -> Iterator[Analysis | Failure]:
    for result in results:
        advance("failed" if isinstance(result, Failure) else "analysed")
        yield result


def _report_outcome(outcome: Outcome) -> None:
    if outcome.status == "failed":
        _message(f"error: {outcome.error}")


@contextmanager
def _rejects_file(path: Path | None) -> Iterator[Callable[[Failure], None]]:
    """A function that reports a rejected record on stderr and, with `--rejects FILE`, writes it
    to that file as a JSON line `{"id", "error"}`, flushed at once so a killed run keeps them."""
    if path is None:
        yield _report
        return
    try:
        stream = path.open("w", encoding="utf-8")
    except OSError as error:
        raise BadSettings(f"--rejects {path}: {error.strerror or error}") from None

    def reject(failure: Failure) -> None:
        _report(failure)
        stream.write(render.dumps({"id": failure.id, "error": failure.error}) + "\n")
        stream.flush()

    with stream:
        yield reject


def _message(text: str) -> None:
    print(f"veille: {text}", file=sys.stderr, flush=True)


class _StderrHandler(logging.Handler):
    """Writes to whatever sys.stderr is at the time, so a test runner's captured stream is honoured."""

    def emit(self, record: logging.LogRecord) -> None:
        try:
            print(self.format(record), file=sys.stderr)
        except (OSError, ValueError):  # a closed or broken stream must not break the command
            self.handleError(record)


class _OneLine(logging.Formatter):
    def formatException(self, ei: Any) -> str:
        return ""


def _configure_logging(verbose: bool) -> None:
    root = logging.getLogger("veille")
    for handler in [h for h in root.handlers if isinstance(h, _StderrHandler)]:
        root.removeHandler(handler)
    handler = _StderrHandler()
    fmt = "veille: %(levelname)s: %(message)s"
    handler.setFormatter(logging.Formatter(fmt) if verbose else _OneLine(fmt))
    root.addHandler(handler)
    root.setLevel(logging.DEBUG if verbose else logging.WARNING)


# The watching, alert and upkeep commands live in their own modules, which take the shared options from this one.
from .cli_alerts import alerts_app
from .cli_store import migrate, reindex
from .cli_watch import sources_app, watch

app.add_typer(sources_app, name="sources")
app.add_typer(alerts_app, name="alerts")
app.command(epilog="Example: veille watch --once --db sqlite:///veille.db")(watch)
app.command(epilog="Example: veille reindex --db sqlite:///veille.db")(reindex)
app.command(epilog="Example: veille migrate --db postgresql+psycopg://localhost/veille")(migrate)
