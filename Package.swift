// swift-tools-version: 6.1
import PackageDescription

// Layers point down only: mingle → MingleTUI → MinglePaper → MingleStore → MingleCore;
// MingleTUI and MinglePaper → MingleTerminal (the one width function); the one sanitizer is in MingleCore.
let package = Package(
    name: "mingle",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "mingle", targets: ["mingle"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
        .package(url: "https://github.com/pointfreeco/swift-snapshot-testing", from: "1.19.7"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        .target(name: "MingleCore"),
        .target(
            name: "MingleStore",
            dependencies: [
                "MingleCore",
                .product(name: "TOMLKit", package: "TOMLKit"),
                .product(name: "CSV", package: "CSV.swift"),
            ]
        ),
        .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw"),
        .target(name: "MingleTerminal", dependencies: ["MingleCore", "CNcursesw"]),
        .systemLibrary(name: "CQrencode", path: "Sources/CQrencode"),
        // Paper: name tags, the sign-in sheet and the report, as HTML (Mustache escapes every text).
        .target(
            name: "MinglePaper",
            dependencies: [
                "MingleCore", "MingleStore", "MingleTerminal", "CQrencode",
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        .target(name: "MingleTUI", dependencies: ["MingleCore", "MingleStore", "MingleTerminal", "MinglePaper"]),
        .executableTarget(
            name: "mingle",
            dependencies: [
                "MingleCore", "MingleStore", "MingleTerminal", "MingleTUI", "MinglePaper",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "MingleCoreTests",
            dependencies: [
                "MingleCore",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(
            name: "MingleStoreTests",
            dependencies: ["MingleCore", "MingleStore", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
        .testTarget(
            name: "MingleTUITests",
            dependencies: [
                "MingleCore", "MingleStore", "MingleTerminal", "MingleTUI",
                .product(name: "SnapshotTesting", package: "swift-snapshot-testing"),
            ],
            exclude: ["__Snapshots__"]
        ),
        .testTarget(name: "MingleCLITests", dependencies: ["MingleCore", "MingleStore", "mingle"]),
        .testTarget(name: "MinglePaperTests", dependencies: ["MingleCore", "MingleStore", "MinglePaper"]),
    ],
    swiftLanguageModes: [.v6]
)
