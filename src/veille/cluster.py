"""`veille ingest --engine ray`: analyses on a Ray cluster (or a local Ray instance), for corpora
one machine cannot get through in time (extra `veille[ray]`).

Ray Data reads the inputs as they stream: JSON Lines (`.jsonl`, `.jsonl.gz`) line by line, so that
a bad line is one record's failure as everywhere else in veille, and Parquet shards row by row. A
pool of actors analyses them, each actor loading the model once; what travels between them is
records and the contract's JSON, never a spaCy Doc. The results come back in input order to this
process, which writes them as Parquet (`parquet`: one row per record: id, text, analysis JSON or
error) and/or into the store, through one `Writer` (PostgreSQL when many machines share a store).
Each actor skips the texts the store already holds before parsing them, when it can reach it.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from .limits import Limits
from .model import Analysis, Failure, Known, analysis_from_dict
from .read.files import GZIP_JSONL, JSONL_SUFFIXES, folder_files
from .store import IngestReport, Outcome

PARQUET = ".parquet"
Row = dict[str, Any]


def ingest(paths: Iterable[str | Path], url: str | None = None, address: str | None = None,
           workers: int | None = None, parquet: str | Path | None = None, store: bool = True,
           batch_size: int = 16, limits: Limits | None = None,
           on_outcome: Callable[[Outcome], None] | None = None) -> IngestReport:
    """Analyses the records of `paths` on Ray (`address`: a cluster, else a local instance of
    `workers` CPUs) with `workers` actors, and stores them (`store`) and/or writes them as Parquet
    files in the folder `parquet`; reports each input as `store.ingest` does."""
    import ray

    from . import store as stores

    started_here = not ray.is_initialized()
    if started_here:
        # locally, one CPU more than the actors take: reading the input needs one to run on
        ray.init(address=address, num_cpus=None if address else (workers or 1) + 1, include_dashboard=False,
                 log_to_driver=False, configure_logging=False)
    try:
        results = _analysed(_dataset(paths), url if store else None, workers or 1, batch_size, limits or Limits(),
                            parquet)
        if not store:
            report = IngestReport()
            for result in results:
                outcome = _written(result)
                report.outcomes.append(outcome)
                if on_outcome is not None:
                    on_outcome(outcome)
            return report
        return stores.ingest(results, url, batch_size=batch_size, on_outcome=on_outcome)
    finally:
        if started_here:
            ray.shutdown()


def _dataset(paths: Iterable[str | Path]) -> Any:
    """One dataset of input rows, in the order given: {"line", "source"} for JSON Lines,
    {"record", "source"} for Parquet."""
    import ray

    files = []
    for path in map(Path, paths):
        files += folder_files(path) + sorted(path.glob(f"*{PARQUET}")) if path.is_dir() else [path]
    parts = []
    for file in files:
        name = file.name.lower()
        if name.endswith(PARQUET):
            parts.append(ray.data.read_parquet(str(file)).map(
                lambda row, source=str(file): {"record": json.dumps(row, default=str), "source": source}))
        elif file.suffix.lower() in JSONL_SUFFIXES or name.endswith(GZIP_JSONL):
            compression = {"compression": "gzip"} if name.endswith(GZIP_JSONL) else {}
            parts.append(ray.data.read_text(str(file), arrow_open_stream_args=compression, drop_empty_lines=True)
                         .map(lambda row, source=str(file): {"line": row["text"], "source": source}))
        else:
            raise ValueError(f"{file}: the Ray engine reads .jsonl, {GZIP_JSONL} and {PARQUET} files")
    if not parts:
        raise ValueError("no input files")
    return parts[0].union(*parts[1:]) if len(parts) > 1 else parts[0]


def _analysed(dataset: Any, url: str | None, workers: int, batch_size: int, limits: Limits,
              parquet: str | Path | None) -> Iterator[Analysis | Failure | Known]:
    import ray

    context = ray.data.DataContext.get_current()
    context.execution_options.preserve_order = True
    context.enable_progress_bars = False
    for name in ("ray", "ray.data"):  # Ray Data tells every step at INFO level
        logging.getLogger(name).setLevel(logging.WARNING)
    analysed = dataset.map_batches(Analyser, fn_constructor_kwargs={"url": url, "limits": limits},
                                   batch_size=batch_size, compute=ray.data.ActorPoolStrategy(size=workers),
                                   batch_format="pandas")
    if parquet is not None:
        analysed = analysed.materialize()
        analysed.write_parquet(str(parquet))
    for row in analysed.iter_rows():
        yield _result(row)


class Analyser:
    """A Ray actor: loads the model once, then analyses batches of input rows."""

    def __init__(self, url: str | None, limits: Limits) -> None:
        from .nlp import models

        models.load("fr")
        self.limits = limits
        self.url = url

    def __call__(self, batch: Any) -> Any:
        import pandas as pd

        from .analysis import analyze_records
        from .read.files import read_line
        from .store import stored_texts

        records: list[Any] = []
        nothing = [None] * len(batch)
        for line, record, source in zip(batch.get("line", nothing), batch.get("record", nothing), batch["source"],
                                        strict=True):
            if isinstance(line, str):
                records.append(read_line(line, f"{source}, a line", source))
            else:
                records.append({key: value for key, value in json.loads(record).items() if value is not None})
        if self.url is not None:
            with stored_texts(self.url) as known:
                results = list(analyze_records(records, len(records), self.limits, known))
        else:
            results = list(analyze_records(records, len(records), self.limits))
        return pd.DataFrame([_row(result) for result in results])


def _row(result: Analysis | Failure | Known) -> Row:
    if isinstance(result, Failure):
        return {"id": result.id, "text": None, "analysis": None, "error": result.error, "known": False}
    if isinstance(result, Known):
        article = result.article
        return {"id": article.id, "text": article.text, "analysis": json.dumps(article.header()), "error": None,
                "known": True}
    return {"id": result.article.id, "text": result.article.text, "analysis": json.dumps(result.to_dict()),
            "error": None, "known": False}


def _result(row: Row) -> Analysis | Failure | Known:
    if row["error"] is not None:
        return Failure(row["id"], row["error"])
    data = json.loads(row["analysis"])
    if row["known"]:
        return Known(analysis_from_dict({"article": data}, row["text"]).article)
    return analysis_from_dict(data, row["text"])


def _written(result: Analysis | Failure | Known) -> Outcome:
    """The outcome of an input written to Parquet and not stored (--no-store)."""
    if isinstance(result, Failure):
        return Outcome(result.id, "failed", result.error)
    return Outcome(result.article.id, "written")
