"""`python -m bot <command>`: the project's own commands, called by the Makefile."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from bot.paths import DOMAIN, MODEL, ROOT

if TYPE_CHECKING:
    from bot.content import Content, Problem

PREVIEW = ROOT / "build" / "preview" / "content.html"
SESSION_PACK = ROOT / "build" / "session-pack" / "session-pack.html"


def _build_nlp(args: argparse.Namespace) -> int:
    from bot.nlp_pipeline import build_pipeline

    print(f"Built the spaCy pipeline at {build_pipeline()}")
    return 0


def _build_embeddings(args: argparse.Namespace) -> int:
    from bot.embeddings_build import build_embeddings

    print(f"Unpacked the MiniLM sentence encoder at {build_embeddings()}")
    return 0


def _train(args: argparse.Namespace) -> int:
    from bot.training import train_if_needed

    print(f"Model ready: {train_if_needed(force=args.force)}")
    return 0


def _check_content(args: argparse.Namespace) -> int:
    """Print every error, then every warning, then a summary; fail only on errors."""
    from bot.content.loader import check_content
    from bot.content.store import content_root

    root = content_root()  # content/, or CONTENT_DIR, as the assistant reads it
    report = check_content(root)
    errors = [*report.errors, *_pattern_problems(root)]
    base = root.parent  # so files read content/stages/hooked.yml
    groups = [
        ("Errors", errors, "fix these; until then the assistant keeps using the last "
         "content that had no errors"),
        ("Warnings", report.warnings, "worth fixing; the assistant uses the content anyway"),
    ]  # fmt: skip
    for heading, problems, meaning in groups:
        if problems:
            print(f"{heading} ({len(problems)}): {meaning}.")
            print("\n".join(f"  {problem.describe(base)}" for problem in problems), end="\n\n")
    summary = f"{_count(len(errors), 'error')}, {_count(len(report.warnings), 'warning')}"
    if report.content is None or errors:
        print(f"{summary}: content/ cannot be used until the errors are fixed.")
        return 1
    content = report.content
    print(
        f"{summary}: content/ can be used ({len(content.stages)} stages, "
        f"{len(content.topics)} topics, {len(content.services)} services)."
    )
    return 0


def _pattern_problems(root: Path) -> list[Problem]:
    """Compile every risk, emergency and listening pattern as the assistant does, so a pattern
    that cannot be understood is reported here, with its file and line, not only in a log."""
    from bot.content import ContentError
    from bot.paths import SPACY_PIPELINE

    if not SPACY_PIPELINE.exists():
        print("The patterns were not checked: build the spaCy pipeline first (make nlp).\n")
        return []
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")  # spaCy loads TensorFlow, which chatters
    import spacy

    from bot.safety.matcher import spacy_lemmatizer
    from bot.safety.patterns import load_risk_patterns

    try:
        load_risk_patterns(root / "safety", spacy_lemmatizer(spacy.load(SPACY_PIPELINE)))
    except ContentError as error:
        return list(error.problems)
    return []


def _count(number: int, thing: str) -> str:
    return f"{number} {thing}" + ("" if number == 1 else "s")


def _preview_content(args: argparse.Namespace) -> int:
    from bot.content.preview import render_preview

    return _write_page(args.out, render_preview, "open it in a browser, or print it")


def _current_content() -> Content | None:
    """content/ as the assistant reads it, or None (said on stderr) when it has errors."""
    from bot.content import ContentError, load_content
    from bot.content.store import content_root

    try:
        return load_content(content_root())
    except ContentError as error:
        problems = len(error.problems)
        print(f"{problems} problem(s) in content/: run `make content-check`", file=sys.stderr)
        return None


def _write_page(out: Path, render: Callable[[Content], str], then: str) -> int:
    """Render one page from the current content/ into `out`; content errors stop it."""
    content = _current_content()
    if content is None:
        return 1
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render(content), encoding="utf-8")
    print(f"Wrote {out}: {then}.")
    return 0


def _sync_domain(args: argparse.Namespace) -> int:
    """Copy the static first replies from content/ into domain.yml, keeping its comments."""
    from ruamel.yaml import YAML
    from ruamel.yaml.scalarstring import LiteralScalarString

    from bot.dialogue.disclosure import static_responses

    content = _current_content()
    if content is None:
        return 1
    yaml = YAML()
    yaml.width = 100_000  # type: ignore[assignment]  # keep each reply on one line, as written
    yaml.preserve_quotes = True  # type: ignore[assignment]
    yaml.indent(mapping=2, sequence=4, offset=2)  # domain.yml's own layout
    domain = yaml.load(DOMAIN)
    wanted = static_responses(content)
    if all(domain["responses"].get(name) == value for name, value in wanted.items()):
        print("domain.yml already has content/'s static replies.")
        return 0
    for name, variations in wanted.items():
        for variation in variations:
            if "\n" in variation["text"]:
                variation["text"] = LiteralScalarString(variation["text"])
        domain["responses"][name] = variations
    yaml.dump(domain, DOMAIN)
    print("Copied the static replies into domain.yml: `make train` (or make run) retrains.")
    return 0


def _session_pack(args: argparse.Namespace) -> int:
    from bot.content.session_pack import render_session_pack

    return _write_page(args.out, render_session_pack, "print it for the session")


def _classify(args: argparse.Namespace) -> int:
    from dataclasses import asdict

    from bot.rasa_ext.classify import classify_all, load_agent

    agent = load_agent(args.model)
    texts = (line.rstrip("\n") for line in sys.stdin)
    for prediction in classify_all(agent, (text for text in texts if text.strip())):
        print(json.dumps(asdict(prediction), ensure_ascii=False), flush=True)
    return 0


def _evaluate(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    from bot.rasa_ext.classify import classify_all, load_agent
    from bot.safety.evaluation import GATES, EvaluationFileError, read_cases, render, score

    try:
        cases = [case for path in args.files for case in read_cases(path)]
    except (EvaluationFileError, OSError) as error:
        print(error, file=sys.stderr)
        return 2
    agent = load_agent(args.model)
    texts = tqdm((case.text for case in cases), total=len(cases), desc="Classifying", unit="msg")
    report = score(cases, list(classify_all(agent, texts)))
    gates = GATES[args.gates]
    print(render(report, gates))
    _write_json(args.json, report.to_json(gates))
    return 1 if report.failed_gates(gates) else 0


def _evaluate_conversations(args: argparse.Namespace) -> int:
    """Play each conversation against the assistant and its real action server; judge each
    reply by its meaning (bot/dialogue/conversation_eval.py)."""
    import asyncio

    from tqdm import tqdm

    from bench.services import free_port
    from bot.content import load_content
    from bot.content.store import content_root
    from bot.dialogue.conversation_eval import (
        ConversationFileError,
        Ear,
        read_conversations,
        render,
        score,
    )
    from bot.launcher import Ports, action_server
    from bot.rasa_ext.classify import converse, load_agent

    try:
        conversations = [item for path in args.files for item in read_conversations(path)]
    except (ConversationFileError, OSError) as error:
        print(error, file=sys.stderr)
        return 2
    content = load_content(content_root())
    unknown = Ear(content).unknown_fears(conversations)
    if unknown:
        print("\n".join(unknown), file=sys.stderr)
        return 2
    ports = Ports(rasa=free_port(), actions=free_port(), web=free_port())
    with action_server(ports):
        agent = load_agent(args.model, ports.action_endpoint)
        loop = asyncio.new_event_loop()
        try:
            replies = [
                loop.run_until_complete(converse(agent, [turn.say for turn in item.turns]))
                for item in tqdm(conversations, desc="Conversations", unit="conv")
            ]
        finally:
            loop.close()
    report = score(content, conversations, replies)
    print(render(report))
    _write_json(args.json, report.to_json())
    return 1 if report.failed_gates() else 0


def _write_json(path: Path | None, data: object) -> None:
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(data, indent=2, ensure_ascii=False))
        print(f"\nWrote {path}")


def _run(args: argparse.Namespace) -> int:
    from bot.launcher import run

    return run(enable_api=args.enable_api)


def _shell(args: argparse.Namespace) -> int:
    from bot.launcher import shell

    return shell()


def _insights_report(args: argparse.Namespace) -> int:
    from bot.insights.events import InsightsError, database_url
    from bot.insights.report import build_report, parse_request

    try:
        request = parse_request(args.start, args.end, args.region, args.format)
        report = build_report(args.db or database_url(), request)
        if args.out is None:
            sys.stdout.write(report)
            return 0
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(report, encoding="utf-8")
    except InsightsError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    except OSError as error:
        print(f"error: cannot write {args.out}: {error.strerror}", file=sys.stderr)
        return 2
    print(f"Wrote {args.out}")
    return 0


def _insights_copy(args: argparse.Namespace) -> int:
    from bot.insights.copy import copy_counts
    from bot.insights.events import InsightsError, database_url
    from bot.insights.store import hide_password

    source = args.source or database_url()
    try:
        copied = copy_counts(source, args.target, add_to_existing=args.add_to_existing)
    except InsightsError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    print(
        f"Copied {copied.counters} counters ({copied.events} events) from "
        f"{hide_password(source)} to {hide_password(args.target)}."
    )
    return 0


def _path_from_here(value: str) -> Path:
    # Resolved now, because main() changes to the project root before the command runs.
    return Path(value).resolve()


def _add_insights(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    insights = commands.add_parser("insights", help="anonymous insight")
    insights_commands = insights.add_subparsers(dest="insights_command", required=True)
    report = insights_commands.add_parser(
        "report", help="counts by week and category, small numbers suppressed"
    )
    report.add_argument("--from", dest="start", required=True, metavar="YYYY-MM-DD")
    report.add_argument("--to", dest="end", required=True, metavar="YYYY-MM-DD")
    report.add_argument("--region", help="one policing region (default: all regions together)")
    report.add_argument("--format", default="csv", help="csv (the default) or html")
    report.add_argument("--out", type=_path_from_here, help="write here instead of to stdout")
    report.add_argument(
        "--db", metavar="URL", help="database URL (default: INSIGHTS_DB_URL, else data/)"
    )
    report.set_defaults(func=_insights_report)
    copy = insights_commands.add_parser(
        "copy", help="add every count to another database (e.g. the shared PostgreSQL)"
    )
    copy.add_argument("--to", dest="target", required=True, metavar="URL", help="target database")
    copy.add_argument(
        "--from", dest="source", metavar="URL", help="default: INSIGHTS_DB_URL, else data/"
    )
    copy.add_argument(
        "--add-to-existing",
        action="store_true",
        help="add to counters the target already has (counts from another instance)",
    )
    copy.set_defaults(func=_insights_copy)


def parser() -> argparse.ArgumentParser:
    root = argparse.ArgumentParser(prog="python -m bot", description=__doc__)
    commands = root.add_subparsers(dest="command", required=True)
    commands.add_parser("build-nlp", help="build the spaCy pipeline").set_defaults(func=_build_nlp)
    commands.add_parser(
        "build-embeddings", help="unpack the MiniLM sentence encoder into build/minilm"
    ).set_defaults(func=_build_embeddings)
    train = commands.add_parser("train", help="train the model if its inputs changed")
    train.add_argument("--force", action="store_true", help="train even if up to date")
    train.set_defaults(func=_train)
    content = commands.add_parser("content", help="work with content/")
    content_commands = content.add_subparsers(dest="content_command", required=True)
    content_commands.add_parser("check", help="validate content/").set_defaults(func=_check_content)
    preview = content_commands.add_parser(
        "preview", help="render all content to one HTML page for review"
    )
    preview.add_argument(
        "--out", type=_path_from_here, default=PREVIEW, help=f"where to write it ({PREVIEW})"
    )
    preview.set_defaults(func=_preview_content)
    pack = content_commands.add_parser(
        "session-pack", help="render the printable pack for a group session"
    )
    pack.add_argument(
        "--out",
        type=_path_from_here,
        default=SESSION_PACK,
        help=f"where to write it ({SESSION_PACK})",
    )
    pack.set_defaults(func=_session_pack)
    content_commands.add_parser(
        "sync-domain", help="copy the replies Rasa sends itself from content/ into domain.yml"
    ).set_defaults(func=_sync_domain)
    classify = commands.add_parser(
        "classify", help="read messages on stdin, write one JSON decision per line"
    )
    classify.add_argument("--model", type=Path, default=MODEL, help="the trained model")
    classify.set_defaults(func=_classify)
    evaluate = commands.add_parser(
        "eval", help="score disclosure detection on labelled JSON Lines files"
    )
    evaluate.add_argument("files", nargs="+", type=Path, metavar="FILE.jsonl")
    evaluate.add_argument("--json", type=Path, help="also write the report as JSON here")
    evaluate.add_argument("--model", type=Path, default=MODEL, help="the trained model")
    evaluate.add_argument(
        "--gates",
        choices=("standard", "teen_voice"),
        default="standard",
        help="which release gates to check: standard (tests/eval/*.jsonl) or teen_voice",
    )
    evaluate.set_defaults(func=_evaluate)
    conversations = commands.add_parser(
        "eval-conversations",
        help="play labelled conversations against the assistant and judge every reply",
    )
    conversations.add_argument("files", nargs="+", type=Path, metavar="FILE.yml")
    conversations.add_argument("--json", type=Path, help="also write the report as JSON here")
    conversations.add_argument("--model", type=Path, default=MODEL, help="the trained model")
    conversations.set_defaults(func=_evaluate_conversations)
    run = commands.add_parser("run", help="start the action server and the Rasa server")
    run.add_argument(
        "--enable-api", action="store_true", help="also open Rasa's HTTP API (off by default)"
    )
    run.set_defaults(func=_run)
    commands.add_parser("shell", help="chat in the terminal").set_defaults(func=_shell)
    _add_insights(commands)
    return root


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    # Rasa reads config.yml's relative paths (the spaCy pipeline) from the working directory.
    os.chdir(ROOT)
    os.environ.setdefault("RASA_TELEMETRY_ENABLED", "false")
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    result: int = args.func(args)
    return result
