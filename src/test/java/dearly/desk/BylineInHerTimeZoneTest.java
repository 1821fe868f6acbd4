package dearly.desk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dearly.RunningDearly;
import dearly.SignedIn;
import dearly.TestServer;
import dearly.accounts.Role;
import dearly.asking.AskFlow;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A child's age in the byline is counted on the mother's calendar: a question asked just before
 * midnight UTC is already tomorrow in Tokyo, and one asked just after is still yesterday in
 * Bogotá, and a baby whose month birthday falls between is a month older in one than in the other.
 */
class BylineInHerTimeZoneTest {
    @RegisterExtension
    final RunningDearly dearly = RunningDearly.server();
    private TestServer server; // started and stopped by dearly

    /** Moves Dearly's clock to this instant (it only moves forward, so the test picks one ahead). */
    private void at(Instant instant) {
        server.clock().advance(Duration.between(server.clock().get(), instant));
    }

    private String bylineOnTheDesk(String title, String country, String city, LocalDate born) {
        ObjectNode question = AskFlow.question().put("title", title).put("country", country).put("city", city);
        question.putArray("children").addObject().put("name", "Kenji").put("birth_date", born.toString()).put("sex", "boy");
        AskFlow.ask(server, question);
        String link = server.page("/desk").select(".queue li a").stream().filter(a -> a.text().equals(title))
                .findFirst().orElseThrow().attr("href");
        return server.page(link).selectFirst(".byline").text();
    }

    @Test
    void theChildsAgeIsCountedOnHerCalendarNotOnUtcs() {
        // The next 23:30 UTC whose next day is a day every month has, so "five months before" is one day exactly.
        LocalDate utcDay = LocalDate.now(ZoneOffset.UTC);
        while (utcDay.plusDays(1).getDayOfMonth() > 28 || !utcDay.atTime(23, 30).toInstant(ZoneOffset.UTC).isAfter(Instant.now())) {
            utcDay = utcDay.plusDays(1);
        }
        LocalDate nextDay = utcDay.plusDays(1);
        LocalDate monthBirthday = nextDay.minusMonths(5); // five months old on nextDay, four on utcDay
        // Signed in after the clock moves: a jump of more than twelve hours would end an idle session.
        at(utcDay.atTime(LocalTime.of(23, 30)).toInstant(ZoneOffset.UTC)); // 08:30 the next day in Tokyo
        SignedIn.as(server, Role.EDITOR);
        assertThat(bylineOnTheDesk("Asked on a morning in Tokyo", "JP", "Tokyo", monthBirthday))
                .contains("5-month-old baby boy Kenji");

        at(nextDay.atTime(LocalTime.of(0, 30)).toInstant(ZoneOffset.UTC)); // 19:30 the evening before in Bogotá
        assertThat(bylineOnTheDesk("Asked on an evening in Bogotá", "CO", "Bogotá", monthBirthday))
                .contains("4-month-old baby boy Kenji");
    }
}
