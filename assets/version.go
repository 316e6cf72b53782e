package assets

// Version is the app version: what `swanilai version` prints, what the
// About dialog shows and what every bundle records as its app version.
// FyneApp.toml carries the same number; a release build may set it with
// -ldflags "-X github.com/swanilai/swanilai/assets.Version=…".
var Version = "0.1.0"
