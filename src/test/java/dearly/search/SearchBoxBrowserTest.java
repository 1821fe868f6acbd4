package dearly.search;

import static org.assertj.core.api.Assertions.assertThat;

import dearly.Browser;
import dearly.RunningDearly;
import dearly.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** In Chromium, the search buttons read as one word, on a phone and on a wide screen, in both languages. */
class SearchBoxBrowserTest {
    @RegisterExtension
    static final RunningDearly DEARLY = RunningDearly.server().andBrowser();
    private static TestServer server; // started and stopped by DEARLY
    private static Browser browser;

    @Test
    void theSearchButtonsKeepTheirWordOnOneLine() {
        for (int width : new int[] {390, 1280}) {
            browser.screen(width, 800);
            for (String page : new String[] {"/search?q=colic", "/es/search?q=colico"}) {
                browser.open(server.url(page));
                // A word broken over two lines has two boxes.
                Object lines = browser.script("""
                        return Array.from(document.querySelectorAll('.site-search button, .search-line button')).map(button => {
                          const range = document.createRange();
                          range.selectNodeContents(button);
                          return button.textContent.trim() + ': ' + range.getClientRects().length;
                        });""");
                assertThat(lines).as(page + " at " + width + " pixels").asList().hasSize(2)
                        .allSatisfy(line -> assertThat((String) line).endsWith(": 1"));
            }
        }
    }
}
