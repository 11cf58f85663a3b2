#!/usr/bin/env python3
"""Maps a pledgekit datapackage.json to a CKAN dataset with frictionless-ckan-mapper, as a portal
would on import, and prints the CKAN fields a portal operator would otherwise type by hand.

    scripts/opendata/ckan-mapping.py OUT/datapackage.json
"""
import json
import sys

from frictionless_ckan_mapper import frictionless_to_ckan


def main(path):
    with open(path, encoding="utf-8") as f:
        package = json.load(f)
    dataset = frictionless_to_ckan.package(package)
    extras = {item["key"]: item["value"] for item in dataset.get("extras", [])}
    summary = {
        "name": dataset.get("name"),
        "title": dataset.get("title"),
        "url": dataset.get("url"),
        "version": dataset.get("version"),
        "license_id": dataset.get("license_id"),
        "license_title": dataset.get("license_title"),
        "license_url": dataset.get("license_url"),
        "author": dataset.get("author"),
        "maintainer": dataset.get("maintainer"),
        "tags": [tag["name"] for tag in dataset.get("tags", [])],
        "extras": sorted(extras),
        "municipality": json.loads(extras["municipality"]) if "municipality" in extras else None,
        "resources": [
            {
                "name": resource.get("name"),
                "url": resource.get("url"),
                "mimetype": resource.get("mimetype"),
                "encoding": resource.get("encoding"),
                "fields": [field["name"] for field in resource.get("schema", {}).get("fields", [])],
                "primaryKey": resource.get("schema", {}).get("primaryKey"),
                "foreignKeys": resource.get("schema", {}).get("foreignKeys"),
            }
            for resource in dataset.get("resources", [])
        ],
    }
    json.dump(summary, sys.stdout, ensure_ascii=False, indent=1)
    print()


if __name__ == "__main__":
    main(sys.argv[1])
