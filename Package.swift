// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "pledgekit",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "pledgekit", targets: ["PledgeKitCLI"]),
        .library(name: "PledgeKit", targets: ["PledgeKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/attaswift/BigInt", from: "6.0.1"),
    ],
    targets: [
        // BigInt: exact means whose denominators (the lcm of every activity count) outgrow Int.
        .target(name: "PledgeCore", dependencies: [.product(name: "BigInt", package: "BigInt")]),
        .target(name: "TableIO"),
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "CXLSXWriter", pkgConfig: "xlsxwriter", providers: [.apt(["libxlsxwriter-dev"])]),
        .target(name: "XLSXReader", dependencies: [
            "TableIO", "CLibXML2", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        .target(name: "XLSXWriter", dependencies: ["CXLSXWriter"]),
        .target(name: "PledgeKit", dependencies: [
            "PledgeCore", "TableIO", "XLSXReader", "XLSXWriter", .product(name: "Yams", package: "Yams"),
        ]),
        .executableTarget(name: "PledgeKitCLI", dependencies: [
            "PledgeKit", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // Benchmarks/run.sh: reads a workbook with XLSXReader and prints its row count (or dumps it).
        .executableTarget(name: "xlsx-read-bench", dependencies: ["XLSXReader", "TableIO"], path: "Benchmarks/xlsx-read-bench"),
        // What more than one test target needs (SplitMix64, the hostile workbooks' refusals).
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "PledgeCoreTests", dependencies: ["PledgeCore", "TestSupport", .product(name: "BigInt", package: "BigInt")]),
        .testTarget(name: "TableIOTests", dependencies: ["TableIO", "TestSupport"]),
        .testTarget(name: "XLSXReaderTests", dependencies: ["XLSXReader", "TableIO", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "XLSXWriterTests", dependencies: [
            "XLSXWriter", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        .testTarget(name: "PledgeKitTests", dependencies: ["PledgeKit", "PledgeCore", "TableIO", "XLSXReader"]),
        .testTarget(name: "EndToEndTests", dependencies: [
            "PledgeKit", "TableIO", "XLSXReader", "TestSupport", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ], exclude: ["Golden"]),
    ]
)
