package assets

import _ "embed" // the icon below

//go:generate go run ../tools/appicon -png icon.png

// The application icon, 512×512 PNG drawn by tools/appicon: a deep blue
// rounded square with four white bars rising to a gold check mark.
//
//go:embed icon.png
var icon []byte

// Icon returns the application icon as a 512×512 PNG. The bytes are
// shared: callers must not modify them.
func Icon() []byte { return icon }
