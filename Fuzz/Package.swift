// swift-tools-version:6.0
// libFuzzer targets for pledgekit, in a package of their own so that the main build is unchanged
// (every target here is compiled with `--sanitize fuzzer --sanitize address`). `pledgekit` is a
// link to the repository root, which gives the dependency a fixed name wherever the clone lives.
// Run them with scripts/fuzz.sh.
import PackageDescription

let package = Package(
    name: "pledgekit-fuzz",
    dependencies: [.package(path: "pledgekit")],
    targets: [
        .target(name: "FuzzSupport", dependencies: [.product(name: "PledgeKit", package: "pledgekit")]),
        .executableTarget(name: "fuzz-xlsx", dependencies: ["FuzzSupport"]),
        .executableTarget(name: "fuzz-csv", dependencies: ["FuzzSupport"]),
        .executableTarget(name: "fuzz-xlsx-parts", dependencies: ["FuzzSupport"]),
        .executableTarget(name: "fuzz-csv-write", dependencies: ["FuzzSupport"]),
        .executableTarget(name: "fuzz-check", dependencies: ["FuzzSupport"]),
        .executableTarget(name: "fuzz-csv-mixed", dependencies: ["FuzzSupport"]),
    ]
)
