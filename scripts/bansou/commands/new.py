"""`bansou new article|case|module|term`: a new file from the template, with a free id and today's date.

Interactive by default (questions in Japanese with English); `--yes` takes every answer from the
options and defaults and prints only the created file's path on stdout (notes go to stderr).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .. import scaffold
from ..scaffold import MARKER, ScaffoldError

KIND_LABELS = {"article": "手引きの記事 / handbook article", "case": "事例 / case",
               "module": "講座のモジュール / course module", "term": "用語集の用語 / glossary term"}


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "new", help="テンプレートから新しいファイルを作る / create a new file from a template",
        description="テンプレートから新しいファイルを作ります。--yes を付けないと、質問に答えながら作ります。 / "
                    "Create a new file from a template; without --yes it asks questions.")
    parser.add_argument("kind", choices=scaffold.KINDS, help="article | case | module | term")
    parser.add_argument("--title", help="題名(用語なら見出し語) / title (for a term: the term)")
    parser.add_argument("--section", help="記事のフォルダ(例:poverty) / article folder under docs/")
    parser.add_argument("--course", help="モジュールの講座 ID(例:intro) / course id for a module")
    parser.add_argument("--slug", help="ファイル名(英小文字・数字・ハイフン) / file name (a-z, 0-9, -)")
    parser.add_argument("--id", dest="term_id", help="用語の ID(英小文字・数字・ハイフン) / term id")
    parser.add_argument("--reading", help="用語の読み(ひらがな) / reading of the term in hiragana")
    parser.add_argument("--page", help="用語を説明しているページ(例:poverty/public-assistance) / page explaining the term")
    parser.add_argument("--yes", "-y", action="store_true",
                        help="質問せずに作る / do not ask, use the options and defaults")
    parser.set_defaults(func=run)


# ---------------------------------------------------------------- asking

class Asker:
    """Asks on stdin/stderr; with --yes it only returns the defaults."""

    def __init__(self, interactive: bool) -> None:
        self.interactive = interactive

    def ask(self, question: str, default: str = "", check=None, choices: list[str] | None = None) -> str:
        if not self.interactive:
            return default
        if choices:
            print(f"  選べる値 / choices: {', '.join(choices)}", file=sys.stderr)
        while True:
            suffix = f" [{default}]" if default else ""
            print(f"{question}{suffix}: ", end="", file=sys.stderr, flush=True)
            line = sys.stdin.readline()
            if not line:  # end of input: take the default
                print(file=sys.stderr)
                answer = default
            else:
                answer = line.strip() or default
            problem = check(answer) if check else None
            if problem is None:
                return answer
            print(f"  {problem}", file=sys.stderr)
            if not line:
                raise ScaffoldError(problem)

    def confirm(self, question: str) -> bool:
        if not self.interactive:
            return True
        answer = self.ask(question + " (y/n)", "y")
        return answer.lower() in ("y", "yes", "はい", "h")


def _required(answer: str) -> str | None:
    return None if answer.strip() else "空にはできません。何か書いてください。 / This cannot be empty."


def _slug_ok(answer: str) -> str | None:
    if scaffold.SLUG_RE.match(answer):
        return None
    return "英小文字・数字・ハイフンだけで書いてください(例:public-assistance)。 / Use a-z, 0-9 and - only."


def _one_of(choices: list[str]):
    def check(answer: str) -> str | None:
        if not choices or answer in choices:
            return None
        return f"次の中から選んでください / choose one of: {', '.join(choices)}"
    return check


def _all_of(choices: list[str]):
    def check(answer: str) -> str | None:
        items = [a.strip() for a in answer.split(",") if a.strip()]
        if not items:
            return "1つ以上選んでください。 / Choose at least one."
        bad = [a for a in items if choices and a not in choices]
        return f"「{', '.join(bad)}」は選べません / not allowed: {', '.join(bad)}" if bad else None
    return check


# ---------------------------------------------------------------- each kind

def _article(project, args, asker: Asker) -> scaffold.Created:
    title = args.title or asker.ask("記事の題名 / title", check=_required)
    if not title.strip():
        raise ScaffoldError("--title を指定してください。 / Give --title.")
    known = scaffold.sections(project)
    section = args.section or asker.ask(
        f"フォルダ(docs/ の下。既存:{', '.join(known)}) / section folder", known[0] if known else "", _slug_ok)
    if not scaffold.SLUG_RE.match(section or ""):
        raise ScaffoldError(f"--section は英小文字・数字・ハイフンのフォルダ名です(例:{', '.join(known[:4])})。 / "
                            f"--section must be a folder name such as {', '.join(known[:4])}.")
    default_slug = scaffold.slug(title)
    name = args.slug or asker.ask("ファイル名(.md の前) / file name", default_slug, _slug_ok)
    if not scaffold.SLUG_RE.match(name):
        raise ScaffoldError("--slug は英小文字・数字・ハイフンだけで書きます。 / --slug may use a-z, 0-9 and - only.")
    folder = project.config.docs_dir / section
    taken = {p.name.split(".")[0] for p in folder.glob("*.md")} if folder.is_dir() else set()
    name = scaffold.unique(name, taken)
    path = folder / f"{name}.md"
    text = scaffold.render(scaffold.template_text("article"), scaffold.values_for(project, "article", title=title))
    _confirm(asker, path, project)
    scaffold.write_new(path, text)
    notes = () if section in known else (f"新しいフォルダ docs/{section}/ を作りました。 / Created the new folder docs/{section}/.",)
    return scaffold.Created(_rel(project, path), f"{section}/{name}", notes)


def _case(project, args, asker: Asker) -> scaffold.Created:
    title = args.title or asker.ask("事例の題名(人を特定できる言葉は入れません) / title (nothing that identifies a person)",
                                    check=_required)
    if not title.strip():
        raise ScaffoldError("--title を指定してください。 / Give --title.")
    case_id = scaffold.next_case_id(project)
    chosen: dict[str, object] = {"id": case_id}
    today = project.config.today
    year = asker.ask("出来事の年(西暦) / year", str(today.year),
                     lambda a: None if a.isdigit() and 1980 <= int(a) <= today.year else
                     f"1980〜{today.year} の西暦で書いてください。 / Give a year 1980-{today.year}.")
    chosen["year"] = int(year)
    questions = {"region": "地方 / region", "age_band": "年代 / age band",
                 "residence_status": "在留資格 / residence status", "outcome": "結果 / outcome"}
    for facet, label in questions.items():
        choices = scaffold.facet_choices(project, facet)
        chosen[facet] = asker.ask(label, scaffold.case_default(project, facet), _one_of(choices), choices)
    areas = scaffold.facet_choices(project, "issue_areas")
    answer = asker.ask("課題の分野(「,」で区切って複数可) / issue areas (comma-separated)",
                       scaffold.case_default(project, "issue_areas"), _all_of(areas), areas)
    chosen["issue_areas"] = [a.strip() for a in answer.split(",") if a.strip()]
    path = project.config.casebook_dir / f"{case_id}.md"
    values = scaffold.values_for(project, "case", title=title, case_values=chosen)
    text = scaffold.render(scaffold.template_text("case"), values)
    _confirm(asker, path, project)
    scaffold.write_new(path, text)
    return scaffold.Created(_rel(project, path), case_id, (
        "事例は匿名化の確認と2人目のレビューのあとで公開されます。 / "
        "A case is published only after the anonymisation check and a second reviewer.",))


def _module(project, args, asker: Asker) -> scaffold.Created:
    title = args.title or asker.ask("モジュールの題名 / title", check=_required)
    if not title.strip():
        raise ScaffoldError("--title を指定してください。 / Give --title.")
    courses = sorted(project.courses)
    if not courses:
        raise ScaffoldError("講座がありません。先に courses/<講座ID>/course.yml を作ってください。 / "
                            "There is no course yet: create courses/<course-id>/course.yml first.")
    course_id = args.course or asker.ask("講座 ID / course id", courses[0], _one_of(courses), courses)
    if course_id not in project.courses:
        raise ScaffoldError(f"講座「{course_id}」はありません。使える講座:{', '.join(courses)} / "
                            f"No course '{course_id}'. Courses: {', '.join(courses)}")
    module_id, number = scaffold.next_module_id(project, course_id)
    name = args.slug or asker.ask("ファイル名の後半(m{:02d}- のあと) / file name after m{:02d}-".format(number, number),
                                  scaffold.slug(title, 3), _slug_ok)
    if not scaffold.SLUG_RE.match(name):
        raise ScaffoldError("--slug は英小文字・数字・ハイフンだけで書きます。 / --slug may use a-z, 0-9 and - only.")
    path = project.config.courses_dir / course_id / f"m{number:02d}-{name}.md"
    teaching, exercise = 30, 30
    text = scaffold.render(scaffold.template_text("module"), scaffold.values_for(
        project, "module", title=title, module_id=module_id, teaching_minutes=teaching, exercise_minutes=exercise))
    _confirm(asker, path, project)
    scaffold.write_new(path, text)
    course = project.courses[course_id]
    course_yml = project.root / course.rel
    if scaffold.add_module_to_course(course_yml, module_id, teaching + exercise):
        note = (f"{course.rel} の modules に {module_id} を加え、total_minutes を {teaching + exercise} 分増やしました。 / "
                f"Added {module_id} to {course.rel} (modules, total_minutes +{teaching + exercise}).")
    else:
        note = (f"{course.rel} の modules に {module_id} を加え、total_minutes を直してください。 / "
                f"Add {module_id} to modules in {course.rel} and update total_minutes.")
    return scaffold.Created(_rel(project, path), module_id, (note,))


def _term(project, args, asker: Asker) -> scaffold.Created:
    existing = {name: t.id for t in project.glossary for name in (t.term, *t.aliases)}

    def new_term(answer: str) -> str | None:
        if not answer.strip():
            return _required(answer)
        if answer in existing:
            return (f"「{answer}」は用語集にもうあります(ID: {existing[answer]})。そちらを直してください。 / "
                    f"'{answer}' is already in the glossary (id {existing[answer]}): edit that entry instead.")
        return None
    title = args.title or asker.ask("用語(見出し語) / term", check=new_term)
    if new_term(title or ""):
        raise ScaffoldError(new_term(title or "") if title else "--title を指定してください。 / Give --title.")

    def reading_ok(answer: str) -> str | None:
        return None if scaffold.READING_RE.match(answer) else \
            "読みはひらがなだけで書きます(例:ざいりゅうかあど)。 / Write the reading in hiragana."
    reading = args.reading or asker.ask("読み(ひらがな) / reading (hiragana)", scaffold.reading(title), reading_ok)
    if reading_ok(reading):
        raise ScaffoldError("--reading に読みをひらがなで書いてください(例:--reading ざいりゅうかあど)。 / "
                            "Give the reading in hiragana with --reading.")
    taken = scaffold.glossary_ids(project)

    def id_ok(answer: str) -> str | None:
        if not scaffold.SLUG_RE.match(answer):
            return _slug_ok(answer)
        return f"ID「{answer}」はもう使われています。 / The id '{answer}' is taken." if answer in taken else None
    term_id = args.term_id or asker.ask("ID(英小文字・数字・ハイフン) / id", scaffold.unique(scaffold.slug(title), taken), id_ok)
    if id_ok(term_id):
        raise ScaffoldError(id_ok(term_id))
    pages = scaffold.term_pages(project)
    if not pages:
        raise ScaffoldError("用語が参照できる記事がありません。先に記事を作ってください。 / No article to point the term at.")
    guess = next((p for p in pages if title in project.articles[p].title
                  or title in project.articles[p].keywords), pages[0])

    def page_ok(answer: str) -> str | None:
        return None if answer in pages else \
            f"「{answer}」という記事はありません(docs/ からのパス、.md なし。例:{pages[0]})。 / No such page."
    page = args.page or asker.ask("説明しているページ(docs/ からのパス、.md なし) / page explaining it", guess, page_ok)
    if page_ok(page):
        raise ScaffoldError(page_ok(page))
    glossary = project.config.docs_dir / "glossary.yml"
    entry = scaffold.render(scaffold.template_text("term"), scaffold.values_for(
        project, "term", title=title, term_id=term_id, term_reading=reading, term_page=page))
    _confirm(asker, glossary, project)
    scaffold.append_term(glossary, entry)
    return scaffold.Created(_rel(project, glossary), term_id)


BUILDERS = {"article": _article, "case": _case, "module": _module, "term": _term}


def _rel(project, path: Path) -> str:
    return path.relative_to(project.root).as_posix()


def _confirm(asker: Asker, path: Path, project) -> None:
    if not asker.confirm(f"{_rel(project, path)} を作りますか? / Create it?"):
        raise ScaffoldError("作るのをやめました。 / Cancelled.")


def find_root(start: Path) -> Path:
    for folder in (start, *start.parents):
        if (folder / "mkdocs.yml").exists():
            return folder
    raise ScaffoldError("mkdocs.yml が見つかりません。リポジトリのフォルダの中で実行してください。 / "
                        "mkdocs.yml not found: run this inside the repository folder.")


def run(args: argparse.Namespace) -> int:
    from ..project import load_project
    try:
        project = load_project(find_root(Path.cwd()))
        asker = Asker(interactive=not args.yes)
        if asker.interactive:
            print(f"新しい{KIND_LABELS[args.kind]}を作ります(Enter で [ ] の値になります)。 / "
                  f"Creating a new {args.kind} (Enter keeps the value in [ ]).", file=sys.stderr)
        created = BUILDERS[args.kind](project, args, asker)
    except ScaffoldError as exc:
        print(f"エラー / error: {exc}", file=sys.stderr)
        return 2
    except FileExistsError as exc:
        print(f"エラー / error: {exc.filename} はもうあります。 / already exists.", file=sys.stderr)
        return 2
    for note in created.notes:
        print(note, file=sys.stderr)
    where = "docs/glossary.yml の最後" if args.kind == "term" else created.path
    print(f"{where} を開き、「{MARKER}」の所を書き換えて印を消し、`bansou check` で確かめてください。 / "
          f"Open {created.path}, replace every {MARKER} spot, then run `bansou check`.", file=sys.stderr)
    print(created.path)
    return 0
