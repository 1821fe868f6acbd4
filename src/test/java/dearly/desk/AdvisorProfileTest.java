package dearly.desk;

import static org.assertj.core.api.Assertions.assertThat;

import dearly.SignedIn;
import dearly.TestServer;
import dearly.accounts.Role;
import dearly.accounts.User;
import dearly.accounts.UserRepository;
import dearly.letters.Publishing;
import dearly.storage.TestDatabase;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An advisor edits the public page her letters sign to at /desk/profile: her name, her bio and her
 * photo, which is judged by what the file holds, re-encoded, and served without where it was taken.
 */
class AdvisorProfileTest {
    private static final String GPS_MARK = "DEARLY-SECRET-PLACE";
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static List<TestDatabase.Kind> databases() {
        return TestDatabase.kinds();
    }

    @Test
    void aPhotoWithGpsInItsExifIsServedAsANewSquareJpegWithNoMetadata() throws IOException {
        byte[] upload = withExifGps(jpeg(1200, 800));
        assertThat(new String(upload, StandardCharsets.ISO_8859_1)).as("the test's photo carries GPS").contains(GPS_MARK, "Exif");
        advisor();

        HttpResponse<String> saved = save(Map.of("display_name", "Marta R.", "bio", "Mama of three."), "IMG_0042.JPG", upload);

        assertThat(saved.statusCode()).isEqualTo(303);
        Document page = server.page(publicPath());
        String src = page.selectFirst("img.portrait").attr("src");
        assertThat(src).matches("/advisors/photos/[0-9a-f]{64}\\.jpg");
        HttpResponse<byte[]> photo = fetch(src);
        assertThat(photo.statusCode()).isEqualTo(200);
        assertThat(photo.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(photo.headers().firstValue("Cache-Control").orElse("")).contains("immutable");
        assertThat(new String(photo.body(), StandardCharsets.ISO_8859_1)).doesNotContain(GPS_MARK).doesNotContain("Exif");
        assertThat(markers(photo.body())).as("no APP1..APP15 (EXIF, XMP) or comment segment").noneMatch(m -> m >= 0xE1 && m <= 0xEF || m == 0xFE);
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(photo.body()));
        assertThat(decoded.getWidth()).isEqualTo(320);
        assertThat(decoded.getHeight()).isEqualTo(320);
        assertThat(page.select("p.bio").text()).isEqualTo("Mama of three.");
    }

    @Test
    void aPhotoAPhoneStoredSidewaysStandsUprightWithItsTagGone() throws IOException {
        advisor();
        // Left half red, right half blue, tagged "turn 90° clockwise" (EXIF orientation 6), as phones store portraits.
        BufferedImage image = new BufferedImage(400, 200, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, 200, 200);
        g.setColor(Color.BLUE);
        g.fillRect(200, 0, 200, 200);
        g.dispose();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", bytes);

        assertThat(save(Map.of("display_name", "Ana P."), "sideways.jpg", withExifOrientation(bytes.toByteArray(), 6)).statusCode())
                .isEqualTo(303);

        BufferedImage portrait = ImageIO.read(new ByteArrayInputStream(
                fetch(server.page(publicPath()).selectFirst("img.portrait").attr("src")).body()));
        assertThat(new Color(portrait.getRGB(200, 40)).getRed()).as("turned: red on top").isGreaterThan(200);
        assertThat(new Color(portrait.getRGB(120, 280)).getBlue()).as("turned: blue below").isGreaterThan(200);
    }

    @Test
    void aPngWithTransparencyBecomesAJpegPortrait() throws IOException {
        advisor();
        BufferedImage png = new BufferedImage(300, 500, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = png.createGraphics();
        g.setColor(new Color(200, 40, 90, 128));
        g.fillOval(0, 0, 300, 500);
        g.dispose();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(png, "png", bytes);

        assertThat(save(Map.of("display_name", "Ana P."), "me.png", bytes.toByteArray()).statusCode()).isEqualTo(303);

        HttpResponse<byte[]> photo = fetch(server.page(publicPath()).selectFirst("img.portrait").attr("src"));
        assertThat(photo.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(ImageIO.read(new ByteArrayInputStream(photo.body())).getWidth()).isEqualTo(320);
    }

    @Test
    void filesThatAreNotAFittingPhotoAreRefusedBesideTheFieldAndWhatSheTypedIsKept() throws IOException {
        advisor();
        byte[] tooBig = new byte[1_600_000];
        System.arraycopy(jpeg(40, 40), 0, tooBig, 0, 3);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("This file is not a JPEG or PNG photo", "I am a shopping list, not a photo.\n".getBytes(StandardCharsets.UTF_8));
        files.put("This photo has too many pixels", hugePng(50_000, 50_000));
        files.put("This file is empty", new byte[0]);
        files.put("This photo is larger than 1.5 MB", tooBig);
        files.put("This file is not a JPEG or PNG photo.", truncated(jpeg(400, 400)));
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            HttpResponse<String> refused = save(Map.of("display_name", "Lucía <b>M.</b>", "bio", "Dos niñas 👧👧"), "photo.jpg", file.getValue());

            assertThat(refused.statusCode()).as(file.getKey()).isEqualTo(422);
            Document page = Jsoup.parse(refused.body());
            assertThat(page.select("#f-photo-error").text()).as(file.getKey()).startsWith(file.getKey());
            assertThat(page.select("main form input[name=display_name]").val()).isEqualTo("Lucía <b>M.</b>");
            assertThat(page.select("main form textarea[name=bio]").text()).isEqualTo("Dos niñas 👧👧");
        }
        assertThat(server.page("/desk/profile").select("img.portrait")).as("nothing was saved").isEmpty();
    }

    @Test
    void theProfilePageAndItsRefusalsSpeakSpanish() {
        advisor();
        Document page = server.page("/es/desk/profile");
        assertThat(page.select("main h1").text()).isEqualTo("Tu perfil público");
        String action = page.selectFirst("main form").attr("action");

        HttpResponse<String> refused = save(server, action, Map.of("display_name", "Lucía M."), "foto.png",
                "%PDF-1.7 no soy una foto".getBytes(StandardCharsets.UTF_8));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(refused.body()).select("#f-photo-error").text()).isEqualTo("Este archivo no es una foto JPEG o PNG. Por favor elige una foto.");
        HttpResponse<String> tooBig = save(server, action, Map.of("display_name", "Lucía M."), "foto.jpg", new byte[1_600_000]);
        assertThat(Jsoup.parse(tooBig.body()).select("#f-photo-error").text()).startsWith("Esta foto pesa más de 1,5 MB.");
        HttpResponse<String> saved = save(server, action, Map.of("display_name", "Lucía M."), null, null);
        assertThat(saved.headers().firstValue("Location")).hasValue("/es/desk/profile?saved");
    }

    @Test
    void hostileNamesAndBiosAreShownAsTextOrRefusedBesideTheField() {
        User advisor = advisor();
        record Case(String name, String bio, String problemField, String problem) {}
        List<Case> cases = List.of(
                new Case("<script>alert(1)</script>", "<img src=x onerror=alert(1)> &amp; 'quotes'", "", ""),
                new Case("ليلى ب.", "أم لتوأمين.\nتكتب للأمهات.", "", ""),
                new Case("Lina 👩‍👧 P.", "Robert'); DROP TABLE advisor;--", "", ""),
                new Case("Lina\u0007P.", "", "display_name", "invisible control character"),
                new Case("\u202Eevil", "", "display_name", "invisible control character"),
                new Case("Lina P.", "bell\u0000", "bio", "invisible control character"),
                new Case("", "", "display_name", "Please give the name you sign with"),
                new Case("L".repeat(5_000), "", "display_name", "60 characters"),
                new Case("Lina P.", "ñ".repeat(20_000), "bio", "1,000 characters"));
        List<String> wrong = new ArrayList<>();
        for (Case c : cases) {
            HttpResponse<String> answer = save(Map.of("display_name", c.name(), "bio", c.bio()), null, null);
            if (c.problem().isEmpty()) {
                Document page = server.page(publicPath());
                if (answer.statusCode() != 303 || !page.select("main h1").text().equals(c.name().strip())
                        || !page.select("p.bio").text().equals(c.bio().strip().replaceAll("\\s+", " "))
                        || !page.select("main script, main img[onerror]").isEmpty()) {
                    wrong.add(c.name() + " was not shown as typed: " + answer.statusCode());
                }
            } else {
                Document page = Jsoup.parse(answer.body());
                String typed = page.select("main form input[name=display_name]").val();
                if (answer.statusCode() != 422 || !page.select("#f-" + c.problemField().replace('_', '-') + "-error").text().contains(c.problem())
                        || !typed.equals(c.name().strip())) {
                    wrong.add(c.name() + " / " + c.bio().length() + " was not refused beside " + c.problemField() + ": " + answer.statusCode());
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(advisor.displayName()).isEqualTo("Ana A.");
    }

    @Test
    void herSignatureOnTheFirstLetterLeadsToThePageWithHerNewPhotoAndBio() throws IOException {
        long id = new UserRepository(server.server().database()).add("lina@example.org", "Lina P.", Role.ADVISOR,
                SignedIn.PASSWORD.toCharArray(), Instant.now());
        // As `dearly user add` does: the operator knows this Lina is the demo's Lina P.
        server.server().database().write(handle -> new Publishing().claimAdvisor(handle, id, "Lina P."));
        SignedIn.again(server, new User(id, "lina@example.org", "Lina P.", Role.ADVISOR));

        assertThat(save(Map.of("display_name", "Lina P.", "bio", "Twins, and the long nights."), "twins.jpg", jpeg(640, 640))
                .statusCode()).isEqualTo(303);

        String letter = server.page("/").selectFirst("ol.letters a").attr("href");
        String signature = server.page(letter).selectFirst("p.signature a").attr("href");
        assertThat(signature).isEqualTo("/advisors/lina-p");
        Document page = server.page(signature);
        assertThat(page.select("p.bio").text()).isEqualTo("Twins, and the long nights.");
        assertThat(fetch(page.selectFirst("img.portrait").attr("src")).statusCode()).isEqualTo(200);
    }

    @Test
    void anAccountThatOnlyTakesAnotherAdvisorsNameDoesNotGetHerPage() {
        User namesake = new User(new UserRepository(server.server().database()).add("namesake@example.org", "Lina P.",
                Role.ADVISOR, SignedIn.PASSWORD.toCharArray(), Instant.now()), "namesake@example.org", "Lina P.", Role.ADVISOR);
        SignedIn.again(server, namesake);

        assertThat(save(Map.of("display_name", "Lina P.", "bio", "Taken over."), null, null).statusCode()).isEqualTo(303);

        assertThat(publicPath()).isNotEqualTo("/advisors/lina-p");
        assertThat(server.page("/advisors/lina-p").select("p.bio").text()).isNotEmpty().doesNotContain("Taken over.");
    }

    @Test
    void anotherAdvisorEditsOnlyHerOwnProfile() {
        advisor();
        save(Map.of("display_name", "Marta R.", "bio", "First advisor."), null, null);
        String martaPage = publicPath();

        advisor();
        Document form = server.page("/desk/profile");
        assertThat(form.select("main form input[name=display_name]").val()).isEqualTo("Ana A.");
        assertThat(form.text()).doesNotContain("First advisor.");
        assertThat(save(Map.of("display_name", "Not Marta", "bio", "Taken over."), null, null).statusCode()).isEqualTo(303);

        Document marta = server.page(martaPage);
        assertThat(marta.select("main h1").text()).isEqualTo("Marta R.");
        assertThat(marta.select("p.bio").text()).isEqualTo("First advisor.");
        assertThat(publicPath()).isNotEqualTo(martaPage);

        SignedIn.as(server, Role.ADMIN);
        assertThat(server.page("/admin/audit?action=advisor-profile.changed").select("tr.audit-entry").stream()
                .map(row -> row.selectFirst(".who").text() + " | " + row.selectFirst(".detail").text()).toList())
                .as("each save that changed something, in the audit log").contains("Ana A. | name, bio");
    }

    @Test
    void withoutASessionTheProfileSendsHerToSignInAndAnEditorIsRefused() {
        server.forgetCookies();
        HttpResponse<String> noSession = server.get("/desk/profile");
        assertThat(noSession.statusCode()).isEqualTo(303);
        assertThat(noSession.headers().firstValue("Location")).hasValue("/login?next=%2Fdesk%2Fprofile");
        assertThat(server.postForm("/desk/profile", Map.of("display_name", "Mallory")).statusCode()).isIn(303, 403);

        SignedIn.as(server, Role.EDITOR);
        assertThat(server.get("/desk/profile").statusCode()).isEqualTo(403);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void thePhotoIsKeptInTheDatabaseSoEveryNodeServesIt(TestDatabase.Kind kind) throws IOException {
        try (TestServer node = TestServer.start(kind, false); TestServer other = node.anotherNode()) {
            SignedIn.as(node, Role.ADVISOR);
            assertThat(save(node, Map.of("display_name", "Marta R."), "m.jpg", jpeg(500, 700)).statusCode()).isEqualTo(303);
            String src = node.page("/desk/profile").selectFirst("img.portrait").attr("src");
            HttpResponse<byte[]> photo = fetch(other, src);
            assertThat(photo.statusCode()).isEqualTo(200);
            assertThat(ImageIO.read(new ByteArrayInputStream(photo.body())).getHeight()).isEqualTo(320);
            assertThat(fetch(other, "/advisors/photos/" + "0".repeat(64) + ".jpg").statusCode()).isEqualTo(404);
            assertThat(fetch(other, "/advisors/photos/..%2F..%2Fdearly.db").statusCode()).isIn(400, 404);
        }
    }

    // --- helpers ---

    private static User advisor() {
        return SignedIn.as(server, Role.ADVISOR);
    }

    /** The public page of the advisor signed in, as her profile page links to it. */
    private static String publicPath() {
        return server.page("/desk/profile").selectFirst("p.lead a").attr("href");
    }

    private static HttpResponse<String> save(Map<String, String> fields, String fileName, byte[] file) {
        return save(server, fields, fileName, file);
    }

    /** Sends the profile form as a browser does: multipart, with its CSRF token, and the photo when one is chosen. */
    private static HttpResponse<String> save(TestServer on, Map<String, String> fields, String fileName, byte[] file) {
        return save(on, "/desk/profile", fields, fileName, file);
    }

    private static HttpResponse<String> save(TestServer on, String action, Map<String, String> fields, String fileName, byte[] file) {
        String token = on.page("/desk/profile").selectFirst("main form input[name=_csrf]").val();
        String boundary = "----dearly" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", token);
        for (Map.Entry<String, String> field : all.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n"
                    + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        // No file chosen: browsers still send the part, with an empty file name and no bytes.
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"photo\"; filename=\""
                + (fileName == null ? "" : fileName) + "\"\r\nContent-Type: "
                + (fileName == null ? "application/octet-stream" : "image/jpeg") + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        if (file != null) body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return on.send(on.request(action).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    private static HttpResponse<byte[]> fetch(String path) {
        return fetch(server, path);
    }

    /** A public address fetched by a reader with no cookies, as bytes. */
    private static HttpResponse<byte[]> fetch(TestServer on, String path) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(on.url(path))).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static byte[] jpeg(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, Color.ORANGE, width, height, Color.BLUE));
        g.fillRect(0, 0, width, height);
        g.dispose();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpeg", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static byte[] truncated(byte[] jpeg) {
        return java.util.Arrays.copyOf(jpeg, 200);
    }

    /** The JPEG with an EXIF segment after its start marker, whose GPS directory names a place. */
    private static byte[] withExifGps(byte[] jpeg) {
        byte[] place = (GPS_MARK + "\0").getBytes(StandardCharsets.US_ASCII);
        ByteBuffer tiff = ByteBuffer.allocate(56 + place.length); // big-endian, as "MM" says
        tiff.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8);
        tiff.putShort((short) 1); // IFD0: one entry, the GPS directory's offset
        tiff.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(26);
        tiff.putInt(0);
        tiff.putShort((short) 2); // the GPS directory at 26: latitude ref, and a datum naming the place
        tiff.putShort((short) 0x0001).putShort((short) 2).putInt(2).put((byte) 'N').put((byte) 0).putShort((short) 0);
        tiff.putShort((short) 0x0012).putShort((short) 2).putInt(place.length).putInt(56);
        tiff.putInt(0);
        tiff.put(place);
        return withApp1(jpeg, tiff.array());
    }

    /** The JPEG with an EXIF (APP1) segment of this TIFF data right after its start marker. */
    private static byte[] withApp1(byte[] jpeg, byte[] tiff) {
        byte[] exif = ByteBuffer.allocate(6 + tiff.length).put("Exif\0\0".getBytes(StandardCharsets.US_ASCII)).put(tiff).array();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.write(0xFF);
        out.write(0xE1);
        out.write((exif.length + 2) >> 8);
        out.write((exif.length + 2) & 0xFF);
        out.writeBytes(exif);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /** The JPEG with an EXIF segment holding only an orientation tag. */
    private static byte[] withExifOrientation(byte[] jpeg, int orientation) {
        ByteBuffer tiff = ByteBuffer.allocate(26);
        tiff.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8);
        tiff.putShort((short) 1).putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        tiff.putInt(0);
        return withApp1(jpeg, tiff.array());
    }

    /** A small PNG whose header claims these dimensions: a decompression bomb's shape. */
    private static byte[] hugePng(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        chunk(out, "IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 0).put((byte) 0)
                .put((byte) 0).put((byte) 0).array());
        Deflater deflater = new Deflater();
        deflater.setInput(new byte[1000]);
        deflater.finish();
        byte[] compressed = new byte[1000];
        int length = deflater.deflate(compressed);
        chunk(out, "IDAT", java.util.Arrays.copyOf(compressed, length));
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    /** The JPEG's segment markers before its image data. */
    private static List<Integer> markers(byte[] jpeg) {
        List<Integer> markers = new ArrayList<>();
        int at = 2;
        while (at + 4 <= jpeg.length && (jpeg[at] & 0xFF) == 0xFF) {
            int marker = jpeg[at + 1] & 0xFF;
            markers.add(marker);
            if (marker == 0xDA) break;
            at += 2 + (((jpeg[at + 2] & 0xFF) << 8) | (jpeg[at + 3] & 0xFF));
        }
        return markers;
    }
}
