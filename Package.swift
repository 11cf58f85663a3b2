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
        // `pledgekit serve` (PledgeKitServer): HTTP, HTML templates, SQLite state, upload bodies,
        // the office password's bcrypt hash and the sha256 of link tokens and uploaded files.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/vapor/multipart-kit", from: "4.7.1"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        // Imported directly by PledgeKitServer (Hummingbird re-exports only part of them).
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
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
        // The round on a web page (issue 26): every call into the pipelines is in RoundEngine.swift.
        .target(name: "PledgeKitServer", dependencies: [
            "PledgeKit", "PledgeCore", "TableIO",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
            .product(name: "Mustache", package: "swift-mustache"),
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "MultipartKit", package: "multipart-kit"),
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        .executableTarget(name: "PledgeKitCLI", dependencies: [
            "PledgeKit", "PledgeKitServer", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // Benchmarks/run.sh: reads a workbook with XLSXReader and prints its row count (or dumps it).
        .executableTarget(name: "xlsx-read-bench", dependencies: ["XLSXReader", "TableIO"], path: "Benchmarks/xlsx-read-bench"),
        .testTarget(name: "PledgeCoreTests", dependencies: ["PledgeCore", .product(name: "BigInt", package: "BigInt")]),
        .testTarget(name: "TableIOTests", dependencies: ["TableIO"]),
        .testTarget(name: "XLSXReaderTests", dependencies: ["XLSXReader", "TableIO"], exclude: ["Fixtures"]),
        .testTarget(name: "XLSXWriterTests", dependencies: [
            "XLSXWriter", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        .testTarget(name: "PledgeKitTests", dependencies: ["PledgeKit", "PledgeCore", "TableIO", "XLSXReader"]),
        .testTarget(name: "PledgeKitServerTests", dependencies: [
            "PledgeKitServer", "PledgeKit", "PledgeCore",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "HummingbirdTesting", package: "hummingbird"),
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
        ]),
        .testTarget(name: "EndToEndTests", dependencies: [
            "PledgeKit", "TableIO", "XLSXReader", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ], exclude: ["Golden"]),
    ]
)
