// Command appicon draws the Swanilai application icon and writes it in the
// forms the builds need. The icon is drawn procedurally, at each size it is
// written in, so that the small sizes are laid out on the pixel grid and
// stay crisp instead of being blurred down from a large picture.
//
// The design: a rounded square in deep blue, four white bars rising from left
// to right (the maturity levels of the SPBE assessment) and a gold badge at
// the top right, the level reached. At 48 px and up the badge is a gold disc
// with a blue check mark; below that it is a plain gold dot. Outside the
// rounded square the icon is transparent; it carries no text.
//
// Usage:
//
//	go run ./tools/appicon -png assets/icon.png      # 512×512 PNG, embedded by package assets
//	go run ./tools/appicon -ico swanilai.ico         # Windows icon, 16 to 256 px
//	go run ./tools/appicon -png-sizes DIR            # DIR/icon-16.png … DIR/icon-256.png (hicolor theme)
//
// Any combination of the flags may be given in one run.
package main

import (
	"bytes"
	"encoding/binary"
	"errors"
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"strconv"

	"golang.org/x/image/vector"
)

// pngSize is the size of the PNG that -png writes.
const pngSize = 512

// icoSizes are the sizes in the Windows icon and the sizes -png-sizes writes.
var icoSizes = []int{16, 24, 32, 48, 64, 128, 256}

// The colours of the icon.
var (
	blueTop    = color.NRGBA{0x15, 0x60, 0xA3, 0xFF} // top of the background gradient
	blueBottom = color.NRGBA{0x0B, 0x4F, 0x8A, 0xFF} // bottom of the gradient, the brand blue
	white      = color.NRGBA{0xFF, 0xFF, 0xFF, 0xFF}
	gold       = color.NRGBA{0xF2, 0xB7, 0x05, 0xFF}
	checkBlue  = color.NRGBA{0x0B, 0x4F, 0x8A, 0xFF} // the check mark on the gold disc
)

func main() {
	pngPath := flag.String("png", "", "write the `file` as a 512×512 PNG")
	icoPath := flag.String("ico", "", "write the `file` as a Windows .ico (16 to 256 px, PNG-compressed entries)")
	sizesDir := flag.String("png-sizes", "", "write icon-16.png … icon-256.png into `dir`")
	flag.Parse()
	if flag.NArg() > 0 || (*pngPath == "" && *icoPath == "" && *sizesDir == "") {
		fmt.Fprintln(os.Stderr, "usage: appicon [-png file] [-ico file] [-png-sizes dir]")
		flag.PrintDefaults()
		os.Exit(2)
	}
	if err := run(*pngPath, *icoPath, *sizesDir); err != nil {
		fmt.Fprintln(os.Stderr, "appicon:", err)
		os.Exit(1)
	}
}

// run writes the outputs whose paths are not empty.
func run(pngPath, icoPath, sizesDir string) error {
	if pngPath != "" {
		data, err := encodePNG(Draw(pngSize))
		if err != nil {
			return err
		}
		if err := os.WriteFile(pngPath, data, 0o644); err != nil {
			return err
		}
	}
	if icoPath != "" {
		data, err := ICO(icoSizes)
		if err != nil {
			return err
		}
		if err := os.WriteFile(icoPath, data, 0o644); err != nil {
			return err
		}
	}
	if sizesDir != "" {
		if err := os.MkdirAll(sizesDir, 0o755); err != nil {
			return err
		}
		for _, s := range icoSizes {
			data, err := encodePNG(Draw(s))
			if err != nil {
				return err
			}
			name := filepath.Join(sizesDir, "icon-"+strconv.Itoa(s)+".png")
			if err := os.WriteFile(name, data, 0o644); err != nil {
				return err
			}
		}
	}
	return nil
}

// encodePNG compresses img as a PNG at the best compression.
func encodePNG(img image.Image) ([]byte, error) {
	var buf bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestCompression}
	if err := enc.Encode(&buf, img); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// ICO returns a Windows icon file holding the icon drawn at each of sizes
// (1 to 256 px), every entry a PNG, which Windows Vista and later read.
//
// The layout is the ICONDIR header (reserved 0, type 1, count), one 16-byte
// ICONDIRENTRY per image (width and height as a byte, 0 meaning 256; colour
// count 0; reserved 0; planes 1; bit count 32; bytes in resource; offset from
// the start of the file), then the PNG data in the order of the entries.
func ICO(sizes []int) ([]byte, error) {
	if len(sizes) == 0 || len(sizes) > math.MaxUint16 {
		return nil, errors.New("ico: need 1 to 65535 sizes")
	}
	images := make([][]byte, len(sizes))
	for i, s := range sizes {
		if s < 1 || s > 256 {
			return nil, fmt.Errorf("ico: size %d outside 1..256", s)
		}
		data, err := encodePNG(Draw(s))
		if err != nil {
			return nil, err
		}
		images[i] = data
	}
	var buf bytes.Buffer
	le := binary.LittleEndian
	buf.Write(le.AppendUint16(nil, 0))                  // reserved
	buf.Write(le.AppendUint16(nil, 1))                  // type: icon
	buf.Write(le.AppendUint16(nil, uint16(len(sizes)))) // count
	offset := 6 + 16*len(sizes)
	for i, s := range sizes {
		dim := byte(s % 256)                                    // 256 is written as 0
		buf.Write([]byte{dim, dim, 0, 0})                       // width, height, colour count, reserved
		buf.Write(le.AppendUint16(nil, 1))                      // planes
		buf.Write(le.AppendUint16(nil, 32))                     // bits per pixel
		buf.Write(le.AppendUint32(nil, uint32(len(images[i])))) // bytes in resource
		buf.Write(le.AppendUint32(nil, uint32(offset)))         // offset
		offset += len(images[i])
	}
	for _, data := range images {
		buf.Write(data)
	}
	return buf.Bytes(), nil
}

// layout places the parts of the icon on a canvas of one size, in pixels.
type layout struct {
	inset  float64 // transparent border around the rounded square
	radius float64 // corner radius of the square

	barLeft   []float64 // left edge of each bar
	barWidth  float64
	barTop    []float64 // top edge of each bar
	barBottom float64
	barRound  float64 // radius of the bars' top corners

	dotX, dotY, dotR float64 // the gold badge: centre and radius
	check            bool    // whether a check mark is drawn on the badge
}

// gridLayouts are laid out by hand on the pixel grid, for the sizes where
// rounding the proportional layout would leave bars of unequal width or
// blurred edges.
var gridLayouts = map[int]layout{
	16: {
		inset: 0, radius: 3.5,
		barLeft: []float64{2, 5, 8, 11}, barWidth: 2,
		barTop: []float64{12, 10, 8, 6}, barBottom: 14,
		dotX: 12.5, dotY: 3.5, dotR: 1.7,
	},
	24: {
		inset: 1, radius: 4.5,
		barLeft: []float64{4, 8, 12, 16}, barWidth: 3,
		barTop: []float64{17, 14, 11, 8}, barBottom: 20,
		dotX: 18.5, dotY: 4.5, dotR: 2.5,
	},
	32: {
		inset: 1, radius: 6.5,
		barLeft: []float64{5, 10, 15, 20}, barWidth: 4,
		barTop: []float64{22, 18, 14, 10}, barBottom: 26,
		dotX: 23.5, dotY: 5.5, dotR: 3,
		barRound: 0.5,
	},
}

// layoutFor returns the layout at size s: a hand-made one for the small
// sizes, else the proportional design with the bar edges on whole pixels.
func layoutFor(s int) layout {
	if l, ok := gridLayouts[s]; ok {
		return l
	}
	f := float64(s)
	px := func(v float64) float64 { return math.Round(v * f) }
	l := layout{
		inset:     px(0.035),
		radius:    0.2 * f,
		barWidth:  px(0.125),
		barBottom: px(0.80),
		barRound:  0.02 * f,
		dotX:      0.735 * f,
		dotY:      0.255 * f,
		dotR:      0.12 * f,
		check:     s >= 48,
	}
	step := 0.155 // distance between the left edges of neighbouring bars
	tops := []float64{0.68, 0.595, 0.51, 0.425}
	for i, t := range tops {
		l.barLeft = append(l.barLeft, px(0.175+float64(i)*step))
		l.barTop = append(l.barTop, px(t))
	}
	return l
}

// Draw returns the icon drawn at s×s pixels.
func Draw(s int) *image.RGBA {
	l := layoutFor(s)
	img := image.NewRGBA(image.Rect(0, 0, s, s))
	r := vector.NewRasterizer(s, s)

	// The rounded square, with a gentle vertical gradient.
	lo, hi := l.inset, float64(s)-l.inset
	roundedRect(r, lo, lo, hi, hi, l.radius, l.radius)
	r.Draw(img, img.Bounds(), gradient{lo, hi, blueTop, blueBottom}, image.Point{})

	// The bars.
	r.Reset(s, s)
	for i, x := range l.barLeft {
		roundedRect(r, x, l.barTop[i], x+l.barWidth, l.barBottom, l.barRound, 0)
	}
	r.Draw(img, img.Bounds(), image.NewUniform(white), image.Point{})

	// The badge.
	r.Reset(s, s)
	circle(r, l.dotX, l.dotY, l.dotR)
	r.Draw(img, img.Bounds(), image.NewUniform(gold), image.Point{})
	if l.check {
		r.Reset(s, s)
		c, d := l.dotX, l.dotR
		stroke(r, 0.13*d, [][2]float64{
			{c - 0.48*d, l.dotY + 0.02*d},
			{c - 0.13*d, l.dotY + 0.36*d},
			{c + 0.48*d, l.dotY - 0.34*d},
		})
		r.Draw(img, img.Bounds(), image.NewUniform(checkBlue), image.Point{})
	}
	return img
}

// kappa places the control points of a cubic Bézier that approximates a
// quarter circle.
const kappa = 0.5522847498

// roundedRect adds the rectangle (x0,y0)–(x1,y1) to r, its top corners
// rounded with radius top and its bottom corners with radius bottom. The
// path runs clockwise on screen, like every shape of the icon, so that
// overlapping shapes add up instead of cancelling.
func roundedRect(r *vector.Rasterizer, x0, y0, x1, y1, top, bottom float64) {
	k := 1 - kappa
	r.MoveTo(f32(x0+top), f32(y0))
	r.LineTo(f32(x1-top), f32(y0))
	if top > 0 {
		r.CubeTo(f32(x1-k*top), f32(y0), f32(x1), f32(y0+k*top), f32(x1), f32(y0+top))
	}
	r.LineTo(f32(x1), f32(y1-bottom))
	if bottom > 0 {
		r.CubeTo(f32(x1), f32(y1-k*bottom), f32(x1-k*bottom), f32(y1), f32(x1-bottom), f32(y1))
	}
	r.LineTo(f32(x0+bottom), f32(y1))
	if bottom > 0 {
		r.CubeTo(f32(x0+k*bottom), f32(y1), f32(x0), f32(y1-k*bottom), f32(x0), f32(y1-bottom))
	}
	r.LineTo(f32(x0), f32(y0+top))
	if top > 0 {
		r.CubeTo(f32(x0), f32(y0+k*top), f32(x0+k*top), f32(y0), f32(x0+top), f32(y0))
	}
	r.ClosePath()
}

// circle adds the circle of centre (cx,cy) and radius rad to r, clockwise.
func circle(r *vector.Rasterizer, cx, cy, rad float64) {
	k := kappa * rad
	r.MoveTo(f32(cx), f32(cy-rad))
	r.CubeTo(f32(cx+k), f32(cy-rad), f32(cx+rad), f32(cy-k), f32(cx+rad), f32(cy))
	r.CubeTo(f32(cx+rad), f32(cy+k), f32(cx+k), f32(cy+rad), f32(cx), f32(cy+rad))
	r.CubeTo(f32(cx-k), f32(cy+rad), f32(cx-rad), f32(cy+k), f32(cx-rad), f32(cy))
	r.CubeTo(f32(cx-rad), f32(cy-k), f32(cx-k), f32(cy-rad), f32(cx), f32(cy-rad))
	r.ClosePath()
}

// stroke adds the polyline pts to r, drawn with round caps and joins and
// the given half width: a quadrilateral per segment and a disc per point.
func stroke(r *vector.Rasterizer, half float64, pts [][2]float64) {
	for i := 0; i+1 < len(pts); i++ {
		a, b := pts[i], pts[i+1]
		dx, dy := b[0]-a[0], b[1]-a[1]
		n := math.Hypot(dx, dy)
		nx, ny := -dy/n*half, dx/n*half
		quad := [4][2]float64{
			{a[0] + nx, a[1] + ny}, {b[0] + nx, b[1] + ny},
			{b[0] - nx, b[1] - ny}, {a[0] - nx, a[1] - ny},
		}
		// Keep the winding clockwise on screen (positive area with y down).
		area := 0.0
		for j := range quad {
			p, q := quad[j], quad[(j+1)%4]
			area += p[0]*q[1] - q[0]*p[1]
		}
		if area < 0 {
			quad[1], quad[3] = quad[3], quad[1]
		}
		r.MoveTo(f32(quad[0][0]), f32(quad[0][1]))
		for _, p := range quad[1:] {
			r.LineTo(f32(p[0]), f32(p[1]))
		}
		r.ClosePath()
	}
	for _, p := range pts {
		circle(r, p[0], p[1], half)
	}
}

func f32(v float64) float32 { return float32(v) }

// gradient is an image that blends from one colour at row y0 to another at
// row y1, constant along each row.
type gradient struct {
	y0, y1   float64
	from, to color.NRGBA
}

func (g gradient) ColorModel() color.Model { return color.NRGBAModel }
func (g gradient) Bounds() image.Rectangle {
	return image.Rect(-1e9, -1e9, 1e9, 1e9)
}

func (g gradient) At(_, y int) color.Color {
	t := (float64(y) + 0.5 - g.y0) / (g.y1 - g.y0)
	t = math.Max(0, math.Min(1, t))
	mix := func(a, b uint8) uint8 { return uint8(math.Round(float64(a) + t*(float64(b)-float64(a)))) }
	return color.NRGBA{mix(g.from.R, g.to.R), mix(g.from.G, g.to.G), mix(g.from.B, g.to.B), 0xFF}
}
