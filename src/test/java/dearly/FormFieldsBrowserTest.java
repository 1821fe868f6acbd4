package dearly;

import static org.assertj.core.api.Assertions.assertThat;

import dearly.accounts.Role;
import dearly.accounts.UserRepository;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WebElement;

/**
 * Every box one types into looks and sizes alike in Chromium, whatever its type: the sign-in
 * password and the admin's phone field were once tiny and unstyled beside the e-mail field.
 */
class FormFieldsBrowserTest {
    private static final String EMAIL = "fields-admin@example.org";
    private static final String PASSWORD = "a passphrase only the fields test knows";

    @RegisterExtension
    static final RunningDearly DEARLY = RunningDearly.server().andBrowser();
    private static TestServer server; // started and stopped by DEARLY
    private static Browser browser;

    @BeforeAll
    static void anAdmin() {
        new UserRepository(server.server().database()).add(EMAIL, "Alma A.", Role.ADMIN, PASSWORD.toCharArray(), Instant.now());
    }

    @Test
    void thePasswordAndPhoneFieldsLookLikeEveryOtherField() {
        browser.open(server.url("/login"));
        Map<String, Object> email = box("#f-email");
        assertThat(box("#f-password")).isEqualTo(email);
        assertThat((Long) email.get("height")).isGreaterThanOrEqualTo(44);
        assertThat((Long) email.get("fontSize")).isGreaterThanOrEqualTo(16);

        browser.find("#f-email").sendKeys(EMAIL);
        browser.find("#f-password").sendKeys(PASSWORD);
        WebElement button = browser.find("form.login button[type=submit]");
        button.click();
        browser.awaitGone(button);

        browser.open(server.url("/admin/crisis"));
        assertThat(box("input[type=tel]")).isEqualTo(box("input[type=url]")).isEqualTo(email);
    }

    /** How a field is drawn: height, font size, border, padding, and whether it spans its column. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> box(String css) {
        return (Map<String, Object>) browser.script("""
                var el = document.querySelector(arguments[0]), s = getComputedStyle(el);
                return {height: Math.round(el.getBoundingClientRect().height), fontSize: Math.round(parseFloat(s.fontSize)),
                        border: s.borderTopStyle + ' ' + s.borderTopWidth + ' ' + s.borderTopLeftRadius, padding: s.paddingLeft,
                        fullWidth: Math.abs(el.getBoundingClientRect().width - el.parentElement.getBoundingClientRect().width) < 1};""", css);
    }
}
