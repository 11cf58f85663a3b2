#!/usr/bin/env python3
"""Loads several cities' pledgekit outputs into one DuckDB table per file, with the column types
their datapackage.json declares (so an ID such as `1` stays text), and joins
activities -> measures -> summary on the declared foreign keys. Prints the counts as JSON; an
orphan is a row whose key (all of its fields given) finds no row in the referenced file.

    scripts/opendata/join-cities.py OUT/tomakomai OUT/ageo

DuckDB reads UTF-8 with or without BOM; it cannot read the CP932 (`--csv-encoding cp932`) files.
"""
import json
import os
import sys

import duckdb

TYPES = {"string": "VARCHAR", "integer": "BIGINT", "number": "DECIMAL(18,4)"}
TABLES = ["summary", "measures", "activities", "departments"]


def main(folders):
    db = duckdb.connect()
    packages = []
    for folder in folders:
        with open(os.path.join(folder, "datapackage.json"), encoding="utf-8") as f:
            packages.append((folder, json.load(f)))
    keys = {}  # resource -> list of foreign keys, as declared by any of the packages
    columns = {}  # resource -> {column: type} over all the packages
    for _, package in packages:
        for resource in package["resources"]:
            for fk in resource["schema"].get("foreignKeys", []):
                keys.setdefault(resource["name"], [])
                if fk not in keys[resource["name"]]:
                    keys[resource["name"]].append(fk)
            for field in resource["schema"]["fields"]:
                columns.setdefault(resource["name"], {})[field["name"]] = TYPES[field["type"]]
    for table in TABLES:
        selects = []
        for folder, package in packages:
            resource = next(r for r in package["resources"] if r["name"] == table)
            types = {field["name"]: TYPES[field["type"]] for field in resource["schema"]["fields"]}
            path = os.path.join(folder, resource["path"]).replace("'", "''")
            selects.append(f"SELECT * FROM read_csv('{path}', header = true, auto_detect = false, "
                           f"columns = {json.dumps(types, ensure_ascii=False)}, quote = '\"', escape = '\"')")
        db.execute(f"CREATE TABLE {table} AS " + " UNION ALL BY NAME ".join(selects))

    def match(local, fk, alias):
        return " AND ".join(f"{local}.{a} = {alias}.{b}" for a, b in zip(fk["fields"], fk["reference"]["fields"]))

    orphans = {}
    for table, fks in keys.items():
        for fk in fks:
            given = " AND ".join(f"t.{field} IS NOT NULL" for field in fk["fields"])
            ref = fk["reference"]["resource"]
            count = db.execute(f"SELECT count(*) FROM {table} t WHERE {given} AND NOT EXISTS "
                               f"(SELECT 1 FROM {ref} r WHERE {match('t', fk, 'r')})").fetchone()[0]
            orphans[f"{table}({','.join(fk['fields'])})->{ref}"] = count

    activity_to_measure = next(fk for fk in keys["activities"] if fk["reference"]["resource"] == "measures")
    measure_to_policy = next(fk for fk in keys["measures"] if "policy_id" in fk["fields"])
    joined = db.execute(f"SELECT count(*) FROM activities a JOIN measures m ON {match('a', activity_to_measure, 'm')} "
                        f"JOIN summary s ON {match('m', measure_to_policy, 's')}").fetchone()[0]
    duplicates = db.execute("SELECT count(*) - count(DISTINCT (municipality_code, fiscal_year, id)) FROM measures").fetchone()[0]
    result = {
        "cities": [row[0] for row in db.execute("SELECT DISTINCT municipality_code FROM activities ORDER BY 1").fetchall()],
        "activities": db.execute("SELECT count(*) FROM activities").fetchone()[0],
        "activities_by_city": dict(db.execute("SELECT municipality_code, count(*) FROM activities GROUP BY 1 ORDER BY 1").fetchall()),
        "joined": joined,
        "orphans": orphans,
        "duplicate_measure_keys": duplicates,
        "id_type": db.execute("SELECT data_type FROM information_schema.columns WHERE table_name = 'measures' "
                              "AND column_name = 'id'").fetchone()[0],
    }
    json.dump(result, sys.stdout, ensure_ascii=False, indent=1)
    print()


if __name__ == "__main__":
    main(sys.argv[1:])
