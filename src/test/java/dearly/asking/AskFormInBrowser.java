package dearly.asking;

import dearly.Browser;
import org.openqa.selenium.WebElement;

/** The ask form (or its edit form) as a mother fills it in Chromium: by the fields' names, as the server reads them. */
public record AskFormInBrowser(Browser browser) {

    public WebElement field(String name) {
        return browser.find("form.ask [name='" + name + "']");
    }

    public void type(String name, String text) {
        WebElement field = field(name);
        field.clear();
        field.sendKeys(text);
    }

    public void choose(String name, String value) {
        browser.find("form.ask input[name='" + name + "'][value='" + value + "']").click();
    }

    public String valueOf(String name) {
        return field(name).getDomProperty("value");
    }

    /** The value of the ticked radio button of that name, or null when none is. */
    public String chosen(String name) {
        return (String) browser.script("var checked = document.querySelector(\"form.ask input[name='\" + arguments[0] + \"']:checked\");"
                + " return checked && checked.value;", name);
    }
}
