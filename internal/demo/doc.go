// Package demo fills the demo workspaces of `swanilai demo`: Diskominfo of
// Kota Pekalongan as an OPD in 2025, with answers, penjelasan and real PDF
// evidence, and the Pemda's coordinator with twelve OPDs whose submissions
// are made by real OPD workspaces and go through the real round trip. It
// is data and the code that plays it, nothing the app needs to run.
package demo
