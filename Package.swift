// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "celigo",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "celigo", targets: ["celigo"])
  ],
  targets: [
    .systemLibrary(
      name: "CLibCurl",
      pkgConfig: "libcurl",
      providers: [.apt(["libcurl4-openssl-dev"]), .brew(["curl"])]
    ),
    .target(name: "CCurlShim", dependencies: ["CLibCurl"]),
    .target(name: "CeligoKit", dependencies: ["CCurlShim", "CLibCurl"]),
    .target(name: "CeligoEmulator", dependencies: ["CeligoKit"]),
    .systemLibrary(
      name: "CLibEdit",
      pkgConfig: "libedit",
      providers: [.apt(["libedit-dev"]), .brew(["libedit"])]
    ),
    .target(name: "CEditLineShim", dependencies: ["CLibEdit"]),
    .target(
      name: "CeligoShell",
      dependencies: ["CeligoKit", "CeligoEmulator", "CEditLineShim", "CLibEdit"]
    ),
    .executableTarget(
      name: "celigo",
      dependencies: ["CeligoKit", "CeligoEmulator", "CeligoShell"]
    ),
    .testTarget(name: "CeligoKitTests", dependencies: ["CeligoKit"]),
    .testTarget(name: "CeligoEmulatorTests", dependencies: ["CeligoEmulator", "CeligoKit"]),
    .testTarget(name: "CeligoShellTests", dependencies: ["CeligoShell", "CeligoKit"]),
    .testTarget(
      name: "EndToEndTests",
      dependencies: ["CeligoEmulator", "CeligoKit"]
    ),
  ],
  swiftLanguageModes: [.v6]
)
