"""JSON schemas of every kind of source. Vocabulary fields are checked against the
casebook vocabularies separately (so the hint can list the allowed values)."""
from __future__ import annotations

STR = {"type": "string", "minLength": 1}
STR_LIST = {"type": "array", "items": STR}
DATE = {"type": "string", "format": "date"}
LANG_TEXT = {"type": "object", "additionalProperties": STR, "required": ["ja"]}  # {ja: ..., en: ...}
LANG_LIST = {"type": "object", "additionalProperties": STR_LIST, "required": ["ja"]}
URL = {"type": "string", "pattern": r"^https?://\S+$"}

RELATED = {
    "type": "object",
    "properties": {"pages": STR_LIST, "cases": STR_LIST, "modules": STR_LIST},
    "additionalProperties": False,
}
TRANSLATION = {
    "type": "object",
    "properties": {
        "machine_assisted": {"type": "boolean"},
        "reviewed": {"type": "boolean"},
        "reviewed_by": {"type": ["string", "null"]},
        "source_hash": {"type": "string"},
    },
    "additionalProperties": False,
}
LAW_CHANGE = {
    "type": "object",
    "required": ["date", "summary"],
    "properties": {"date": DATE, "summary": {"anyOf": [STR, LANG_TEXT]}, "url": URL},
    "additionalProperties": False,
}
CHANGE = {
    "type": "object",
    "required": ["date", "summary"],
    "properties": {"date": DATE, "summary": {"anyOf": [STR, LANG_TEXT]}},
    "additionalProperties": False,
}

ARTICLE = {
    "type": "object",
    "required": ["title", "summary", "keywords", "sources", "valid_as_of", "reviewed", "owners"],
    "properties": {
        "title": STR,
        "summary": STR,
        "keywords": {**STR_LIST, "minItems": 1},
        "sources": {
            "type": "array", "minItems": 1,
            "items": {"type": "object", "required": ["title", "url"],
                      "properties": {"title": STR, "url": URL}, "additionalProperties": False},
        },
        "valid_as_of": DATE,
        "reviewed": DATE,
        "review_interval_days": {"type": "integer", "minimum": 1},
        "owners": {**STR_LIST, "minItems": 1},
        "related": RELATED,
        "checklist": {"type": "boolean"},
        "audience": {"enum": ["person", "accompanier"]},  # person: meant to be shown to the person accompanied
        "law_changes": {"type": "array", "items": LAW_CHANGE},
        "changes": {"type": "array", "items": CHANGE},
        "translation": TRANSLATION,
        "search": {"type": "object"},
        "hide": STR_LIST,
    },
}

# Pages that are not factual handbook articles (home, about, contributing): only a title.
INFO_PAGE = {
    "type": "object",
    "required": ["title"],
    "properties": {"title": STR, "type": {"const": "info"}, "summary": STR, "keywords": STR_LIST,
                   "audience": {"enum": ["person", "accompanier"]},
                   "translation": TRANSLATION, "search": {"type": "object"}, "hide": STR_LIST},
}

CASE = {
    "type": "object",
    "required": ["id", "title", "composite", "year", "region", "age_band", "residence_status",
                 "issue_areas", "systems", "outcome", "barriers", "related", "consent", "review"],
    "properties": {
        "id": {"type": "string", "pattern": r"^case-\d{3,}$"},
        "title": STR,
        "summary": STR,
        "composite": {"const": True},
        "year": {"type": "integer", "minimum": 1980, "maximum": 2100},
        "season": STR, "region": STR, "prefecture": STR, "municipality": STR,
        "municipality_type": STR, "age_band": STR, "gender": STR, "nationality_group": STR,
        "language": STR,
        "interpreter": {"type": "object", "properties": {"needed": {"type": "boolean"},
                                                         "provided_by_office": {"type": "boolean"}},
                        "additionalProperties": False},
        "residence_status": STR, "stay_situation": STR,
        "resident_registration": {"type": "boolean"},
        "household": STR,
        "issue_areas": {**STR_LIST, "minItems": 1},
        "systems": STR_LIST,
        "offices": STR_LIST,
        "outcome": STR,
        "days_to_decision": {"type": "integer", "minimum": 0},
        "application_accepted": {"type": "boolean"},
        "barriers": STR_LIST,
        "accompaniment_effect": STR,
        "systemic": {"type": "object", "required": ["flag"],
                     "properties": {"flag": {"type": "boolean"}, "demand": STR},
                     "additionalProperties": False},
        "related": RELATED,
        "consent": STR,
        "review": {"type": "object", "required": ["anonymised_by", "reviewed_by", "date"],
                   "properties": {"anonymised_by": STR, "reviewed_by": STR, "date": DATE},
                   "additionalProperties": False},
        "translation": TRANSLATION,
        "search": {"type": "object"},
    },
}

MODULE = {
    "type": "object",
    "required": ["id", "title", "objectives", "keypoints", "teaching_minutes", "exercise_minutes"],
    "properties": {
        "id": {"type": "string", "pattern": r"^[a-z0-9][a-z0-9-]*$"},
        "title": STR,
        "objectives": {**STR_LIST, "minItems": 1},
        "questions": STR_LIST,
        "keypoints": {**STR_LIST, "minItems": 1},
        "teaching_minutes": {"type": "integer", "minimum": 0},
        "exercise_minutes": {"type": "integer", "minimum": 0},
        "materials": STR_LIST,
        "related": RELATED,
        "translation": TRANSLATION,
        "search": {"type": "object"},
    },
}

COURSE = {
    "type": "object",
    "required": ["id", "title", "modules", "total_minutes", "start_time"],
    "properties": {
        "id": {"type": "string", "pattern": r"^[a-z0-9][a-z0-9-]*$"},
        "title": LANG_TEXT,
        "audience": LANG_TEXT,
        "goals": LANG_LIST,
        "prerequisites": LANG_LIST,
        "start_time": {"type": "string", "pattern": r"^([01]?\d|2[0-3]):[0-5]\d$"},
        "total_minutes": {"type": "integer", "minimum": 1},
        "modules": {**STR_LIST, "minItems": 1},
        "breaks": {"type": "array", "items": {
            "type": "object", "required": ["after", "minutes"],
            "properties": {"after": STR, "minutes": {"type": "integer", "minimum": 1}, "label": LANG_TEXT},
            "additionalProperties": False}},
        "day_breaks_after": STR_LIST,
    },
    "additionalProperties": False,
}

GLOSSARY_TERM = {
    "type": "object",
    "required": ["id", "term", "reading", "definition", "en", "page"],
    "properties": {
        "id": {"type": "string", "pattern": r"^[a-z0-9][a-z0-9-]*$"},
        "term": STR,
        "reading": {"type": "string", "pattern": r"^[\u3041-\u309f\u30fc・ ]+$"},
        "aliases": STR_LIST,
        "definition": STR,
        "page": STR,
        # other languages: {ej: {term, definition}, zh: ..., id: ...} ("id" is Indonesian here)
        "translations": {"type": "object", "additionalProperties": {
            "type": "object", "required": ["term", "definition"],
            "properties": {"term": STR, "definition": STR}, "additionalProperties": False}},
    },
    # every other key is a language code: {term, definition}
    "additionalProperties": {"type": "object", "required": ["term", "definition"],
                             "properties": {"term": STR, "definition": STR}, "additionalProperties": False},
}

VOCAB = {
    "type": "object",
    "required": ["facet", "label", "values"],
    "properties": {
        "facet": STR,
        "label": LANG_TEXT,
        "values": {"type": "array", "minItems": 1, "items": {
            "type": "object", "required": ["id", "label"],
            "properties": {"id": {"type": ["string", "integer"]}, "label": LANG_TEXT,
                           "description": LANG_TEXT, "page": STR, "region": STR},
            "additionalProperties": False}},
    },
    "additionalProperties": False,
}
