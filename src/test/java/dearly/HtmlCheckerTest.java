package dearly;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The checker itself: it passes a valid page and catches what an invalid one gets wrong. */
class HtmlCheckerTest {
    private final HtmlChecker checker = new HtmlChecker();

    @Test
    void aValidPageHasNoErrors() {
        assertThat(checker.errors("<!DOCTYPE html><html lang=en><head><title>x</title></head><body><p>Hi</p></body></html>"))
                .isEmpty();
    }

    @Test
    void anInvalidPageHasItsErrorsListed() {
        assertThat(checker.errors("<!DOCTYPE html><html lang=en><head><title>x</title></head><body><p><div>Hi</p><a hre=x>y</a>"
                + "<ul><p>no</p></ul></body></html>"))
                .anySatisfy(error -> assertThat(error).contains("hre"))
                .anySatisfy(error -> assertThat(error).contains("ul"));
    }
}
