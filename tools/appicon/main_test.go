package main

import (
	"bytes"
	"encoding/binary"
	"image/png"
	"os"
	"path/filepath"
	"strconv"
	"testing"
)

// TestICO writes the Windows icon and parses it back: header, one entry per
// size with the right size fields, data inside the file, and each entry a
// PNG that decodes at its declared size.
func TestICO(t *testing.T) {
	path := filepath.Join(t.TempDir(), "swanilai.ico")
	if err := run("", path, ""); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	le := binary.LittleEndian
	if len(data) < 6 {
		t.Fatalf("file is %d bytes", len(data))
	}
	if r, typ, n := le.Uint16(data[0:]), le.Uint16(data[2:]), le.Uint16(data[4:]); r != 0 || typ != 1 || int(n) != len(icoSizes) {
		t.Fatalf("header: reserved %d, type %d, count %d; want 0, 1, %d", r, typ, n, len(icoSizes))
	}
	end := 6 + 16*len(icoSizes) // where the image data may start
	for i, want := range icoSizes {
		e := data[6+16*i : 6+16*(i+1)]
		w, h := int(e[0]), int(e[1])
		if w == 0 {
			w = 256
		}
		if h == 0 {
			h = 256
		}
		if w != want || h != want {
			t.Errorf("entry %d: %d×%d, want %d×%d", i, w, h, want, want)
		}
		if e[2] != 0 || e[3] != 0 || le.Uint16(e[4:]) != 1 || le.Uint16(e[6:]) != 32 {
			t.Errorf("entry %d: colours %d, reserved %d, planes %d, bits %d; want 0, 0, 1, 32",
				i, e[2], e[3], le.Uint16(e[4:]), le.Uint16(e[6:]))
		}
		size, off := int(le.Uint32(e[8:])), int(le.Uint32(e[12:]))
		if size <= 0 || off < end || off+size > len(data) {
			t.Errorf("entry %d: %d bytes at offset %d, outside %d..%d", i, size, off, end, len(data))
			continue
		}
		img, err := png.Decode(bytes.NewReader(data[off : off+size]))
		if err != nil {
			t.Errorf("entry %d: %v", i, err)
			continue
		}
		if b := img.Bounds(); b.Dx() != want || b.Dy() != want {
			t.Errorf("entry %d: PNG is %v, want %d×%d", i, b, want, want)
		}
	}
}

// TestPNG checks the 512 px icon: its size, transparent corners (outside
// the rounded square) and an opaque centre.
func TestPNG(t *testing.T) {
	path := filepath.Join(t.TempDir(), "icon.png")
	if err := run(path, "", ""); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	if b := img.Bounds(); b.Dx() != pngSize || b.Dy() != pngSize {
		t.Fatalf("PNG is %v, want %d×%d", b, pngSize, pngSize)
	}
	last := pngSize - 1
	for _, p := range [][2]int{{0, 0}, {last, 0}, {0, last}, {last, last}, {8, 8}, {last - 8, last - 8}} {
		if _, _, _, a := img.At(p[0], p[1]).RGBA(); a != 0 {
			t.Errorf("corner pixel %v has alpha %d, want transparent", p, a)
		}
	}
	for _, p := range [][2]int{{pngSize / 2, pngSize / 2}, {pngSize / 2, 40}, {40, pngSize / 2}} {
		if _, _, _, a := img.At(p[0], p[1]).RGBA(); a != 0xFFFF {
			t.Errorf("pixel %v has alpha %d, want opaque", p, a)
		}
	}
}

// TestPNGSizes checks that -png-sizes writes one file per size, at its size.
func TestPNGSizes(t *testing.T) {
	dir := t.TempDir()
	if err := run("", "", dir); err != nil {
		t.Fatal(err)
	}
	for _, s := range icoSizes {
		data, err := os.ReadFile(filepath.Join(dir, "icon-"+strconv.Itoa(s)+".png"))
		if err != nil {
			t.Fatal(err)
		}
		cfg, err := png.DecodeConfig(bytes.NewReader(data))
		if err != nil {
			t.Fatalf("icon-%d.png: %v", s, err)
		}
		if cfg.Width != s || cfg.Height != s {
			t.Errorf("icon-%d.png is %d×%d", s, cfg.Width, cfg.Height)
		}
	}
}
