#!/usr/bin/env python3
"""The API's contract, checked from outside.

Starts `kyoso serve` on a fresh demonstration database, seeds it through the
API with the records every operation needs (a technical intern with a
placement, a completed participation, a grievance, a need with a proposed
match, an erasure request, records to delete), puts their ids into the
OpenAPI document as the examples of the path parameters, and runs
schemathesis against it with the tokens of two roles (an officer and an
administrator).

It fails on a server error, a response outside its schema, an undocumented
status or a wrong content type, and when fewer operations than required
reached a 2xx. Usage:

    scripts/contract.py --kyoso target/debug/kyoso --work target/contract \
        --schemathesis VENV/bin/schemathesis --seconds 90 --min-2xx 71 \
        [--postgres postgres://postgres@127.0.0.1:5432/postgres]

The officer's run is on SQLite; with --postgres, the administrator's run is
on a fresh PostgreSQL database made (and dropped) on that server.
"""

import argparse
import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

CHECKS = "not_a_server_error,status_code_conformance,response_schema_conformance,content_type_conformance"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Api:
    def __init__(self, base: str, token: str):
        self.base, self.token = base, token

    def call(self, method: str, path: str, body=None, expect=(200, 201, 204)):
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(self.base + path, data=data, method=method)
        request.add_header("Authorization", f"Bearer {self.token}")
        if data is not None:
            request.add_header("Content-Type", "application/json")
        try:
            with urllib.request.urlopen(request) as response:
                status, text = response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            status, text = error.code, error.read().decode()
        if status not in expect:
            sys.exit(f"contract: seeding {method} {path} answered {status}: {text}")
        return json.loads(text) if text else None

    def post(self, path, body):
        answer = self.call("POST", path, body)
        return answer.get("id") or answer.get("uid")


def kyoso(binary, url, *args, stdin=None):
    result = subprocess.run(
        [binary, "--database", url, "--quiet", *args],
        input=stdin, capture_output=True, text=True,
    )
    if result.returncode != 0:
        sys.exit(f"contract: kyoso {' '.join(args)} failed:\n{result.stderr}")
    return result.stdout.strip()


def seed(officer: Api, admin: Api) -> dict:
    """The records the operations name, by the role each path id plays."""
    ids = {}
    people = officer.call("GET", "/api/v1/people?limit=5")["items"]
    ids["person"] = people[0]["id"]
    ids["organization"] = officer.call("GET", "/api/v1/organizations?q=TPA")["items"][0]["id"]
    ids["tie"] = officer.call("GET", f"/api/v1/people/{ids['person']}/ties")["items"][0]["id"]
    ids["person_to_delete"] = officer.post("/api/v1/people", {"name_latin": "Contract Scratch", "visibility": "network"})
    ids["person_to_erase"] = officer.post("/api/v1/people", {"name_latin": "Contract Erasable", "visibility": "network"})
    asking = officer.post("/api/v1/people", {"name_latin": "Contract Asking", "visibility": "network"})
    ids["erasure_request"] = admin.post(f"/api/v1/people/{asking}/erasure-requests", None)
    ids["person_asking"] = officer.post("/api/v1/people", {"name_latin": "Contract Asking Again", "visibility": "network"})
    ids["organization_to_delete"] = officer.post("/api/v1/organizations", {"name_latin": "Contract Scratch Org", "org_type": "22"})
    ids["tie_to_delete"] = officer.post("/api/v1/ties", {
        "kind": "member_of", "from_type": "person", "from": ids["person_to_delete"],
        "to_type": "organization", "to": "TPA", "start": "2020"})
    ids["program"] = officer.post("/api/v1/programs", {
        "program_type": "internship", "name_latin": "Contract internship", "organizer": "TPA",
        "start": "2023", "visibility": "network"})
    ids["cohort"] = officer.post(f"/api/v1/programs/{ids['program']}/cohorts", {"name": "2023", "start": "2023-04-01"})
    ids["applied"] = officer.post("/api/v1/participations", {
        "person": ids["person"], "program": ids["program"], "role": "intern", "applied_on": "2023-01-10"})
    completed = officer.post("/api/v1/participations", {
        "person": people[1]["id"], "program": ids["program"], "cohort": ids["cohort"], "role": "intern",
        "applied_on": "2023-01-10"})
    for to, on in [("selected", "2023-02-01"), ("active", "2023-04-03"), ("completed", "2023-09-29"), ("returned", "2023-10-01")]:
        officer.call("POST", f"/api/v1/participations/{completed}/journey", {"action": "move", "to": to, "on": on})
    ids["completed"] = completed
    ids["outcome"] = officer.post(f"/api/v1/participations/{completed}/outcomes", {
        "kind": "employed", "on": "2024-01", "organization": "TNI"})
    titp = officer.post("/api/v1/programs", {
        "program_type": "technical_intern_training", "name_latin": "Contract TITP", "organizer": "TPA",
        "start": "2020-04", "visibility": "network"})
    ids["intern"] = officer.post("/api/v1/participations", {
        "person": people[2]["id"], "program": titp, "role": "technical_intern", "applied_on": "2019-10-01"})
    officer.call("POST", f"/api/v1/participations/{ids['intern']}/placements", {
        "phase": "i", "start": "2020-04-01", "end": "2021-03-31", "supervising": "TPA",
        "implementing": "TNI", "job_category": "machining"})
    ids["intern_unplaced"] = officer.post("/api/v1/participations", {
        "person": people[3]["id"], "program": titp, "role": "technical_intern", "applied_on": "2019-10-01"})
    ids["grievance"] = officer.post(f"/api/v1/participations/{ids['intern']}/grievances", {
        "category": "wages", "description": "Contract grievance"})
    ids["need"] = officer.post("/api/v1/needs", {
        "kind": "expertise", "title": "Contract need", "skills": ["kaizen", "quality control"], "country": "TH"})
    ranked = officer.call("GET", f"/api/v1/needs/{ids['need']}/matches?top=5")["candidates"]
    ids["candidate"] = ranked[1]["id"]
    ids["match"] = officer.post(f"/api/v1/needs/{ids['need']}/matches", {"candidate": ranked[0]["id"]})
    ids["offer"] = officer.post("/api/v1/offers", {
        "kind": "technology", "title": "Contract technology", "readiness": 7, "keywords": ["calibration"],
        "visibility": "network"})
    ids["offer_to_delete"] = officer.post("/api/v1/offers", {
        "kind": "technology", "title": "Contract scratch technology", "readiness": 7, "keywords": ["calibration"]})
    lesson = {"title": "Contract lesson", "language": "en", "practice": "Kaizen circles",
              "adaptation": "Held weekly, in Thai", "country": "TH"}
    ids["lesson"] = officer.post("/api/v1/lessons", lesson)
    ids["lesson_to_delete"] = officer.post("/api/v1/lessons", lesson)
    officer.call("PUT", f"/api/v1/lessons/{ids['lesson']}/translations/ja", {
        "status": "draft", "title": "契約の教訓", "practice": "改善サークル", "adaptation": "タイ語で毎週"})
    asker = officer.post("/api/v1/people", {"name_latin": "Contract Asker", "visibility": "network"})
    question = {"title": "Contract question", "language": "en", "asked_by": asker}
    ids["question"] = officer.post("/api/v1/questions", question)
    ids["question_to_delete"] = officer.post("/api/v1/questions", question)
    answered = officer.call("POST", f"/api/v1/questions/{ids['question']}/answers",
                            {"body": "Contract answer", "language": "en", "answered_by": asker})
    ids["answer"] = answered["answers"][0]["uid"]
    ids["asker"] = asker
    return ids


# Which seeded record each operation's `{id}` names.
ROLE_OF_ID = {
    "DELETE /api/v1/people/{id}": "person_to_delete",
    "POST /api/v1/people/{id}/erase": "person_to_erase",
    "POST /api/v1/people/{id}/erasure-requests": "person_asking",
    "POST /api/v1/erasure-requests/{id}": "erasure_request",
    "DELETE /api/v1/organizations/{id}": "organization_to_delete",
    "DELETE /api/v1/ties/{id}": "tie_to_delete",
    "POST /api/v1/participations/{id}/journey": "applied",
    "POST /api/v1/participations/{id}/placements": "intern_unplaced",
    "GET /api/v1/participations/{id}/placements": "intern",
    "GET /api/v1/participations/{id}/visits": "intern",
    "POST /api/v1/participations/{id}/visits": "intern",
    "GET /api/v1/participations/{id}/grievances": "intern",
    "POST /api/v1/participations/{id}/grievances": "intern",
    "DELETE /api/v1/outcomes/{id}": "outcome",
    "DELETE /api/v1/offers/{id}": "offer_to_delete",
    "DELETE /api/v1/lessons/{id}": "lesson_to_delete",
    "DELETE /api/v1/questions/{id}": "question_to_delete",
}
ROLE_OF_PREFIX = [
    ("/api/v1/people/", "person"), ("/api/v1/organizations/", "organization"), ("/api/v1/ties/", "tie"),
    ("/api/v1/programs/", "program"), ("/api/v1/cohorts/", "cohort"), ("/api/v1/participations/", "completed"),
    ("/api/v1/grievances/", "grievance"), ("/api/v1/needs/", "need"), ("/api/v1/matches/", "match"),
    ("/api/v1/offers/", "offer"), ("/api/v1/outcomes/", "outcome"),
    ("/api/v1/lessons/", "lesson"), ("/api/v1/questions/", "question"),
]


def with_examples(document: dict, ids: dict) -> dict:
    """The document with real ids as the examples of path ids and of the
    references the examples of a few bodies make."""
    for path, item in document["paths"].items():
        for method, operation in item.items():
            label = f"{method.upper()} {path}"
            role = ROLE_OF_ID.get(label) or next((r for p, r in ROLE_OF_PREFIX if path.startswith(p)), None)
            for parameter in operation.get("parameters", []):
                if parameter["in"] == "path" and parameter["name"] == "id" and role:
                    parameter["example"] = ids[role]
                if "/translations/" in path and parameter["name"] == "language":
                    parameter["example"] = "ja"
                if path == "/api/v1/network/path" and parameter["name"] in ("from", "to"):
                    parameter["example"] = ids["person"] if parameter["name"] == "from" else ids["organization"]
            body = operation.get("requestBody", {}).get("content", {}).get("application/json")
            if body is None:
                continue
            if label == "POST /api/v1/participations":
                body["example"] = {"person": ids["person"], "program": ids["program"], "role": "intern", "applied_on": "2024-01-15"}
            if label == "POST /api/v1/needs/{id}/matches":
                body["example"] = {"candidate": ids["candidate"]}
            if label == "POST /api/v1/questions":
                body["example"] = {"title": "Who calibrates torque wrenches?", "language": "en", "asked_by": ids["asker"]}
            if label == "POST /api/v1/questions/{id}/answers":
                body["example"] = {"body": "The alumni society does.", "language": "en", "answered_by": ids["asker"]}
            if label == "POST /api/v1/questions/{id}/accepted":
                body["example"] = {"answer": ids["answer"]}
    return document


def two_xx_by_operation(report: Path) -> dict:
    """Operation label → the statuses it answered, from an NDJSON report."""
    seen = {}
    for line in report.read_text().splitlines():
        event = json.loads(line)
        finished = event.get("ScenarioFinished")
        if not finished:
            continue
        label = finished["recorder"]["label"]
        for interaction in finished["recorder"].get("interactions", {}).values():
            response = interaction.get("response")
            if response:
                seen.setdefault(label, set()).add(response["status_code"])
    return seen


def run_role(args, work: Path, engine: str, role: str) -> dict:
    """One role's run on a fresh database of `engine`: operation → statuses,
    or None when schemathesis found a failure."""
    email = f"{role}@contract.example"
    if engine == "sqlite":
        for stale in work.glob(f"contract-{role}.db*"):
            stale.unlink()
        url = f"sqlite://{work / f'contract-{role}.db'}"
    else:
        name = f"kyoso_contract_{os.getpid()}"
        subprocess.run(["psql", args.postgres, "-qc", f"DROP DATABASE IF EXISTS {name}"], check=True)
        subprocess.run(["psql", args.postgres, "-qc", f"CREATE DATABASE {name}"], check=True)
        url = args.postgres.rsplit("/", 1)[0] + "/" + name
    kyoso(args.kyoso, url, "demo", "--people", "300", "--seed", "3")
    tokens = {}
    for who, kind, org in [("officer", "officer", "TPA"), ("admin", "admin", None)]:
        extra = ["--org", org] if org else []
        kyoso(args.kyoso, url, "user", "add", f"{who}@contract.example", "--role", kind, *extra,
              stdin="contract-password-1\n")
        tokens[who] = kyoso(args.kyoso, url, "token", "create", f"{who}@contract.example", "--name", "contract")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log = open(work / f"server-{role}.log", "w")
    server = subprocess.Popen([args.kyoso, "--database", url, "--quiet", "serve", "--addr", f"127.0.0.1:{port}"],
                              stdout=log, stderr=log)
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/healthz")
                break
            except OSError:
                time.sleep(0.1)
        ids = seed(Api(base, tokens["officer"]), Api(base, tokens["admin"]))
        with urllib.request.urlopen(base + "/api/v1/openapi.json") as response:
            document = json.loads(response.read())
        schema = work / f"openapi-{role}.json"
        schema.write_text(json.dumps(with_examples(document, ids), indent=1))
        report = work / f"report-{role}.ndjson"
        command = [
            args.schemathesis, "run", str(schema), "--url", base,
            "--header", f"Authorization: Bearer {tokens[role]}",
            "--checks", CHECKS, "--max-time", str(args.seconds), "--max-examples", "40",
            "--phases", "examples,coverage,fuzzing", "--seed", "1", "--no-color",
            "--report", "ndjson", "--report-ndjson-path", str(report),
            "--report-dir", str(work / f"schemathesis-{role}"),
        ]
        print(f"contract: schemathesis as {role} on {engine}, {args.seconds} s", flush=True)
        result = subprocess.run(command, capture_output=True, text=True, env={**os.environ, "NO_COLOR": "1"})
        (work / f"schemathesis-{role}.txt").write_text(result.stdout + result.stderr)
        seen = two_xx_by_operation(report)
        seen["__operations__"] = {f"{m.upper()} {p}" for p, item in document["paths"].items() for m in item}
        if result.returncode != 0:
            tail = "\n".join(result.stdout.splitlines()[-80:])
            print(f"contract: schemathesis as {role} on {engine} found failures:\n{tail}")
            seen["__failed__"] = True
        return seen
    finally:
        server.terminate()
        server.wait()
        if engine == "postgres":
            subprocess.run(["psql", args.postgres, "-qc", f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--kyoso", required=True)
    parser.add_argument("--schemathesis", required=True)
    parser.add_argument("--work", required=True)
    parser.add_argument("--seconds", type=int, default=90, help="schemathesis time per role")
    parser.add_argument("--min-2xx", type=int, required=True, help="operations that must reach a 2xx")
    parser.add_argument("--postgres", help="a PostgreSQL server's administrative database")
    args = parser.parse_args()

    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    runs = [("sqlite", "officer"), ("postgres" if args.postgres else "sqlite", "admin")]
    seen, operations, failed = {}, set(), False
    for engine, role in runs:
        answered = run_role(args, work, engine, role)
        failed |= answered.pop("__failed__", False)
        operations |= answered.pop("__operations__")
        for label, statuses in answered.items():
            seen.setdefault(label, set()).update(statuses)
    operations = sorted(operations)
    reached = [op for op in operations if any(200 <= s < 300 for s in seen.get(op, ()))]
    print(f"contract: {len(reached)} of {len(operations)} operations reached a 2xx")
    for op in operations:
        if op not in reached:
            print(f"  no 2xx: {op} (answered {sorted(seen.get(op, []))})")
    if len(reached) < args.min_2xx:
        print(f"contract: fewer than {args.min_2xx} operations reached a 2xx")
        failed = True
    if failed:
        sys.exit(1)


if __name__ == "__main__":
    main()
