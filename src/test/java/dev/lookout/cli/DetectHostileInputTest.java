package dev.lookout.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookout.detect.ModelFiles;
import dev.lookout.testsupport.TestData;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code detect} given hostile files: each gets a one-line error naming it, and the batch goes on. */
class DetectHostileInputTest {

    private static String model;

    @TempDir
    Path dir;

    @BeforeAll
    static void model() {
        model = TestData.require(TestData.modelDir().resolve(ModelFiles.MODEL_FILE), "the converted model")
                .getParent().toString();
    }

    /** A real PNG decompression bomb: 1-bit grey, 30000×30000 pixels of zeros, deflated to a few hundred KB. */
    static Path pngBomb(Path file, int side) throws IOException {
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        try (DeflaterOutputStream z = new DeflaterOutputStream(idat, new Deflater(9))) {
            byte[] row = new byte[1 + (side + 7) / 8]; // filter byte 0, then zero bits
            for (int y = 0; y < side; y++) {
                z.write(row);
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
        DataOutputStream h = new DataOutputStream(ihdr);
        h.writeInt(side);
        h.writeInt(side);
        h.write(new byte[] {1, 0, 0, 0, 0}); // bit depth 1, grey, deflate, no filter variants, no interlace
        chunk(png, "IHDR", ihdr.toByteArray());
        chunk(png, "IDAT", idat.toByteArray());
        chunk(png, "IEND", new byte[0]);
        Files.write(file, png.toByteArray());
        return file;
    }

    private static void chunk(OutputStream out, String type, byte[] data) throws IOException {
        DataOutputStream d = new DataOutputStream(out);
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        d.writeInt(data.length);
        d.write(name);
        d.write(data);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        d.writeInt((int) crc.getValue());
    }

    private Path picture(String name) throws IOException {
        BufferedImage image = new BufferedImage(320, 240, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.DARK_GRAY);
        g.fillRect(0, 0, 320, 240);
        g.setColor(Color.ORANGE);
        g.fillOval(100, 60, 120, 120);
        g.dispose();
        Path file = dir.resolve(name);
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    @Test
    void bombsHugeFilesAndDevicesAreNamedAndTheBatchGoesOn() throws Exception {
        Path bomb = pngBomb(dir.resolve("bomb.png"), 30000);
        assertTrue(Files.size(bomb) < 3_000_000, "a small file: " + Files.size(bomb));
        Path huge = dir.resolve("huge.jpg");
        try (RandomAccessFile sparse = new RandomAccessFile(huge.toFile(), "rw")) {
            sparse.setLength((2L << 30) + 1); // over 2 GB, sparse: no disk used
        }
        Path device = dir.resolve("zero.jpg");
        Files.createSymbolicLink(device, Path.of("/dev/zero"));
        Path good = picture("good.png");

        CliRun run = CliRun.of("detect", "--model", model, bomb.toString(), huge.toString(), device.toString(),
                good.toString());
        assertEquals(1, run.exitCode(), run.toString());
        assertEquals(1, run.jsonLines().size(), "the good image after three bad ones is still detected");
        assertEquals(good.toString(), run.jsonLines().get(0).get("source").asText());
        assertTrue(run.err().contains(bomb + ": the image declares 30000x30000 pixels (900 megapixels), over the "
                + "limit of 100 megapixels"), run.err());
        assertTrue(run.err().contains(huge + ": the file is 2.0 GB; image files over 512 MB are not read"), run.err());
        assertTrue(run.err().contains(device + ": not a regular file"), run.err());
        assertFalse(run.err().contains("Exception") || run.err().contains("\tat ")
                || run.err().contains("OutOfMemory"), run.err());
    }

    @Test
    void thePixelLimitCanBeRaisedForGenuineImages() throws Exception {
        Path big = pngBomb(dir.resolve("big.png"), 2000); // 4 megapixels
        CliRun refused = CliRun.of("detect", "--model", model, "--max-pixels", "1000000", big.toString());
        assertEquals(1, refused.exitCode(), refused.toString());
        assertTrue(refused.err().contains("over the limit of 1.0 megapixels; if it is genuine, raise the limit "
                + "with --max-pixels"), refused.err());
        CliRun allowed = CliRun.of("detect", "--model", model, "--max-pixels", "5000000", big.toString());
        assertEquals(0, allowed.exitCode(), allowed.toString());
        assertEquals(2000, allowed.jsonLines().get(0).get("width").asInt());
    }

    @Test
    void anImageOverWhatOpenCvDecodesIsNamedWithItsSizeAndTheBatchGoesOn() throws Exception {
        Path big = pngBomb(dir.resolve("big.png"), 30000); // 900 megapixels, allowed by --max-pixels below
        Path good = picture("after.png");
        CliRun run = CliRun.of("detect", "--model", model, "--max-pixels", "1000000000", big.toString(),
                good.toString());
        assertEquals(1, run.exitCode(), run.toString());
        assertEquals(1, run.jsonLines().size(), "the image after the big one is still detected: " + run);
        assertEquals(good.toString(), run.jsonLines().get(0).get("source").asText());
        assertTrue(run.err().contains(big + " is 30000x30000 pixels (900 megapixels), more than this build can "
                + "decode ("), run.err());
        assertTrue(run.err().contains("scale it down"), run.err());
        assertFalse(run.err().contains("Index 0") || run.err().contains("Exception") || run.err().contains("\tat "),
                run.err());
    }

    @Test
    void anOutputThatIsAnInputIsRefusedAndLeftIntact() throws Exception {
        Path image = picture("scene.png");
        byte[] before = Files.readAllBytes(image);
        Path link = dir.resolve("link.png");
        Files.createSymbolicLink(link, image);
        for (Path output : new Path[] {image, link}) {
            CliRun run = CliRun.of("detect", "--model", model, "--output", output.toString(), image.toString());
            assertEquals(2, run.exitCode(), run.toString());
            assertTrue(run.err().contains("--output " + output + " is the input " + image
                    + "; choose another file"), run.err());
            assertEquals(before.length, Files.readAllBytes(image).length, "the input is untouched");
        }
        Path folder = Files.createDirectories(dir.resolve("photos"));
        Path inFolder = Files.copy(image, folder.resolve("a.png"));
        CliRun run = CliRun.of("detect", "--model", model, "--output", inFolder.toString(), folder.toString());
        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("is the input " + inFolder), run.err());
    }

    @Test
    void anOutputIsNotTruncatedBeforeThereIsSomethingToWrite() throws Exception {
        Path results = dir.resolve("results.jsonl");
        Files.writeString(results, "{\"earlier\": true}\n");
        CliRun run = CliRun.of("detect", "--model", model, "--output", results.toString(),
                dir.resolve("missing.png").toString());
        assertEquals(1, run.exitCode(), run.toString());
        assertEquals("{\"earlier\": true}\n", Files.readString(results), "nothing to write: the old file stays");
    }

    @Test
    void aDeviceAsOutputIsRefusedBeforeAnyWork() throws Exception {
        Path a = picture("a.png");
        CliRun run = CliRun.of("detect", "--model", model, "--output", "/dev/full", a.toString());
        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("--output /dev/full is a device"), run.err());
        assertTrue(run.out().isEmpty(), run.out());
    }
}
