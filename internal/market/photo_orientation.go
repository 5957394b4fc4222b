package market

import (
	"bytes"
	"encoding/binary"
	"image"
)

// A phone stores a photo the way its sensor read it and writes in the
// EXIF orientation tag (0x0112) how to turn it for viewing. Re-encoding
// drops the EXIF block with the location in it, so the turn is applied to
// the pixels first. Only this one tag of a JPEG's first EXIF block is
// read; the format's other 400-odd tags are of no use here, which is why
// this small reader stands in for an EXIF library.

const (
	orientationTag = 0x0112
	tiffShort      = 3
)

// exifOrientation returns the orientation (1–8) a JPEG's EXIF block asks
// for, or 1 (as stored) when there is no JPEG, no EXIF block, no tag or a
// value out of range. Every offset is checked against the data: the input
// comes from outside.
func exifOrientation(data []byte) int {
	if len(data) < 4 || data[0] != 0xFF || data[1] != 0xD8 {
		return 1
	}
	for i := 2; i+4 <= len(data); {
		if data[i] != 0xFF {
			return 1
		}
		marker := data[i+1]
		switch {
		case marker == 0xFF: // fill byte
			i++
			continue
		case marker == 0x01 || (marker >= 0xD0 && marker <= 0xD8): // markers without a length
			i += 2
			continue
		case marker == 0xDA || marker == 0xD9: // image data: no EXIF after it
			return 1
		}
		size := int(binary.BigEndian.Uint16(data[i+2:]))
		end := i + 2 + size
		if size < 2 || end > len(data) {
			return 1
		}
		if seg := data[i+4 : end]; marker == 0xE1 && bytes.HasPrefix(seg, []byte("Exif\x00\x00")) {
			return tiffOrientation(seg[6:])
		}
		i = end
	}
	return 1
}

// tiffOrientation reads the orientation tag of the first IFD of a TIFF
// structure (an EXIF block after its "Exif" header).
func tiffOrientation(tiff []byte) int {
	if len(tiff) < 8 {
		return 1
	}
	var order binary.ByteOrder
	switch string(tiff[:2]) {
	case "II":
		order = binary.LittleEndian
	case "MM":
		order = binary.BigEndian
	default:
		return 1
	}
	if order.Uint16(tiff[2:]) != 42 {
		return 1
	}
	ifd := int64(order.Uint32(tiff[4:]))
	if ifd < 8 || ifd+2 > int64(len(tiff)) {
		return 1
	}
	entries := int64(order.Uint16(tiff[ifd:]))
	for k := range entries {
		at := ifd + 2 + 12*k
		if at+12 > int64(len(tiff)) {
			return 1
		}
		e := tiff[at : at+12]
		if order.Uint16(e) != orientationTag {
			continue
		}
		if order.Uint16(e[2:]) != tiffShort || order.Uint32(e[4:]) != 1 {
			return 1
		}
		if v := int(order.Uint16(e[8:])); v >= 1 && v <= 8 {
			return v
		}
		return 1
	}
	return 1
}

// oriented returns src turned and mirrored as EXIF orientation o asks, so
// that it shows upright without the tag: 2 mirror, 3 half turn, 4 flip,
// 5 transpose, 6 quarter turn clockwise, 7 transverse, 8 quarter turn
// anticlockwise. 1 (or anything else) returns src itself.
func oriented(src *image.RGBA, o int) *image.RGBA {
	if o < 2 || o > 8 {
		return src
	}
	w, h := src.Bounds().Dx(), src.Bounds().Dy()
	dw, dh := w, h
	if o >= 5 {
		dw, dh = h, w
	}
	dst := image.NewRGBA(image.Rect(0, 0, dw, dh))
	for y := range h {
		row := src.Pix[y*src.Stride : y*src.Stride+4*w]
		for x := range w {
			var dx, dy int
			switch o {
			case 2:
				dx, dy = w-1-x, y
			case 3:
				dx, dy = w-1-x, h-1-y
			case 4:
				dx, dy = x, h-1-y
			case 5:
				dx, dy = y, x
			case 6:
				dx, dy = h-1-y, x
			case 7:
				dx, dy = h-1-y, w-1-x
			case 8:
				dx, dy = y, w-1-x
			}
			copy(dst.Pix[dy*dst.Stride+4*dx:], row[4*x:4*x+4])
		}
	}
	return dst
}
