package dearly.letters;

import dearly.TestServer;
import dearly.language.Language;
import java.util.List;

/** Publishes a letter the way Dearly does (through {@link Publishing}, in one transaction), for tests of a letter's page. */
final class LetterFlow {
    private LetterFlow() {}

    /** A letter with that headline, published a second ago by the first advisor (one is added if there is none); its path. */
    static String publish(TestServer server, String headline, Language language) {
        Publishing publishing = new Publishing();
        var now = server.clock().get();
        String slug = "letter-" + System.nanoTime();
        server.server().database().write(handle -> {
            long advisor = handle.createQuery("SELECT MIN(id) FROM advisor").mapTo(Long.class).findOne()
                    .orElseGet(() -> publishing.addAdvisor(handle, "ana-r", "Ana R.", "", now));
            long topic = handle.createQuery("SELECT MIN(id) FROM topic").mapTo(Long.class).findOne()
                    .orElseGet(() -> publishing.addTopic(handle, "sleep", "Sleep", "Sueño"));
            return publishing.publish(handle, new Publishing.Draft(null, slug,
                    new Words(headline, "A standfirst.", "Dear one,", "You are doing well.", "Love,"),
                    "", advisor, List.of(topic), language, now.minusSeconds(1)), now);
        });
        return "/letters/" + slug;
    }
}
