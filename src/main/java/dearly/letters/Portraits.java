package dearly.letters;

import com.twelvemonkeys.image.ResampleOp;
import com.twelvemonkeys.imageio.metadata.Directory;
import com.twelvemonkeys.imageio.metadata.Entry;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEG;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegment;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegmentUtil;
import com.twelvemonkeys.imageio.metadata.tiff.TIFF;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFReader;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

/**
 * Turns an uploaded photo into an advisor's portrait: a square JPEG of {@value #SIDE} pixels with
 * nothing in it but pixels. What the file is comes from its first bytes, never its name or the
 * browser's word; its size in pixels is read from its header before any pixel is decoded, so a
 * small file that would unpack into gigabytes (a decompression bomb) is refused unread. The JPEG
 * is written afresh from the pixels, so EXIF, GPS, XMP and comments stay behind; a phone's
 * "rotate me" tag is applied to the pixels first, so the photo still stands upright.
 */
public final class Portraits {
    /** Larger than the 2 MB a request may carry would be refused before the form is read: keep under it. */
    public static final int MAX_BYTES = 1_500_000;
    public static final int MAX_PIXELS = 40_000_000;
    public static final int MAX_SIDE = 12_000;
    /** Twice the 96 pixels the advisor page shows, for sharp screens. */
    public static final int SIDE = 320;

    /** Why a file is not taken. */
    public enum Refusal {
        EMPTY, TOO_BIG, NOT_AN_IMAGE, TOO_MANY_PIXELS;

        /** Its message key's last part: {@code too-big}. */
        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /** A portrait ready to store, or why there is none. */
    public record Result(byte[] jpeg, Refusal refusal) {
        public boolean ok() {
            return refusal == null;
        }
    }

    private static final byte[] JPEG_MAGIC = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private Portraits() {}

    /** Reads at most {@link #MAX_BYTES} + 1 bytes of an upload: enough to tell it is too big. */
    public static byte[] readCapped(InputStream upload) throws IOException {
        return upload.readNBytes(MAX_BYTES + 1);
    }

    public static Result of(byte[] file) {
        if (file.length == 0) return refused(Refusal.EMPTY);
        if (file.length > MAX_BYTES) return refused(Refusal.TOO_BIG);
        String format = startsWith(file, JPEG_MAGIC) ? "jpeg" : startsWith(file, PNG_MAGIC) ? "png" : null;
        if (format == null) return refused(Refusal.NOT_AN_IMAGE);
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(file))) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
            if (!readers.hasNext()) return refused(Refusal.NOT_AN_IMAGE);
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true);
                long width = reader.getWidth(0), height = reader.getHeight(0);
                if (width <= 0 || height <= 0) return refused(Refusal.NOT_AN_IMAGE);
                if (width > MAX_SIDE || height > MAX_SIDE || width * height > MAX_PIXELS) return refused(Refusal.TOO_MANY_PIXELS);
                ImageReadParam param = reader.getDefaultReadParam();
                // Decode no more than about four times the pixels we keep: a 40-megapixel photo is read at a fraction.
                int step = (int) Math.max(1, Math.min(width, height) / (SIDE * 2));
                param.setSourceSubsampling(step, step, 0, 0);
                BufferedImage decoded = reader.read(0, param);
                BufferedImage upright = format.equals("jpeg") ? upright(decoded, orientation(file)) : decoded;
                return new Result(jpeg(square(upright)), null);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException unreadable) {
            // A broken or hostile file: the readers throw all sorts (IIOException, IndexOutOfBounds, ...).
            return refused(Refusal.NOT_AN_IMAGE);
        }
    }

    private static Result refused(Refusal why) {
        return new Result(null, why);
    }

    private static boolean startsWith(byte[] file, byte[] magic) {
        return file.length >= magic.length && Arrays.equals(file, 0, magic.length, magic, 0, magic.length);
    }

    /** The centre square, scaled with a Lanczos filter, on white (a transparent PNG has no background in a JPEG). */
    private static BufferedImage square(BufferedImage image) {
        int side = Math.min(image.getWidth(), image.getHeight());
        BufferedImage centre = image.getSubimage((image.getWidth() - side) / 2, (image.getHeight() - side) / 2, side, side);
        BufferedImage rgb = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, side, side);
            g.drawImage(centre, 0, 0, null);
        } finally {
            g.dispose();
        }
        if (side == SIDE) return rgb;
        BufferedImage scaled = new ResampleOp(SIDE, SIDE, ResampleOp.FILTER_LANCZOS).filter(rgb, null);
        if (scaled.getType() == BufferedImage.TYPE_INT_RGB) return scaled;
        BufferedImage out = new BufferedImage(SIDE, SIDE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g2 = out.createGraphics();
        try {
            g2.drawImage(scaled, 0, 0, null);
        } finally {
            g2.dispose();
        }
        return out;
    }

    /** A new JPEG of these pixels and nothing else: no metadata is handed to the writer. */
    private static byte[] jpeg(BufferedImage image) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream output = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(output);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.85f);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** The EXIF orientation (1 to 8) a phone wrote, 1 when there is none or it cannot be read. */
    private static int orientation(byte[] file) {
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(file))) {
            List<JPEGSegment> exif = JPEGSegmentUtil.readSegments(input, JPEG.APP1, "Exif");
            if (exif.isEmpty()) return 1;
            InputStream data = exif.get(0).data();
            data.read(); // the pad byte after "Exif\0"
            try (ImageInputStream tiff = ImageIO.createImageInputStream(data)) {
                Directory directory = new TIFFReader().read(tiff);
                Entry entry = directory.getEntryById(TIFF.TAG_ORIENTATION);
                int value = entry == null ? 1 : ((Number) entry.getValue()).intValue();
                return value >= 1 && value <= 8 ? value : 1;
            }
        } catch (IOException | RuntimeException unreadable) {
            return 1;
        }
    }

    /** The image turned and mirrored as its EXIF orientation asks. */
    private static BufferedImage upright(BufferedImage image, int orientation) {
        if (orientation == 1) return image;
        int w = image.getWidth(), h = image.getHeight();
        boolean swap = orientation >= 5;
        AffineTransform turn = new AffineTransform();
        switch (orientation) {
            case 2 -> { turn.translate(w, 0); turn.scale(-1, 1); }
            case 3 -> { turn.translate(w, h); turn.rotate(Math.PI); }
            case 4 -> { turn.translate(0, h); turn.scale(1, -1); }
            case 5 -> { turn.rotate(-Math.PI / 2); turn.scale(-1, 1); }
            case 6 -> { turn.translate(h, 0); turn.rotate(Math.PI / 2); }
            case 7 -> { turn.scale(-1, 1); turn.translate(-h, 0); turn.translate(0, w); turn.rotate(3 * Math.PI / 2); }
            case 8 -> { turn.translate(0, w); turn.rotate(3 * Math.PI / 2); }
            default -> { return image; }
        }
        BufferedImage out = new BufferedImage(swap ? h : w, swap ? w : h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.drawImage(image, turn, null);
        } finally {
            g.dispose();
        }
        return out;
    }
}
