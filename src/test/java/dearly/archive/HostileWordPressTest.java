package dearly.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dearly.Dearly;
import dearly.TestServer;
import dearly.storage.TestDatabase;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** A WordPress export written by an attacker, or broken in transit, never reaches a reader as code and never ends in a stack trace. */
class HostileWordPressTest {

    /** A WXR 1.1 file around these items, its site in Spanish. */
    static String export(String items) {
        return WordPressSitesTest.wxr("1.1", "Querida mamá", "https://querida.example.org", "es-ES", "lucia", "Lucía M.", items);
    }

    static String post(int id, String title, String slug, String link, String content) {
        return """
                <item>
                <title><![CDATA[%s]]></title>
                <link>%s</link>
                <dc:creator><![CDATA[lucia]]></dc:creator>
                <guid isPermaLink="false">https://querida.example.org/?p=%d</guid>
                <content:encoded><![CDATA[%s]]></content:encoded>
                <excerpt:encoded><![CDATA[]]></excerpt:encoded>
                <wp:post_id>%d</wp:post_id>
                <wp:post_date>2024-05-01 10:00:00</wp:post_date>
                <wp:post_date_gmt>2024-05-01 08:00:00</wp:post_date_gmt>
                <wp:post_name>%s</wp:post_name>
                <wp:status>publish</wp:status>
                <wp:post_type>post</wp:post_type>
                <wp:post_password></wp:post_password>
                <wp:is_sticky>0</wp:is_sticky>
                <category domain="category" nicename="lactancia"><![CDATA[Lactancia]]></category>
                <category domain="category" nicename="uncategorized"><![CDATA[Uncategorized]]></category>
                <wp:comment><wp:comment_content><![CDATA[<script>steal()</script>]]></wp:comment_content></wp:comment>
                </item>
                """.formatted(title, link, id, content, id, slug);
    }

    static ImportReport importText(TestServer server, String xml) throws Exception {
        return new ArchiveImport(server.server().database(), server.clock())
                .wordpress(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), report -> { });
    }

    @Test
    void scriptsFramesHandlersAndJavascriptLinksNeverReachTheLetter() throws Exception {
        String hostile = """
                <!-- wp:paragraph --><p onclick="steal()">Dormir &amp; <strong>respirar</strong>.</p><!-- /wp:paragraph -->
                <script>steal()</script><iframe src="https://evil.example/"></iframe>
                <p><a href="javascript:steal()">pincha</a> o <a href="JaVaScRiPt:steal()" onmouseover="steal()">aquí</a>
                <img src=x onerror="steal()"> <a href="https://ayuda.example.org/">ayuda</a></p>
                [caption id="attachment_1" width="300"]<img src="bebe.jpg" onerror="steal()"> Mi bebé dormido[/caption]

                Una línea
                y otra línea, <svg onload="steal()"><text>x</text></svg>sin párrafo.

                <style>body{display:none}</style><object data="x.swf"></object><form action="/x"><input name="y"></form>
                """;
        try (TestServer server = TestServer.start(TestDatabase.Kind.SQLITE, false)) {
            ImportReport report = importText(server, export(
                    post(1, "<script>steal()</script>¡Hola! 👶 שלום مرحبا", "%d9%85%d8%b1%d8%ad%d8%a8%d8%a7",
                            "https://querida.example.org/2024/05/%d9%85%d8%b1%d8%ad%d8%a8%d8%a7/", hostile)));
            assertThat(report.problems()).isEmpty();
            assertThat(report.created()).isEqualTo(1);

            HttpResponse<String> moved = server.get("/2024/05/%d9%85%d8%b1%d8%ad%d8%a8%d8%a7/");
            assertThat(moved.statusCode()).isEqualTo(301);
            String path = moved.headers().firstValue("Location").orElseThrow();
            assertThat(path).as("a Unicode slug made readable in ASCII").isEqualTo("/letters/mrhba");
            HttpResponse<String> raw = server.get(path);
            assertThat(raw.body()).doesNotContain("steal()").doesNotContainIgnoringCase("javascript:")
                    .doesNotContain("onerror").doesNotContain("onclick").doesNotContain("evil.example");

            Document page = server.page(path);
            assertThat(page.selectFirst("h1").text()).isEqualTo("¡Hola! 👶 שלום مرحبا");
            assertThat(page.selectFirst("article.letter").attr("lang")).isEqualTo("es");
            Element body = page.selectFirst(".letter-body");
            assertThat(body.select("script, iframe, img, svg, style, object, form, input")).isEmpty();
            assertThat(body.select("p").eachText()).containsExactly(
                    "Dormir & respirar.", "pincha o aquí ayuda", "Mi bebé dormido", "Una línea y otra línea, sin párrafo.");
            assertThat(body.select("a").eachAttr("href")).containsExactly("https://ayuda.example.org/");
            assertThat(body.select("p").last().select("br")).as("a line break WordPress would keep").hasSize(1);
            assertThat(page.select(".letter footer .topics a").eachText()).containsExactly("Lactancia");
            assertThat(page.selectFirst("p.signature a").text()).isEqualTo("Lucía M.");
        }
    }

    @Test
    void aSiteOnPlainPermalinksKeepsItsOldLinksToo() throws Exception {
        try (TestServer server = TestServer.start(TestDatabase.Kind.SQLITE, false)) {
            importText(server, export(post(77, "Extraño a mi pareja", "extrano-a-mi-pareja",
                    "https://querida.example.org/?p=77", "<p>Querida:</p>")));
            HttpResponse<String> moved = server.get("/?p=77");
            assertThat(moved.statusCode()).isEqualTo(301);
            assertThat(moved.headers().firstValue("Location")).contains("/letters/extrano-a-mi-pareja");
            assertThat(server.get("/?p=78").statusCode()).as("an unknown post: the home page").isEqualTo(200);
        }
    }

    @Test
    void aHugePostComesInWhole() throws Exception {
        String paragraph = "<p>" + "Duerme cuando el bebé duerme. ".repeat(40) + "</p>\n";
        String huge = paragraph.repeat(2_000); // about 2.5 MB
        try (TestServer server = TestServer.start(TestDatabase.Kind.SQLITE, false)) {
            ImportReport report = importText(server, export(post(2, "Muy larga", "muy-larga",
                    "https://querida.example.org/muy-larga/", huge)));
            assertThat(report.problems()).isEmpty();
            assertThat(server.page("/letters/muy-larga").select(".letter-body p")).hasSize(2_000);
        }
    }

    @Test
    void aMalformedFileSaysWhereAndImportsWhatCameBefore() throws Exception {
        String broken = export(post(3, "Antes del error", "antes", "https://querida.example.org/antes/", "<p>Bien.</p>")
                + "<item><title>Roto</title><link>https://querida.example.org/roto/</link></itm>");
        try (TestServer server = TestServer.start(TestDatabase.Kind.SQLITE, false)) {
            assertThatThrownBy(() -> importText(server, broken))
                    .isInstanceOf(WordPressExport.Unreadable.class)
                    .hasMessageStartingWith("the file is not well-formed XML at line ");
            assertThat(server.get("/letters/antes").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void entitiesAndDocumentTypesAreRefusedNotExpanded() throws Exception {
        String laughs = """
                <?xml version="1.0"?>
                <!DOCTYPE rss [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
                <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
                <rss><channel><title>&lol3;</title></channel></rss>
                """;
        Path secret = Files.createTempFile("dearly-secret-", ".txt");
        Files.writeString(secret, "TOP-SECRET-PASSWORD");
        String external = """
                <?xml version="1.0"?>
                <!DOCTYPE rss [<!ENTITY secret SYSTEM "%s">]>
                """.formatted(secret.toUri()) + export(post(4, "&secret;", "xxe", "https://querida.example.org/xxe/", "x"))
                .replaceFirst("<\\?xml[^>]*>\\s*", "");
        try (TestServer server = TestServer.start(TestDatabase.Kind.SQLITE, false)) {
            for (String attack : new String[] {laughs, external}) {
                assertThatThrownBy(() -> importText(server, attack))
                        .isInstanceOf(WordPressExport.Unreadable.class)
                        .hasMessageContaining("document type")
                        .hasMessageNotContaining("TOP-SECRET");
            }
            assertThat(server.get("/letters/xxe").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void theCommandSaysWhatIsWrongWithABrokenFileWithoutAStackTrace() throws Exception {
        Path data = Files.createTempDirectory("dearly-wxr-");
        Path file = data.resolve("export.xml");
        Files.writeString(file, "<rss><channel><item><title>Sin cerrar</title></channel></rss>");
        StringWriter out = new StringWriter(), err = new StringWriter();
        CommandLine command = Dearly.commandLine(Map.of("DEARLY_DATA_DIR", data.toString()));
        command.setOut(new PrintWriter(out));
        command.setErr(new PrintWriter(err));

        assertThat(command.execute("import", "--format", "wordpress", file.toString())).isEqualTo(1);
        assertThat(err.toString()).startsWith("Cannot import " + file + ": the file is not well-formed XML at line 1, column ")
                .doesNotContain("Exception").doesNotContain("\tat ");

        Files.writeString(file, "this is not XML at all");
        StringWriter err2 = new StringWriter();
        CommandLine again = Dearly.commandLine(Map.of("DEARLY_DATA_DIR", data.toString()));
        again.setErr(new PrintWriter(err2));
        assertThat(again.execute("import", "--format", "wordpress", file.toString())).isEqualTo(1);
        assertThat(err2.toString()).contains("not well-formed XML").doesNotContain("\tat ");
    }
}
