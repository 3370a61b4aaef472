package dev.lookout.detect;

import java.nio.charset.StandardCharsets;

/**
 * Reads an image's width and height from its header, without decoding it, so that a file declaring an absurd
 * size (a decompression bomb: a 2.6 MB PNG can declare 30000×30000 pixels) is refused before any pixel memory is
 * taken. Knows PNG, JPEG, BMP, WebP, TIFF, PNM (PBM/PGM/PPM) and JPEG 2000; other bytes give {@code null}.
 */
final class ImageHeader {

    /** An image's declared size in pixels. */
    record Size(long width, long height) {
        long pixels() {
            return width * height;
        }
    }

    private ImageHeader() {
    }

    /** The size declared by the header in {@code b}, or {@code null} when the format or header is not known. */
    static Size read(byte[] b) {
        try {
            if (b.length >= 24 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
                return new Size(u32be(b, 16), u32be(b, 20)); // IHDR is always the first chunk
            }
            if (b.length >= 4 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8) {
                return jpeg(b);
            }
            if (b.length >= 26 && b[0] == 'B' && b[1] == 'M') {
                return new Size(Math.abs((int) u32le(b, 18)), Math.abs((int) u32le(b, 22)));
            }
            if (b.length >= 30 && ascii(b, 0, 4).equals("RIFF") && ascii(b, 8, 4).equals("WEBP")) {
                return webp(b);
            }
            if (b.length >= 8 && ((b[0] == 'I' && b[1] == 'I') || (b[0] == 'M' && b[1] == 'M'))) {
                return tiff(b, b[0] == 'I');
            }
            if (b.length >= 3 && b[0] == 'P' && b[1] >= '1' && b[1] <= '6') {
                return pnm(b);
            }
            if (b.length >= 12 && u32be(b, 4) == 0x6A502020L) { // JP2 signature box
                return jp2(b);
            }
        } catch (IndexOutOfBoundsException truncatedHeader) {
            return null;
        }
        return null;
    }

    private static Size jpeg(byte[] b) {
        int i = 2;
        while (i + 9 < b.length) {
            if ((b[i] & 0xFF) != 0xFF) {
                return null;
            }
            int marker = b[i + 1] & 0xFF;
            if (marker == 0xFF) {
                i++;
                continue;
            }
            boolean startOfFrame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8
                    && marker != 0xCC;
            if (startOfFrame) {
                return new Size(u16be(b, i + 7), u16be(b, i + 5));
            }
            if (marker == 0xD9 || marker == 0xDA) {
                return null;
            }
            i += 2 + (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7) ? 0 : u16be(b, i + 2));
        }
        return null;
    }

    private static Size webp(byte[] b) {
        String chunk = ascii(b, 12, 4);
        switch (chunk) {
            case "VP8X":
                return new Size(1 + u24le(b, 24), 1 + u24le(b, 27));
            case "VP8L": {
                long bits = u32le(b, 21);
                return new Size(1 + (bits & 0x3FFF), 1 + ((bits >> 14) & 0x3FFF));
            }
            case "VP8 ":
                return new Size(u16le(b, 26) & 0x3FFF, u16le(b, 28) & 0x3FFF);
            default:
                return null;
        }
    }

    private static Size tiff(byte[] b, boolean little) {
        long ifd = little ? u32le(b, 4) : u32be(b, 4);
        if (ifd <= 0 || ifd + 2 > b.length) {
            return null;
        }
        int at = (int) ifd;
        int entries = little ? u16le(b, at) : u16be(b, at);
        long width = -1;
        long height = -1;
        for (int e = 0; e < entries; e++) {
            int entry = at + 2 + 12 * e;
            int tag = little ? u16le(b, entry) : u16be(b, entry);
            int type = little ? u16le(b, entry + 2) : u16be(b, entry + 2);
            long value = type == 3 ? (little ? u16le(b, entry + 8) : u16be(b, entry + 8))
                    : (little ? u32le(b, entry + 8) : u32be(b, entry + 8));
            if (tag == 256) {
                width = value;
            } else if (tag == 257) {
                height = value;
            }
        }
        return width >= 0 && height >= 0 ? new Size(width, height) : null;
    }

    private static Size pnm(byte[] b) {
        long[] numbers = new long[2];
        int found = 0;
        int i = 2;
        while (found < 2 && i < b.length && i < 4096) {
            char c = (char) (b[i] & 0xFF);
            if (c == '#') {
                while (i < b.length && b[i] != '\n') {
                    i++;
                }
            } else if (Character.isDigit(c)) {
                long n = 0;
                while (i < b.length && Character.isDigit((char) b[i]) && n < 1L << 40) {
                    n = n * 10 + (b[i] - '0');
                    i++;
                }
                numbers[found++] = n;
                continue;
            }
            i++;
        }
        return found == 2 ? new Size(numbers[0], numbers[1]) : null;
    }

    private static Size jp2(byte[] b) {
        for (int i = 0; i + 16 <= b.length && i < 4096; i++) {
            if (b[i] == 'i' && b[i + 1] == 'h' && b[i + 2] == 'd' && b[i + 3] == 'r') {
                return new Size(u32be(b, i + 8), u32be(b, i + 4));
            }
        }
        return null;
    }

    private static String ascii(byte[] b, int at, int length) {
        return new String(b, at, length, StandardCharsets.ISO_8859_1);
    }

    private static int u16be(byte[] b, int at) {
        return ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF);
    }

    private static int u16le(byte[] b, int at) {
        return (b[at] & 0xFF) | ((b[at + 1] & 0xFF) << 8);
    }

    private static long u24le(byte[] b, int at) {
        return (b[at] & 0xFF) | ((b[at + 1] & 0xFF) << 8) | ((long) (b[at + 2] & 0xFF) << 16);
    }

    private static long u32be(byte[] b, int at) {
        return ((long) u16be(b, at) << 16) | u16be(b, at + 2);
    }

    private static long u32le(byte[] b, int at) {
        return u16le(b, at) | ((long) u16le(b, at + 2) << 16);
    }
}
